import type { Page } from '@playwright/test';
import type { Language, LocalisedText } from '../../electron/core/i18n';
import type { PracticeStep } from '../../electron/core/lessons/schema';
import { PHONE_STYLES, type PhoneStyle } from '../../electron/shared/phone-style';
import {
  coloursNamed,
  iconsNamed,
  isAt,
  isColour,
  placesNamed,
  targetElement,
  wordProblems,
} from '../helpers/instruction-words';
import { expect, test } from './fixtures';
import { LESSON_IDS, openLessons, playStep, servedLesson } from './lessons-helpers';

/**
 * Every practice step of every lesson, done by touch as an elder would, in each phone style, one
 * page going from lesson to lesson. Before each practice the step's instruction is held against
 * the phone as drawn: the thing to touch is there, at the place the words name, in the colour
 * they name, showing the icon they name.
 */

/** "My phone is Android / iPhone", answered by touch on the lessons list, as a visitor does. */
async function chooseStyle(page: Page, style: PhoneStyle): Promise<void> {
  const button = page.getByTestId(`phone-style-choice-${style}`);
  await button.tap();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

const say = (text: LocalisedText, language: Language) => text[language] ?? text['zh-HK'];

/** What the step's words promise that the drawn phone does not keep. */
async function screenProblems(page: Page, step: PracticeStep, language: Language): Promise<string[]> {
  const instruction = say(step.instruction, language);
  const problems = wordProblems(step, instruction, language);
  const target = targetElement(step);
  if (!target || step.success.kind === 'judge-message' || step.success.kind === 'swipe') return problems;
  const drawn = page.getByTestId('phone').locator(`[data-element-id="${target.id}"]`);
  if ((await drawn.count()) !== 1) return [...problems, `${target.id} is not drawn on the phone`];
  // Scroll-to-find targets start out of sight by design: their place is not named.
  if (step.success.kind === 'scroll-find') return problems;
  await expect(drawn).toBeVisible();
  const screen = await page.getByTestId('phone').locator('.phone-body').boundingBox();
  // An app is found by its picture; a call button by its round face.
  const face = drawn.locator('.icon-tile, .round');
  const box = (await face.count()) ? await face.first().boundingBox() : await drawn.boundingBox();
  for (const place of placesNamed(step, instruction, language))
    if (!box || !screen || !isAt(place, box, screen))
      problems.push(
        `the words say ${place}, but ${target.id} is drawn at ${JSON.stringify(box)} in ${JSON.stringify(screen)}`,
      );
  for (const colour of coloursNamed(step, instruction, language)) {
    const painted = await ((await face.count()) ? face.first() : drawn).evaluate(
      (el) => getComputedStyle(el).backgroundColor,
    );
    if (!isColour(colour, painted))
      problems.push(`the words say ${colour}, but ${target.id} is painted ${painted}`);
  }
  for (const icon of iconsNamed(step, instruction, language))
    if ((await drawn.locator(`svg.icon-${icon}`).count()) === 0)
      problems.push(`the words name the ${icon} icon, but ${target.id} does not show it`);
  return problems;
}

/** Walk the lessons from the lessons screen, each to its end, back to the list after each. */
async function walk(page: Page, ids: string[], language: Language, style: PhoneStyle): Promise<string[]> {
  const problems: string[] = [];
  for (const id of ids) {
    const lesson = await servedLesson(page, id);
    await page.getByTestId(`lesson-card-${id}`).tap();
    for (let index = 0; index < lesson.steps.length; index++) {
      const step = lesson.steps[index]!;
      if (step.kind === 'practice') {
        await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', String(index));
        await expect(page.getByTestId('phone')).toHaveAttribute('data-phone-style', style);
        for (const problem of await screenProblems(page, step, language))
          problems.push(
            `${style} ${language} ${id}/${step.id}: ${problem} — "${say(step.instruction, language)}"`,
          );
      }
      await playStep(page, lesson, index);
    }
    await expect(page.getByTestId('lesson-end')).toBeVisible();
    await page.getByTestId('all-lessons').tap();
    await expect(page.getByTestId(`lesson-card-${id}`)).toBeVisible();
  }
  return problems;
}

for (const style of PHONE_STYLES) {
  test(`every practice step of every lesson is done by touch on the ${style} phone in zh-HK, its words matching the screen`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(240_000);
    await openLessons(page, kiosk, 'zh-HK');
    await chooseStyle(page, style);
    expect(LESSON_IDS.length).toBeGreaterThanOrEqual(15);
    expect(await walk(page, LESSON_IDS, 'zh-HK', style)).toEqual([]);
  });
}

/** English on the default style, Simplified Chinese on the other: both styles see a second language. */
const OTHER_LANGUAGES: [Language, PhoneStyle][] = [
  ['en', PHONE_STYLES[0]],
  ['zh-CN', PHONE_STYLES[1]],
];
for (const [language, style] of OTHER_LANGUAGES) {
  test(`the lessons with a practice are done by touch in ${language} (${style}), their words matching the screen`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(240_000);
    await openLessons(page, kiosk, language);
    await chooseStyle(page, style);
    const withPractice: string[] = [];
    for (const id of LESSON_IDS)
      if ((await servedLesson(page, id)).steps.some((s) => s.kind === 'practice')) withPractice.push(id);
    expect(withPractice.length).toBeGreaterThanOrEqual(15);
    expect(await walk(page, withPractice, language, style)).toEqual([]);
  });
}
