import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.2 A and AA rules (axe tags), the kiosk's bar for every screen. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Axe skips the contrast of text scrolled out of view inside the kiosk's scrolling <main> or a
 * ScrollRegion, and a demo is taller than the window: run it with a window tall enough to show
 * the whole screen.
 */
export async function withWholeScreenVisible<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  const hidden = await page.evaluate(() => {
    const main = document.getElementById('screen');
    const own = main ? main.scrollHeight - main.clientHeight : 0;
    // Text below a ScrollRegion's fold is just as scrolled out of view: grow the window for it too.
    const regions = [...document.querySelectorAll('[data-scroll-region] [role="region"]')].reduce(
      (sum, el) => sum + Math.max(0, el.scrollHeight - el.clientHeight),
      0,
    );
    return own + regions;
  });
  if (hidden <= 0) return run();
  await page.setViewportSize({ width: original.width, height: original.height + hidden + 8 });
  try {
    return await run();
  } finally {
    await page.setViewportSize(original);
  }
}

/** Waits until two animation frames have run, so rAF-scheduled updates have been applied. */
export async function afterNextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/**
 * Axe's experimental rules: among them label-content-name-mismatch (WCAG 2.5.3 Label in Name,
 * level A: people who drive the screen by voice say the label they see), which the WCAG tags do
 * not run. The shell's screens run them (shell-a11y.spec.ts); a capability's spec opts in with
 * `{ experimental: true }` once its screens pass.
 */
export const EXPERIMENTAL_TAGS = ['experimental'];

export async function expectNoAxeViolations(
  page: Page,
  label: string,
  options: { experimental?: boolean } = {},
): Promise<void> {
  const tags = options.experimental ? [...WCAG_TAGS, ...EXPERIMENTAL_TAGS] : WCAG_TAGS;
  const results = await withWholeScreenVisible(page, async () => {
    // A screen's layout-driven state (a scroll region's focusability, its buttons) settles a frame
    // after a resize or a text-size change: judge the screen as it is once that frame is drawn.
    await afterNextFrames(page);
    return new AxeBuilder({ page }).withTags(tags).analyze();
  });
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * The visible interactive elements under 64×64 CSS px, described ("button "OK" 40×40"). Runs in
 * the page (self-contained, so it can also be inlined into another in-page check, as the fits
 * check does). Text inputs count too; `exemptSelectors` are deliberate exceptions.
 */
export function smallTouchTargetsInPage(exemptSelectors: string[]): string[] {
  const selector =
    'button, a[href], input, select, textarea, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [tabindex]:not([tabindex="-1"])';
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .filter((el) => !exemptSelectors.some((s) => el.closest(s)))
    .filter((el) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
    })
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 63.5 || box.height < 63.5)
    .map(
      ({ el, box }) =>
        `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
    );
}

/**
 * Every visible interactive element is at least 64×64 CSS px: elders' fingers and shaky hands.
 * Text inputs count too. `exempt` takes selectors for deliberate exceptions (say why at the call).
 */
export async function expectTouchTargets(page: Page, label: string, exempt: string[] = []): Promise<void> {
  const small = await page.evaluate(smallTouchTargetsInPage, exempt);
  expect(small, `touch targets under 64×64 on ${label}`).toEqual([]);
}

/** No visible text smaller than `minPx` (24 px at the smallest text step). */
export async function expectMinTextSize(page: Page, label: string, minPx = 24): Promise<void> {
  const tiny = await page.evaluate((min) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      const style = getComputedStyle(parent);
      const box = parent.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0)
        continue;
      if (parent.closest('[aria-hidden="true"]')) continue;
      const size = parseFloat(style.fontSize);
      if (size < min - 0.01) out.push(`"${text.slice(0, 30)}" ${size}px`);
    }
    return out;
  }, minPx);
  expect(tiny, `text under ${minPx}px on ${label}`).toEqual([]);
}

/** Text size steps and contrast modes every screen is checked in. */
export const PRESENTATIONS = [
  { textSize: 1, highContrast: false },
  { textSize: 2, highContrast: false },
  { textSize: 3, highContrast: false },
  { textSize: 1, highContrast: true },
  { textSize: 3, highContrast: true },
] as const;

/** Set text size and contrast directly on <html>, as the toolbar does, to check a screen in each. */
export async function present(
  page: Page,
  presentation: { textSize: number; highContrast: boolean },
): Promise<void> {
  await page.evaluate(({ textSize, highContrast }) => {
    document.documentElement.dataset.textSize = String(textSize);
    document.documentElement.classList.toggle('high-contrast', highContrast);
  }, presentation);
}
