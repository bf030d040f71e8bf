import { expect, test } from './fixtures';
import { ILSP, LANGUAGES, openProgrammes, SUBSIDY, WIFI } from './programmes-helpers';

/**
 * Sources a family or a social worker can follow, as a visitor reads them: each fact names what
 * supports it, a source is the page that says so (never a site's home page) or says it is not
 * linked yet, and on a Chinese screen sources and schemes are named in Chinese.
 */
const [zhHK, en] = LANGUAGES;

test('Chinese programme pages name their sources in Chinese and credit each fact', async ({
  page,
  kiosk,
}) => {
  await openProgrammes(page, kiosk, zhHK);

  await page.getByTestId(`programme-${WIFI}`).tap();
  const launch = page.getByTestId('fact').filter({ hasText: '2014年8月5日' });
  // The launch date comes from the Wi-Fi.HK entry of the facts, not from the hotspot data file.
  await expect(launch).toContainText('來源：Wi-Fi.HK：推出日期、熱點數目及使用方法');
  await expect(launch).not.toContainText('開放數據');
  const wifiSources = page.getByTestId('source');
  await expect(wifiSources.first()).toContainText('來源：已查證資料的記錄，暫未附上網址');
  for (const text of await wifiSources.allTextContents())
    expect(text).not.toMatch(/https:\/\/[^/\s]+\/?\s*$/);

  await page.getByRole('navigation').getByRole('button', { name: '返回', exact: true }).tap();
  await page.getByTestId(`programme-${ILSP}`).tap();
  const tips = page.getByTestId('source').filter({ hasText: '香港政府一站通' });
  await expect(tips).toContainText('https://www.gov.hk/en/theme/ilearnathome/tips/');
  await expect(page.getByTestId('source').filter({ hasText: /OGCIO|GovHK/ })).toHaveCount(0);

  await page.getByRole('navigation').getByRole('button', { name: '返回', exact: true }).tap();
  await page.getByTestId(`programme-${SUBSIDY}`).tap();
  await expect(page.getByTestId('programme-detail')).toContainText('「學生資助計劃家庭申請表」');
  await expect(page.getByTestId('programme-detail')).not.toContainText('Household Application');
});

test('English programme pages give the same sources in English', async ({ page, kiosk }) => {
  await openProgrammes(page, kiosk, en);
  await page.getByTestId(`programme-${WIFI}`).tap();
  await expect(page.getByTestId('fact').filter({ hasText: '5 August 2014' })).toContainText(
    'source: Wi-Fi.HK: launch date, number of hotspots and how to use it',
  );
  await expect(page.getByTestId('source').first()).toContainText('source: FACTS entry, not yet linked');
});
