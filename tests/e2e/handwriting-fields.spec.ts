import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, startVisit, test } from './fixtures';
import { openDirectory, prepareKiosk, resultCards } from './hotspots-helpers';
import { signInToConsole } from './staff-console-helpers';

/** The e2e dataset (data/hotspots-sample.json) has three places in Sha Tin district. */
const SHA_TIN_VENUES = ['NPL-004', 'WTT-182', 'NPL-014'];

async function expectShaTinVenues(page: Page): Promise<void> {
  await expect(resultCards(page).first()).toBeVisible();
  const ids = await resultCards(page).evaluateAll((cards) => cards.map((card) => card.dataset.venueId));
  expect(ids.length).toBeGreaterThanOrEqual(2);
  for (const id of ids) expect(SHA_TIN_VENUES, `${id} is not in Sha Tin`).toContain(id);
  expect(ids).toContain('NPL-004');
}

/**
 * Every text field takes what people write: Chinese by finger on the kiosk's own keyboard, and, for
 * staff at a desk, a physical keyboard and the system's input method (page.keyboard.insertText
 * stands for an IME committing its text, which arrives as input without key presses).
 */

test('staff type the centre name on a physical keyboard, Chinese through an input method, and the attract screen shows it', async ({
  page,
  kiosk,
}) => {
  await signInToConsole(page, kiosk, '繁體中文');
  await page.getByRole('button', { name: '中心設定', exact: true }).tap();

  const zh = page.getByTestId('field-name-zh-HK');
  await zh.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('樂富');
  await page.keyboard.type(' ');
  await page.keyboard.insertText('長者中心');
  await expect(zh).toHaveValue('樂富 長者中心');

  const en = page.getByTestId('field-name-en');
  await en.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Lok Fu Elderly Centre');
  await expect(en).toHaveValue('Lok Fu Elderly Centre');

  await page.getByTestId('save-settings').click();
  await expect(page.getByText('已儲存。')).toBeVisible();
  const saved = JSON.parse(readFileSync(`${kiosk.dataDir}/settings.json`, 'utf8')) as {
    public: { centreName: Record<string, string> };
  };
  expect(saved.public.centreName['zh-HK']).toBe('樂富 長者中心');
  expect(saved.public.centreName.en).toBe('Lok Fu Elderly Centre');

  await page.getByTestId('staff-sign-out').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expect(page.getByTestId('centre-name')).toHaveText('樂富 長者中心');
});

test('the Wi-Fi search takes a physical keyboard and an input method: nothing is searched mid-composition, Enter shows places', async ({
  page,
  kiosk,
}) => {
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk);
  await openDirectory(page);
  await page.getByTestId('hotspots-search').tap();
  const box = page.getByRole('textbox', { name: '你的搜尋：' });
  await box.click();
  await page.keyboard.type('lai');
  await expect(box).toHaveValue('lai');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');

  // An input method's unfinished text: Enter picks the IME's word, it does not leave the screen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'sa', selectionStart: 2, selectionEnd: 2 });
  await expect(box).toHaveValue('sa');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hotspots-search-screen')).toBeVisible();
  await page.keyboard.insertText('沙田');
  await expect(box).toHaveValue('沙田');

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hotspots-search-screen')).toHaveCount(0);
  await expectShaTinVenues(page);
});
