import { api, expect, test } from './fixtures';
import {
  answerQuestions,
  backToSummary,
  checkScreen,
  ELDERS,
  expectClosedProgrammeNeverOpen,
  expectMainActionInView,
  expectJourneyResult,
  ILSP,
  JOURNEYS,
  LANGUAGES,
  openProgrammes,
  openResultDetail,
  patientKiosk,
  RESULT_PRESENTATIONS,
  setTextSizeByTouch,
  SHORT_AND_PORTRAIT,
  SUBSIDY,
  WIFI,
} from './programmes-helpers';

/**
 * The eligibility check as visitors use it, by touch, in each language: a CSSA family, an SFO
 * half-grant family, a family with no school-age child, an elder asking for themselves and a
 * family the SFO refused (near-miss shown: the SFO grant). The result page must pass axe in every mode; the closed ILSP never looks open.
 */
for (const language of LANGUAGES) {
  test(`five households check what they can get, by touch, in ${language.code}`, async ({ page, kiosk }) => {
    test.setTimeout(300_000);
    await patientKiosk(page, kiosk);
    await openProgrammes(page, kiosk, language);

    // Open programmes first; the closed one last and marked closed.
    const cards = page.locator('[data-testid^="programme-"]:not([data-testid="programme-status"])');
    await expect(cards.last()).toHaveAttribute('data-testid', `programme-${ILSP}`);
    await expect(cards.first().getByTestId('programme-status')).toHaveAttribute('data-status', 'open');
    await expectClosedProgrammeNeverOpen(page);

    await page.getByTestId('start-check').first().tap();
    for (const [index, journey] of JOURNEYS.entries()) {
      await answerQuestions(page, journey.answers);
      await expectJourneyResult(page, journey);
      if (index === 0) {
        await checkScreen(page, `result ${language.code}`, RESULT_PRESENTATIONS);
        await page.getByTestId('show-qr').tap();
        await expect(page.getByTestId('take-away-qr')).toBeVisible();
        await page.getByTestId('close-qr').tap();
        await openResultDetail(page, SUBSIDY);
        await checkScreen(page, `result details ${language.code}`, RESULT_PRESENTATIONS);
        await backToSummary(page);
      }
      await page.getByTestId('check-again').tap();
    }
    await expect(page.getByTestId('collection-statement')).toBeVisible();

    // Five checks in one visit are one family's: each programme is tallied once per visit (with the
    // outcome of the first check), so a page checking again and again cannot inflate the figures.
    const session = await patientSession(page);
    const status = await api(page, 'staff.programmes.status', {}, session);
    const tallies = (status.value as { tallies: { count: number }[] }).tallies;
    expect(JOURNEYS.length).toBeGreaterThan(1);
    expect(tallies.reduce((sum, row) => sum + row.count, 0)).toBe(4);
  });
}

/** A staff session for reading figures through the API (the PIN was set by patientKiosk). */
async function patientSession(page: import('@playwright/test').Page): Promise<string> {
  const login = await api(page, 'staff.login', { pin: '246810' });
  expect(login.ok).toBe(true);
  return (login.value as { session: string }).session;
}

test('in English: plain words, the near-miss, Back keeps answers, skipped questions, one count per check', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  await patientKiosk(page, kiosk);
  await openProgrammes(page, kiosk, LANGUAGES[1]);
  await expect(page.getByTestId(`programme-${ILSP}`)).toContainText('Closed on 31 August 2018');

  await page.getByTestId('start-check').first().tap();
  await expect(page.getByTestId('collection-statement')).toContainText('Nothing you answer is kept.');
  await page.getByTestId('check-begin').tap();
  await expect(page.getByTestId('check-progress')).toHaveText('Question 1 of a few');
  await expect(page.getByRole('button', { name: /Not sure/ })).toBeVisible();
  await page.getByTestId('answer-primary-secondary').tap();
  await expect(page.getByTestId('check-progress')).toHaveText('Question 2 of a few');
  await page.getByTestId('answer-no').tap();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question', 'textbook-assistance');

  // The toolbar's Back and the Previous button both return with the answer still chosen.
  await page.getByRole('navigation').getByRole('button', { name: 'Back', exact: true }).tap();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question', 'cssa');
  await expect(page.getByTestId('answer-no')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('answer-yes')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('check-previous').tap();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question', 'school-child');
  await expect(page.getByTestId('answer-primary-secondary')).toHaveAttribute('aria-pressed', 'true');

  // A different turning: no school child, so the CSSA and textbook questions no longer matter.
  await page.getByTestId('answer-no').tap();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question', 'aged-60');
  await expect(page.getByTestId('check-progress')).toHaveText('Question 2 of 2');
  await page.getByTestId('answer-no').tap();

  await expect(page.getByTestId(`result-${SUBSIDY}`).getByTestId('outcome')).toHaveText('Not eligible');
  const subsidy = await openResultDetail(page, SUBSIDY);
  await expect(subsidy.getByTestId('outcome')).toHaveText('From your answers, you do not qualify');
  // Nothing a family cannot change is offered as a near-miss: not a child at school, not age.
  await expect(subsidy.getByTestId('near-miss')).toHaveCount(0);
  await expect(subsidy.getByTestId('as-of')).toHaveText('Rules as of 27 November 2026');
  await expect(
    subsidy
      .getByTestId('source')
      .filter({ hasText: 'https://www.wfsfaa.gov.hk/en/about/performance/primary_secondary.htm' }),
  ).toHaveCount(1);
  await backToSummary(page);
  const ilsp = await openResultDetail(page, ILSP);
  await expect(ilsp.getByTestId('programme-status')).toContainText('Closed on 31 August 2018');
  await expect(ilsp.getByTestId('outcome')).toContainText('This programme has ended');
  await backToSummary(page);
  await expect((await openResultDetail(page, ELDERS)).getByTestId('near-miss')).toHaveCount(0);
  await backToSummary(page);
  // The centre's own staff, by the centre's name.
  await expect((await openResultDetail(page, WIFI)).getByTestId('place-centre-staff')).toContainText(
    'The staff here at Digital Inclusion Kiosk',
  );
  await backToSummary(page);

  // Back to the last question and on again with the same answer: the same result, not counted twice.
  const session = await patientSession(page);
  const counted = async () =>
    (
      (await api(page, 'staff.programmes.status', {}, session)).value as { tallies: { count: number }[] }
    ).tallies.reduce((sum, row) => sum + row.count, 0);
  expect(await counted()).toBe(4);
  await page.getByRole('navigation').getByRole('button', { name: 'Back', exact: true }).tap();
  await expect(page.getByTestId('answer-no')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('answer-no').tap();
  await expect(page.getByTestId(`result-${SUBSIDY}`)).toBeVisible();
  expect(await counted()).toBe(4);
});

test('take it away: a QR summary with no answers, and a printed slip with only the slip', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(90_000);
  await patientKiosk(page, kiosk);
  await openProgrammes(page, kiosk, LANGUAGES[1]);
  await page.getByTestId('start-check').first().tap();
  await answerQuestions(page, JOURNEYS[1]!.answers);

  await page.getByTestId('show-qr').tap();
  const summary = (await page.getByTestId('take-away-qr').getAttribute('data-summary')) ?? '';
  expect(summary).toContain('Subsidy for Internet Access Charges: From your answers, you qualify');
  expect(summary).toContain('2802 2345');
  expect(summary).toContain('Rules as of 27 November 2026');
  for (const leak of ['CSSA', 'half grant', 'school-child', 'textbook', 'primary', 'Why'])
    expect(summary).not.toContain(leak);
  await expect(page.getByTestId('take-away-qr').locator('svg')).toHaveCount(1);
  await page.getByTestId('close-qr').tap();

  // window.print() is called; the print stylesheet shows the slip and hides the kiosk around it.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByTestId('print-slip').tap();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.getByTestId('print-slip-content')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  const slip = page.getByTestId('print-slip-content');
  await expect(slip).toBeVisible();
  await expect(slip).toContainText('2802 2345');
  await expect(slip).not.toContainText('Your household gets a half grant');
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByTestId(`result-${SUBSIDY}`)).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('the Wi-Fi.HK page leads to the hotspot directory when this kiosk has it', async ({ page, kiosk }) => {
  await openProgrammes(page, kiosk, LANGUAGES[1]);
  await page.getByTestId(`programme-${WIFI}`).tap();
  await expect(page.getByTestId('programme-detail')).toHaveAttribute('data-programme', WIFI);
  const link = page.getByTestId('open-hotspots');
  // The directory is another capability: the button is there only when its screen is installed.
  if ((await link.count()) > 0) {
    await link.tap();
    await expect(page.getByTestId('programme-detail')).toHaveCount(0);
  }
  // Closed programme page: says so first and points to the help that runs now.
  await page.getByRole('navigation').getByRole('button', { name: 'Home', exact: true }).tap();
  await page.getByTestId('tile-programmes').tap();
  await page.getByTestId(`programme-${ILSP}`).tap();
  await expect(page.getByTestId('closed-note')).toContainText('ended on 31 August 2018');
  await expect(page.getByTestId('programme-status')).toHaveText(
    'Closed on 31 August 2018. You cannot apply any more.',
  );
  await expect(page.getByTestId('as-of')).toHaveText('Information as of 27 November 2026');
  await page.getByRole('button', { name: /Subsidy for Internet Access Charges/ }).tap();
  await expect(page.getByTestId('programme-detail')).toHaveAttribute('data-programme', SUBSIDY);
  await expect(page.getByTestId('phone').first()).toHaveText('2802 2345');
});

/**
 * At the largest text on a short landscape panel and on a portrait totem, each question's answers
 * are all in view without scrolling (they used to fall below the toolbar), and so is Start.
 */
for (const viewport of SHORT_AND_PORTRAIT) {
  test(`the check's answers are in view at ${viewport.width}×${viewport.height} with the largest text`, async ({
    page,
    kiosk,
  }) => {
    await page.setViewportSize(viewport);
    await openProgrammes(page, kiosk, LANGUAGES[0]);
    await setTextSizeByTouch(page, 3);
    await page.getByTestId('start-check').tap();
    await expect(page.getByTestId('collection-statement')).toBeVisible();
    await expectMainActionInView(page, '[data-testid="check-begin"]', 'collection statement');
    await page.getByTestId('check-begin').tap();
    const walk: [string, string][] = [
      ['school-child', 'primary-secondary'],
      ['cssa', 'no'],
      ['textbook-assistance', 'half'],
      ['aged-60', 'no'],
    ];
    for (const [question, option] of walk) {
      await expect(page.getByTestId('question')).toHaveAttribute('data-question', question);
      await expectMainActionInView(page, `[data-testid="answer-${option}"]`, question);
      await expect(page.locator('[data-primary-action][data-testid^="answer-"]')).toHaveCount(
        await page.locator('[data-testid^="answer-"]').count(),
      );
      await page.getByTestId(`answer-${option}`).tap();
    }
    await expect(page.getByTestId(`result-${SUBSIDY}`)).toBeVisible();
  });
}
