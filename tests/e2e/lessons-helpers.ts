import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Locator, Page } from '@playwright/test';
import type { Lesson, PracticeStep, Step } from '../../electron/core/lessons/schema';
import { demonstration } from '../../renderer/src/lessons/player-logic';
import { api, expect, REPO_ROOT, startVisit, type KioskProcess } from './fixtures';

export type LanguageCode = 'zh-HK' | 'en' | 'zh-CN';
export const LANGUAGE_NAMES: Record<LanguageCode, '繁體中文' | 'English' | '简体中文'> = {
  'zh-HK': '繁體中文',
  en: 'English',
  'zh-CN': '简体中文',
};

/** Every shipped lesson's id, in name order. */
export const LESSON_IDS = readdirSync(path.join(REPO_ROOT, 'data/lessons'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''))
  .sort();

/** The lesson as the core serves it (zh-CN filled in), so the words compared are the words shown. */
export async function servedLesson(page: Page, id: string): Promise<Lesson> {
  const result = await api(page, 'lessons.get', { id });
  expect(result.ok, `lessons.get ${id}`).toBe(true);
  return result.value as Lesson;
}

/** A lesson as shipped, read from data/lessons so the tests follow the content, whatever it says. */
export function readLesson(id: string): Lesson {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/lessons', `${id}.json`), 'utf8')) as Lesson;
}

/** Attract → language → home → the lessons tile, all by touch. */
export async function openLessons(page: Page, kiosk: KioskProcess, language: LanguageCode): Promise<void> {
  await startVisit(page, kiosk, LANGUAGE_NAMES[language]);
  await page.getByTestId('tile-lessons').tap();
  await expect(page.getByTestId(`lesson-card-touchscreen-basics`)).toBeVisible();
}

async function cdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real touch swipe (touchstart, moves, touchend) that the page sees as touch pointer events. */
export async function swipeByTouch(
  page: Page,
  on: Locator,
  direction: 'left' | 'right' | 'up' | 'down',
  distance = 160,
): Promise<void> {
  const session = await cdp(page);
  const start = await centre(on);
  const dx = direction === 'left' ? -distance : direction === 'right' ? distance : 0;
  const dy = direction === 'up' ? -distance : direction === 'down' ? distance : 0;
  await session.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x: start.x - dx / 2, y: start.y - dy / 2 }],
  });
  for (let i = 1; i <= 8; i++) {
    await session.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: start.x - dx / 2 + (dx * i) / 8, y: start.y - dy / 2 + (dy * i) / 8 }],
    });
  }
  await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await session.detach();
}

/** Press and hold by touch: the finger stays still for `ms`. */
export async function holdElementByTouch(page: Page, on: Locator, ms: number): Promise<void> {
  const session = await cdp(page);
  const point = await centre(on);
  await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await page.waitForTimeout(ms);
  await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await session.detach();
}

/** Scroll a list with a finger (a touch scroll gesture) until `target` is fully in view. */
export async function scrollByTouchUntilVisible(
  page: Page,
  scroller: Locator,
  target: Locator,
): Promise<void> {
  const session = await cdp(page);
  await scroller.scrollIntoViewIfNeeded();
  const box = await scroller.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('scroller is not visible');
  // Start the finger inside both the list and the window (at large text the list may reach past it).
  const bottom = Math.min(box.y + box.height, viewport.height - 130);
  for (let i = 0; i < 12; i++) {
    const inView = await target.evaluate((el) => {
      const list = el.closest('[data-testid="phone-screen"]')!.getBoundingClientRect();
      const own = el.getBoundingClientRect();
      return own.top >= list.top - 1 && own.bottom <= list.bottom + 1;
    });
    if (inView) break;
    await session.send('Input.synthesizeScrollGesture', {
      x: Math.round(box.x + box.width / 2),
      y: Math.round(bottom - 20),
      yDistance: -Math.round(Math.min(box.height / 3, (bottom - box.y) / 2)),
      gestureSourceType: 'touch',
      speed: 1200,
    });
  }
  await session.detach();
}

/** Whether the target starts out of sight in its scrolling list (the point of scroll-to-find). */
export async function isOutOfView(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const list = el.closest('[data-testid="phone-screen"]')!.getBoundingClientRect();
    return el.getBoundingClientRect().top >= list.bottom - 1;
  });
}

/** Do on the practice phone what the step asks, by touch, as an elder would. */
export async function doPractice(page: Page, step: PracticeStep): Promise<void> {
  const action = demonstration(step);
  const element = (id: string) => page.getByTestId(`phone-el-${id}`);
  switch (action.kind) {
    case 'tap':
      if (step.success.kind === 'scroll-find') {
        expect(
          await isOutOfView(element(action.targetId!)),
          'the scroll-find target starts out of view',
        ).toBe(true);
        await scrollByTouchUntilVisible(page, page.getByTestId('phone-screen'), element(action.targetId!));
      }
      await element(action.targetId!).tap();
      break;
    case 'press':
      await holdElementByTouch(page, element(action.targetId!), action.ms + 300);
      break;
    case 'swipe':
      await swipeByTouch(page, page.getByTestId('phone-screen'), action.direction);
      break;
    case 'toggle':
      await element(action.targetId).tap();
      break;
    case 'type': {
      await element(action.fieldId).tap();
      const keyboard = page.getByTestId('phone').locator('..').getByRole('group');
      for (const character of action.text)
        await keyboard.getByRole('button', { name: character.toLowerCase(), exact: true }).tap();
      await page.getByTestId('phone-keyboard-done').tap();
      break;
    }
    case 'judge':
      await page.getByTestId(`judge-${action.verdict}`).tap();
      break;
  }
  await expect(page.getByTestId('practice-feedback')).toHaveAttribute('data-kind', 'success');
}

/** Whatever the step is, do it the right way and tap Next. */
export async function playStep(page: Page, lesson: Lesson, index: number): Promise<void> {
  const step: Step = lesson.steps[index]!;
  await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', String(index));
  await expect(page.getByTestId('step-of')).toContainText(String(lesson.steps.length));
  if (step.kind === 'practice') {
    await expect(page.getByTestId('step-next')).toBeDisabled();
    await doPractice(page, step);
  } else if (step.kind === 'quiz') {
    const right = step.answers.find((a) => a.correct)!;
    await page.getByTestId(`answer-${right.id}`).tap();
    await expect(page.getByTestId('quiz-feedback')).toHaveAttribute('data-kind', 'quiz-right');
  }
  await page.getByTestId('step-next').tap();
}

/** Play a whole lesson from the step on screen to the end screen. */
export async function completeLesson(page: Page, lesson: Lesson, from = 0): Promise<void> {
  for (let index = from; index < lesson.steps.length; index++) await playStep(page, lesson, index);
  await expect(page.getByTestId('lesson-end')).toBeVisible();
}

/** A try that cannot be right: an empty spot on the phone, the other verdict, or the wrong way. */
export async function wrongTry(page: Page, step: PracticeStep): Promise<void> {
  if (step.success.kind === 'judge-message') {
    await page.getByTestId(`judge-${step.success.verdict === 'safe' ? 'scam' : 'safe'}`).tap();
  } else if (step.success.kind === 'swipe') {
    await swipeByTouch(
      page,
      page.getByTestId('phone-screen'),
      step.success.direction === 'left' ? 'right' : 'left',
    );
  } else {
    const wrong = step.screen.elements.find(
      (e) =>
        ['app-icon', 'button', 'list-item', 'contact'].includes(e.kind) &&
        e.id !== (step.success as { targetId?: string }).targetId,
    );
    await page.getByTestId(`phone-el-${wrong!.id}`).tap();
  }
}
