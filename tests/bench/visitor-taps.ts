/**
 * Visitor taps outside the lessons, timed as Interaction to Next Paint is (interactions.ts): each
 * answer of the programme check (question → next question, the last → the result page) and a
 * Wi-Fi search ("Show places" → the directory with the new count), plus the search keyboard's
 * keys. Debian's Chromium against a started browser kiosk, by touch, in English. Prints figures;
 * asserts nothing.
 * `KIOSK_DIST=dist-x npx tsx -e "import('./tests/bench/visitor-taps.ts').then(m=>m.runVisitorTapBench()).then(console.log)"`
 */
import type { Page } from '@playwright/test';
import { withEnglishKiosk } from './english-kiosk';
import { JOURNEYS } from '../e2e/programmes-helpers';
import { installTapTiming, tapFigures, timeTap, type TapTiming } from './interactions';

const CHECK_RUNS = 12;
const SEARCHES = 16;

async function goHome(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Kiosk controls' })
    .getByRole('button', { name: 'Home', exact: true })
    .tap();
  await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor();
}

/** Every answer of the check, the journeys in turn, from a fresh check each time. */
async function checkAnswers(page: Page): Promise<{ toQuestion: TapTiming[]; toResult: TapTiming[] }> {
  const toQuestion: TapTiming[] = [];
  const toResult: TapTiming[] = [];
  for (let run = 0; run < CHECK_RUNS; run++) {
    const journey = JOURNEYS[run % JOURNEYS.length]!;
    await page.getByTestId('tile-programmes').tap();
    await page.getByTestId('start-check').first().tap();
    await page.getByTestId('check-begin').tap();
    for (const [index, [question, option]] of journey.answers.entries()) {
      await page.locator(`[data-testid="question"][data-question="${question}"]`).waitFor();
      // The next question, or the result page: this question is no longer on screen.
      const changed = `document.querySelector('[data-testid="question"]')?.getAttribute('data-question') !== ${JSON.stringify(question)}`;
      const last = index === journey.answers.length - 1;
      (last ? toResult : toQuestion).push(
        await timeTap(page, changed, () => page.getByTestId(`answer-${option}`).tap()),
      );
    }
    await page.locator('[data-testid^="result-"]').first().waitFor();
    await goHome(page);
  }
  return { toQuestion, toResult };
}

/** Search for "lib", then for everything again, and so on: each "Show places" changes the count. */
async function wifiSearches(page: Page): Promise<{ searches: TapTiming[]; keys: TapTiming[] }> {
  const searches: TapTiming[] = [];
  const keys: TapTiming[] = [];
  await page.getByTestId('tile-hotspots').tap();
  await page.getByTestId('hotspot-result').first().waitFor();
  const count = page.getByTestId('hotspots-count');
  for (let i = 0; i < SEARCHES; i++) {
    await page.waitForFunction(
      () =>
        !/Looking/.test(document.querySelector('[data-testid="hotspots-count"]')?.textContent ?? 'Looking'),
    );
    const before = (await count.textContent())?.trim() ?? '';
    await page.getByTestId('hotspots-search').tap();
    await page.getByTestId('hotspots-search-screen').waitFor();
    const typed = page.getByTestId('hotspots-typed');
    if (i % 2 === 0) {
      for (const letter of 'lib') {
        const was = await typed.inputValue();
        const changed = `document.querySelector('[data-testid="hotspots-typed"]')?.value !== ${JSON.stringify(was)}`;
        keys.push(
          await timeTap(page, changed, () => page.getByRole('button', { name: letter, exact: true }).tap()),
        );
      }
    } else await page.getByTestId('hotspots-search-clear').tap();
    const changed = `(() => { const c = document.querySelector('[data-testid="hotspots-count"]'); const text = c?.textContent?.trim() ?? ''; return !!c && text !== ${JSON.stringify(before)} && !/Looking/.test(text); })()`;
    searches.push(await timeTap(page, changed, () => page.getByTestId('hotspots-search-show').tap()));
  }
  return { searches, keys };
}

export async function runVisitorTapBench(): Promise<Record<string, string | number>> {
  return withEnglishKiosk(async (page) => {
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor();
    await installTapTiming(page);
    const { toQuestion, toResult } = await checkAnswers(page);
    const { searches, keys } = await wifiSearches(page);
    return {
      ...tapFigures(`programme check: an answer → the next question (${toQuestion.length})`, toQuestion),
      ...tapFigures(`programme check: the last answer → the result page (${toResult.length})`, toResult),
      ...tapFigures(`Wi-Fi search: "Show places" → new results (${searches.length})`, searches),
      ...tapFigures(`Wi-Fi search keyboard: a key → the typed text (${keys.length})`, keys),
    };
  });
}
