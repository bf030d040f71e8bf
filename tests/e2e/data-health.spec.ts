import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, holdByTouch, setUpStaff, startKiosk, tapPin, test, TEST_PIN } from './fixtures';

// Above any pid_max: a writer that was killed mid-write and is long gone.
const DEAD_PID = 99_999_999;

// Its own kiosk on a prepared folder, so its own page: the fixture's page is routed to the fixture's kiosk only.
test('a kiosk that starts on a damaged data folder says what happened in Chinese, with the free space', async ({
  browser,
}) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-health-'));
  // activity.json is a folder (a botched copy) and has no backup; two temp files from killed writes.
  mkdirSync(path.join(dataDir, 'activity.json'));
  writeFileSync(path.join(dataDir, `.settings.json.${DEAD_PID}.1764550000000.tmp`), '{"half":');
  writeFileSync(path.join(dataDir, `.activity.json.${DEAD_PID}.1764550000001.tmp`), '{"half":');
  const { kiosk, stop } = await startKiosk(dataDir);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
    locale: 'zh-HK',
    timezoneId: 'Asia/Hong_Kong',
  });
  const page = await context.newPage();
  try {
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await page.goto(kiosk.url);
    await setUpStaff(page);
    await holdByTouch(page, 'centre-name', 3300);
    await tapPin(page, TEST_PIN);
    await expect(page.getByRole('heading', { name: '職員控制台' })).toBeVisible();
    await page.getByRole('button', { name: '資料狀況' }).tap();

    const events = page.getByTestId('health-events');
    await expect(events).toContainText(
      'activity.json 無法使用（檔案的位置是一個資料夾），已另存為 activity.corrupt-',
    );
    await expect(events).toContainText('activity.json：沒有完好的副本，已重設為預設值。');
    await expect(events).toContainText('啟動時已移除 2 個因儲存中斷而留下的暫存檔。');
    await expect(page.getByTestId('health-disk')).toContainText(
      /資料磁碟可用空間：[\d.]+ MB（共 [\d.]+ MB）/,
    );
    // Codes and parameters from the core, sentences from the locale files: no English on this screen.
    const text = (await events.innerText()).replace(/[\w.-]+\.json/g, '');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    const missing = await page.evaluate(() => [
      ...(window as unknown as { __kioskMissingKeys: Set<string> }).__kioskMissingKeys,
    ]);
    expect(missing, 'UI strings asked for but missing from the locale files').toEqual([]);
  } finally {
    await context.close();
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
