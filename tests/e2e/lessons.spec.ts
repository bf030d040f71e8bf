import type { Page } from '@playwright/test';
import type { PracticeStep, QuizStep, RecapStep } from '../../electron/core/lessons/schema';
import { expect, holdByTouch, setUpStaff, startVisit, tapPin, TEST_PIN, test } from './fixtures';
import {
  completeLesson,
  doPractice,
  openLessons,
  playStep,
  readLesson,
  wrongTry,
  type LanguageCode,
} from './lessons-helpers';

/** Every lessons.progress call the page makes, to check the anonymous counters are fed. */
function watchProgress(page: Page): { event: string; language: string; lessonId: string }[] {
  const seen: { event: string; language: string; lessonId: string }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/lessons.progress'))
      seen.push(request.postDataJSON() as { event: string; language: string; lessonId: string });
  });
  return seen;
}

const JOURNEYS: { lessonId: string; language: LanguageCode }[] = [
  { lessonId: 'touchscreen-basics', language: 'zh-HK' },
  { lessonId: 'free-wifi', language: 'en' },
  { lessonId: 'spot-the-scam', language: 'zh-CN' },
];

for (const { lessonId, language } of JOURNEYS) {
  test(`an elder completes ${lessonId} by touch alone in ${language}`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    const progress = watchProgress(page);
    const lesson = readLesson(lessonId);
    await openLessons(page, kiosk, language);
    await page.getByTestId(`start-here-${lessonId}`).tap();
    await completeLesson(page, lesson);

    // The end: what was learnt (the recap points) and where to get more help, in the visitor's language.
    const recap = lesson.steps.at(-1) as RecapStep;
    const end = page.getByTestId('lesson-end');
    if (language !== 'zh-CN') {
      await expect(end.getByText(recap.points[0]![language]!, { exact: true }).first()).toBeVisible();
      await expect(end.getByText(lesson.moreHelp[0]![language]!, { exact: true }).first()).toBeVisible();
    }
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    // The counters heard about the start, every step and the end, in this language.
    await expect.poll(() => progress.filter((p) => p.event === 'completed').length).toBe(1);
    expect(progress.filter((p) => p.event === 'started')).toHaveLength(1);
    expect(progress.filter((p) => p.event === 'step')).toHaveLength(lesson.steps.length);
    expect(progress.every((p) => p.language === language && p.lessonId === lessonId)).toBe(true);

    // A code and a print slip are there if wanted; the slip shows no more than the lesson.
    await page.getByTestId('make-code').tap();
    await expect(page.getByTestId('resume-code')).toHaveAttribute('data-code', /^[A-Z2-9]{6}$/);
    await expect(page.getByTestId('resume-code-card').getByRole('img')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print-slip-content')).toBeVisible();
    await expect(page.getByTestId('print-slip')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
  });
}

test('a wrong try brings a gentle hint, two bring "show me", and never a fail state', async ({
  page,
  kiosk,
}) => {
  const lesson = readLesson('touchscreen-basics');
  await openLessons(page, kiosk, 'en');
  await page.getByTestId('lesson-card-touchscreen-basics').tap();
  await playStep(page, lesson, 0);

  const step = lesson.steps[1] as PracticeStep;
  const feedback = page.getByTestId('practice-feedback');
  await wrongTry(page, step);
  await expect(feedback).toHaveAttribute('data-kind', 'hint');
  await expect(feedback).toContainText(step.hint.en);
  await expect(page.getByTestId('show-me-animation')).toHaveCount(0);
  await expect(page.getByTestId('step-next')).toBeDisabled();

  await wrongTry(page, step);
  await expect(feedback).toHaveAttribute('data-kind', 'show-me');
  await expect(feedback).toContainText(step.showMe.en);
  await expect(page.getByTestId('show-me-animation')).toBeVisible();
  // The hand points at the right icon.
  const ring = await page.getByTestId('show-me-animation').boundingBox();
  const target = await page
    .getByTestId(`phone-el-${(step.success as { targetId: string }).targetId}`)
    .boundingBox();
  expect(ring!.x).toBeGreaterThan(target!.x);
  expect(ring!.x).toBeLessThan(target!.x + target!.width);
  await page.getByTestId('show-me-again').tap();
  await expect(page.getByTestId('show-me-animation')).toBeVisible();

  await doPractice(page, step);
  await expect(page.getByTestId('show-me-animation')).toHaveCount(0);
  await expect(page.getByTestId('step-next')).toBeEnabled();

  // A quiz: the explanation comes with every answer; after two wrong ones the right one is marked.
  await page.getByTestId('step-next').tap();
  for (let index = 2; index < 7; index++) await playStep(page, lesson, index);
  const quiz = lesson.steps[7] as QuizStep;
  const wrong = quiz.answers.filter((a) => !a.correct);
  await page.getByTestId(`answer-${wrong[0]!.id}`).tap();
  await expect(page.getByTestId('quiz-feedback')).toContainText(wrong[0]!.feedback.en);
  await page.getByTestId(`answer-${wrong[1]!.id}`).tap();
  await expect(page.getByTestId(`answer-${quiz.answers.find((a) => a.correct)!.id}`)).toContainText(
    'This one',
  );
});

test('a resume code continues the lesson after "I\'m finished" wipes the visit', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  const lesson = readLesson('touchscreen-basics');
  await openLessons(page, kiosk, 'en');
  await page.getByTestId('lesson-card-touchscreen-basics').tap();
  for (let index = 0; index < 3; index++) await playStep(page, lesson, index);
  await page.getByTestId('save-place').tap();
  const code = (await page.getByTestId('resume-code').getAttribute('data-code'))!;
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await page.getByTestId('close-code').tap();

  await page.getByRole('button', { name: "I'm finished", exact: true }).tap();
  await page.getByRole('button', { name: "Yes, I'm finished" }).tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await expect(page.getByTestId('resume-code')).toHaveCount(0);

  await startVisit(page, kiosk, 'English');
  await page.getByTestId('tile-lessons').tap();
  // The wipe forgot the place: the lesson starts from the beginning without the code.
  await page.getByTestId('lesson-card-touchscreen-basics').tap();
  await expect(page.getByTestId('step-of')).toHaveText(`Step 1 of ${lesson.steps.length}`);
  await page
    .getByRole('navigation', { name: 'Kiosk controls' })
    .getByRole('button', { name: 'Back', exact: true })
    .tap();
  await page.getByTestId('continue-with-code').tap();
  const keyboard = page.getByRole('group', { name: 'Keyboard for your code' });
  const type = async (text: string) => {
    for (const character of text) await keyboard.getByRole('button', { name: character, exact: true }).tap();
  };
  // An unknown code gets a clear message, not a dead end.
  await type(code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
  await page.getByTestId('open-code').tap();
  await expect(page.getByTestId('code-unknown')).toBeVisible();
  for (let i = 0; i < 6; i++) await keyboard.getByRole('button', { name: 'Delete' }).tap();

  await type(code);
  await expect(page.getByTestId('code-boxes')).toContainText(code.split('').join(''));
  await page.getByTestId('open-code').tap();
  await expect(page.getByTestId('step-of')).toHaveText(`Step 4 of ${lesson.steps.length}`);
  await completeLesson(page, lesson, 3);
});

test('staff set how long lesson codes are kept', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await setUpStaff(page);
  await page.reload();
  await page.getByTestId('touch-to-start').tap();
  await page.getByRole('button', { name: 'English', exact: true }).tap();
  await holdByTouch(page, 'centre-name', 3300);
  await tapPin(page, TEST_PIN);
  await page.getByRole('button', { name: 'Lesson codes' }).tap();
  await expect(page.getByTestId('retention-days')).toHaveText('180');
  await page.getByRole('button', { name: '30 days more' }).tap();
  await page.getByRole('button', { name: '1 day fewer' }).tap();
  await page.getByTestId('save-retention').tap();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByTestId('retention-days')).toHaveText('209');
  await expect(page.getByTestId('stored-codes')).toContainText('0');
});
