import { expect, holdByTouch, startVisit, test } from './fixtures';

test('attract → language → home, and every toolbar control works by touch', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  // The invitation speaks all three languages before anyone has chosen one.
  await expect(page.getByText('請輕觸螢幕開始')).toBeVisible();
  await expect(page.getByText('Touch the screen to start')).toBeVisible();
  await expect(page.getByText('请轻触屏幕开始')).toBeVisible();

  await page.getByTestId('touch-to-start').tap();
  await expect(page.getByRole('heading', { name: '請選擇語言' })).toBeVisible();
  await page.getByRole('button', { name: 'English', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Home and Back do nothing on the home screen, and say so by being disabled.
  await expect(page.getByRole('button', { name: 'Home' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Back' })).toBeDisabled();

  // Text size: three steps, then round again; the root size grows each time.
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(await rootSize()).toBe(24);
  await page.getByTestId('text-size').tap();
  expect(await rootSize()).toBe(30);
  await page.getByTestId('text-size').tap();
  expect(await rootSize()).toBe(36);
  await page.getByTestId('text-size').tap();
  expect(await rootSize()).toBe(24);

  // High contrast.
  await page.getByRole('button', { name: 'Contrast' }).tap();
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(0, 0, 0)');
  await page.getByRole('button', { name: 'Contrast' }).tap();
  await expect(page.locator('html')).not.toHaveClass(/high-contrast/);

  // Read aloud: espeak-ng has Cantonese, Mandarin and English voices, so the control shows and speaks.
  const readAloud = page.getByTestId('read-aloud');
  await expect(readAloud).toBeVisible();
  await readAloud.tap();
  await expect(readAloud).toHaveAttribute('aria-pressed', 'true');
  await readAloud.tap();
  await expect(readAloud).toHaveAttribute('aria-pressed', 'false');

  // Language: switch to 繁體中文 and 简体中文 from the toolbar.
  await page.getByTestId('language-button').tap();
  await page.getByRole('button', { name: '繁體中文', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '你想做甚麼？' })).toBeVisible();
  await page.getByTestId('language-button').tap();
  await page.getByRole('button', { name: '简体中文', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '你想做什么？' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // I'm finished: confirm, then everything is back to the start.
  await page.getByTestId('text-size').tap();
  await page.getByRole('button', { name: '我用完了' }).tap();
  await page.getByRole('button', { name: '是，我用完了' }).tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '1');
});

test('"I\'m finished" can be cancelled without losing the place', async ({ page, kiosk }) => {
  await startVisit(page, kiosk, 'English');
  await page.getByRole('button', { name: "I'm finished" }).tap();
  await page.getByRole('button', { name: 'No, go back' }).tap();
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
});

test('a visit is counted anonymously: language and date only', async ({ page, kiosk }) => {
  await startVisit(page, kiosk, 'English');
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
  const { readFileSync } = await import('node:fs');
  await expect.poll(() => readFileSync(`${kiosk.dataDir}/activity.json`, 'utf8')).toContain('"visit"');
  const activity = JSON.parse(readFileSync(`${kiosk.dataDir}/activity.json`, 'utf8')) as {
    tallies: Record<string, unknown>[];
  };
  expect(activity.tallies).toEqual([
    {
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      event: 'visit',
      subject: '',
      detail: '',
      language: 'en',
      count: 1,
    },
  ]);
});

test('a short tap on the centre name does not open staff entry', async ({ page, kiosk }) => {
  await startVisit(page, kiosk, 'English');
  await holdByTouch(page, 'centre-name', 300);
  await page.waitForTimeout(3000);
  await expect(page.getByRole('heading', { name: 'Staff entry' })).toHaveCount(0);
});
