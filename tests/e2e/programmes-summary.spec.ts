import type { Page } from '@playwright/test';
import { api, expect, setUpStaff, test } from './fixtures';
import { expectFits } from './fits-check';
import {
  answerQuestions,
  backToSummary,
  JOURNEYS,
  LANGUAGES,
  openProgrammes,
  openResultDetail,
  patientKiosk,
  setTextSizeByTouch,
  SUBSIDY,
} from './programmes-helpers';

/**
 * The result leads with one summary screen: every programme's outcome, the single next step and
 * the take-away buttons, all in view without scrolling at the largest text on a short landscape
 * panel, on a full-HD panel and on a portrait totem. The details open from there.
 */

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const;

/** Each element wholly inside the window, clear of the toolbar, and not inside anything that scrolls. */
async function expectWhollyInView(page: Page, testIds: string[], label: string): Promise<void> {
  const problems = await page.evaluate((ids) => {
    const vh = document.documentElement.clientHeight;
    const vw = document.documentElement.clientWidth;
    const toolbar = document.querySelector('nav.toolbar')?.getBoundingClientRect();
    const bottom = toolbar ? Math.min(vh, toolbar.top) : vh;
    return ids.flatMap((id) => {
      const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (!el) return [`${id} missing`];
      const r = el.getBoundingClientRect();
      const out: string[] = [];
      if (r.top < -0.5 || r.left < -0.5 || r.right > vw + 0.5 || r.bottom > bottom + 0.5)
        out.push(`${id} at ${Math.round(r.top)}–${Math.round(r.bottom)} in ${Math.round(bottom)}`);
      // Inside a scroll region that scrolls, it could be out of sight.
      for (let node = el.parentElement; node; node = node.parentElement)
        if (node.scrollHeight > node.clientHeight + 1 && getComputedStyle(node).overflowY !== 'visible')
          out.push(`${id} inside a scrolling ${node.className}`);
      return out;
    });
  }, testIds);
  expect(problems, label).toEqual([]);
}

/** Every size in zh-HK; the short landscape panel, the tightest, in English and Simplified Chinese too. */
const CASES = [
  ...VIEWPORTS.map((viewport) => ({ viewport, language: LANGUAGES[0] })),
  { viewport: VIEWPORTS[0], language: LANGUAGES[1] },
  { viewport: VIEWPORTS[0], language: LANGUAGES[2] },
];

for (const { viewport, language } of CASES) {
  test(`the result summary fits at ${viewport.width}×${viewport.height} with the largest text in ${language.code}: every outcome, the next step, QR and print`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await patientKiosk(page, kiosk);
    await openProgrammes(page, kiosk, language);
    await setTextSizeByTouch(page, 3);
    await page.getByTestId('start-check').first().tap();
    for (const journey of [JOURNEYS[0]!, JOURNEYS[1]!]) {
      const label = `${journey.name} at ${viewport.width}×${viewport.height}`;
      await answerQuestions(page, journey.answers);
      const rows = Object.keys(journey.expect).map((id) => `result-${id}`);
      await expect(
        page.locator('[data-testid="result-summary"] [data-outcome][data-testid^="result-"]'),
      ).toHaveCount(rows.length);
      await expectWhollyInView(page, [...rows, 'next-step', 'show-qr', 'print-slip', 'open-bring'], label);
      await expect(page.locator('[data-primary-action][data-testid="print-slip"]')).toHaveCount(1);
      await expect(page.locator('[data-primary-action][data-testid="show-qr"]')).toHaveCount(1);
      await expectFits(page, `result summary, ${label}`);
      await page.getByTestId('check-again').tap();
    }
  });
}

test('the next step names the office that decides: the SWD for a CSSA household, the SFO with its phone otherwise', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(90_000);
  await patientKiosk(page, kiosk);
  await openProgrammes(page, kiosk, LANGUAGES[0]);
  await page.getByTestId('start-check').first().tap();
  await answerQuestions(page, JOURNEYS[0]!.answers);
  await expect(page.getByTestId('next-step')).toContainText('社會福利署');
  await expect(page.getByTestId('next-step')).toContainText('上網費津貼');
  // Details open from the summary and Back returns to it, the outcome the same in both.
  const detail = await openResultDetail(page, SUBSIDY);
  await expect(detail.getByTestId('reasons')).toBeVisible();
  await expect(page.getByTestId('rules-version')).toContainText('rules-2026.12');
  await expectFits(page, 'result details');
  await page.getByRole('navigation').getByRole('button', { name: '返回', exact: true }).tap();
  await expect(page.getByTestId('result-summary')).toBeVisible();
  await page.getByTestId('check-again').tap();
  await answerQuestions(page, JOURNEYS[1]!.answers);
  await expect(page.getByTestId('next-step')).toContainText('學生資助處');
  await expect(page.getByTestId('next-step')).toContainText('2802 2345');
  await page.getByTestId('open-bring').tap();
  await expect(page.getByTestId('what-to-bring')).toBeVisible();
  await expectFits(page, 'what to bring');
  await backToSummary(page);
});

test('reading a result is not cut short: "Are you still there?" waits 4 minutes there and counts down 45 s', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  // The page's clock: the idle watch counts from Date.now() with setInterval, both faked here.
  await page.clock.install({ time: new Date('2026-12-09T10:30:00+08:00') });
  await page.goto(kiosk.url);
  const session = await setUpStaff(page);
  const updated = await api(
    page,
    'staff.settings.update',
    { idleSeconds: 30, countdownSeconds: 10 },
    session,
  );
  expect(updated.ok).toBe(true);
  await openProgrammes(page, kiosk, LANGUAGES[0]);
  await page.getByTestId('start-check').first().tap();
  await answerQuestions(page, JOURNEYS[0]!.answers);

  const dialog = page.getByRole('dialog');
  // Well past the usual 30 s: still reading, nobody asked.
  await page.clock.fastForward(200_000);
  await expect(page.getByTestId(`result-${SUBSIDY}`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await page.clock.fastForward(45_000);
  await expect(page.getByTestId('idle-countdown')).toBeVisible();
  await expect(page.getByTestId('idle-countdown').locator('.seconds')).toHaveText(/^(4[0-5])$/);
  await page.clock.fastForward(20_000);
  // The usual 10 s countdown would have wiped the visit by now.
  await expect(page.getByTestId('touch-to-start')).toHaveCount(0);
  await page.clock.fastForward(30_000);
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
});
