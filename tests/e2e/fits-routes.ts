import type { Page } from '@playwright/test';
import { present } from './a11y';
import { freshVisit, JOURNEYS, type RouteContext, type RouteScreen } from './fits-journeys';
import { api, expect, setUpStaff, type KioskProcess } from './fixtures';

/**
 * Walking the route list (fits-journeys.ts) with the toolbar: the fits check (fits.spec.ts) and
 * the screenshot run (tests/screenshots/) both use it, so the two always see the same screens.
 */

export { JOURNEYS, SCREEN_NAMES, type Journey, type RouteContext, type RouteScreen } from './fits-journeys';

export interface Presentation {
  textSize: number;
  highContrast: boolean;
}

/** Taps on the toolbar's text-size and contrast buttons until <html> shows `want`. */
async function useToolbar(page: Page, want: Presentation): Promise<void> {
  const root = page.locator('html');
  for (let taps = 0; taps < 3; taps++) {
    if ((await root.getAttribute('data-text-size')) === String(want.textSize)) break;
    const before = await root.getAttribute('data-text-size');
    await page.getByTestId('text-size').tap({ timeout: 5000 });
    await expect(root).not.toHaveAttribute('data-text-size', before ?? '');
  }
  await expect(root).toHaveAttribute('data-text-size', String(want.textSize));
  const contrast = async () => ((await root.getAttribute('class')) ?? '').includes('high-contrast');
  if ((await contrast()) !== want.highContrast) {
    const button = page
      .locator('nav.toolbar [data-testid="contrast"], nav.toolbar button[aria-pressed]:not([data-testid])')
      .first();
    await button.tap({ timeout: 5000 });
    await expect.poll(contrast).toBe(want.highContrast);
  }
}

/** Put the screen in `want` the way its visitor would (see RouteScreen.direct and .close). */
export async function presentScreen(
  ctx: RouteContext,
  screen: RouteScreen,
  want: Presentation,
): Promise<void> {
  if (screen.direct) return present(ctx.page, want);
  if (screen.close) {
    await screen.close(ctx);
    await useToolbar(ctx.page, want);
    await screen.reach(ctx);
    return;
  }
  await useToolbar(ctx.page, want);
}

/** What an elder sees without scrolling: every scroller back at its top. */
export async function scrollAllToTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('*')) if (el.scrollTop > 0) el.scrollTop = 0;
  });
}

/** Open the kiosk and set a staff PIN (the route changes the idle time through it). Returns the staff session. */
export async function prepareRouteKiosk(page: Page, kiosk: KioskProcess): Promise<string> {
  await page.goto(kiosk.url);
  return setUpStaff(page);
}

/**
 * Walk every journey: on each screen, `visit` is called once per presentation, in order, after
 * the screen is put in it. A journey whose step fails is reported to `lost` (its remaining
 * screens with it) and the walk goes on with the next journey.
 */
export async function walkRoutes(
  ctx: RouteContext,
  presentations: readonly Presentation[],
  visit: (screen: RouteScreen, presentation: Presentation) => Promise<void>,
  lost: (screens: RouteScreen[], error: string) => void,
): Promise<void> {
  // A whole route takes longer than a visitor's idle time: wait 10 minutes (the idle journey
  // shortens it for itself, last).
  const patient = await api(
    ctx.page,
    'staff.settings.update',
    { idleSeconds: 600, countdownSeconds: 20 },
    ctx.session,
  );
  expect(patient.ok).toBe(true);
  for (const journey of JOURNEYS) {
    let at = 0;
    try {
      await (journey.start ?? freshVisit)(ctx);
      for (; at < journey.screens.length; at++) {
        const screen = journey.screens[at]!;
        await screen.reach(ctx);
        for (const presentation of presentations) {
          await presentScreen(ctx, screen, presentation);
          await scrollAllToTop(ctx.page);
          await visit(screen, presentation);
        }
        // Back to the kiosk's own look, any dialog closed, before moving on (a direct screen set
        // the look behind the toolbar's back).
        const plain = { textSize: 1, highContrast: false };
        if (screen.direct) await present(ctx.page, plain);
        else {
          await screen.close?.(ctx);
          await useToolbar(ctx.page, plain);
        }
      }
    } catch (error) {
      // Playwright's first line says what failed, a "waiting for" line what it was waiting for.
      const lines = (error instanceof Error ? error.message : String(error)).split('\n');
      const waiting = lines.find((l) => /waiting for/.test(l))?.trim();
      const message = [lines[0], waiting].filter(Boolean).join(' ').slice(0, 200);
      lost(journey.screens.slice(at), `not reached (${journey.name}): ${message}`);
    }
  }
}
