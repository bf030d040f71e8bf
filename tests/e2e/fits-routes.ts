import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { present } from './a11y';
import { BEFORE_BOX, DEMO_IDS, openDemo } from './accessibility-helpers';
import type { FitsOptions } from './fits-check';
import { api, expect, REPO_ROOT, setUpStaff, startVisit, type KioskProcess } from './fixtures';
import { openDirectory, tapFirstDot } from './hotspots-helpers';
import { LANGUAGE_NAMES, playStep, readLesson, type LanguageCode } from './lessons-helpers';
import { SUBSIDY } from './programmes-helpers';

/**
 * Every visitor screen kind, reached by touch one after another: the route list the fits check
 * (fits.spec.ts) and the screenshot script (tests/screenshots/) both walk, so the two always see
 * the same screens.
 */

export interface RouteContext {
  page: Page;
  kiosk: KioskProcess;
  language: LanguageCode;
  /** A staff session on this kiosk (to change the idle time). */
  session: string;
}

export interface RouteScreen {
  name: string;
  /** Get here by touch from the screen before it in its journey. */
  reach: (ctx: RouteContext) => Promise<void>;
  /**
   * A dialog covers the toolbar: close it to change the text size or contrast there, then `reach`
   * opens it again.
   */
  close?: (ctx: RouteContext) => Promise<void>;
  /**
   * No toolbar to use (attract, language), or using it would end what is on screen (the idle
   * question): the text size and contrast are set on <html> directly, as the toolbar does.
   */
  direct?: boolean;
  options?: FitsOptions;
}

/** A run of screens from a fresh visit on the home screen, so one broken step loses only its journey. */
export interface Journey {
  name: string;
  /** Before the first screen; by default a fresh visit, on the home screen. */
  start?: (ctx: RouteContext) => Promise<void>;
  screens: RouteScreen[];
}

export interface Presentation {
  textSize: number;
  highContrast: boolean;
}

/** A string from the shell's locale file (toolbar labels and dialog buttons), as the visitor reads it. */
export function shellText(language: LanguageCode, key: string): string {
  const file = path.join(REPO_ROOT, 'renderer/src/i18n/locales', `${language}.json`);
  let value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of key.split('.')) value = (value as Record<string, unknown>)[part];
  if (typeof value !== 'string') throw new Error(`no shell string ${key} in ${language}`);
  return value;
}

function toolbarButton(ctx: RouteContext, key: 'back' | 'home' | 'finish') {
  return ctx.page
    .locator('nav.toolbar')
    .getByRole('button', { name: shellText(ctx.language, `toolbar.${key}`) });
}

async function back(ctx: RouteContext): Promise<void> {
  await toolbarButton(ctx, 'back').tap();
}

/** Taps on the toolbar's text-size and contrast buttons until <html> shows `want`. */
async function useToolbar(page: Page, want: Presentation): Promise<void> {
  const root = page.locator('html');
  for (let taps = 0; taps < 3; taps++) {
    if ((await root.getAttribute('data-text-size')) === String(want.textSize)) break;
    const before = await root.getAttribute('data-text-size');
    await page.getByTestId('text-size').tap({ timeout: 5000 });
    await expect(root).not.toHaveAttribute('data-text-size', before ?? '');
  }
  await expect(root).toHaveAttribute('data-text-size', String(want.textSize));
  const contrast = async () => ((await root.getAttribute('class')) ?? '').includes('high-contrast');
  if ((await contrast()) !== want.highContrast) {
    const button = page
      .locator('nav.toolbar [data-testid="contrast"], nav.toolbar button[aria-pressed]:not([data-testid])')
      .first();
    await button.tap({ timeout: 5000 });
    await expect.poll(contrast).toBe(want.highContrast);
  }
}

/** Put the screen in `want` the way its visitor would (see RouteScreen.direct and .close). */
export async function presentScreen(
  ctx: RouteContext,
  screen: RouteScreen,
  want: Presentation,
): Promise<void> {
  if (screen.direct) return present(ctx.page, want);
  if (screen.close) {
    await screen.close(ctx);
    await useToolbar(ctx.page, want);
    await screen.reach(ctx);
    return;
  }
  await useToolbar(ctx.page, want);
}

/** What an elder sees without scrolling: every scroller back at its top. */
export async function scrollAllToTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('*')) if (el.scrollTop > 0) el.scrollTop = 0;
  });
}

async function freshVisit(ctx: RouteContext): Promise<void> {
  await startVisit(ctx.page, ctx.kiosk, LANGUAGE_NAMES[ctx.language]);
  await expect(ctx.page.getByTestId('tile-lessons')).toBeVisible();
}

async function openLessonsList(ctx: RouteContext): Promise<void> {
  await freshVisit(ctx);
  await ctx.page.getByTestId('tile-lessons').tap();
  await expect(ctx.page.getByTestId(`lesson-card-${BASICS}`)).toBeVisible();
}

/** Play steps `from`..`to - 1` of a lesson the right way. */
async function play(page: Page, lessonId: string, from: number, to: number): Promise<void> {
  const lesson = readLesson(lessonId);
  for (let index = from; index < to; index++) await playStep(page, lesson, index);
}

function stepIndex(lessonId: string, test: (kind: string, success?: string) => boolean): number {
  const index = readLesson(lessonId).steps.findIndex((s) =>
    test(s.kind, s.kind === 'practice' ? s.success.kind : undefined),
  );
  if (index < 0) throw new Error(`no such step in ${lessonId}`);
  return index;
}

const BASICS = 'touchscreen-basics';
const QUIZ = stepIndex(BASICS, (kind) => kind === 'quiz');
const RECAP = stepIndex(BASICS, (kind) => kind === 'recap');
const JUDGE_LESSON = 'spot-the-scam';
const JUDGE = stepIndex(JUDGE_LESSON, (_, success) => success === 'judge-message');
const TYPING_LESSON = 'lock-and-passwords';
const TYPING = stepIndex(TYPING_LESSON, (_, success) => success === 'type-text');

/** The practice phone's own screen scrolls, as a real phone does (the "scroll to find" steps). */
const PHONE_SCROLLS: FitsOptions = { scrollers: ['[data-testid="phone-screen"]'] };

export const JOURNEYS: Journey[] = [
  {
    name: 'shell',
    start: async ({ page, kiosk }) => {
      await page.goto(kiosk.url);
    },
    screens: [
      {
        name: 'attract',
        direct: true,
        reach: ({ page }) => expect(page.getByTestId('touch-to-start')).toBeVisible(),
      },
      { name: 'language', direct: true, reach: ({ page }) => page.getByTestId('touch-to-start').tap() },
      {
        name: 'home',
        reach: async ({ page, language }) => {
          await page.getByRole('button', { name: LANGUAGE_NAMES[language], exact: true }).tap();
          await expect(page.getByTestId('tile-lessons')).toBeVisible();
        },
      },
      {
        name: 'language dialog',
        reach: async ({ page }) => {
          await page.getByTestId('language-button').tap();
          await expect(page.getByRole('dialog')).toBeVisible();
        },
        close: async ({ page, language }) => {
          await page
            .getByRole('dialog')
            .getByRole('button', { name: LANGUAGE_NAMES[language], exact: true })
            .tap();
          await expect(page.getByRole('dialog')).toHaveCount(0);
        },
      },
      {
        name: 'finish dialog',
        reach: async (ctx) => {
          await toolbarButton(ctx, 'finish').tap();
          await expect(ctx.page.getByRole('dialog')).toBeVisible();
        },
        close: async ({ page, language }) => {
          await page
            .getByRole('dialog')
            .getByRole('button', { name: shellText(language, 'finish.cancel') })
            .tap();
          await expect(page.getByRole('dialog')).toHaveCount(0);
        },
      },
    ],
  },
  {
    name: 'lessons',
    screens: [
      {
        name: 'lessons list',
        reach: async ({ page }) => {
          await page.getByTestId('tile-lessons').tap();
          await expect(page.getByTestId(`lesson-card-${BASICS}`)).toBeVisible();
        },
      },
      {
        name: 'lesson: explain',
        reach: async ({ page }) => {
          await page.getByTestId(`lesson-card-${BASICS}`).tap();
          await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', '0');
        },
      },
      { name: 'lesson: practice', reach: ({ page }) => play(page, BASICS, 0, 1), options: PHONE_SCROLLS },
      {
        name: 'save my place dialog',
        reach: async ({ page }) => {
          await page.getByTestId('save-place').tap();
          await expect(page.getByTestId('resume-code')).toBeVisible();
        },
        close: async ({ page }) => {
          await page.getByTestId('close-code').tap();
          await expect(page.getByRole('dialog')).toHaveCount(0);
        },
      },
      { name: 'lesson: quiz', reach: ({ page }) => play(page, BASICS, 1, QUIZ) },
      {
        name: 'lesson: quiz answered',
        reach: async ({ page }) => {
          const quiz = readLesson(BASICS).steps[QUIZ]!;
          if (quiz.kind !== 'quiz') throw new Error('not a quiz');
          await page.getByTestId(`answer-${quiz.answers.find((a) => !a.correct)!.id}`).tap();
          await expect(page.getByTestId('quiz-feedback')).toBeVisible();
        },
      },
      { name: 'lesson: recap', reach: ({ page }) => play(page, BASICS, QUIZ, RECAP) },
      {
        name: 'lesson end',
        reach: async ({ page }) => {
          await play(page, BASICS, RECAP, RECAP + 1);
          await expect(page.getByTestId('lesson-end')).toBeVisible();
        },
      },
    ],
  },
  {
    name: 'lessons: resume code',
    start: openLessonsList,
    screens: [
      {
        name: 'resume code entry',
        reach: async ({ page }) => {
          await page.getByTestId('continue-with-code').tap();
          await expect(page.getByTestId('code-boxes')).toBeVisible();
        },
      },
    ],
  },
  {
    name: 'lessons: safe or scam',
    start: openLessonsList,
    screens: [
      {
        name: 'practice: safe or scam',
        reach: async ({ page }) => {
          await page.getByTestId(`lesson-card-${JUDGE_LESSON}`).tap();
          await play(page, JUDGE_LESSON, 0, JUDGE);
          await expect(page.getByTestId('judge-safe')).toBeVisible();
        },
        options: PHONE_SCROLLS,
      },
    ],
  },
  {
    name: 'lessons: typing',
    start: openLessonsList,
    screens: [
      {
        name: 'practice: typing',
        reach: async ({ page }) => {
          await page.getByTestId(`lesson-card-${TYPING_LESSON}`).tap();
          await play(page, TYPING_LESSON, 0, TYPING);
          const step = readLesson(TYPING_LESSON).steps[TYPING]!;
          if (step.kind !== 'practice' || step.success.kind !== 'type-text') throw new Error('not typing');
          await page.getByTestId(`phone-el-${step.success.fieldId}`).tap();
          await expect(page.getByTestId('phone-keyboard-done')).toBeVisible();
        },
        options: PHONE_SCROLLS,
      },
    ],
  },
  {
    name: 'programmes',
    screens: [
      {
        name: 'programmes list',
        reach: async ({ page }) => {
          await page.getByTestId('tile-programmes').tap();
          await expect(page.getByTestId(`programme-${SUBSIDY}`)).toBeVisible();
        },
      },
      {
        name: 'programme page',
        reach: async ({ page }) => {
          await page.getByTestId(`programme-${SUBSIDY}`).tap();
          await expect(page.getByTestId('programme-detail')).toBeVisible();
        },
      },
      {
        name: 'check: statement',
        reach: async (ctx) => {
          await back(ctx);
          await ctx.page.getByTestId('start-check').first().tap();
          await expect(ctx.page.getByTestId('collection-statement')).toBeVisible();
        },
      },
      ...(
        [
          ['school-child', 'check-begin'],
          ['cssa', 'answer-primary-secondary'],
          ['textbook-assistance', 'answer-no'],
          ['aged-60', 'answer-half'],
        ] as const
      ).map(([question, tap]): RouteScreen => ({
        name: `check: ${question}`,
        reach: async ({ page }) => {
          await page.getByTestId(tap).tap();
          await expect(page.getByTestId('question')).toHaveAttribute('data-question', question);
        },
      })),
      {
        name: 'check: result',
        reach: async ({ page }) => {
          await page.getByTestId('answer-no').tap();
          await expect(page.getByTestId(`result-${SUBSIDY}`)).toBeVisible();
        },
      },
    ],
  },
  {
    name: 'wifi',
    screens: [
      { name: 'Wi-Fi home', reach: ({ page }) => openDirectory(page) },
      {
        name: 'Wi-Fi search',
        reach: async ({ page }) => {
          await page.getByTestId('hotspots-search').tap();
          await expect(page.getByTestId('hotspots-search-screen')).toBeVisible();
        },
      },
      {
        name: 'Wi-Fi districts',
        reach: async (ctx) => {
          await back(ctx);
          await ctx.page.getByTestId('hotspots-choose-district').tap();
          await expect(ctx.page.getByTestId('hotspots-districts')).toBeVisible();
        },
      },
      {
        name: 'Wi-Fi map',
        reach: async ({ page }) => {
          await page.getByTestId('district-F').tap();
          await page.getByTestId('hotspots-show-map').tap();
          await expect(page.getByTestId('map-dot').first()).toBeVisible();
          await tapFirstDot(page);
          await expect(page.getByTestId('map-open-venue')).toBeVisible();
        },
      },
      {
        name: 'Wi-Fi venue',
        reach: async ({ page }) => {
          await page.getByTestId('map-open-venue').tap();
          await expect(page.getByTestId('hotspots-venue')).toBeVisible();
        },
      },
    ],
  },
  {
    name: 'accessibility',
    screens: [
      {
        name: 'accessibility list',
        reach: async ({ page }) => {
          await page.getByTestId('tile-accessibility').tap();
          await expect(page.getByTestId('demo-card-text-size')).toBeVisible();
        },
      },
      ...DEMO_IDS.map((id, index): RouteScreen => ({
        name: `demo: ${id}`,
        reach: async (ctx) => {
          if (index > 0) await back(ctx);
          await openDemo(ctx.page, id);
        },
        // The "before" half is wrong on purpose: that is what the demo shows.
        options: { exempt: [BEFORE_BOX] },
      })),
      {
        name: 'checklist',
        reach: async (ctx) => {
          await back(ctx);
          await ctx.page.getByTestId('open-checklist').tap();
          await expect(ctx.page.getByTestId('checklist')).toBeVisible();
        },
      },
    ],
  },
  {
    name: 'idle',
    start: async (ctx) => {
      // The idle time comes with the settings the page loads: set it, then start a fresh visit.
      const updated = await api(
        ctx.page,
        'staff.settings.update',
        { idleSeconds: 5, countdownSeconds: 120 },
        ctx.session,
      );
      expect(updated.ok).toBe(true);
      await freshVisit(ctx);
    },
    screens: [
      {
        name: 'still there? dialog',
        direct: true,
        reach: async ({ page }) => {
          await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 15_000 });
        },
      },
    ],
  },
];

/** Every screen name, in route order. */
export const SCREEN_NAMES = JOURNEYS.flatMap((j) => j.screens.map((s) => s.name));

/** Open the kiosk and set a staff PIN (the route changes the idle time through it). Returns the staff session. */
export async function prepareRouteKiosk(page: Page, kiosk: KioskProcess): Promise<string> {
  await page.goto(kiosk.url);
  return setUpStaff(page);
}

/**
 * Walk every journey: on each screen, `visit` is called once per presentation, in order, after
 * the screen is put in it. A journey whose step fails is reported to `lost` (its remaining
 * screens with it) and the walk goes on with the next journey.
 */
export async function walkRoutes(
  ctx: RouteContext,
  presentations: readonly Presentation[],
  visit: (screen: RouteScreen, presentation: Presentation) => Promise<void>,
  lost: (screens: RouteScreen[], error: string) => void,
): Promise<void> {
  // A whole route takes longer than a visitor's idle time: wait 10 minutes (the idle journey
  // shortens it for itself, last).
  const patient = await api(
    ctx.page,
    'staff.settings.update',
    { idleSeconds: 600, countdownSeconds: 20 },
    ctx.session,
  );
  expect(patient.ok).toBe(true);
  for (const journey of JOURNEYS) {
    let at = 0;
    try {
      await (journey.start ?? freshVisit)(ctx);
      for (; at < journey.screens.length; at++) {
        const screen = journey.screens[at]!;
        await screen.reach(ctx);
        for (const presentation of presentations) {
          await presentScreen(ctx, screen, presentation);
          await scrollAllToTop(ctx.page);
          await visit(screen, presentation);
        }
        // Back to the kiosk's own look, any dialog closed, before moving on (a direct screen set
        // the look behind the toolbar's back).
        const plain = { textSize: 1, highContrast: false };
        if (screen.direct) await present(ctx.page, plain);
        else {
          await screen.close?.(ctx);
          await useToolbar(ctx.page, plain);
        }
      }
    } catch (error) {
      // Playwright's first line says what failed, a "waiting for" line what it was waiting for.
      const lines = (error instanceof Error ? error.message : String(error)).split('\n');
      const waiting = lines.find((l) => /waiting for/.test(l))?.trim();
      const message = [lines[0], waiting].filter(Boolean).join(' ').slice(0, 200);
      lost(journey.screens.slice(at), `not reached (${journey.name}): ${message}`);
    }
  }
}
