import { expectNoAxeViolations } from './a11y';
import { api, expect, holdByTouch, setUpStaff, startVisit, tapPin, test, TEST_PIN } from './fixtures';
import { setTextSizeByTouch } from './programmes-helpers';

/**
 * The About panel names the kiosk, its version and what it holds, and credits each data set with
 * its licence in the staff member's language, at the largest text on a landscape panel.
 */
const LANGUAGES = [
  {
    name: '繁體中文',
    menu: '關於本機',
    strokes: 'Arphic Public License',
    wifi: '資料一線通使用條款',
    venues: '57 個 Wi-Fi 地點',
  },
  {
    name: 'English',
    menu: 'About',
    strokes: 'Arphic Public License',
    wifi: 'DATA.GOV.HK Terms',
    venues: '57 Wi-Fi places',
  },
  {
    name: '简体中文',
    menu: '关于本机',
    strokes: 'Arphic Public License',
    wifi: '资料一线通使用条款',
    venues: '57 个 Wi-Fi 地点',
  },
] as const;

for (const language of LANGUAGES) {
  test(`the About panel credits the data and their licences in ${language.name}`, async ({ page, kiosk }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(kiosk.url);
    const session = await setUpStaff(page);
    await api(page, 'staff.settings.update', { idleSeconds: 1800, countdownSeconds: 120 }, session);
    await startVisit(page, kiosk, language.name);
    await setTextSizeByTouch(page, 3);
    await holdByTouch(page, 'centre-name', 3300);
    await tapPin(page, TEST_PIN);
    await page.getByRole('button', { name: language.menu, exact: true }).tap();

    const info = (await api(page, 'app.info', {})).value as { version: string };
    await expect(page.getByTestId('about-version')).toHaveText(info.version);
    // The shipped sample's 57 venues, counted when the panel opens.
    await expect(page.getByTestId('about-content')).toContainText(language.venues);
    const sources = page.getByTestId('about-sources');
    await expect(sources.locator('li')).toHaveCount(5);
    await expect(sources.locator('[data-source="strokes"]')).toContainText(language.strokes);
    await expect(sources.locator('[data-source="strokes"]')).toContainText('hanzi-writer-data');
    await expect(sources.locator('[data-source="wifi"]')).toContainText(language.wifi);
    await expect(sources.locator('[data-source="districts"]')).toContainText(language.wifi);
    await expect(sources.locator('[data-source="opencc"]')).toContainText('Apache-2.0');
    // Nothing of it runs off the side at the largest text.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `about ${language.name}`);
  });
}
