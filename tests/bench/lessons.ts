/**
 * Lessons benchmark: time from tapping Next to the next step painted (p95 over ≥ 30 taps,
 * budget 50 ms) and from tapping a lesson card to its first step painted (p95 over ≥ 10, budget
 * 100 ms), in Debian's Chromium against a started browser kiosk, by touch. Prints figures; asserts
 * nothing. `KIOSK_DIST=dist-x npx tsx -e "import('./tests/bench/lessons.ts').then(m=>m.runLessonBench()).then(console.log)"`
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startKiosk } from '../e2e/fixtures';
import { playStep, readLesson } from '../e2e/lessons-helpers';
import { median, percentile, round } from './stats';

const NEXT_TAPS = 32;
const OPENS = 12;

/**
 * Arm a measurement in the page: from the next pointerup to two animation frames after `changed`
 * first holds (the frame showing the change has then been painted). Resolves with milliseconds.
 */
async function armMeasurement(page: Page, changedScript: string): Promise<() => Promise<number>> {
  // A plain string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  // It ends in `undefined` so evaluate does not wait for the promise it sets up.
  await page.evaluate(`
    window.__lessonBench = new Promise((resolve) => {
      const changed = () => { ${changedScript} };
      let start = 0;
      const observer = new MutationObserver(() => {
        if (start && changed()) {
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
        }
      });
      document.addEventListener('pointerup', () => {
        start = performance.now();
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }, { capture: true, once: true });
    });
    undefined;
  `);
  return () => page.evaluate('window.__lessonBench') as Promise<number>;
}

export async function runLessonBench(): Promise<Record<string, string | number>> {
  const { kiosk, stop } = await startKiosk();
  const browser = await chromium.launch({
    executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await page.getByTestId('touch-to-start').tap();
    await page.getByRole('button', { name: 'English', exact: true }).tap();
    await page.getByTestId('tile-lessons').tap();

    // Open a lesson from the browse screen: card tap → first step painted.
    const opens: number[] = [];
    const ids = ['touchscreen-basics', 'your-phone', 'free-wifi', 'video-call', 'spot-the-scam', 'photos'];
    for (let i = 0; i < OPENS; i++) {
      const id = ids[i % ids.length]!;
      const card = page.getByTestId(`lesson-card-${id}`);
      await card.scrollIntoViewIfNeeded();
      const result = await armMeasurement(
        page,
        `return !!document.querySelector('[data-testid="step-title"]');`,
      );
      await card.tap();
      opens.push(await result());
      await page
        .getByRole('navigation', { name: 'Kiosk controls' })
        .getByRole('button', { name: 'Back', exact: true })
        .tap();
      await page.getByTestId(`lesson-card-${id}`).waitFor();
    }

    // Next → next step painted: do every step of a lesson once, then walk it again with Next.
    const lesson = readLesson('touchscreen-basics');
    await page.getByTestId('lesson-card-touchscreen-basics').tap();
    for (let index = 0; index < lesson.steps.length - 1; index++) await playStep(page, lesson, index);
    const nexts: number[] = [];
    while (nexts.length < NEXT_TAPS) {
      for (let index = lesson.steps.length - 1; index > 0; index--) await page.getByTestId('step-back').tap();
      for (let index = 0; index < lesson.steps.length - 1 && nexts.length < NEXT_TAPS; index++) {
        const result = await armMeasurement(
          page,
          `return document.querySelector('[data-testid="lesson-player"]')?.getAttribute('data-step-index') === '${index + 1}';`,
        );
        await page.getByTestId('step-next').tap();
        nexts.push(await result());
      }
    }
    return {
      'Next → next step painted, p95 (ms) [budget 50]': round(percentile(nexts, 95)),
      'Next → next step painted, median (ms)': round(median(nexts)),
      'Next taps measured': nexts.length,
      'open a lesson from browse, p95 (ms) [budget 100]': round(percentile(opens, 95)),
      'open a lesson from browse, median (ms)': round(median(opens)),
      'lesson opens measured (lessons prefetched on the browse screen)': opens.length,
    };
  } finally {
    await browser.close();
    await stop();
  }
}
