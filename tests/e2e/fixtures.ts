import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface KioskProcess {
  url: string;
  port: number;
  dataDir: string;
  /** Every request the page made that was not to the kiosk itself (should stay empty). */
  foreignRequests: string[];
  /**
   * The fixture's kiosk only: stop the process and start a new one on the same data folder (as
   * switching the kiosk off and on does); `url` and `port` then name the new one.
   */
  restart?: () => Promise<void>;
}

/**
 * Every end-to-end test runs on a fixed day by the kiosk's clock (KIOSK_NOW), never the machine's,
 * so what a test expects of "this month" or "today" cannot change with the date it runs on. A
 * Wednesday in the middle of a month, after the shipped content's dates; date-edge tests pick
 * their own with `test.use({ kioskNow })`.
 */
export const DEFAULT_KIOSK_NOW = '2026-12-09T10:30:00+08:00';

/**
 * Start the built browser kiosk (`dist/server/cli.mjs`) on a free port and a fresh data folder, its
 * clock starting at `now`; `env` adds to its environment (a test Syncthing's home, say).
 */
export async function startKiosk(
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-')),
  now: string = DEFAULT_KIOSK_NOW,
  env: NodeJS.ProcessEnv = {},
): Promise<{ kiosk: KioskProcess; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, process.env.KIOSK_DIST ?? 'dist', 'server/cli.mjs'),
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, KIOSK_NOW: now },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`kiosk did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Kiosk ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`kiosk exited with ${code}:\n${output}`)));
  });
  const kiosk: KioskProcess = { url, port: Number(new URL(url).port), dataDir, foreignRequests: [] };
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  };
  return { kiosk, stop };
}

/**
 * `kiosk`: a fresh kiosk per test. `page` is routed so any request outside 127.0.0.1 is aborted
 * and recorded; the test fails afterwards if there was one.
 */
export const test = base.extend<{ kiosk: KioskProcess; kioskNow: string }>({
  kioskNow: [DEFAULT_KIOSK_NOW, { option: true }],
  kiosk: async ({ kioskNow }, use) => {
    let running = await startKiosk(undefined, kioskNow);
    const kiosk = running.kiosk;
    kiosk.restart = async () => {
      await running.stop();
      running = await startKiosk(kiosk.dataDir, kioskNow);
      kiosk.url = running.kiosk.url;
      kiosk.port = running.kiosk.port;
    };
    await use(kiosk);
    await running.stop();
    rmSync(kiosk.dataDir, { recursive: true, force: true });
  },
  page: async ({ page, kiosk }, use) => {
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (
        url.protocol === 'data:' ||
        url.protocol === 'blob:' ||
        (url.hostname === '127.0.0.1' && url.port === String(kiosk.port))
      ) {
        return route.continue();
      }
      kiosk.foreignRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const policyViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    page.on('pageerror', (error) => policyViolations.push(`page error: ${error.message}`));
    await use(page);
    expect(kiosk.foreignRequests, 'the kiosk made requests outside 127.0.0.1').toEqual([]);
    expect(policyViolations, 'CSP violations or uncaught errors in the page').toEqual([]);
    const missing = await page
      .evaluate(() => [
        ...((window as unknown as { __kioskMissingKeys?: Set<string> }).__kioskMissingKeys ?? []),
      ])
      .catch(() => []);
    expect(missing, 'UI strings asked for but missing from the locale files').toEqual([]);
  },
});

export { expect };

/** Attract → language → home, by touch. */
export async function startVisit(page: Page, kiosk: KioskProcess, languageName = '繁體中文'): Promise<void> {
  await page.goto(kiosk.url);
  await page.getByTestId('touch-to-start').tap();
  await page.getByRole('button', { name: languageName, exact: true }).tap();
}

/** Call the kiosk's API as the page would (token from the served page). */
export async function api(
  page: Page,
  method: string,
  input: unknown,
  staffSession?: string,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return page.evaluate(
    async ([m, body, staff]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-kiosk-token': token };
      if (staff) headers['x-kiosk-staff'] = staff as string;
      const response = await fetch(`/api/${m as string}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      return response.json();
    },
    [method, input, staffSession] as const,
  );
}

/** Press and hold by touch for `ms` (Playwright's touchscreen only taps). */
export async function holdByTouch(page: Page, testId: string, ms: number): Promise<void> {
  const target = page.getByTestId(testId);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${testId} is not visible`);
  const init = {
    pointerType: 'touch',
    isPrimary: true,
    clientX: box.x + box.width / 2,
    clientY: box.y + box.height / 2,
  };
  // A handle, not the locator: a completed hold navigates away, and the release must not wait for
  // the element to come back.
  const handle = await target.elementHandle();
  await handle!.dispatchEvent('pointerdown', init);
  await page.waitForTimeout(ms);
  await handle!.dispatchEvent('pointerup', init).catch(() => undefined);
}

export const TEST_PIN = '246810';

/** Set the staff PIN through the API and return a staff session for further set-up. */
export async function setUpStaff(page: Page): Promise<string> {
  return (await setUpStaffWithRecoveryCode(page)).session;
}

/**
 * As setUpStaff, also returning the recovery code the first set-up makes. Made here, the code is
 * stored, so later sign-ins by touch go straight to the console (no "keep this code" card).
 */
export async function setUpStaffWithRecoveryCode(
  page: Page,
): Promise<{ session: string; recoveryCode: string }> {
  const result = await api(page, 'staff.setup', { pin: TEST_PIN, confirm: TEST_PIN });
  if (!result.ok) throw new Error(`staff.setup failed: ${JSON.stringify(result.error)}`);
  const value = result.value as { session: string; recoveryCode: string | null };
  if (!value.recoveryCode) throw new Error('staff.setup made no recovery code');
  return { session: value.session, recoveryCode: value.recoveryCode };
}

/** Tap the six digits of a PIN on the kiosk's PIN pad. */
export async function tapPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).tap();
}
