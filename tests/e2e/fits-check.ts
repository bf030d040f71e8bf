import type { Page } from '@playwright/test';
import { afterNextFrames, smallTouchTargetsInPage } from './a11y';
import { expect } from './fixtures';

/**
 * "Does this screen fit?" measured in the page, as an elder sees it without scrolling: the
 * screen's main action is in view, no text is cut off or hidden, the page itself does not scroll
 * and every target is at least 64×64 CSS px. `fits.spec.ts` runs it on every visitor screen,
 * viewport and text size; any spec can call `expectFits(page, label)` on the screen it has open.
 */

export interface FitsOptions {
  /**
   * Selectors whose insides are not judged at all: deliberate faults (an accessibility demo's
   * "before" box).
   */
  exempt?: string[];
  /**
   * Selectors that may scroll their own contents, like a ScrollRegion (`[data-scroll-region]`
   * always may): text below their fold is not "clipped". Say why at the call.
   */
  scrollers?: string[];
}

export interface FitsFailure {
  /** Which rule: primary, page-scroll, clipped, toolbar, covered, target. */
  rule: string;
  /** One line for a person: what and where. */
  detail: string;
}

/** The check itself, run in the page; self-contained (it is sent to the page as source). */
function fitsInPage(options: Required<FitsOptions>, smallTargets: (exempt: string[]) => string[]) {
  const failures: { rule: string; detail: string }[] = [];
  const fail = (rule: string, detail: string) => failures.push({ rule, detail });
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const SLACK = 1;
  const exempt = (el: Element) => options.exempt.some((s) => el.closest(s));
  const scrollerSelector = ['[data-scroll-region]', ...options.scrollers].join(', ');
  const px = (n: number) => Math.round(n);
  const name = (el: Element) => {
    const id = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter(Boolean)[0] : '';
    return `${el.tagName.toLowerCase()}${id ? `[${id}]` : cls ? `.${cls}` : ''}`;
  };
  const words = (el: Element) =>
    (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
  const visible = (el: Element) =>
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
    el.getBoundingClientRect().width > 0 &&
    el.getBoundingClientRect().height > 0;
  /** Screen-reader-only text (1 px boxes, clipped away on purpose) is not meant to be seen. */
  const visuallyHidden = (el: Element) => {
    for (let a: Element | null = el; a; a = a.parentElement) {
      const box = a.getBoundingClientRect();
      const style = getComputedStyle(a);
      if ((box.width <= 1 || box.height <= 1) && style.overflow !== 'visible') return true;
      if (style.clipPath === 'inset(50%)' || (style.clip !== 'auto' && style.position === 'absolute'))
        return true;
    }
    return false;
  };
  /** Whether a box cuts off what overflows it, per axis (anything but overflow: visible). */
  const clipCache = new Map<Element, { el: Element; x: boolean; y: boolean } | null>();
  const clipOf = (el: Element) => {
    if (!clipCache.has(el)) {
      const style = getComputedStyle(el);
      const x = style.overflowX !== 'visible';
      const y = style.overflowY !== 'visible';
      clipCache.set(el, x || y ? { el, x, y } : null);
    }
    return clipCache.get(el)!;
  };
  const inside = (r: DOMRect, box: { left: number; top: number; right: number; bottom: number }) =>
    r.left >= box.left - SLACK &&
    r.top >= box.top - SLACK &&
    r.right <= box.right + SLACK &&
    r.bottom <= box.bottom + SLACK;
  /** The padding box of a clipping element (what it shows of its contents). */
  const clipBox = (el: Element) => {
    const b = el.getBoundingClientRect();
    const left = b.left + el.clientLeft;
    const top = b.top + el.clientTop;
    return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
  };
  /**
   * The first box (from `start` up) that cuts `rect` off. Text in a scroller is the scroller's
   * business (the scroller itself is checked whole) unless `strict`. A box clips only what it
   * contains in layout: an absolutely placed element escapes the boxes up to the positioned one
   * it is placed in, a fixed one escapes them all. `start` itself clips `rect` unless it is the
   * element measured (`self`: a box does not clip its own border).
   */
  const cutBy = (start: Element | null, rect: DOMRect, strict = false, self = false): string | null => {
    if (!strict && start?.closest(scrollerSelector)) return null;
    let escapeToPositioned = false;
    for (let a = start; a && a !== document.documentElement && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (escapeToPositioned && style.position === 'static') continue;
      escapeToPositioned = false;
      const clip = self && a === start ? null : clipOf(a);
      if (clip) {
        const box = clipBox(a);
        const cutX = clip.x && (rect.left < box.left - SLACK || rect.right > box.right + SLACK);
        const cutY = clip.y && (rect.top < box.top - SLACK || rect.bottom > box.bottom + SLACK);
        if (cutY)
          return `${name(a)} (${px(rect.top)}–${px(rect.bottom)} in ${px(box.top)}–${px(box.bottom)})`;
        if (cutX)
          return `${name(a)} (${px(rect.left)}–${px(rect.right)} in ${px(box.left)}–${px(box.right)})`;
      }
      if (style.position === 'fixed') return null;
      if (style.position === 'absolute') escapeToPositioned = true;
    }
    return null;
  };
  /** Whether `rect` shows through every clipping box up to its scroller (is above the fold). */
  const shownNow = (start: Element, rect: DOMRect): boolean => {
    for (let a: Element | null = start; a; a = a.parentElement) {
      const clip = clipOf(a);
      if (clip && !inside(rect, clipBox(a))) return false;
      if (a.matches(scrollerSelector)) return true;
    }
    return true;
  };
  const modal = [...document.querySelectorAll('[aria-modal="true"]')].filter(visible).at(-1) ?? null;
  /** With a modal dialog open, only the dialog is the screen. */
  const onScreen = (el: Element) => (modal ? modal.contains(el) : true) && !exempt(el);
  const toolbar = document.querySelector('nav.toolbar');
  const toolbarBox = toolbar && visible(toolbar) ? toolbar.getBoundingClientRect() : null;
  const overlaps = (r: DOMRect, b: DOMRect) =>
    r.left < b.right - SLACK &&
    r.right > b.left + SLACK &&
    r.top < b.bottom - SLACK &&
    r.bottom > b.top + SLACK;
  /**
   * What covers `el` at the middle of `rect` or near its left and right ends (`inset` px in, clear
   * of rounded corners), if anything does; null when `el` (or its own content) is on top there.
   */
  const onTop = (el: Element, rect: DOMRect, inset: number): Element | null => {
    const y = Math.min(Math.max((rect.top + rect.bottom) / 2, 0), vh - 1);
    const xs = [(rect.left + rect.right) / 2, rect.left + inset, rect.right - inset];
    for (const x of xs) {
      const hit = document.elementFromPoint(Math.min(Math.max(x, 0), vw - 1), y);
      // A see-through control laid over its own label (a file input over its button) hides nothing.
      if (hit && !el.contains(hit) && !hit.contains(el) && getComputedStyle(hit).opacity !== '0') return hit;
    }
    return null;
  };
  /** The control a piece of text labels: its words must stay inside its border. */
  const CONTROL = 'button, a[href], [role="button"], [role="link"], [role="radio"], [role="checkbox"], label';

  // The page itself never scrolls: what is below the window is out of an elder's sight.
  const root = document.documentElement;
  if (root.scrollHeight > vh + SLACK)
    fail('page-scroll', `page scrolls: ${root.scrollHeight} px tall in ${vh}`);
  if (root.scrollWidth > vw + SLACK)
    fail('page-scroll', `page scrolls sideways: ${root.scrollWidth} px in ${vw}`);

  // The main action: marked, and fully in view.
  const primaries = [...document.querySelectorAll('[data-primary-action]')].filter(
    (el) => visible(el) && onScreen(el),
  );
  if (primaries.length === 0) fail('primary', 'no primary action marked');
  for (const el of primaries) {
    const r = el.getBoundingClientRect();
    const label = `"${words(el)}"`;
    if (!inside(r, { left: 0, top: 0, right: vw, bottom: vh }))
      fail(
        'primary',
        `primary ${label} off-screen (${px(r.left)},${px(r.top)}–${px(r.right)},${px(r.bottom)} in ${vw}×${vh})`,
      );
    else {
      const cut = cutBy(el, r, true, true);
      if (cut) fail('primary', `primary ${label} cut off by ${cut}`);
      else if (toolbarBox && !toolbar!.contains(el) && !modal && overlaps(r, toolbarBox))
        fail('primary', `primary ${label} under the toolbar`);
      else {
        const hit = onTop(el, r, Math.min(12, r.width / 4));
        if (hit) fail('primary', `primary ${label} covered by ${name(hit)}`);
      }
    }
  }

  // A scroller is itself in full view (only its contents may scroll).
  for (const region of document.querySelectorAll(scrollerSelector)) {
    if (!visible(region) || !onScreen(region)) continue;
    const r = region.getBoundingClientRect();
    const cut = inside(r, { left: 0, top: 0, right: vw, bottom: vh })
      ? cutBy(region, r, true, true)
      : `the window (${px(r.top)}–${px(r.bottom)} in ${vh})`;
    if (cut) fail('clipped', `scroll region ${name(region)} cut off by ${cut}`);
    else if (toolbarBox && !toolbar!.contains(region) && !modal && overlaps(r, toolbarBox))
      fail('toolbar', `scroll region ${name(region)} under the toolbar`);
  }

  // Every line of text is whole and on top.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set<Element>();
  const ownText = new Map<Element, string>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || seen.has(parent)) continue;
    if (!onScreen(parent) || !visible(parent) || parent.closest('[aria-hidden="true"]')) continue;
    if (visuallyHidden(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const quote = `"${text.slice(0, 24)}"`;
    const inScroller = parent.closest(scrollerSelector);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      let problem: string | null = null;
      if (!inScroller && !inside(r, { left: 0, top: 0, right: vw, bottom: vh }))
        problem = `text ${quote} outside the window (${px(r.left)},${px(r.top)}–${px(r.right)},${px(r.bottom)})`;
      const cut = problem ? null : cutBy(parent, r);
      if (cut) problem = `text ${quote} cut off by ${cut}`;
      if (problem) {
        fail('clipped', problem);
        seen.add(parent);
        break;
      }
      // Text below a scroller's fold is not showing: neither under the toolbar nor covered.
      if (inScroller && !shownNow(parent, r)) continue;
      if (toolbarBox && !toolbar!.contains(parent) && !modal && overlaps(r, toolbarBox)) {
        fail('toolbar', `text ${quote} under the toolbar`);
        seen.add(parent);
        break;
      }
      const control = parent.closest(CONTROL);
      if (control && !inside(r, control.getBoundingClientRect())) {
        const box = control.getBoundingClientRect();
        fail(
          'clipped',
          `text ${quote} spills out of its ${name(control)} (${px(r.left)}–${px(r.right)} in ${px(box.left)}–${px(box.right)})`,
        );
        seen.add(parent);
        break;
      }
      const hit = onTop(parent, r, Math.min(2, r.width / 4));
      if (hit) {
        fail('covered', `text ${quote} hidden behind ${name(hit)}`);
        seen.add(parent);
        break;
      }
    }
    if (!seen.has(parent)) ownText.set(parent, quote);
  }
  // An element that cuts off its own text (ellipsis, line clamp, fixed height), when no line
  // of it was found cut above.
  for (const [el, quote] of ownText) {
    const clip = clipOf(el);
    if (seen.has(el) || !clip || el.matches(scrollerSelector)) continue;
    const overX = clip.x && el.scrollWidth > el.clientWidth + SLACK;
    const overY = clip.y && el.scrollHeight > el.clientHeight + SLACK;
    if ((overX || overY) && getComputedStyle(el).display !== 'inline')
      fail(
        'clipped',
        `text ${quote} overflows its box ${name(el)} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`,
      );
  }

  for (const small of smallTargets(options.exempt)) fail('target', `target under 64×64: ${small}`);
  return failures;
}

/** Let running transitions end and the layout settle, so what is measured is what stays. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    await Promise.race([
      Promise.all(finite.map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 1500)),
    ]);
  });
  await afterNextFrames(page);
}

/** Every way the open screen does not fit (empty when it fits). */
export async function checkFits(page: Page, options: FitsOptions = {}): Promise<FitsFailure[]> {
  await settle(page);
  const full: Required<FitsOptions> = { exempt: options.exempt ?? [], scrollers: options.scrollers ?? [] };
  // Sent as source so the touch-target rule is the one a11y.ts uses everywhere, not a copy.
  return page.evaluate(
    `(${fitsInPage.toString()})(${JSON.stringify(full)}, ${smallTouchTargetsInPage.toString()})`,
  ) as Promise<FitsFailure[]>;
}

/** The open screen fits (see checkFits); fails listing every problem. */
export async function expectFits(page: Page, label: string, options: FitsOptions = {}): Promise<void> {
  const failures = await checkFits(page, options);
  expect(
    failures.map((f) => f.detail),
    `${label} does not fit`,
  ).toEqual([]);
}
