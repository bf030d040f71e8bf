import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const found = findElectronBinary();
// A fixed instant (the kiosk's own clock), so the answer checked below never depends on today.
const KIOSK_NOW = '2026-12-09T10:30:00+08:00';

test.skip(!found.binary, `no Electron binary: ${found.missing}`);

test('the unpackaged Electron app shows the attract screen and window.kiosk answers app.info', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-'));
  const app = await electron.launch({
    executablePath: found.binary,
    // dist/electron/main.cjs through package.json's "main", as `npm start` runs it.
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_NOW },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('touch-to-start')).toBeVisible();
    const info = await page.evaluate(() =>
      (
        window as unknown as { kiosk: { invoke(method: string, input: unknown): Promise<unknown> } }
      ).kiosk.invoke('app.info', {}),
    );
    expect(info).toMatchObject({
      ok: true,
      value: { shell: 'electron', canExit: true, clock: { today: '2026-12-09' } },
    });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
