import { expect, holdByTouch, setUpStaff, tapPin, TEST_PIN, test } from './fixtures';
import {
  answerQuestions,
  checkScreen,
  JOURNEYS,
  LANGUAGES,
  openProgrammes,
  RESULT_PRESENTATIONS,
  SUBSIDY,
} from './programmes-helpers';

/** Staff: after a visitor's check, the Programmes panel shows the tallies and each programme's rules date. */
for (const language of [LANGUAGES[1], LANGUAGES[0]]) {
  test(`the staff Programmes panel shows tallies after a check (${language.code})`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(120_000);
    await page.goto(kiosk.url);
    await setUpStaff(page);
    await openProgrammes(page, kiosk, language);
    await page.getByTestId('start-check').first().tap();
    await answerQuestions(page, JOURNEYS[0]!.answers);

    await holdByTouch(page, 'centre-name', 3300);
    await tapPin(page, TEST_PIN);
    await page.getByRole('button', { name: language.programmes, exact: true }).tap();

    const tallies = page.getByTestId('programme-tallies');
    await expect(tallies).toBeVisible();
    const row = tallies.locator(`tr[data-programme="${SUBSIDY}"][data-outcome="eligible"]`);
    await expect(row.getByTestId('tally-count')).toHaveText('1');
    await expect(tallies.locator('tbody tr')).toHaveCount(4);
    if (language.code === 'en') {
      await expect(row).toContainText('Subsidy for Internet Access Charges');
      await expect(row).toContainText('Eligible');
    }

    // Every programme with its rules date; a stale one carries a visible warning, a fresh one says so.
    const freshness = page.getByTestId('programme-freshness');
    await expect(freshness.locator('li')).toHaveCount(4);
    for (const tr of await freshness.locator('li').all()) {
      const stale = await tr.getAttribute('data-stale');
      await expect(tr.getByTestId('rules-stale')).toHaveCount(stale === 'true' ? 1 : 0);
    }
    await checkScreen(page, `staff programmes panel ${language.code}`, [
      RESULT_PRESENTATIONS[0],
      RESULT_PRESENTATIONS[3],
    ]);
  });
}
