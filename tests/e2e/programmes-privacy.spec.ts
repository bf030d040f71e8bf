import { expect, test } from './fixtures';
import {
  answerQuestions,
  backToSummary,
  DISTINCTIVE_OPTION_IDS,
  finish,
  GENERIC_OPTION_IDS,
  JOURNEYS,
  LANGUAGES,
  openProgrammes,
  openResultDetail,
  QUESTION_IDS,
  readAllFiles,
  SUBSIDY,
} from './programmes-helpers';

/**
 * After "I'm finished" nothing of the answers is left: not on the page, not in what the page can
 * reach, not in browser storage, not in the data folder (which holds only anonymous tallies).
 */
test('after "I\'m finished" no answer remains in the page, storage or the data folder', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  const english = LANGUAGES[1];
  await openProgrammes(page, kiosk, english);
  await page.getByTestId('start-check').first().tap();
  await answerQuestions(page, JOURNEYS[1]!.answers);
  // Words on the result page that restate this family's answers.
  const reasons = await (await openResultDetail(page, SUBSIDY)).getByTestId('reasons').innerText();
  await backToSummary(page);
  expect(reasons).toContain('half grant');
  await page.getByTestId('check-again').tap();
  await answerQuestions(page, JOURNEYS[0]!.answers);
  await finish(page, english);

  // The page: no answer, reason or result in the DOM, and none in storage.
  const html = await page.content();
  for (const id of [...QUESTION_IDS, ...DISTINCTIVE_OPTION_IDS]) expect(html).not.toContain(id);
  for (const line of reasons.split('\n').filter((text) => text.trim().length > 12))
    expect(html).not.toContain(line.trim());
  expect(html).not.toContain('data-outcome');
  const storage = await page.evaluate(() =>
    JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } }),
  );
  for (const id of [...QUESTION_IDS, ...DISTINCTIVE_OPTION_IDS]) expect(storage).not.toContain(id);
  expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
  expect(await page.evaluate(() => location.href)).toBe(kiosk.url);

  // What the page can reach: a new visit finds the check fresh — no answer chosen, no result to go back to.
  await openProgrammes(page, kiosk, english);
  await page.getByTestId('start-check').first().tap();
  await page.getByTestId('check-begin').tap();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question', 'school-child');
  await expect(page.locator('[data-testid^="answer-"][aria-pressed="true"]')).toHaveCount(0);
  await page.getByRole('navigation').getByRole('button', { name: 'Home', exact: true }).tap();
  await expect(
    page.getByRole('navigation').getByRole('button', { name: 'Back', exact: true }),
  ).toBeDisabled();

  // The data folder: every file, searched for the questions and the answers. Only tallies may be there.
  const files = readAllFiles(kiosk.dataDir);
  expect(files.length).toBeGreaterThan(0);
  for (const { file, text } of files) {
    for (const id of [...QUESTION_IDS, ...DISTINCTIVE_OPTION_IDS])
      expect(text, `${file} holds ${id}`).not.toContain(id);
    for (const value of GENERIC_OPTION_IDS)
      expect(text, `${file} holds the answer "${value}"`).not.toContain(`"${value}"`);
    expect(text).not.toContain('answers');
  }
  const activity = JSON.parse(files.find(({ file }) => file.endsWith('activity.json'))!.text) as {
    tallies: { event: string; subject: string; detail: string }[];
  };
  const checks = activity.tallies.filter((tally) => tally.event === 'eligibility.result');
  expect(checks.map((tally) => `${tally.subject}:${tally.detail}`).sort()).toEqual(
    [
      'elder-digital-support:not-eligible',
      'internet-access-subsidy:eligible',
      'internet-learning-support-programme:closed-would-have-qualified',
      'wifi-hk:eligible',
    ].sort(),
  );
  for (const tally of activity.tallies)
    expect(Object.keys(tally).sort()).toEqual(['count', 'date', 'detail', 'event', 'language', 'subject']);
});
