import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { BEFORE_BOX, DEMO_IDS, openDemo } from './accessibility-helpers';
import type { FitsOptions } from './fits-check';
import { api, expect, REPO_ROOT, startVisit, type KioskProcess } from './fixtures';
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
   * No toolbar to use (attract), or using it would end what is on screen (the idle question):
   * the text size and contrast are set on <html> directly, as the toolbar does.
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

/** A string from the shell's locale file (toolbar labels and dialog buttons), as the visitor reads it. */
export function shellText(language: LanguageCode, key: string): string {
  const file = path.join(REPO_ROOT, 'renderer/src/i18n/locales', `${language}.json`);
  let value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of key.split('.')) value = (value as Record<string, unknown>)[part];
  if (typeof value !== 'string') throw new Error(`no shell string ${key} in ${language}`);
  return value;
}

export function toolbarButton(ctx: RouteContext, key: 'back' | 'home' | 'finish') {
  return ctx.page
    .locator('nav.toolbar')
    .getByRole('button', { name: shellText(ctx.language, `toolbar.${key}`) });
}

async function back(ctx: RouteContext): Promise<void> {
  await toolbarButton(ctx, 'back').tap();
}

export async function freshVisit(ctx: RouteContext): Promise<void> {
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
      {
        name: 'language',
        reach: async ({ page }) => {
          await page.getByTestId('touch-to-start').tap();
          await expect(page.getByTestId('text-size')).toBeVisible();
        },
      },
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
      {
        name: 'result: details',
        reach: async ({ page }) => {
          await page.getByTestId(`result-${SUBSIDY}`).tap();
          await expect(page.getByTestId(`result-detail-${SUBSIDY}`)).toBeVisible();
        },
      },
      {
        name: 'result: what to bring',
        reach: async ({ page }) => {
          await page.getByTestId('back-to-summary').tap();
          await page.getByTestId('open-bring').tap();
          await expect(page.getByTestId('what-to-bring')).toBeVisible();
        },
      },
      {
        name: 'result: QR code',
        reach: async ({ page }) => {
          if (await page.getByTestId('back-to-summary').isVisible())
            await page.getByTestId('back-to-summary').tap();
          await page.getByTestId('show-qr').tap();
          await expect(page.getByTestId('take-away-qr')).toBeVisible();
        },
        close: async ({ page }) => {
          await page.getByTestId('close-qr').tap();
          await expect(page.getByRole('dialog')).toHaveCount(0);
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
