/**
 * Tap timing as browsers measure it for Interaction to Next Paint: the Event Timing API's
 * `duration` of every event of one interaction (pointerdown, pointerup, click share an
 * interactionId), the largest taken, from the finger's timestamp to the next frame painted after
 * the handlers ran. Chromium rounds durations to 8 ms and reports only those of at least
 * `durationThreshold` (16 ms, the lowest allowed): a tap with no entry was faster than that.
 *
 * Beside it, "tap → new screen painted": from the same timestamp to the end of the first frame
 * that shows the change (a task posted from the frame's requestAnimationFrame runs after its
 * paint). It adds what Event Timing cannot see: a screen that appears only after an await (the
 * core's answer, a lazy chunk) is painted after the interaction's "next paint".
 */
import type { Page } from '@playwright/test';
import { median, percentile, round } from './stats';

/** One 60 Hz frame. */
export const FRAME_MS = 1000 / 60;
export const DURATION_THRESHOLD_MS = 16;

/** Where an event's duration went: waiting for the main thread, in handlers, then to the frame on screen. */
interface EventParts {
  /** pointerdown, pointerup or click. */
  name: string;
  duration: number;
  delay: number;
  handlers: number;
  toPaint: number;
}

export interface TapTiming {
  /** The interaction's largest event duration; null when under the 16 ms threshold (no entry). */
  interaction: number | null;
  /** That event's input delay, handler time and presentation delay. */
  parts: EventParts | null;
  /** Tap → the first frame showing the change, painted. */
  painted: number;
}

// Plain strings, not functions: tsx would wrap named inner functions in a helper the page lacks.
const INSTALL = `
  (() => {
    if (window.__tapTiming) return;
    const state = { interactions: new Map(), painted: null, changed: null, observer: null, tapAt: 0 };
    window.__tapTiming = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.interactionId) continue;
        const seen = state.interactions.get(entry.interactionId);
        if (seen && seen.duration >= entry.duration) continue;
        state.interactions.set(entry.interactionId, {
          duration: entry.duration,
          delay: entry.processingStart - entry.startTime,
          handlers: entry.processingEnd - entry.processingStart,
          toPaint: entry.startTime + entry.duration - entry.processingEnd,
          name: entry.name,
        });
      }
    }).observe({ type: 'event', durationThreshold: ${DURATION_THRESHOLD_MS}, buffered: true });
    // The finger's own timestamp (the event's timeStamp), as Event Timing's startTime is.
    window.addEventListener('pointerdown', (event) => { state.tapAt = event.timeStamp; }, { capture: true });
  })();
  undefined;
`;

/** Arm the "new screen painted" probe for the next change that makes `changed` (a JS expression) true. */
function arm(changed: string): string {
  return `
    (() => {
      const state = window.__tapTiming;
      state.painted = null;
      state.known = new Set(state.interactions.keys());
      const isChanged = () => { try { return !!(${changed}); } catch { return false; } };
      state.observer?.disconnect();
      const observer = new MutationObserver(() => {
        if (!state.tapAt || !isChanged()) return;
        observer.disconnect();
        const tapAt = state.tapAt;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { state.painted = performance.now() - tapAt; };
          channel.port2.postMessage(null);
        });
      });
      state.observer = observer;
      state.tapAt = 0;
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    })();
    undefined;
  `;
}

export async function installTapTiming(page: Page): Promise<void> {
  await page.evaluate(INSTALL);
}

/**
 * Tap (the caller's `tap`) and wait for `changed` to hold and be painted, then for the
 * interaction's Event Timing entry, which is delivered after that paint; none within a few
 * frames means the tap took under 16 ms.
 */
export async function timeTap(page: Page, changed: string, tap: () => Promise<void>): Promise<TapTiming> {
  await page.evaluate(arm(changed));
  await tap();
  // A function, not a string: a string would be eval'd in the page, which its CSP refuses.
  await page.waitForFunction(
    () => (window as unknown as { __tapTiming: { painted: number | null } }).__tapTiming.painted !== null,
    undefined,
    { timeout: 15_000 },
  );
  const read = `(() => {
    const state = window.__tapTiming;
    const fresh = [...state.interactions.entries()].filter(([id]) => !state.known.has(id)).map(([, d]) => d);
    return fresh.length ? fresh.reduce((a, b) => (b.duration > a.duration ? b : a)) : null;
  })()`;
  let entry = (await page.evaluate(read)) as EventParts | null;
  // Entries come with the observer's next callback after the paint; give it a few frames.
  for (let i = 0; entry === null && i < 6; i++) {
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    entry = (await page.evaluate(read)) as EventParts | null;
  }
  const painted = (await page.evaluate('window.__tapTiming.painted')) as number;
  return { interaction: entry?.duration ?? null, parts: entry, painted };
}

/**
 * Figures for one kind of tap: Event Timing median and p95 (a tap under the threshold counts as
 * 16 ms, so those figures are upper bounds, marked ≤), p95 in frames, how many were under 16 ms,
 * and tap → new screen painted.
 */
export function tapFigures(label: string, timings: TapTiming[]): Record<string, string | number> {
  const durations = timings.map((t) => t.interaction ?? DURATION_THRESHOLD_MS);
  const under = timings.filter((t) => t.interaction === null).length;
  const show = (value: number) =>
    value <= DURATION_THRESHOLD_MS && under > 0 ? `≤ ${round(value)}` : round(value);
  const p95 = percentile(durations, 95);
  const painted = timings.map((t) => t.painted);
  const parts = timings.flatMap((t) => (t.parts ? [t.parts] : []));
  const part = (key: Exclude<keyof EventParts, 'name'>) => round(median(parts.map((p) => p[key])));
  const names = [...new Set(parts.map((p) => p.name))]
    .map((name) => `${name} ${parts.filter((p) => p.name === name).length}`)
    .join(', ');
  return {
    [`${label}: Event Timing median / p95 (ms) [goal: the next frame, ${round(FRAME_MS)} ms]`]: `${show(median(durations))} / ${show(p95)}`,
    [`${label}: p95 in frames (p95 ÷ ${round(FRAME_MS)} ms)`]: round(p95 / FRAME_MS, 2),
    [`${label}: taps measured / under 16 ms`]: `${timings.length} / ${under}`,
    [`${label}: median input delay / handlers / handlers → frame on screen (ms)`]: parts.length
      ? `${part('delay')} / ${part('handlers')} / ${part('toPaint')} (the longest event: ${names})`
      : '—',
    [`${label}: tap → new screen painted, median / p95 (ms)`]: `${round(median(painted))} / ${round(percentile(painted, 95))}`,
  };
}
