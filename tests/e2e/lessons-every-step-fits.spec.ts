import { expect, test } from './fixtures';
import { checkFits } from './fits-check';
import { doPractice, LESSON_IDS, openLessons, servedLesson } from './lessons-helpers';
import { setTextSizeByTouch } from './programmes-helpers';

/**
 * Every step of every lesson fits at the largest text on the shortest landscape panel in English,
 * whose words run longest: before the visitor acts and again once the step is done (the
 * explanation or praise showing), the step's main actions and Next are wholly in view, nothing is
 * cut off and the page never scrolls. The fits check walks a few steps in every language; this walks
 * them all, where long questions and answers once pushed Next off the screen.
 */

test('every step of every lesson fits at the largest English text on 1280×800, before and after it is done', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLessons(page, kiosk, 'en');
  await page.getByTestId('phone-style-choice-android').tap();
  await setTextSizeByTouch(page, 3);
  const problems: string[] = [];
  const check = async (label: string) => {
    for (const failure of await checkFits(page)) problems.push(`${label}: ${failure.detail}`);
  };
  for (const id of LESSON_IDS) {
    const lesson = await servedLesson(page, id);
    await page.getByTestId(`lesson-card-${id}`).tap();
    for (const [index, step] of lesson.steps.entries()) {
      await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', String(index));
      await check(`${id}/${step.id}`);
      if (step.kind === 'practice') await doPractice(page, step);
      else if (step.kind === 'quiz')
        await page.getByTestId(`answer-${step.answers.find((answer) => answer.correct)!.id}`).tap();
      if (step.kind === 'practice' || step.kind === 'quiz') await check(`${id}/${step.id} done`);
      await page.getByTestId('step-next').tap();
    }
    await expect(page.getByTestId('lesson-end')).toBeVisible();
    await page.getByTestId('all-lessons').tap();
  }
  expect(problems).toEqual([]);
});
