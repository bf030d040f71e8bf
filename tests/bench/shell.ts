/**
 * Shell benchmark: renderer bundle size (gzip), cold start of the browser kiosk (process start →
 * attract screen interactive, median of 5) and tap → next screen painted from the home screen
 * (median and p95 of 30). Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { REPO_ROOT, startKiosk } from '../e2e/fixtures';
import { installTapTiming, tapFigures, timeTap, type TapTiming } from './interactions';
import { median, round } from './stats';

/** The home screen has gone: its tiles are no longer on the page. */
const HOME_GONE = `!document.querySelector('[data-testid^="tile-"]')`;

const DIST = path.join(REPO_ROOT, process.env.KIOSK_DIST ?? 'dist');

export function bundleSizes(): Record<string, string> {
  const renderer = path.join(DIST, 'renderer');
  const assets = path.join(renderer, 'assets');
  const measure = (files: string[]) =>
    files.reduce(
      (acc, f) => {
        const bytes = readFileSync(path.join(assets, f));
        return { raw: acc.raw + bytes.length, gzip: acc.gzip + gzipSync(bytes, { level: 9 }).length };
      },
      { raw: 0, gzip: 0 },
    );
  const all = readdirSync(assets);
  // What the attract screen needs: the entry script and what index.html preloads with it. The
  // capability chunks follow while the kiosk waits on that screen.
  const html = readFileSync(path.join(renderer, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const kb = (n: number) => round(n / 1024);
  const initialJs = measure(initial);
  const allJs = measure(all.filter((f) => f.endsWith('.js')));
  const css = measure(all.filter((f) => f.endsWith('.css')));
  return {
    'renderer JS for the attract screen, gzip (KB) [budget 150]': `${kb(initialJs.gzip)} (raw ${kb(initialJs.raw)})`,
    'renderer JS in all, every capability chunk, gzip (KB)': `${kb(allJs.gzip)} (raw ${kb(allJs.raw)}, ${all.filter((f) => f.endsWith('.js')).length} files)`,
    'renderer CSS in all, gzip (KB)': `${kb(css.gzip)} (raw ${kb(css.raw)})`,
  };
}

/** Process spawn → "Kiosk ready" → page loaded → the attract button can be tapped. */
async function coldStart(page: Page): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-cold-'));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(DIST, 'server/cli.mjs'), '--port', '0', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Kiosk ready at (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
  });
  await page.goto(url);
  await page.getByTestId('touch-to-start').waitFor({ state: 'visible' });
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="centre-name"]')?.textContent?.trim(),
  );
  const elapsed = performance.now() - started;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
  return elapsed;
}

export async function runShellBench(): Promise<Record<string, string | number>> {
  const figures: Record<string, string | number> = { ...bundleSizes() };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    await coldStart(page); // warm the OS caches once; the figure is the next five
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) starts.push(await coldStart(page));
    figures['cold start to attract interactive, median of 5 (ms) [budget 1500]'] = round(median(starts));

    const { kiosk, stop } = await startKiosk();
    await page.goto(kiosk.url);
    await page.getByTestId('touch-to-start').tap();
    await page.getByRole('button', { name: 'English', exact: true }).tap();
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor();
    const tiles = page.locator('[data-testid^="tile-"]');
    const tileCount = await tiles.count();
    await installTapTiming(page);
    const timings: TapTiming[] = [];
    for (let i = 0; i < 30; i++) {
      // Home → a screen: each home tile in turn, or the language dialog while no capability exists.
      if (tileCount > 0) timings.push(await timeTap(page, HOME_GONE, () => tiles.nth(i % tileCount).tap()));
      else
        timings.push(
          await timeTap(page, `document.querySelector('[role="dialog"]')`, () =>
            page.getByTestId('language-button').tap(),
          ),
        );
      if (tileCount > 0)
        await page
          .getByRole('navigation', { name: 'Kiosk controls' })
          .getByRole('button', { name: 'Home', exact: true })
          .tap();
      else await page.getByRole('button', { name: 'Cancel' }).tap();
      await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor();
      await page.waitForTimeout(50);
    }
    const target = tileCount > 0 ? `home → ${tileCount} capability screens` : 'home → language dialog';
    Object.assign(figures, tapFigures(`tap, ${target} (30)`, timings));
    await stop();
    rmSync(kiosk.dataDir, { recursive: true, force: true });
  } finally {
    await browser.close();
  }
  return figures;
}
