import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, REPO_ROOT } from './fixtures';

/**
 * Writing on the kiosk's handwriting pad the way a visitor does: by touch, stroke by stroke, from
 * the Make Me a Hanzi stroke medians that `hanzi-writer-data` ships (the shape a person's finger
 * follows, drawn in the stroke order people write).
 */

/** Make Me a Hanzi's box: 1024 units, y up, the baseline 124 units above the bottom edge. */
const BOX = 1024;
const TOP = 900;
/** Points at most this far apart (CSS px) along a stroke, as a finger reports them. */
const STEP_PX = 8;

type Median = [number, number][];

/** A character's strokes as medians, in writing order (y up, in the 1024 box). */
export function medians(char: string): Median[] {
  const file = path.join(REPO_ROOT, 'node_modules/hanzi-writer-data', `${char}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { medians: Median[] }).medians;
}

/** The stroke's points filled in so that no two are more than STEP_PX apart on the screen. */
function densify(points: { x: number; y: number }[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  points.forEach((point, i) => {
    const last = points[i - 1];
    if (last) {
      const steps = Math.max(1, Math.ceil(Math.hypot(point.x - last.x, point.y - last.y) / STEP_PX));
      for (let s = 1; s < steps; s++) {
        out.push({
          x: last.x + ((point.x - last.x) * s) / steps,
          y: last.y + ((point.y - last.y) * s) / steps,
        });
      }
    }
    out.push(point);
  });
  return out;
}

/** The pad's strokes count, as it shows it (data-strokes). */
async function strokesOnPad(pad: Locator): Promise<number> {
  return Number(await pad.getAttribute('data-strokes'));
}

/**
 * Draw `char` on `pad` by touch (CDP touchStart / touchMove per point / touchEnd per stroke):
 * the character fills a square in the middle of the pad, y flipped to the screen's. Waits until
 * the candidates shown are the answer for all its strokes.
 */
export async function writeCharacter(page: Page, pad: Locator, char: string): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the handwriting pad is not visible');
  const side = Math.min(box.width, box.height) * 0.85;
  const left = box.x + (box.width - side) / 2;
  const top = box.y + (box.height - side) / 2;
  const before = await strokesOnPad(pad);
  const strokes = medians(char);
  const session = await page.context().newCDPSession(page);
  try {
    for (const stroke of strokes) {
      const points = densify(
        stroke.map(([x, y]) => ({ x: left + (x / BOX) * side, y: top + ((TOP - y) / BOX) * side })),
      );
      const [first, ...rest] = points;
      await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
      for (const point of rest) {
        await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
      }
      await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    }
  } finally {
    await session.detach();
  }
  const total = before + strokes.length;
  await expect(pad).toHaveAttribute('data-strokes', String(total));
  await expect(page.getByTestId('candidate-bar')).toHaveAttribute('data-answered', String(total));
}

/** The characters the bar offers now (candidates or 聯想字), in order. */
export async function offered(page: Page): Promise<string[]> {
  return (await page.getByTestId('candidate-bar').getByRole('button').allTextContents()).map((text) =>
    text.trim(),
  );
}

/** Tap the candidate or suggestion that is exactly `text`. */
export async function pickCandidate(page: Page, text: string): Promise<void> {
  const item = page
    .getByTestId('candidate-bar')
    .getByRole('button')
    .filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) });
  await expect(item, `「${text}」 is offered`).toHaveCount(1);
  await item.tap();
}
