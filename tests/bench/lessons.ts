/**
 * Lessons benchmark: tapping Next (≥ 30 taps) and tapping a lesson card on the browse screen
 * (≥ 10), timed as Interaction to Next Paint is (Event Timing, interactions.ts) with tap → new
 * step painted beside it, in Debian's Chromium against a started browser kiosk, by touch. Prints
 * figures; asserts nothing.
 * `KIOSK_DIST=dist-x npx tsx -e "import('./tests/bench/lessons.ts').then(m=>m.runLessonBench()).then(console.log)"`
 */
import { withEnglishKiosk } from './english-kiosk';
import { playStep, readLesson } from '../e2e/lessons-helpers';
import { installTapTiming, tapFigures, timeTap, type TapTiming } from './interactions';

const NEXT_TAPS = 32;
const OPENS = 12;

export async function runLessonBench(): Promise<Record<string, string | number>> {
  return withEnglishKiosk(async (page) => {
    await page.getByTestId('tile-lessons').tap();
    await installTapTiming(page);

    // Open a lesson from the browse screen: card tap → first step painted.
    const opens: TapTiming[] = [];
    const ids = ['touchscreen-basics', 'your-phone', 'free-wifi', 'video-call', 'spot-the-scam', 'photos'];
    for (let i = 0; i < OPENS; i++) {
      const id = ids[i % ids.length]!;
      const card = page.getByTestId(`lesson-card-${id}`);
      await card.scrollIntoViewIfNeeded();
      opens.push(
        await timeTap(page, `document.querySelector('[data-testid="lesson-player"]')`, () => card.tap()),
      );
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
    const nexts: TapTiming[] = [];
    while (nexts.length < NEXT_TAPS) {
      for (let index = lesson.steps.length - 1; index > 0; index--) await page.getByTestId('step-back').tap();
      for (let index = 0; index < lesson.steps.length - 1 && nexts.length < NEXT_TAPS; index++) {
        const changed = `document.querySelector('[data-testid="lesson-player"]')?.getAttribute('data-step-index') === '${index + 1}'`;
        nexts.push(await timeTap(page, changed, () => page.getByTestId('step-next').tap()));
      }
    }
    return {
      ...tapFigures(`lesson Next → next step (${nexts.length})`, nexts),
      ...tapFigures(`open a lesson from browse (${opens.length}, lessons prefetched there)`, opens),
    };
  });
}
