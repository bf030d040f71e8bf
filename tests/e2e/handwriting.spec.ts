import type { Page, Request } from '@playwright/test';
import { openDemo, showAfter } from './accessibility-helpers';
import { expectNoAxeViolations } from './a11y';
import { expectFits } from './fits-check';
import { expect, startVisit, test } from './fixtures';
import { offered, pickCandidate, writeCharacter } from './handwriting-helpers';
import { prepareKiosk } from './hotspots-helpers';

/**
 * The handwriting pad of the on-screen keyboard, by finger only, on the Wi-Fi search screen: the
 * candidates for what is written, the pick, the 聯想字 after it, undo and clear, and the script
 * each language prefers.
 */

/** The `prefer` of every recognise call the page makes from now on. */
function recordPreferences(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/api/handwriting.recognise')) return;
    seen.push((request.postDataJSON() as { prefer: string }).prefer);
  });
  return seen;
}

test('沙 written by finger at the largest text: eight or more big candidates, 沙 first; picked, 田 follows; undo and clear', async ({
  page,
  kiosk,
}) => {
  await prepareKiosk(page, kiosk);
  const preferences = recordPreferences(page);
  await startVisit(page, kiosk, '繁體中文');
  for (let i = 0; i < 2; i++) await page.getByTestId('text-size').tap();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '3');
  await page.getByTestId('tile-hotspots').tap();
  await page.getByTestId('hotspots-search').tap();

  // Chinese readers start on the pad.
  const pad = page.getByTestId('handwriting-pad');
  await expect(pad).toBeVisible();
  await expect(pad).toContainText('寫一個字');
  await writeCharacter(page, pad, '沙');

  const candidates = page.getByTestId('candidate');
  expect(await candidates.count()).toBeGreaterThanOrEqual(8);
  const list = await offered(page);
  expect(list[0], `candidates: ${list.join(' ')}`).toBe('沙');
  await expect(candidates.first()).toHaveClass(/\bbest\b/);
  await expect(candidates.first()).toHaveAccessibleName('插入「沙」');
  // Every candidate a finger can hit, and all of them inside the window.
  const viewport = page.viewportSize()!;
  for (const candidate of (await candidates.all()).slice(0, 8)) {
    const box = (await candidate.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(64);
    expect(box.height).toBeGreaterThanOrEqual(64);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  }
  await expectFits(page, 'Wi-Fi search with candidates, text 3');
  expect(new Set(preferences)).toEqual(new Set(['traditional']));

  await pickCandidate(page, '沙');
  await expect(page.getByTestId('hotspots-typed')).toHaveValue('沙');
  await expect(pad).toHaveAttribute('data-strokes', '0');
  await expect(page.getByTestId('candidate-bar')).toHaveAttribute('data-kind', 'suggestions');
  await expect(page.getByTestId('suggestion').first()).toBeVisible();
  expect(await offered(page)).toContain('田');
  await pickCandidate(page, '田');
  await expect(page.getByTestId('hotspots-typed')).toHaveValue('沙田');

  // Undo takes back one stroke and asks again; clear empties the pad and the bar.
  await writeCharacter(page, pad, '田');
  await page.getByTestId('handwriting-undo').tap();
  await expect(pad).toHaveAttribute('data-strokes', '4');
  await expect(page.getByTestId('candidate-bar')).toHaveAttribute('data-answered', '4');
  await page.getByTestId('handwriting-clear').tap();
  await expect(pad).toHaveAttribute('data-strokes', '0');
  await expect(page.getByTestId('candidate')).toHaveCount(0);
  await expect(pad).toContainText('寫一個字');
  await expect(page.getByTestId('hotspots-typed')).toHaveValue('沙田');
  // Undo on an empty pad says why it does nothing (force: Playwright waits for an aria-disabled
  // control to become enabled; a finger just taps).
  await page.getByTestId('handwriting-undo').tap({ force: true });
  await expect(page.getByTestId('disabled-reason')).toContainText('手寫板上未有字');
});

test('Simplified Chinese asks for Simplified first and gets 书 first for 书', async ({ page, kiosk }) => {
  await prepareKiosk(page, kiosk);
  const preferences = recordPreferences(page);
  await startVisit(page, kiosk, '简体中文');
  await page.getByTestId('tile-hotspots').tap();
  await page.getByTestId('hotspots-search').tap();
  const pad = page.getByTestId('handwriting-pad');
  await expect(pad).toContainText('写一个字');
  await writeCharacter(page, pad, '书');
  const list = await offered(page);
  expect(list[0], `candidates: ${list.join(' ')}`).toBe('书');
  await expect(page.getByTestId('candidate').first()).toHaveAccessibleName('插入“书”');
  expect(new Set(preferences)).toEqual(new Set(['simplified']));
  await expectNoAxeViolations(page, 'handwriting pad, zh-CN');
});

test('English starts on the letters; the switch to handwriting holds for the rest of the visit', async ({
  page,
  kiosk,
}) => {
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk, 'English');
  await page.getByTestId('tile-hotspots').tap();
  await page.getByTestId('hotspots-search').tap();
  await expect(page.getByTestId('handwriting-pad')).toHaveCount(0);
  await page.getByTestId('keyboard-mode-handwriting').tap();
  const pad = page.getByTestId('handwriting-pad');
  await writeCharacter(page, pad, '書');
  expect((await offered(page))[0]).toBe('書');
  await page.getByTestId('toolbar-back').tap();
  await page.getByTestId('hotspots-search').tap();
  await expect(page.getByTestId('handwriting-pad')).toBeVisible();
  await page.getByTestId('keyboard-mode-abc').tap();
  await expect(page.getByTestId('handwriting-pad')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'q', exact: true })).toBeVisible();
});

test('the pad stays put while candidates arrive, even where eight take two rows (the forms demo at the largest text)', async ({
  page,
  kiosk,
}) => {
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk, '繁體中文');
  for (let i = 0; i < 2; i++) await page.getByTestId('text-size').tap();
  await page.getByTestId('tile-accessibility').tap();
  await openDemo(page, 'forms');
  await showAfter(page);
  const pad = page.getByTestId('handwriting-pad');
  await pad.scrollIntoViewIfNeeded();
  const before = (await pad.boundingBox())!;
  await writeCharacter(page, pad, '陳');
  expect(await page.getByTestId('candidate').count()).toBeGreaterThanOrEqual(8);
  expect(await offered(page)).toContain('陳');
  const after = (await pad.boundingBox())!;
  expect(after.y).toBe(before.y);
  expect(after.height).toBe(before.height);
  await pickCandidate(page, '陳');
  await expect(page.getByTestId('field-name')).toHaveValue('陳');
});
