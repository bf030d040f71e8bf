import type { Page } from '@playwright/test';
import type { PracticeStep } from '../../electron/core/lessons/schema';
import { expectMinTextSize, expectNoAxeViolations, expectTouchTargets, present } from './a11y';
import { api, expect, setUpStaff, test } from './fixtures';
import { openLessons, playStep, readLesson, wrongTry, type LanguageCode } from './lessons-helpers';

/**
 * Text size 1 and 3, and high contrast (at the largest size, where contrast and crowding meet):
 * the modes in which every lessons screen must meet the renderer README's rules (axe clean, 64 px
 * targets, 24 px text). Variations of a screen (feedback, messages) are checked
 * in the hardest mode only, to keep the suite within a 2-core machine's patience.
 */
const MODES = [
  { textSize: 1, highContrast: false },
  { textSize: 3, highContrast: false },
  { textSize: 3, highContrast: true },
] as const;
const HARDEST = [{ textSize: 3, highContrast: true }] as const;

async function checkScreen(
  page: Page,
  label: string,
  modes: readonly { textSize: number; highContrast: boolean }[] = MODES,
): Promise<void> {
  for (const mode of modes) {
    await present(page, mode);
    await expectNoAxeViolations(
      page,
      `${label} (text ${mode.textSize}${mode.highContrast ? ', high contrast' : ''})`,
    );
  }
  await present(page, { textSize: 1, highContrast: false });
  await expectTouchTargets(page, label);
  await expectMinTextSize(page, label);
}

/** Checking every mode takes longer than any idle time: keep the kiosk patient until the end. */
async function patientKiosk(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const session = await setUpStaff(page);
  await api(page, 'staff.settings.update', { idleSeconds: 600 }, session);
}

for (const language of ['zh-HK', 'en', 'zh-CN'] as LanguageCode[]) {
  test(`lessons screens and every step kind pass axe, 64 px targets and 24 px text in ${language}`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(360_000);
    await patientKiosk(page, kiosk.url);
    const lesson = readLesson('touchscreen-basics');
    await openLessons(page, kiosk, language);
    await checkScreen(page, `browse ${language}`);

    await page.getByTestId('start-here-touchscreen-basics').tap();
    for (let index = 0; index < lesson.steps.length; index++) {
      const step = lesson.steps[index]!;
      await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', String(index));
      if (index === 0 || index === 1 || step.kind === 'quiz' || step.kind === 'recap') {
        await checkScreen(page, `${step.kind} step ${step.id} ${language}`);
      }
      if (index === 1) {
        // The practice step with its hint, then with "show me" playing on the phone.
        await wrongTry(page, step as PracticeStep);
        await wrongTry(page, step as PracticeStep);
        await expect(page.getByTestId('show-me-animation')).toBeVisible();
        await checkScreen(page, `practice with show me ${language}`, HARDEST);
      }
      if (step.kind === 'quiz') {
        await page.getByTestId(`answer-${step.answers.find((a) => !a.correct)!.id}`).tap();
        await checkScreen(page, `quiz feedback ${language}`, HARDEST);
      }
      if (index === 2) {
        await page.getByTestId('save-place').tap();
        await expect(page.getByTestId('resume-code')).toBeVisible();
        await checkScreen(page, `save my place ${language}`, HARDEST);
        await page.getByTestId('close-code').tap();
      }
      await playStep(page, lesson, index);
    }
    await expect(page.getByTestId('lesson-end')).toBeVisible();
    await checkScreen(page, `end ${language}`);
    await page.getByTestId('make-code').tap();
    await expect(page.getByTestId('resume-code')).toBeVisible();
    await checkScreen(page, `end with code ${language}`);

    await page.getByTestId('all-lessons').tap();
    await page.getByTestId('continue-with-code').tap();
    await checkScreen(page, `code entry ${language}`);
    for (const key of ['Z', 'Z', 'Z', 'Z', 'Z', 'Z'])
      await page.getByRole('group').getByRole('button', { name: key, exact: true }).tap();
    await page.getByTestId('open-code').tap();
    await expect(page.getByTestId('code-unknown')).toBeVisible();
    await checkScreen(page, `code entry, unknown code ${language}`, HARDEST);
  });
}

test('every kind of practice phone passes axe, 64 px targets and 24 px text', async ({ page, kiosk }) => {
  test.setTimeout(240_000);
  await patientKiosk(page, kiosk.url);
  await openLessons(page, kiosk, 'en');
  for (const lessonId of ['free-wifi', 'spot-the-scam', 'lock-and-passwords', 'video-call', 'photos']) {
    const lesson = readLesson(lessonId);
    await page.getByTestId(`lesson-card-${lessonId}`).tap();
    for (let index = 0; index < lesson.steps.length; index++) {
      const step = lesson.steps[index]!;
      if (step.kind === 'practice') {
        if (step.success.kind === 'type-text')
          await page.getByTestId(`phone-el-${step.success.fieldId}`).tap();
        await checkScreen(page, `${lessonId} ${step.id} (${step.screen.app})`, [MODES[0], MODES[2]]);
      }
      await playStep(page, lesson, index);
    }
    await page.getByTestId('all-lessons').tap();
  }
});
