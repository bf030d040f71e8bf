import type { Page } from '@playwright/test';
import { contrastRatio } from '../../renderer/src/accessibility/contrast';
import { expectTouchTargets, present } from './a11y';
import {
  axeRulesFailingInBeforeBox,
  BEFORE_BOX,
  cssColourToHex,
  DEMO_IDS,
  expectAxeCleanOutsideBeforeBox,
  expectMinTextSizeOutsideBeforeBox,
  expectWholeScreenAxeClean,
  fontSizeOf,
  openDemo,
  showAfter,
  type DemoId,
} from './accessibility-helpers';
import { api, expect, setUpStaff, startVisit, test } from './fixtures';

const LANGUAGES = [
  { code: 'zh-HK', name: '繁體中文', noName: '沒有名稱', search: '搜尋' },
  { code: 'en', name: 'English', noName: 'no name', search: 'Search' },
  { code: 'zh-CN', name: '简体中文', noName: '没有名称', search: '搜索' },
] as const;
type Language = (typeof LANGUAGES)[number];

/** The kiosk stays patient while the checks run (each takes longer than a visitor's idle time). */
async function patientKiosk(page: Page, kiosk: { url: string }): Promise<void> {
  await page.goto(kiosk.url);
  const session = await setUpStaff(page);
  await api(page, 'staff.settings.update', { idleSeconds: 900 }, session);
}

async function openDemosFromHome(page: Page): Promise<void> {
  await page.getByTestId('tile-accessibility').tap();
  await expect(page.getByTestId('demo-card-text-size')).toBeVisible();
}

/** What each "before" must show: an axe rule it breaks, or a measured value past the threshold. */
const BEFORE_FAILS: Record<DemoId, (page: Page, language: Language) => Promise<void>> = {
  'text-size': async (page) => {
    expect(await fontSizeOf(page, '[data-testid="notice-body"]')).toBeLessThan(24);
    // Bigger text with the kiosk's own control: the body stays small, the heading is cut off.
    await page.getByTestId('demo-text-size').tap();
    await page.getByTestId('demo-text-size').tap();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', '3');
    expect(await fontSizeOf(page, '[data-testid="notice-body"]')).toBeLessThan(24);
    const clipped = await page
      .getByTestId('notice-title')
      .evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(clipped, 'the before heading is cut off at text size 3').toBe(true);
    await page.getByTestId('demo-text-size').tap();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', '1');
  },
  contrast: async (page) => {
    expect(await axeRulesFailingInBeforeBox(page)).toContain('color-contrast');
    expect(Number(await page.getByTestId('contrast-ratio').getAttribute('data-ratio'))).toBeLessThan(4.5);
    const colour = cssColourToHex(
      await page.getByTestId('contrast-sample').evaluate((el) => getComputedStyle(el).color),
    );
    expect(contrastRatio(colour, '#ffffff')).toBeLessThan(4.5);
  },
  'colour-alone': async (page) => {
    const rows = page.locator(`${BEFORE_BOX} [data-status]`);
    await expect(rows).toHaveCount(3);
    const texts = await rows.allInnerTexts();
    // Only the lift names: nothing but colour says which one is out of service.
    expect(new Set(texts.map((text) => text.replace(/[A-C]\s*$/, '').trim())).size).toBe(1);
    const dots = await rows.evaluateAll((items) =>
      items.map((item) => getComputedStyle(item.querySelector('.dot')!).backgroundColor),
    );
    expect(new Set(dots).size).toBe(2);
  },
  'low-vision': async (page) => {
    await page.getByTestId('low-vision-none').tap();
    expect(await axeRulesFailingInBeforeBox(page)).toContain('color-contrast');
    const border = await page
      .locator(`${BEFORE_BOX} [data-testid="live-screen"] button`)
      .first()
      .evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(contrastRatio(cssColourToHex(border), '#ffffff'), 'tile outlines under 3:1').toBeLessThan(3);
  },
  'touch-targets': async (page) => {
    expect(await axeRulesFailingInBeforeBox(page)).toContain('target-size');
    const box = await page.locator(`${BEFORE_BOX} [data-key="5"]`).boundingBox();
    expect(box!.width).toBeLessThan(24);
    expect(box!.height).toBeLessThan(24);
  },
  'screen-readers': async (page, language) => {
    const rules = await axeRulesFailingInBeforeBox(page);
    expect(rules).toContain('button-name');
    expect(rules).toContain('image-alt');
    await expect(page.getByTestId('reader-line').filter({ hasText: language.noName })).toHaveCount(4);
  },
  forms: async (page) => {
    const inputs = page.locator(`${BEFORE_BOX} input`);
    await expect(inputs).toHaveCount(2);
    const labelled = await inputs.evaluateAll((els) =>
      els.map(
        (el) => ((el as HTMLInputElement).labels?.length ?? 0) + (el.hasAttribute('aria-labelledby') ? 1 : 0),
      ),
    );
    expect(labelled, 'placeholder-only fields: no label').toEqual([0, 0]);
    await page.getByTestId('form-send').tap();
    const error = page.getByTestId('form-error');
    await expect(error).toBeVisible();
    // One vague word, not tied to any field.
    expect((await error.innerText()).trim().length).toBeLessThan(6);
    expect(
      await inputs.evaluateAll(
        (els) =>
          els.filter((el) => el.hasAttribute('aria-describedby') || el.hasAttribute('aria-invalid')).length,
      ),
    ).toBe(0);
  },
  'time-and-motion': async (page) => {
    expect(await axeRulesFailingInBeforeBox(page)).toContain('marquee');
    await expect(
      page.locator(
        `${BEFORE_BOX} [data-testid="more-time"], ${BEFORE_BOX} [data-testid="no-limit"], ${BEFORE_BOX} [data-testid="banner-pause"]`,
      ),
    ).toHaveCount(0);
    const seconds = Number(await page.getByTestId('time-left').getAttribute('data-seconds'));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(20);
  },
  captions: async (page) => {
    await page.getByTestId('clip-play').tap();
    await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'true');
    await page.waitForTimeout(1600);
    await expect(
      page.locator(
        `${BEFORE_BOX} [data-testid="caption"], ${BEFORE_BOX} [data-testid="caption-text"], ${BEFORE_BOX} [data-testid="transcript"]`,
      ),
    ).toHaveCount(0);
    await page.getByTestId('clip-play').tap();
  },
};

/** What each "after" must do besides passing axe. */
const AFTER_WORKS: Partial<Record<DemoId, (page: Page, language: Language) => Promise<void>>> = {
  'text-size': async (page) => {
    expect(await fontSizeOf(page, '[data-testid="notice-body"]')).toBeGreaterThanOrEqual(24);
  },
  contrast: async (page) => {
    expect(
      Number(await page.getByTestId('contrast-ratio').getAttribute('data-ratio')),
    ).toBeGreaterThanOrEqual(4.5);
    // Paler with the + button until it fails: the toggle follows the measured ratio.
    for (
      let i = 0;
      i < 8 && (await page.getByTestId('show-before').getAttribute('aria-pressed')) !== 'true';
      i += 1
    ) {
      for (let j = 0; j < 4; j += 1) await page.getByTestId('contrast-paler').tap();
    }
    await expect(page.getByTestId('show-before')).toHaveAttribute('aria-pressed', 'true');
    expect(Number(await page.getByTestId('contrast-ratio').getAttribute('data-ratio'))).toBeLessThan(4.5);
    await page.getByTestId('show-after').tap();
    expect(
      Number(await page.getByTestId('contrast-ratio').getAttribute('data-ratio')),
    ).toBeGreaterThanOrEqual(4.5);
  },
  'colour-alone': async (page) => {
    for (const simulation of ['protanopia', 'deuteranopia', 'tritanopia', 'achromatopsia']) {
      await page.getByTestId(`simulation-${simulation}`).tap();
      await expect(page.getByTestId('lift-board')).toHaveAttribute('data-simulation', simulation);
      expect(await page.getByTestId('lift-board').evaluate((el) => getComputedStyle(el).filter)).toContain(
        `a11y-sim-${simulation}`,
      );
    }
    await page.getByTestId('simulation-none').tap();
    await page.getByTestId('answer-b').tap();
  },
  'low-vision': async (page) => {
    for (const simulation of ['blur', 'cataract', 'tunnel']) {
      await page.getByTestId(`low-vision-${simulation}`).tap();
      await expect(page.getByTestId('live-screen')).toHaveAttribute('data-simulation', simulation);
    }
    // The live home screen stays pressable under the simulation, and a press stays in the demo.
    await page.getByTestId('live-screen').getByTestId('tile-accessibility').tap();
    await expect(page.getByTestId('live-pressed')).toContainText(/[:：]/);
    await expect(page.getByTestId('demo-screen-low-vision')).toBeVisible();
    await page.getByTestId('low-vision-none').tap();
  },
  'screen-readers': async (page, language) => {
    await expect(page.getByTestId('reader-line').filter({ hasText: language.search })).toHaveCount(1);
    await expect(page.getByTestId('reader-line').filter({ hasText: language.noName })).toHaveCount(0);
  },
  forms: async (page) => {
    await page.getByTestId('type-into-phone').tap();
    for (const digit of ['2', '1', '2'])
      await page
        .getByRole('group', { name: /keyboard|鍵盤|键盘/i })
        .getByRole('button', { name: digit, exact: true })
        .tap();
    await page.getByTestId('form-send').tap();
    await expect(page.getByTestId('error-phone')).toContainText('3');
    await expect(page.getByTestId('field-phone')).toHaveAttribute('aria-invalid', 'true');
  },
  'time-and-motion': async (page) => {
    const before = Number(await page.getByTestId('time-left').getAttribute('data-seconds'));
    await page.getByTestId('more-time').tap();
    expect(Number(await page.getByTestId('time-left').getAttribute('data-seconds'))).toBeGreaterThan(
      before + 30,
    );
    await page.getByTestId('banner-pause').tap();
    await expect(page.getByTestId('banner-pause')).toHaveAttribute('aria-pressed', 'true');
    expect(await page.getByTestId('banner').evaluate((el) => getComputedStyle(el).animationPlayState)).toBe(
      'paused',
    );
  },
  captions: async (page) => {
    await expect(page.getByTestId('transcript').locator('li')).toHaveCount(5);
    await page.getByTestId('clip-play').tap();
    await expect(page.getByTestId('caption-text')).toBeVisible({ timeout: 5000 });
    const caption = (await page.getByTestId('caption-text').innerText()).trim();
    expect(caption.length).toBeGreaterThan(0);
    expect(await page.getByTestId('transcript').innerText()).toContain(caption);
    await page.getByTestId('clip-play').tap();
  },
};

/** The tremor game: every tap is counted, as a hit or a miss. */
async function playTremorGame(page: Page): Promise<void> {
  const totalOf = async () => {
    const [hits, misses] = await Promise.all(
      ['tap-hits', 'tap-misses'].map(async (id) =>
        Number((await page.getByTestId(id).innerText()).replace(/\D/g, '')),
      ),
    );
    return (hits ?? 0) + (misses ?? 0);
  };
  const start = await totalOf();
  for (let i = 0; i < 3; i += 1) {
    const wanted = (await page.getByTestId('tap-wanted').innerText()).replace(/\D/g, '');
    await page.getByTestId('tap-grid').locator(`[data-key="${wanted}"]`).tap();
  }
  expect(await totalOf()).toBe(start + 3);
  // Shaky hand on: taps still counted.
  await page.getByTestId('shaky-hand').tap();
  await expect(page.getByTestId('shaky-hand')).toHaveAttribute('aria-pressed', 'true');
  for (let i = 0; i < 3; i += 1) {
    const wanted = (await page.getByTestId('tap-wanted').innerText()).replace(/\D/g, '');
    await page.getByTestId('tap-grid').locator(`[data-key="${wanted}"]`).tap();
  }
  expect(await totalOf()).toBe(start + 6);
  await page.getByTestId('shaky-hand').tap();
}

for (const language of LANGUAGES) {
  test(`every demo, before and after, by touch in ${language.code}`, async ({ page, kiosk }) => {
    test.setTimeout(240_000);
    await patientKiosk(page, kiosk);
    await startVisit(page, kiosk, language.name);
    await openDemosFromHome(page);
    await expectWholeScreenAxeClean(page, `demos list ${language.code}`);
    await expectTouchTargets(page, `demos list ${language.code}`);

    for (const id of DEMO_IDS) {
      const label = `${id} ${language.code}`;
      await openDemo(page, id);
      await expect(page.getByTestId('wcag').locator('li').first()).toContainText(/\d\.\d\.\d/);
      await BEFORE_FAILS[id](page, language);
      await expectAxeCleanOutsideBeforeBox(page, `${label} before`);
      await expectTouchTargets(page, `${label} before`, [BEFORE_BOX]);
      await expectMinTextSizeOutsideBeforeBox(page, `${label} before`);
      if (id === 'touch-targets') await playTremorGame(page);

      await showAfter(page);
      await expectWholeScreenAxeClean(page, `${label} after`);
      await expectTouchTargets(page, `${label} after`);
      await expectMinTextSizeOutsideBeforeBox(page, `${label} after`);
      await AFTER_WORKS[id]?.(page, language);
      if (id === 'touch-targets') await playTremorGame(page);
      await expectWholeScreenAxeClean(page, `${label} after, used`);
      await page.getByRole('button', { name: /All demos|全部示範|全部示范/ }).tap();
    }

    await page.getByTestId('open-checklist').tap();
    await expect(page.getByTestId('checklist').locator('ol > li')).toHaveCount(10);
    await expect(page.getByTestId('learn-more')).toContainText('digital-accessibility.hk');
    await expect(page.getByTestId('learn-more')).toContainText('2012');
    await expectWholeScreenAxeClean(page, `checklist ${language.code}`);
    await expectTouchTargets(page, `checklist ${language.code}`);
    await expectMinTextSizeOutsideBeforeBox(page, `checklist ${language.code}`);
    await expect(page.locator('a[href]')).toHaveCount(0);
  });
}

test('after versions pass axe at text size 3 and in high contrast', async ({ page, kiosk }) => {
  test.setTimeout(180_000);
  await patientKiosk(page, kiosk);
  await startVisit(page, kiosk, 'English');
  await openDemosFromHome(page);
  for (const id of DEMO_IDS) {
    await openDemo(page, id);
    for (const presentation of [
      { textSize: 3, highContrast: false },
      { textSize: 1, highContrast: true },
      { textSize: 3, highContrast: true },
    ]) {
      await present(page, presentation);
      await expectAxeCleanOutsideBeforeBox(page, `${id} before ${JSON.stringify(presentation)}`);
    }
    await showAfter(page);
    for (const presentation of [
      { textSize: 3, highContrast: false },
      { textSize: 1, highContrast: true },
      { textSize: 3, highContrast: true },
    ]) {
      await present(page, presentation);
      await expectWholeScreenAxeClean(page, `${id} after ${JSON.stringify(presentation)}`);
    }
    await present(page, { textSize: 1, highContrast: false });
    await page.getByRole('button', { name: 'All demos' }).tap();
  }
});

test('the checklist prints alone, and finishing the visit forgets the demos', async ({ page, kiosk }) => {
  await patientKiosk(page, kiosk);
  await startVisit(page, kiosk, 'English');
  await openDemosFromHome(page);

  await openDemo(page, 'forms');
  await showAfter(page);
  await page.getByTestId('type-into-phone').tap();
  await page
    .getByRole('group', { name: /keyboard/i })
    .getByRole('button', { name: '7', exact: true })
    .tap();
  await expect(page.getByTestId('field-phone')).toHaveValue('7');
  await page.getByRole('button', { name: 'All demos' }).tap();
  await openDemo(page, 'touch-targets');
  await page.getByTestId('shaky-hand').tap();
  await page.getByTestId('tap-grid').locator('[data-key="1"]').tap();

  await page.getByRole('button', { name: 'Next demo' }).tap();
  await page.getByRole('button', { name: "I'm finished", exact: true }).tap();
  await page.getByRole('dialog').getByRole('button').first().tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();

  await page.getByTestId('touch-to-start').tap();
  await page.getByRole('button', { name: 'English', exact: true }).tap();
  await openDemosFromHome(page);
  await page.getByTestId('demo-card-touch-targets').tap();
  await expect(page.getByTestId('show-before')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('shaky-hand')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('tap-misses')).toContainText('0');
  await expect(page.getByTestId('tap-hits')).toContainText('0');
  await page.getByRole('button', { name: 'All demos' }).tap();
  await page.getByTestId('demo-card-forms').tap();
  await expect(page.getByTestId('field-phone')).toHaveValue('');

  await page.getByRole('button', { name: 'All demos' }).tap();
  await page.getByTestId('open-checklist').tap();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.toolbar')).toBeHidden();
  await expect(page.getByTestId('checklist')).toBeHidden();
  // On paper: every item and the "learn more" box, with no scroll region cutting the list short.
  const slip = page.getByTestId('checklist-slip');
  await expect(slip).toBeVisible();
  await expect(slip.locator('ol > li')).toHaveCount(10);
  await expect(slip.locator('[data-scroll-region]')).toHaveCount(0);
  await expect(slip.getByTestId('learn-more-paper')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(slip).toBeHidden();
  await expect(page.getByTestId('print-checklist')).toBeVisible();
});
