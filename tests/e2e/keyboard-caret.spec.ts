import type { Locator, Page } from '@playwright/test';
import { expect, startVisit, test } from './fixtures';
import { pickCandidate, writeCharacter } from './handwriting-helpers';
import { openDirectory, prepareKiosk } from './hotspots-helpers';

/**
 * The kiosk's own keyboard writes where the caret is, as a hardware keyboard does: a typo in the
 * middle of the Wi-Fi search is mended by touching the box there and tapping the key, and a
 * character written on the pad goes in at the caret too.
 */

/** Tap `box` by touch just before its `index`-th UTF-16 unit, measured in the box's own font. */
async function tapBefore(page: Page, box: Locator, index: number): Promise<void> {
  const x = await box.evaluate((element, at) => {
    const input = element as HTMLInputElement;
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    const rect = input.getBoundingClientRect();
    const start = rect.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    return start - input.scrollLeft + context.measureText(input.value.slice(0, at)).width;
  }, index);
  const rect = (await box.boundingBox())!;
  await page.touchscreen.tap(x, rect.y + rect.height / 2);
}

async function caret(box: Locator): Promise<[number | null, number | null, boolean]> {
  return box.evaluate((element) => {
    const input = element as HTMLInputElement;
    return [input.selectionStart, input.selectionEnd, document.activeElement === input];
  });
}

async function tapKey(page: Page, name: string): Promise<void> {
  await page.getByTestId('hotspots-keyboard').getByRole('button', { name, exact: true }).tap();
}

test.beforeEach(async ({ page, kiosk }) => {
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk);
  await openDirectory(page);
  await page.getByTestId('hotspots-search').tap();
});

test('a key tapped after touching the middle of the Wi-Fi search goes in there, the next key after it, and backspace deletes there', async ({
  page,
}) => {
  const box = page.getByRole('textbox', { name: '你的搜尋：' });
  await page.getByTestId('keyboard-mode-abc').tap();
  for (const key of 'shtin') await tapKey(page, key);
  await expect(box).toHaveValue('shtin');

  await tapBefore(page, box, 2);
  await expect.poll(() => caret(box)).toEqual([2, 2, true]);
  await tapKey(page, 'a');
  await expect(box).toHaveValue('shatin');
  await tapKey(page, 'x');
  await expect(box).toHaveValue('shaxtin');
  // The keys took no focus: the caret is still in the box, after what was typed.
  expect(await caret(box)).toEqual([4, 4, true]);
  await tapKey(page, '刪除');
  await expect(box).toHaveValue('shatin');
  expect(await caret(box)).toEqual([3, 3, true]);
  await tapKey(page, '空格');
  await expect(box).toHaveValue('sha tin');
});

test('a character written on the pad goes in at the caret', async ({ page }) => {
  const box = page.getByRole('textbox', { name: '你的搜尋：' });
  const pad = page.getByTestId('handwriting-pad');
  await writeCharacter(page, pad, '田');
  await pickCandidate(page, '田');
  await expect(box).toHaveValue('田');

  await tapBefore(page, box, 0);
  await expect.poll(() => caret(box)).toEqual([0, 0, true]);
  await writeCharacter(page, pad, '沙');
  await pickCandidate(page, '沙');
  await expect(box).toHaveValue('沙田');
  expect(await caret(box)).toEqual([1, 1, true]);
});
