import { readFileSync } from 'node:fs';
import { api, expect, startVisit, test } from './fixtures';
import {
  checkWifiScreen,
  openDirectory,
  prepareKiosk,
  resultCards,
  tapFirstDot,
  WIFI_LANGUAGES,
} from './hotspots-helpers';
import { expectMainActionInView, setTextSizeByTouch, SHORT_AND_PORTRAIT } from './programmes-helpers';

interface SearchAnswer {
  total: number;
  results: { id: string; distance: { metres: number } }[];
}

for (const language of WIFI_LANGUAGES) {
  test(`visitor by touch in ${language.code}: nearest, district, libraries, map, detail with QR; axe on every screen`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(240_000);
    await prepareKiosk(page, kiosk);
    await startVisit(page, kiosk, language.name);
    await openDirectory(page);

    // Opens on "nearest to this centre": the first card is the core's nearest venue.
    const nearest = (await api(page, 'hotspots.search', { near: 'centre', page: 1, pageSize: 10 }))
      .value as SearchAnswer;
    await expect(resultCards(page).first()).toHaveAttribute('data-venue-id', nearest.results[0]!.id);
    await expect(resultCards(page)).toHaveCount(10);
    await checkWifiScreen(page, `directory ${language.code}`);

    // "More" adds the next ten below (no endless scrolling).
    await page.getByTestId('hotspots-more').tap();
    await expect(resultCards(page)).toHaveCount(Math.min(20, nearest.total));

    // Filter to public libraries with the large chips.
    await page.getByTestId('hotspots-choose-type').tap();
    await checkWifiScreen(page, `venue type chips ${language.code}`);
    await page.getByTestId('type-chip-public-library').tap();
    await expect(page.getByTestId('hotspots-choose-type')).toContainText(language.library);
    await expect(resultCards(page).first()).toBeVisible();
    for (const card of await resultCards(page).all()) await expect(card).toContainText(language.library);

    // Pick a district on the 18-tile map.
    await page.getByTestId('hotspots-choose-district').tap();
    await expect(page.getByTestId('hotspots-districts').getByRole('button')).toHaveCount(19);
    await checkWifiScreen(page, `district map ${language.code}`);
    await page.getByTestId('district-F').tap();
    await expect(page.getByTestId('hotspots-scope')).toContainText(language.district);
    await expect(resultCards(page).first()).toBeVisible();
    for (const card of await resultCards(page).all()) {
      await expect(card).toContainText(language.district);
      await expect(card).toContainText(language.library);
    }
    await checkWifiScreen(page, `results ${language.code}`);

    // The district look-up was counted, anonymously, with the visitor's language.
    const activity = JSON.parse(readFileSync(`${kiosk.dataDir}/activity.json`, 'utf8')) as {
      tallies: { event: string; subject: string; language: string }[];
    };
    expect(
      activity.tallies.some(
        (t) => t.event === 'hotspot.lookup' && t.subject === 'F' && t.language === language.code,
      ),
    ).toBe(true);

    // The offline dot map of the district shows points; a tap near a dot picks that place.
    await page.getByTestId('hotspots-show-map').tap();
    await expect(page.getByTestId('map-dot').first()).toBeVisible();
    const dots = await page.getByTestId('map-dot').count();
    expect(dots).toBeGreaterThan(0);
    await tapFirstDot(page);
    await expect(page.getByTestId('map-open-venue')).toBeVisible();
    await checkWifiScreen(page, `dot map ${language.code}`);

    // Detail: four steps, a QR code, print slip, attribution.
    await page.getByTestId('map-open-venue').tap();
    await expect(page.getByTestId('venue-qr').locator('svg')).toBeVisible();
    await expect(page.getByTestId('hotspots-venue').locator('.connect li')).toHaveCount(4);
    await expect(page.getByTestId('hotspots-attribution')).toContainText('DATA.GOV.HK');
    await checkWifiScreen(page, `venue detail ${language.code}`);

    // Search by name: in Chinese the keyboard opens on its handwriting pad (written by finger in
    // handwriting-fields.spec.ts); here its letters, one switch away.
    await page.getByRole('button', { name: language.back, exact: true }).tap();
    await page.getByRole('button', { name: language.back, exact: true }).tap();
    await page.getByTestId('hotspots-search').tap();
    await checkWifiScreen(page, `search ${language.code}`);
    const toLetters = page.getByTestId('keyboard-mode-abc');
    if (await toLetters.isVisible()) {
      await toLetters.tap();
      await checkWifiScreen(page, `search, letters ${language.code}`);
    }
    for (const key of 'lai') await page.getByRole('button', { name: key, exact: true }).tap();
    await page.getByTestId('hotspots-search-show').tap();
    await expect(resultCards(page).first()).toContainText(/Lai|荔/);

    // "I'm finished" forgets the filters and the search.
    await page.getByRole('button', { name: language.finish, exact: true }).tap();
    await page.getByRole('dialog').getByRole('button').first().tap();
    await expect(page.getByTestId('touch-to-start')).toBeVisible();
    await startVisit(page, kiosk, language.name);
    await openDirectory(page);
    await expect(page.getByTestId('hotspots-start-again')).toHaveCount(0);
    await expect(resultCards(page).first()).toHaveAttribute('data-venue-id', nearest.results[0]!.id);
  });
}

/**
 * The search keyboard and "Show places" are in view at the largest text on a short landscape panel
 * and on a portrait totem (the keyboard's last rows used to sit under the toolbar), and typing on
 * it still finds places.
 */
for (const viewport of SHORT_AND_PORTRAIT) {
  test(`the Wi-Fi search keyboard is in view at ${viewport.width}×${viewport.height} with the largest text`, async ({
    page,
    kiosk,
  }) => {
    await page.setViewportSize(viewport);
    await startVisit(page, kiosk);
    await setTextSizeByTouch(page, 3);
    await openDirectory(page);
    await expectMainActionInView(page, '[data-testid="hotspots-search"]', 'Wi-Fi home');
    await page.getByTestId('hotspots-search').tap();
    await expect(page.getByTestId('hotspots-search-screen')).toBeVisible();
    await expectMainActionInView(page, '[data-testid="hotspots-keyboard"]', 'search');
    await expectMainActionInView(page, '[data-testid="hotspots-search-show"]', 'search');
    // Chinese opens on the handwriting pad: the pad, its tools and the key row wholly in view…
    const keyboard = page.getByTestId('hotspots-keyboard');
    await expect(keyboard.getByTestId('handwriting-pad')).toBeInViewport({ ratio: 1 });
    for (const key of await keyboard.getByRole('button').all())
      await expect(key).toBeInViewport({ ratio: 1 });
    // …and so are the letters after the switch. Every key, not only the box: the space row is the last to fall off.
    await keyboard.getByTestId('keyboard-mode-abc').tap();
    const keys = keyboard.getByRole('button');
    expect(await keys.count()).toBeGreaterThan(36);
    for (const key of await keys.all()) await expect(key).toBeInViewport({ ratio: 1 });
    for (const letter of 'lib') await page.getByRole('button', { name: letter, exact: true }).tap();
    await page.getByTestId('hotspots-search-show').tap();
    await expect(page.getByTestId('hotspots-search')).toContainText('lib');
    await expect(resultCards(page).first()).toBeVisible();
  });
}

/**
 * "shatin" typed as one word finds the places in Sha Tin (the file writes "Sha Tin"), best matches
 * first, and the list says so instead of "nearest first"; the core's order is the screen's.
 */
test('typing "shatin" lists the Sha Tin places, best matches first, and says how the list is ordered', async ({
  page,
  kiosk,
}) => {
  await startVisit(page, kiosk, 'English');
  await openDirectory(page);
  await expect(page.getByTestId('hotspots-scope')).toHaveText('Nearest to this centre first.');
  await page.getByTestId('hotspots-search').tap();
  const keyboard = page.getByTestId('hotspots-keyboard');
  const abc = keyboard.getByTestId('keyboard-mode-abc');
  if (await abc.isVisible()) await abc.tap();
  for (const letter of 'shatin') await keyboard.getByRole('button', { name: letter, exact: true }).tap();
  await page.getByTestId('hotspots-search-show').tap();
  await expect(page.getByTestId('hotspots-search')).toContainText('shatin');
  await expect(page.getByTestId('hotspots-scope')).toHaveText(
    'Best matches first; equally good ones nearest to this centre first.',
  );
  const answer = (
    await api(page, 'hotspots.search', { text: 'shatin', near: 'centre', page: 1, pageSize: 10 })
  ).value as SearchAnswer;
  // The sample's three Sha Tin places, in the core's order, each saying its district.
  expect(answer.total).toBe(3);
  await expect(page.getByTestId('hotspots-count')).toHaveText('Places found: 3');
  await expect(resultCards(page)).toHaveCount(3);
  for (const [rank, card] of (await resultCards(page).all()).entries()) {
    await expect(card).toHaveAttribute('data-venue-id', answer.results[rank]!.id);
    await expect(card).toContainText('Sha Tin');
  }
  await checkWifiScreen(page, 'search results for shatin');
});
