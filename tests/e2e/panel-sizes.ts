import type { Page } from '@playwright/test';

/** The panels centres buy, and lobby totems on their side. */
export const PANEL_SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const;
export const TEXT_SIZES = [1, 2, 3] as const;

/**
 * The text size set on the page directly (not by the toolbar, whose label stays as it was), for
 * checks that walk every size quickly; the home tiles fit themselves a frame after a change.
 */
export async function setTextSize(page: Page, size: number): Promise<void> {
  await page.evaluate((s) => (document.documentElement.dataset.textSize = String(s)), size);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}
