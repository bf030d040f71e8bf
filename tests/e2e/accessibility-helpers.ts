import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { WCAG_TAGS, withWholeScreenVisible } from './a11y';
import { expect } from './fixtures';

/** The deliberately inaccessible box of a "before" demo (see renderer/src/accessibility/demos/DemoBox.svelte). */
export const BEFORE_BOX = '[data-demo="before"]';

export const DEMO_IDS = [
  'text-size',
  'contrast',
  'colour-alone',
  'low-vision',
  'touch-targets',
  'screen-readers',
  'forms',
  'time-and-motion',
  'captions',
] as const;
export type DemoId = (typeof DEMO_IDS)[number];

/** Axe's WCAG 2.2 A/AA rule ids that fail inside the before box. */
export async function axeRulesFailingInBeforeBox(page: Page): Promise<string[]> {
  const results = await withWholeScreenVisible(page, () =>
    new AxeBuilder({ page }).include(BEFORE_BOX).withTags(WCAG_TAGS).analyze(),
  );
  return results.violations.map((v) => v.id);
}

function summarise(violations: { id: string; nodes: { target: unknown[] }[] }[]): string[] {
  return violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

/** The whole page, all of it on screen, passes axe (WCAG 2.2 A and AA). */
export async function expectWholeScreenAxeClean(page: Page, label: string): Promise<void> {
  const results = await withWholeScreenVisible(page, () =>
    new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze(),
  );
  expect(summarise(results.violations), `axe violations on ${label}`).toEqual([]);
}

/** The whole page passes axe except for exactly the before box (which must be on screen). */
export async function expectAxeCleanOutsideBeforeBox(page: Page, label: string): Promise<void> {
  await expect(page.locator(BEFORE_BOX)).toHaveCount(1);
  const results = await withWholeScreenVisible(page, () =>
    new AxeBuilder({ page }).exclude(BEFORE_BOX).withTags(WCAG_TAGS).analyze(),
  );
  expect(summarise(results.violations), `axe violations outside the before box on ${label}`).toEqual([]);
}

/** No visible text under 24 px, except inside the before box (where small text is the point). */
export async function expectMinTextSizeOutsideBeforeBox(
  page: Page,
  label: string,
  minPx = 24,
): Promise<void> {
  const tiny = await page.evaluate(
    ({ min, box }) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest(box) || parent.closest('[aria-hidden="true"]')) continue;
        const style = getComputedStyle(parent);
        const rect = parent.getBoundingClientRect();
        if (
          style.visibility === 'hidden' ||
          style.display === 'none' ||
          rect.width === 0 ||
          rect.height === 0
        )
          continue;
        if (parseFloat(style.fontSize) < min - 0.01) out.push(`"${text.slice(0, 30)}" ${style.fontSize}`);
      }
      return out;
    },
    { min: minPx, box: BEFORE_BOX },
  );
  expect(tiny, `text under ${minPx}px outside the before box on ${label}`).toEqual([]);
}

/** Open a demo from the demos list by touch and make sure it starts on "before". */
export async function openDemo(page: Page, id: DemoId): Promise<void> {
  await page.getByTestId(`demo-card-${id}`).tap();
  await expect(page.getByTestId(`demo-screen-${id}`)).toBeVisible();
  if ((await page.getByTestId('show-before').getAttribute('aria-pressed')) !== 'true')
    await page.getByTestId('show-before').tap();
  await expect(page.getByTestId('demo-box-before')).toBeVisible();
}

export async function showAfter(page: Page): Promise<void> {
  await page.getByTestId('show-after').tap();
  await expect(page.getByTestId('demo-box-after')).toBeVisible();
  await expect(page.locator(BEFORE_BOX)).toHaveCount(0);
}

/** Font size in px of an element. */
export async function fontSizeOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** "rgb(1, 2, 3)" → "#010203" */
export function cssColourToHex(css: string): string {
  const [r = 0, g = 0, b = 0] = (css.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}
