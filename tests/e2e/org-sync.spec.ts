import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { keyFingerprint, makeKeyPair, signManifest } from '../../electron/core/org/pack-manifest';
import {
  freePort,
  startSyncthing,
  SYNCTHING_BINARY,
  type SyncthingInstance,
} from '../helpers/syncthing-instance';
import {
  expect,
  holdByTouch,
  REPO_ROOT,
  startKiosk,
  startVisit,
  tapPin,
  test as base,
  TEST_PIN,
  type KioskProcess,
} from './fixtures';
import { expectNoAxeViolations, present } from './a11y';
import { expectFits } from './fits-check';
import { LARGEST, STAFF_FITS } from './fits-staff';
import { signInToConsole } from './staff-console-helpers';

/**
 * The Organisation section, end to end in the zh-HK console, against a real Syncthing for the
 * kiosk: load a join file, read its preview, join; a signed pack arrives in the content folder (as
 * Syncthing would put it there), is previewed with its new lesson's title, applied, seen by a
 * visitor, rolled back; a pack with one byte changed is refused and said in Data health; leaving
 * returns the section to "not joined". The hub is only a device id here: joining needs none running.
 */

const run = promisify(execFile);
const KIOSK_ID = 'ssw-kt-01';
const ORGANISATION = 'Smart Silver';
const CENTRE = '觀塘長者地區中心';
const NEW_LESSON = 'org-news';
const NEW_TITLE = '機構新課堂：認識八達通App';

const test = base.extend<{ syncthing: SyncthingInstance; root: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  root: async ({}, use) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'kiosk-org-e2e-'));
    await use(root);
    rmSync(root, { recursive: true, force: true });
  },
  syncthing: async ({ root }, use) => {
    const instance = await startSyncthing({ name: 'kiosk', root });
    try {
      await use(instance);
    } finally {
      await instance.stop();
    }
  },
  // The kiosk talks to the test's Syncthing and looks at its folders often, so the test waits little.
  kiosk: async ({ kioskNow, syncthing }, use) => {
    const running = await startKiosk(undefined, kioskNow, {
      KIOSK_SYNCTHING_HOME: syncthing.home,
      KIOSK_ORG_POLL_MS: '250',
    });
    try {
      await use(running.kiosk);
    } finally {
      await running.stop();
      rmSync(running.kiosk.dataDir, { recursive: true, force: true });
    }
  },
});

/** A real Syncthing device id for the hub (a generated identity that never runs). */
async function hubDeviceId(root: string): Promise<string> {
  const { stdout, stderr } = await run(SYNCTHING_BINARY, [
    'generate',
    '--home',
    path.join(root, 'hub-identity'),
    '--no-default-folder',
    '--skip-port-probing',
  ]);
  // It says the id on stdout or stderr depending on the logger's set-up.
  const id = /Device ID:\s*([A-Z0-9-]+)/.exec(`${stdout}\n${stderr}`)?.[1];
  if (!id) throw new Error(`syncthing generate printed no device id:\n${stdout}${stderr}`);
  return id;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Write a signed pack into the kiosk's content folder as Syncthing would leave it: the shipped
 * lessons plus one new lesson (a pack's lessons replace the shipped ones wholly). `tamper` changes
 * one byte of the new lesson after signing.
 */
function writePack(
  contentDir: string,
  options: { version: string; privateKeyPem: string; tamper?: boolean },
): void {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(path.join(contentDir, 'lessons'), { recursive: true });
  const files: { path: string; bytes: Buffer }[] = [];
  const shipped = path.join(REPO_ROOT, 'data/lessons');
  for (const name of readdirSync(shipped).filter((file) => file.endsWith('.json')))
    files.push({ path: `lessons/${name}`, bytes: readFileSync(path.join(shipped, name)) });
  const lesson = JSON.parse(readFileSync(path.join(shipped, 'free-wifi.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  lesson.id = NEW_LESSON;
  lesson.title = { 'zh-HK': NEW_TITLE, en: 'New from the organisation: the Octopus app' };
  delete lesson.startHere;
  files.push({ path: `lessons/${NEW_LESSON}.json`, bytes: Buffer.from(JSON.stringify(lesson, null, 2)) });

  const manifest = {
    kind: 'kiosk-content-pack',
    format: 1,
    organisation: ORGANISATION,
    version: options.version,
    created: '2026-12-09T01:00:00.000Z',
    files: files.map((file) => ({ path: file.path, size: file.bytes.length, sha256: sha256(file.bytes) })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  for (const file of files) {
    let bytes = file.bytes;
    if (options.tamper && file.path === `lessons/${NEW_LESSON}.json`) {
      // The same size, one letter different: only the hash can tell.
      bytes = Buffer.from(bytes);
      const at = bytes.indexOf('Wi-Fi');
      bytes[at] = 'w'.charCodeAt(0);
    }
    writeFileSync(path.join(contentDir, file.path), bytes);
  }
  writeFileSync(path.join(contentDir, 'manifest.json'), manifestBytes);
  writeFileSync(path.join(contentDir, 'manifest.sig'), signManifest(manifestBytes, options.privateKeyPem));
}

async function openOrgSection(page: Page, kiosk: KioskProcess): Promise<void> {
  await startVisit(page, kiosk, '繁體中文');
  await holdByTouch(page, 'centre-name', 3300);
  await tapPin(page, TEST_PIN);
  await present(page, LARGEST);
  await page.getByTestId('staff-section-org').tap();
}

test('a kiosk joins its organisation, previews, applies and rolls back a signed pack, refuses a changed one and leaves', async ({
  page,
  kiosk,
  syncthing,
  root,
}) => {
  test.setTimeout(300_000);
  const keys = makeKeyPair();
  const hubAddress = `tcp://127.0.0.1:${await freePort()}`;
  const joinFile = {
    kind: 'kiosk-join',
    format: 1,
    kioskId: KIOSK_ID,
    created: '2026-12-09T01:00:00.000Z',
    organisation: { name: ORGANISATION, publicKey: keys.publicKeyPem },
    hub: { deviceId: await hubDeviceId(root), name: 'smart-silver-hub', addresses: [hubAddress] },
    folders: { content: 'content', figures: `figures-${KIOSK_ID}` },
    centre: { name: CENTRE, district: 'J' },
  };

  await signInToConsole(page, kiosk, '繁體中文');
  // The largest text throughout: each state met on the way must fit and read clean.
  await present(page, LARGEST);
  await page.getByTestId('staff-section-org').tap();
  await expect(page.getByTestId('org-not-joined')).toContainText('這部資訊站現時獨立運作');
  await expect(page.getByTestId('org-syncthing')).toHaveAttribute('data-state', 'running');

  // The join file, by the upload the browser kiosk offers; its preview says who and what first.
  await page.getByTestId('org-join-file').setInputFiles({
    name: `${KIOSK_ID}.kiosk-join.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(joinFile)),
  });
  const preview = page.getByTestId('org-join-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('org-preview-organisation')).toHaveText(ORGANISATION);
  await expect(page.getByTestId('org-preview-centre')).toHaveText(CENTRE);
  await expect(page.getByTestId('org-preview-district')).toHaveText('觀塘區');
  await expect(page.getByTestId('org-preview-fingerprint')).toHaveText(keyFingerprint(keys.publicKeyPem));
  await expectFits(page, 'join preview', STAFF_FITS);
  await expectNoAxeViolations(page, 'join preview');
  await page.getByTestId('org-join-confirm').tap();

  await expect(page.getByTestId('org-joined')).toContainText(`屬於「${ORGANISATION}」`);
  await expect(page.getByTestId('org-kiosk-id')).toHaveText(KIOSK_ID);
  await expect(page.getByTestId('org-syncthing')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('org-current')).toHaveText('正在使用：資訊站附帶的內容。');
  // Syncthing now knows the hub and both folders, and calls itself after the kiosk.
  const config = await syncthing.client.getConfig();
  expect(config.devices.map((device) => device.deviceID)).toContain(joinFile.hub.deviceId);
  expect(config.folders.map((folder) => folder.id).sort()).toEqual(['content', `figures-${KIOSK_ID}`]);

  // Preview first: the pack waits for staff, with its new lesson by title.
  const previewMode = page.getByTestId('org-mode-preview');
  if ((await previewMode.getAttribute('aria-pressed')) !== 'true') await previewMode.tap();
  await expect(previewMode).toHaveAttribute('aria-pressed', 'true');
  const contentDir = path.join(kiosk.dataDir, 'org', 'content');
  writePack(contentDir, { version: '2', privateKeyPem: keys.privateKeyPem });
  await expect(page.getByTestId('org-pending')).toHaveAttribute('data-version', '2', { timeout: 60_000 });
  await expect(page.getByTestId('org-pending-lessons-added')).toHaveText(NEW_TITLE);
  await expectFits(page, 'pending pack', STAFF_FITS);
  await expectNoAxeViolations(page, 'pending pack');
  await page.getByTestId('org-pack-apply').tap();
  await expect(page.getByTestId('org-message')).toHaveText('第 2 版已經開始使用。');
  await expect(page.getByTestId('org-current')).toHaveAttribute('data-version', '2');
  await expect(page.getByTestId('org-pending')).toHaveCount(0);

  // A visitor's lesson list has it.
  await page.getByTestId('staff-sign-out').tap();
  await startVisit(page, kiosk, '繁體中文');
  await page.getByTestId('tile-lessons').tap();
  await expect(page.getByTestId(`lesson-card-${NEW_LESSON}`)).toContainText(NEW_TITLE);
  await page.getByRole('button', { name: '我用完了', exact: true }).tap();
  await page.getByRole('dialog').getByRole('button').first().tap();

  // Roll back asks first; then the lesson is gone for visitors.
  await openOrgSection(page, kiosk);
  await page.getByTestId('org-rollback').tap();
  await expect(page.getByRole('dialog')).toContainText('返回之前的內容？');
  await expectFits(page, 'roll back asked', STAFF_FITS);
  await page.getByTestId('org-rollback-yes').tap();
  await expect(page.getByTestId('org-message')).toHaveText('資訊站已再用之前的內容。');
  await expect(page.getByTestId('org-current')).toHaveText('正在使用：資訊站附帶的內容。');
  await expect(page.getByTestId('org-held')).toContainText('2');
  await page.getByTestId('staff-sign-out').tap();
  await startVisit(page, kiosk, '繁體中文');
  await page.getByTestId('tile-lessons').tap();
  await expect(page.getByTestId('lesson-card-touchscreen-basics')).toBeVisible();
  await expect(page.getByTestId(`lesson-card-${NEW_LESSON}`)).toHaveCount(0);
  await page.getByRole('button', { name: '我用完了', exact: true }).tap();
  await page.getByRole('dialog').getByRole('button').first().tap();

  // Version 3 with one byte changed after signing: refused, said in Data health, nothing changed.
  writePack(contentDir, { version: '3', privateKeyPem: keys.privateKeyPem, tamper: true });
  await openOrgSection(page, kiosk);
  const refused = page.getByTestId('org-refused').locator('li[data-reason="org.refusals.fileHashMismatch"]');
  await expect(refused).toContainText('第 3 版', { timeout: 90_000 });
  await expect(page.getByTestId('org-current')).toHaveText('正在使用：資訊站附帶的內容。');
  await expect(page.getByTestId('org-pending')).toHaveCount(0);
  await page.getByTestId('staff-section-health').tap();
  const inHealth = page.getByTestId('health-org-refused').locator('li').first();
  await expect(inHealth).toContainText('第 3 版');
  const sentence = (await inHealth.textContent()) ?? '';
  // The reason is a Chinese sentence from the locale files, not a key or English.
  expect(sentence).not.toContain('org.refusals');
  expect(sentence).toMatch(/[\u4e00-\u9fff]{4,}/);

  // Leave asks first; the section is back to "not joined" and Syncthing has let the hub go.
  await page.getByTestId('staff-section-org').tap();
  await page.getByTestId('org-leave').tap();
  await expect(page.getByRole('dialog')).toContainText(`退出「${ORGANISATION}」？`);
  await page.getByTestId('org-leave-yes').tap();
  await expect(page.getByTestId('org-message')).toHaveText('這部資訊站已退出機構。');
  await expect(page.getByTestId('org-not-joined')).toBeVisible();
  const after = await syncthing.client.getConfig();
  expect(after.devices.map((device) => device.deviceID)).not.toContain(joinFile.hub.deviceId);
  expect(after.folders).toEqual([]);
});
