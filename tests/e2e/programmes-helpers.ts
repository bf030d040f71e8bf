import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectMinTextSize, expectNoAxeViolations, expectTouchTargets, present } from './a11y';
import { api, expect, setUpStaff, startVisit, type KioskProcess } from './fixtures';

/** Helpers for the programme pages and the eligibility check (tests/e2e/programmes*.spec.ts). */

export const LANGUAGES = [
  {
    code: 'zh-HK',
    name: '繁體中文',
    finish: '我用完了',
    confirmFinish: '是，我用完了',
    programmes: '支援計劃',
  },
  {
    code: 'en',
    name: 'English',
    finish: "I'm finished",
    confirmFinish: "Yes, I'm finished",
    programmes: 'Programmes',
  },
  {
    code: 'zh-CN',
    name: '简体中文',
    finish: '我用完了',
    confirmFinish: '是，我用完了',
    programmes: '支援计划',
  },
] as const;
export type LanguageCase = (typeof LANGUAGES)[number];

export const ILSP = 'internet-learning-support-programme';
export const SUBSIDY = 'internet-access-subsidy';
export const ELDERS = 'elder-digital-support';
export const WIFI = 'wifi-hk';

/** The question ids and every option id the check can take: none may outlive a visit. */
export const QUESTION_IDS = ['school-child', 'cssa', 'textbook-assistance', 'aged-60'];
/** Option ids distinctive enough to search for anywhere (yes/no/full/half are searched as JSON values). */
export const DISTINCTIVE_OPTION_IDS = [
  'primary-secondary',
  'yi-jin-vtc',
  'applied-none',
  'not-applied',
  'not-sure',
];
export const GENERIC_OPTION_IDS = ['yes', 'no', 'full', 'half'];

export interface Journey {
  name: string;
  /** Question → the answer tapped, in the order the check asks them. */
  answers: [question: string, option: string][];
  expect: Record<string, string>;
  /** A programme whose near-miss must be on the page. */
  nearMiss?: string;
}

export const JOURNEYS: Journey[] = [
  {
    name: 'CSSA family',
    answers: [
      ['school-child', 'primary-secondary'],
      ['cssa', 'yes'],
      ['aged-60', 'no'],
    ],
    expect: {
      [SUBSIDY]: 'eligible',
      [ELDERS]: 'not-eligible',
      [WIFI]: 'eligible',
      [ILSP]: 'closed-would-have-qualified',
    },
  },
  {
    name: 'SFO half-grant family',
    answers: [
      ['school-child', 'primary-secondary'],
      ['cssa', 'no'],
      ['textbook-assistance', 'half'],
      ['aged-60', 'no'],
    ],
    expect: {
      [SUBSIDY]: 'eligible',
      [ELDERS]: 'not-eligible',
      [WIFI]: 'eligible',
      [ILSP]: 'closed-would-have-qualified',
    },
  },
  {
    name: 'family with no school-age child',
    answers: [
      ['school-child', 'no'],
      ['aged-60', 'no'],
    ],
    expect: {
      [SUBSIDY]: 'not-eligible',
      [ELDERS]: 'not-eligible',
      [WIFI]: 'eligible',
      [ILSP]: 'closed-would-not-have-qualified',
    },
  },
  {
    name: 'elder asking about help for themselves',
    answers: [
      ['school-child', 'no'],
      ['aged-60', 'yes'],
    ],
    expect: {
      [SUBSIDY]: 'not-eligible',
      [ELDERS]: 'eligible',
      [WIFI]: 'eligible',
      [ILSP]: 'closed-would-not-have-qualified',
    },
  },
  {
    // The near-miss is the SFO grant: never "if you received CSSA", never about age or children.
    name: 'family the SFO refused',
    answers: [
      ['school-child', 'primary-secondary'],
      ['cssa', 'no'],
      ['textbook-assistance', 'applied-none'],
      ['aged-60', 'no'],
    ],
    expect: {
      [SUBSIDY]: 'not-eligible',
      [ELDERS]: 'not-eligible',
      [WIFI]: 'eligible',
      [ILSP]: 'closed-would-not-have-qualified',
    },
    nearMiss: SUBSIDY,
  },
];

/**
 * A fresh kiosk that waits 10 minutes before "Are you still there?" (axe in every mode takes
 * longer than the default 90 s), with a staff PIN set. Returns the staff session.
 */
export async function patientKiosk(page: Page, kiosk: KioskProcess): Promise<string> {
  await page.goto(kiosk.url);
  const session = await setUpStaff(page);
  const updated = await api(page, 'staff.settings.update', { idleSeconds: 600 }, session);
  expect(updated.ok).toBe(true);
  return session;
}

/** Attract → language → home → the programmes tile. */
export async function openProgrammes(page: Page, kiosk: KioskProcess, language: LanguageCase): Promise<void> {
  await startVisit(page, kiosk, language.name);
  await expect(page.locator('html')).toHaveAttribute('lang', language.code);
  await page.getByTestId('tile-programmes').tap();
  await expect(page.getByTestId(`programme-${ILSP}`)).toBeVisible();
}

/** From the collection statement, answer each question by touch, checking "Question n of …". */
export async function answerQuestions(page: Page, answers: Journey['answers']): Promise<void> {
  await expect(page.getByTestId('collection-statement')).toBeVisible();
  await page.getByTestId('check-begin').tap();
  for (const [index, [question, option]] of answers.entries()) {
    await expect(page.getByTestId('question')).toHaveAttribute('data-question', question);
    await expect(page.getByTestId('check-progress')).toContainText(String(index + 1));
    await page.getByTestId(`answer-${option}`).tap();
  }
  await expect(page.getByTestId(`result-${SUBSIDY}`)).toBeVisible();
}

/** From the result summary, a programme's details (its own route entry); returns the detail card. */
export async function openResultDetail(page: Page, programme: string): Promise<Locator> {
  await page.getByTestId(`result-${programme}`).tap();
  const detail = page.getByTestId(`result-detail-${programme}`);
  await expect(detail).toBeVisible();
  return detail;
}

/** From a detail (or "what to bring") back to the summary, by the on-screen button. */
export async function backToSummary(page: Page): Promise<void> {
  await page.getByTestId('back-to-summary').tap();
  await expect(page.getByTestId('result-summary')).toBeVisible();
}

/**
 * The outcomes on the result summary, each programme's details (the same outcome, its rules date
 * and source, the near-miss where expected), and that the closed programme never looks open.
 */
export async function expectJourneyResult(page: Page, journey: Journey): Promise<void> {
  for (const [programme, outcome] of Object.entries(journey.expect)) {
    const row = page.getByTestId(`result-${programme}`);
    await expect(row, `${journey.name}: ${programme}`).toHaveAttribute('data-outcome', outcome);
    await expect(row.getByTestId('outcome')).toHaveAttribute('data-outcome', outcome);
  }
  await expectClosedProgrammeNeverOpen(page);
  for (const [programme, outcome] of Object.entries(journey.expect)) {
    const detail = await openResultDetail(page, programme);
    await expect(detail, `${journey.name}: ${programme} details`).toHaveAttribute('data-outcome', outcome);
    await expect(detail.getByTestId('outcome')).toHaveAttribute('data-outcome', outcome);
    await expect(detail.getByTestId('as-of')).toBeVisible();
    await expect(detail.getByTestId('source').first()).toBeVisible();
    if (journey.nearMiss === programme) {
      const nearMiss = detail.getByTestId('near-miss');
      await expect(nearMiss).toBeVisible();
      await expect(nearMiss).not.toBeEmpty();
    }
    if (programme === ILSP) await expectClosedProgrammeNeverOpen(page);
    await backToSummary(page);
  }
}

/** Wherever the ILSP appears on screen, it says closed and nothing about it says open. */
export async function expectClosedProgrammeNeverOpen(page: Page): Promise<void> {
  const places = page.locator(
    `[data-testid="result-${ILSP}"], [data-testid="result-detail-${ILSP}"], [data-testid="programme-${ILSP}"], [data-programme="${ILSP}"]`,
  );
  const count = await places.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const place = places.nth(i);
    await expect(place.locator('[data-status="open"]')).toHaveCount(0);
    await expect(place.locator('[data-outcome="eligible"], [data-outcome="likely-eligible"]')).toHaveCount(0);
    const statuses = place.getByTestId('programme-status');
    if ((await statuses.count()) > 0) await expect(statuses.first()).toHaveAttribute('data-status', 'closed');
  }
}

/** Axe in the given modes, then 64 px targets and the 24 px floor at the smallest step. */
export async function checkScreen(
  page: Page,
  label: string,
  presentations: readonly { textSize: number; highContrast: boolean }[],
): Promise<void> {
  for (const presentation of presentations) {
    await present(page, presentation);
    await expectNoAxeViolations(
      page,
      `${label} (text ${presentation.textSize}${presentation.highContrast ? ', high contrast' : ''})`,
    );
  }
  await present(page, { textSize: 1, highContrast: false });
  await expectTouchTargets(page, label);
  await expectMinTextSize(page, label);
}

export const RESULT_PRESENTATIONS = [
  { textSize: 1, highContrast: false },
  { textSize: 3, highContrast: false },
  { textSize: 1, highContrast: true },
  { textSize: 3, highContrast: true },
] as const;

/** "I'm finished" → confirm, by touch. */
export async function finish(page: Page, language: LanguageCase): Promise<void> {
  await page.getByRole('button', { name: language.finish, exact: true }).tap();
  await page.getByRole('dialog').getByRole('button', { name: language.confirmFinish }).tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
}

/** Every file under a folder, as text. */
export function readAllFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? readAllFiles(full)
      : [{ file: full, text: readFileSync(full, 'utf8') }];
  });
}

/** The viewports a kiosk panel runs at that are shortest for their text: landscape 1280×800 and a portrait totem. */
export const SHORT_AND_PORTRAIT = [
  { width: 1280, height: 800 },
  { width: 1080, height: 1920 },
] as const;

/** Tap the toolbar's text size button until the page is at `step` (1–3), as a visitor does. */
export async function setTextSizeByTouch(page: Page, step: number): Promise<void> {
  for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-text-size')) !== String(step); i++)
    await page.getByTestId('text-size').tap();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', String(step));
}

/**
 * Every element marked as the screen's main action (`data-primary-action`) is wholly inside the
 * viewport and clear of the toolbar, without scrolling: elders do not scroll to find what they
 * were told to press. `expected` names what must be among them, so the mark cannot go missing.
 */
export async function expectMainActionInView(page: Page, expected: string, label: string): Promise<void> {
  await expect(
    page.locator(`[data-primary-action]${expected}`).first(),
    `${label}: ${expected} is marked`,
  ).toBeVisible();
  const outside = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const toolbar = document.querySelector('nav.toolbar')?.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-primary-action]')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(
        ({ r }) =>
          r.top < -0.5 ||
          r.left < -0.5 ||
          r.bottom > vh + 0.5 ||
          r.right > vw + 0.5 ||
          (toolbar !== undefined && r.bottom > toolbar.top + 0.5 && r.top < toolbar.bottom - 0.5),
      )
      .map(
        ({ el, r }) =>
          `${el.dataset.testid ?? el.tagName.toLowerCase()} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${vw}×${vh}`,
      );
  });
  expect(outside, `${label}: main action out of view`).toEqual([]);
  const pageScrolls = await page.evaluate(() => {
    const main = document.getElementById('screen');
    return main ? main.scrollHeight - main.clientHeight : 0;
  });
  expect(pageScrolls, `${label}: the page itself scrolls`).toBeLessThanOrEqual(1);
}
