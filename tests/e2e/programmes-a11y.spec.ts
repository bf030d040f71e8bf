import { expect, test } from './fixtures';
import {
  checkScreen,
  ELDERS,
  ILSP,
  LANGUAGES,
  openProgrammes,
  patientKiosk,
  RESULT_PRESENTATIONS,
  SUBSIDY,
  WIFI,
} from './programmes-helpers';

/**
 * The programme list, every programme page, the collection statement and both kinds of question
 * pass axe (text size 1 and 3, normal and high contrast) in each language, with 64 px targets and
 * 24 px text at the smallest step. (The result page is checked in programmes.spec.ts.)
 */
const DETAIL_PRESENTATIONS = [RESULT_PRESENTATIONS[0], RESULT_PRESENTATIONS[3]];

for (const language of LANGUAGES) {
  test(`programme list, pages, statement and questions pass axe in ${language.code}`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(300_000);
    await patientKiosk(page, kiosk);
    await openProgrammes(page, kiosk, language);
    await checkScreen(page, `programme list ${language.code}`, RESULT_PRESENTATIONS);

    for (const id of [SUBSIDY, ELDERS, WIFI, ILSP]) {
      await page.getByTestId(`programme-${id}`).tap();
      await expect(page.getByTestId('programme-detail')).toHaveAttribute('data-programme', id);
      await checkScreen(page, `${id} page ${language.code}`, DETAIL_PRESENTATIONS);
      await page.getByRole('navigation').getByRole('button').nth(1).tap();
    }

    await page.getByTestId('start-check').first().tap();
    await expect(page.getByTestId('collection-statement')).toBeVisible();
    await checkScreen(page, `collection statement ${language.code}`, RESULT_PRESENTATIONS);
    await page.getByTestId('statement-more').tap();
    await checkScreen(page, `full collection statement ${language.code}`, DETAIL_PRESENTATIONS);

    await page.getByTestId('check-begin').tap();
    await checkScreen(page, `choice question ${language.code}`, RESULT_PRESENTATIONS);
    await page.getByTestId('answer-primary-secondary').tap();
    await expect(page.getByTestId('question')).toHaveAttribute('data-question', 'cssa');
    await checkScreen(page, `yes/no question ${language.code}`, RESULT_PRESENTATIONS);
    // A question seen again after Back, with its answer marked.
    await page.getByTestId('check-previous').tap();
    await expect(page.getByTestId('answer-primary-secondary')).toHaveAttribute('aria-pressed', 'true');
    await checkScreen(page, `question with an answer kept ${language.code}`, DETAIL_PRESENTATIONS);
  });
}
