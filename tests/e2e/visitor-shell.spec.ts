import { expect, holdByTouch, startVisit, test } from './fixtures';
import { PANEL_SIZES, setTextSize, TEXT_SIZES } from './panel-sizes';

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

test('the toolbar never takes more than 12% of the height, in one row where the panel is short', async ({
  page,
  kiosk,
}) => {
  await startVisit(page, kiosk, 'English');
  await expect(page.getByTestId('read-aloud')).toBeVisible();
  const toolbar = page.getByRole('navigation');
  const heights: string[] = [];
  const over: string[] = [];
  for (const viewport of PANEL_SIZES) {
    await page.setViewportSize(viewport);
    for (const size of TEXT_SIZES) {
      await setTextSize(page, size);
      const box = (await toolbar.boundingBox())!;
      const tops = await toolbar
        .getByRole('button')
        .evaluateAll((buttons) => [
          ...new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))),
        ]);
      const cell = `${viewport.width}x${viewport.height} text ${size}: ${Math.round(box.height)} px`;
      heights.push(cell);
      if (box.height > 0.12 * viewport.height) over.push(cell);
      // Landscape panels are the short ones: one row there, the same seven controls.
      if (viewport.width > viewport.height && tops.length !== 1) over.push(`${cell} in ${tops.length} rows`);
      const small = await toolbar
        .getByRole('button')
        .evaluateAll(
          (buttons) =>
            buttons.filter(
              (b) => b.getBoundingClientRect().width < 64 || b.getBoundingClientRect().height < 64,
            ).length,
        );
      if (small > 0) over.push(`${cell}: ${small} buttons under 64x64`);
    }
  }
  console.log(`toolbar heights:\n${heights.join('\n')}`);
  expect(over).toEqual([]);
});

test('all four home tiles are fully in view at every panel and text size', async ({ page, kiosk }) => {
  for (const [language, heading] of [
    ['繁體中文', '你想做甚麼？'],
    ['English', 'What would you like to do?'],
  ] as const) {
    await startVisit(page, kiosk, language);
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    const missing: string[] = [];
    for (const viewport of PANEL_SIZES) {
      await page.setViewportSize(viewport);
      for (const size of TEXT_SIZES) {
        await setTextSize(page, size);
        const cut = await page.evaluate(() => {
          const toolbarTop = document.querySelector('nav')!.getBoundingClientRect().top;
          return [...document.querySelectorAll<HTMLElement>('[data-testid^="tile-"]')]
            .filter((tile) => {
              const r = tile.getBoundingClientRect();
              const outside = r.top < 0 || r.left < 0 || r.right > innerWidth || r.bottom > toolbarTop;
              // A tile whose own text spills out of it is cut too.
              return outside || tile.scrollHeight > tile.clientHeight + 1;
            })
            .map((tile) => tile.dataset.testid);
        });
        const tiles = await page.locator('[data-testid^="tile-"]').count();
        if (tiles !== 4 || cut.length > 0)
          missing.push(
            `${language} ${viewport.width}x${viewport.height} text ${size}: ${tiles} tiles, cut ${cut.join(', ')}`,
          );
      }
    }
    expect(missing).toEqual([]);
    // They are the screen's main action, which the fits check looks for.
    await expect(page.locator('[data-testid^="tile-"][data-primary-action]')).toHaveCount(4);
    await page.setViewportSize(PANEL_SIZES[0]);
  }
});

test('Home and Back look disabled on the home screen, and a tap on one says why', async ({ page, kiosk }) => {
  await startVisit(page, kiosk, 'English');
  const home = page.getByRole('button', { name: 'Home', exact: true });
  for (const highContrast of [false, true]) {
    await page.evaluate((hc) => document.documentElement.classList.toggle('high-contrast', hc), highContrast);
    const look = await home.evaluate((button) => {
      const style = getComputedStyle(button);
      return { border: style.borderTopStyle, fill: style.backgroundImage, color: style.color };
    });
    // Dashed and hatched: not colour alone.
    expect(look.border).toBe('dashed');
    expect(look.fill).toContain('repeating-linear-gradient');
    const enabled = await page
      .getByRole('button', { name: 'Contrast' })
      .evaluate((button) => getComputedStyle(button).borderTopStyle);
    expect(enabled).toBe('solid');
  }
  await page.evaluate(() => document.documentElement.classList.remove('high-contrast'));

  // Playwright will not tap an aria-disabled control by itself; a finger will.
  await home.tap({ force: true });
  const reason = page.getByRole('status').filter({ hasText: 'You are already on the home page.' });
  await expect(reason).toBeVisible();
  // Beside the control it explains, above it since the toolbar is at the bottom.
  const reasonBox = (await reason.boundingBox())!;
  const homeBox = (await home.boundingBox())!;
  expect(reasonBox.y + reasonBox.height).toBeLessThanOrEqual(homeBox.y);
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();

  await page.getByRole('button', { name: 'Back', exact: true }).tap({ force: true });
  await expect(page.getByRole('status').filter({ hasText: 'there is no page to go back to' })).toBeVisible();

  // In a capability both work, and look like it.
  await page.getByTestId('tile-lessons').tap();
  await expect(home).not.toHaveAttribute('aria-disabled', 'true');
  expect(await home.evaluate((button) => getComputedStyle(button).borderTopStyle)).toBe('solid');
  await home.tap();
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
});

test("every toolbar button's accessible name holds its visible label, in every language", async ({
  page,
  kiosk,
}) => {
  for (const language of ['繁體中文', 'English', '简体中文']) {
    await startVisit(page, kiosk, language);
    await expect(page.getByTestId('read-aloud')).toBeVisible();
    const buttons = page.getByRole('navigation').getByRole('button');
    for (let i = 0; i < (await buttons.count()); i += 1) {
      const visible = (await buttons.nth(i).innerText()).replace(/\s+/g, ' ').trim();
      // Voice control users say what they see: the name must contain it.
      await expect(buttons.nth(i)).toHaveAccessibleName(new RegExp(escapeRegExp(visible)));
    }
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
