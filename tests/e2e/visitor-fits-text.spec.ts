import type { Page } from '@playwright/test';
import { expect, startVisit, test } from './fixtures';
import { PANEL_SIZES, setTextSize, TEXT_SIZES } from './panel-sizes';
import { openLessons, playStep, servedLesson } from './lessons-helpers';

const LANGUAGES = [
  ['繁體中文', 'zh-HK'],
  ['English', 'en'],
  ['简体中文', 'zh-CN'],
] as const;

/**
 * Words of each tile title that are split over two lines: each character's line box (its top,
 * from Range.getClientRects) must be the same for every character of a word.
 */
function splitWords(page: Page, language: string): Promise<string[]> {
  return page.evaluate((lang) => {
    const split: string[] = [];
    const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    for (const title of document.querySelectorAll<HTMLElement>('.tile-title')) {
      const text = title.textContent ?? '';
      const tops: number[] = [];
      const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.textContent!.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          tops.push(Math.round(range.getClientRects()[0]?.top ?? NaN));
        }
      }
      for (const part of segmenter.segment(text)) {
        if (!part.isWordLike) continue;
        const lines = new Set(tops.slice(part.index, part.index + part.segment.length));
        if (lines.size > 1) split.push(`${text}: ${part.segment}`);
      }
    }
    return split;
  }, language);
}

test('home tile titles break only between words, in every language, size and panel', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  const split: string[] = [];
  for (const [name, language] of LANGUAGES) {
    await startVisit(page, kiosk, name);
    await expect(page.getByTestId('tile-programmes')).toBeVisible();
    for (const viewport of PANEL_SIZES) {
      await page.setViewportSize(viewport);
      for (const size of TEXT_SIZES) {
        await setTextSize(page, size);
        if (size === 3)
          await page.screenshot({
            path: `/tmp/helper-a-shots/home-${language}-${viewport.width}x${viewport.height}.png`,
          });
        for (const word of await splitWords(page, language))
          split.push(`${language} ${viewport.width}×${viewport.height} size ${size}: ${word}`);
      }
    }
  }
  expect(split).toEqual([]);
});

test('the practice PIN to copy stays on one line at 1280×800 with the largest text', async ({
  page,
  kiosk,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLessons(page, kiosk, 'zh-HK');
  const lesson = await servedLesson(page, 'lock-and-passwords');
  await page.getByTestId('lesson-card-lock-and-passwords').tap();
  for (const index of [0, 1, 2]) await playStep(page, lesson, index);
  await setTextSize(page, 3);
  const instruction = page.getByTestId('instruction');
  await expect(instruction).toContainText('5');
  await page.screenshot({ path: '/tmp/helper-a-shots/pin-zh-HK-1280x800.png' });
  // The line tops of the PIN's digits: one top means one line.
  const tops = await instruction.evaluate((element) => {
    const node = [...element.childNodes].find((n) => /5\s8/u.test(n.textContent ?? ''))!;
    const start = node.textContent!.search(/5\s8/u);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + 11);
    return [...new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))];
  });
  expect(tops).toHaveLength(1);
});
