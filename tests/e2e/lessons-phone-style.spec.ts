import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInToConsole } from './staff-console-helpers';
import { doPractice, openLessons, readLesson } from './lessons-helpers';

/** From the lessons list to the lesson's first practice step, by touch. */
async function toFirstPractice(page: Page, lessonId: string): Promise<void> {
  const lesson = readLesson(lessonId);
  await page.getByTestId(`lesson-card-${lessonId}`).tap();
  const first = lesson.steps.findIndex((s) => s.kind === 'practice');
  for (let i = 0; i < first; i++) await page.getByTestId('step-next').tap();
  await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', String(first));
}

test('the staff default style draws the practice phone until a visitor chooses', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await signInToConsole(page, kiosk, 'English');
  await page.getByTestId('settings-phone-style-iphone').tap();
  await expect(page.getByTestId('settings-phone-style-iphone')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('save-settings').tap();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByTestId('staff-sign-out').tap();

  await openLessons(page, kiosk, 'zh-HK');
  // The list offers the choice, showing the centre's default as the one in use.
  await expect(page.getByTestId('phone-style-choice-iphone')).toHaveAttribute('aria-pressed', 'true');
  await toFirstPractice(page, 'touchscreen-basics');
  await expect(page.getByTestId('phone')).toHaveAttribute('data-phone-style', 'iphone');
  // Not chosen yet in this visit: the first practice step asks too.
  await expect(page.getByTestId('practice-phone-style')).toBeVisible();
});

test('a visitor’s choice changes the phone for the visit, and the wipe forgets it', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  await openLessons(page, kiosk, 'zh-HK');
  await toFirstPractice(page, 'touchscreen-basics');
  const phone = page.getByTestId('phone');
  await expect(phone).toHaveAttribute('data-phone-style', 'android');
  const ask = page.getByTestId('practice-phone-style');
  await expect(ask.getByTestId('practice-phone-style-android')).toHaveAttribute('aria-pressed', 'true');
  const iphone = ask.getByTestId('practice-phone-style-iphone');
  await expect(iphone).toHaveAccessibleName(/iPhone/);
  await iphone.tap();
  await expect(phone).toHaveAttribute('data-phone-style', 'iphone');
  // Answered: the question goes, and the lessons list shows the answer.
  await expect(ask).toHaveCount(0);
  await page.getByTestId('toolbar-back').tap();
  await expect(page.getByTestId('phone-style-choice-iphone')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('phone-style-choice-android')).toHaveAttribute('aria-pressed', 'false');
  // Another lesson in the same visit: the same phone, no question.
  await toFirstPractice(page, 'your-phone');
  await expect(phone).toHaveAttribute('data-phone-style', 'iphone');
  await expect(page.getByTestId('practice-phone-style')).toHaveCount(0);

  // I'm finished: the next visitor starts from the centre's default and is asked again.
  await page.getByRole('button', { name: '我用完了' }).tap();
  await page.getByRole('button', { name: '是，我用完了' }).tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  await openLessons(page, kiosk, 'zh-HK');
  await expect(page.getByTestId('phone-style-choice-android')).toHaveAttribute('aria-pressed', 'true');
  await toFirstPractice(page, 'your-phone');
  await expect(phone).toHaveAttribute('data-phone-style', 'android');
  await expect(page.getByTestId('practice-phone-style')).toBeVisible();
});

test('a switch turned on stays on, on the screen and in the next step', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  const lesson = readLesson('free-wifi');
  await openLessons(page, kiosk, 'zh-HK');
  await page.getByTestId('lesson-card-free-wifi').tap();
  const toggleAt = lesson.steps.findIndex((s) => s.id === 'turn-wifi-on');
  for (let i = 0; i < toggleAt; i++) {
    const step = lesson.steps[i]!;
    if (step.kind === 'practice') await doPractice(page, step);
    await page.getByTestId('step-next').tap();
  }
  const wifi = page.getByTestId('phone-el-wifi-switch');
  await expect(wifi).toHaveAttribute('aria-checked', 'false');
  await wifi.tap();
  await expect(page.getByTestId('practice-feedback')).toHaveAttribute('data-kind', 'success');
  // The feedback says Wi-Fi is on, and the switch says so too.
  await expect(wifi).toHaveAttribute('aria-checked', 'true');
  await expect(wifi).toContainText('開');
  await page.getByTestId('step-next').tap();
  await expect(page.getByTestId('phone-el-wifi-switch')).toHaveAttribute('aria-checked', 'true');
  // Back to the step: the phone is as the visitor left it, not as the step was written.
  await page.getByTestId('step-back').tap();
  await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', String(toggleAt));
  await expect(page.getByTestId('phone-el-wifi-switch')).toHaveAttribute('aria-checked', 'true');
});

test('louder is louder: the volume line follows the buttons', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  const lesson = readLesson('your-phone');
  await openLessons(page, kiosk, 'zh-HK');
  await page.getByTestId('lesson-card-your-phone').tap();
  const volumeAt = lesson.steps.findIndex((s) => s.id === 'volume-up');
  for (let i = 0; i < volumeAt; i++) {
    const step = lesson.steps[i]!;
    if (step.kind === 'practice') await doPractice(page, step);
    await page.getByTestId('step-next').tap();
  }
  const level = page.getByTestId('phone-screen').getByText(/^音量：/);
  await expect(level).toHaveText('音量：一半');
  await page.getByTestId('phone-el-volume-up').tap();
  await expect(page.getByTestId('practice-feedback')).toHaveAttribute('data-kind', 'success');
  await expect(level).toHaveText('音量：高');
  await page.getByTestId('phone-el-volume-up').tap();
  await expect(level).toHaveText('音量：最高');
});
