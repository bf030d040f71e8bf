import type { Locator, Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { agreeToStatement, signInToConsole, typeOnScreen } from './staff-console-helpers';

/**
 * A zh-HK console says every refusal and every log entry in Chinese (the core sends reasons and
 * params, never the words), and says it next to the control it is about.
 */

/** An English sentence: two words of letters in a row ("not valid", "already on"). */
const ENGLISH_SENTENCE = /[A-Za-z]{4,} [a-z]{3,}/;

/** Pixels from the bottom of the control to the top of its message. */
async function gapBelow(control: Locator, message: Locator): Promise<number> {
  const a = (await control.boundingBox())!;
  const b = (await message.boundingBox())!;
  return b.y - (a.y + a.height);
}

async function openSection(page: Page, id: string): Promise<void> {
  await page.getByTestId(`staff-section-${id}`).tap();
}

test('the zh-HK staff console says a duplicate nickname, a bad Wi-Fi file and a settings change in Chinese, the import error beside the file button', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const session = await signInToConsole(page, kiosk, '繁體中文');

  // A duplicate nickname: said with the nickname, in Chinese, inside the dialog.
  const created = await api(
    page,
    'staff.groups.create',
    { title: '平板班', date: '2026-12-09', place: '', lessonIds: ['free-wifi'] },
    session,
  );
  const id = (created.value as { id: string }).id;
  await api(
    page,
    'staff.groups.participants.add',
    { id, kind: 'nickname', label: 'may', picsAgreed: true },
    session,
  );
  await openSection(page, 'groups');
  await page.getByRole('button', { name: /平板班/ }).tap();
  await page.getByTestId('participant-start').tap();
  // "I agree" works once the whole statement has been on screen.
  await page.getByTestId('pics-statement').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await agreeToStatement(page);
  await page.getByTestId('participant-label').tap();
  await typeOnScreen(page, 'may');
  await page.getByTestId('participant-add').tap();
  const duplicate = page.getByTestId('participant-error');
  await expect(duplicate).toContainText('may 已經在名單上');
  expect(await duplicate.textContent()).not.toMatch(ENGLISH_SENTENCE);
  await page.getByRole('dialog').getByRole('button', { name: '取消', exact: true }).tap();

  // A JSON file that is not a list of places: why, in Chinese, right under the file button.
  await openSection(page, 'hotspots');
  // Bytes, not a path: a local browser reads a chosen file only when the page asks for it.
  // Where a finger would have touched it (setInputFiles does not scroll).
  await page.getByTestId('hotspots-file').locator('..').scrollIntoViewIfNeeded();
  await page.getByTestId('hotspots-file').setInputFiles({
    name: 'fixed-wi-fi-hk-locations.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"LocationID": "1"}'),
  });
  const message = page.getByTestId('hotspots-staff-message');
  await expect(message).toContainText('這個檔案不能使用');
  await expect(page.getByTestId('hotspots-staff-detail')).toHaveText(
    '這個檔案是 JSON，但不是 Wi-Fi.HK 地點清單。',
  );
  expect(await message.textContent()).not.toMatch(ENGLISH_SENTENCE);
  const fileButton = page.getByTestId('hotspots-file').locator('..');
  const gap = await gapBelow(fileButton, message);
  console.log(`[staff-messages] import error ${Math.round(gap)} px below the file button`);
  expect(gap).toBeGreaterThanOrEqual(0);
  expect(gap).toBeLessThan(40);
  await expect(message).toBeInViewport();

  // A settings change: saved beside the save button; the log names the one field in Chinese.
  await openSection(page, 'settings');
  await page.getByTestId('field-name-en').tap();
  await typeOnScreen(page, 'x');
  const save = page.getByTestId('save-settings');
  await save.tap();
  const saved = page.locator('.save .status-note');
  await expect(saved).toHaveText('已儲存。');
  expect(await gapBelow(save, saved)).toBeLessThan(40);

  await openSection(page, 'staff-log');
  const newest = page.getByTestId('staff-log').locator('li').first();
  await expect(newest).toContainText('更改設定');
  await expect(newest.getByTestId('staff-log-detail')).toHaveText('已更改：中心名稱');
  const log = (await page.getByTestId('staff-log').textContent()) ?? '';
  expect(log).not.toContain('centreName');
  expect(log).not.toMatch(ENGLISH_SENTENCE);
});
