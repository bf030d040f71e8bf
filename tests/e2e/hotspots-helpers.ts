import type { Locator, Page } from '@playwright/test';
import { expectMinTextSize, expectNoAxeViolations, expectTouchTargets, present } from './a11y';
import { api, expect, holdByTouch, setUpStaff, tapPin, TEST_PIN, type KioskProcess } from './fixtures';

/** The Wi-Fi directory's words per language, as the visitor sees them. */
export const WIFI_LANGUAGES = [
  {
    code: 'zh-HK',
    name: '繁體中文',
    back: '返回',
    finish: '我用完了',
    finishYes: '是，我用完了',
    library: '公共圖書館',
    district: '深水埗區',
    staffSection: 'Wi-Fi 資料',
  },
  {
    code: 'en',
    name: 'English',
    back: 'Back',
    finish: "I'm finished",
    finishYes: "Yes, I'm finished",
    library: 'Public library',
    district: 'Sham Shui Po',
    staffSection: 'Wi-Fi data',
  },
  {
    code: 'zh-CN',
    name: '简体中文',
    back: '返回',
    finish: '我用完了',
    finishYes: '是，我用完了',
    library: '公共图书馆',
    district: '深水埗区',
    staffSection: 'Wi-Fi 数据',
  },
] as const;
export type WifiLanguage = (typeof WIFI_LANGUAGES)[number];

/** The presentations this capability is checked in: text size 1 and 3, and high contrast. */
const HOTSPOT_PRESENTATIONS = [
  { textSize: 1, highContrast: false },
  { textSize: 3, highContrast: false },
  { textSize: 1, highContrast: true },
] as const;

/** Axe at text size 1 and 3 and in high contrast; 64 px targets and 24 px text at the smallest step. */
export async function checkWifiScreen(page: Page, label: string): Promise<void> {
  for (const presentation of HOTSPOT_PRESENTATIONS) {
    await present(page, presentation);
    await expectNoAxeViolations(
      page,
      `${label} (text ${presentation.textSize}${presentation.highContrast ? ', high contrast' : ''})`,
    );
  }
  await present(page, { textSize: 1, highContrast: false });
  await expectTouchTargets(page, label);
  await expectMinTextSize(page, label);
}

/** Staff PIN set and the kiosk made patient (the checks take longer than the idle time). */
export async function prepareKiosk(page: Page, kiosk: KioskProcess): Promise<string> {
  await page.goto(kiosk.url);
  const session = await setUpStaff(page);
  await api(page, 'staff.settings.update', { idleSeconds: 600 }, session);
  await page.reload();
  return session;
}

export async function openDirectory(page: Page): Promise<void> {
  await page.getByTestId('tile-hotspots').tap();
  await expect(page.getByTestId('hotspot-result').first()).toBeVisible();
}

/** The results on screen now. */
export function resultCards(page: Page): Locator {
  return page.getByTestId('hotspot-result');
}

/** Hold the centre name, enter the PIN and open the "Wi-Fi data" staff panel. */
export async function openStaffPanel(page: Page, language: WifiLanguage): Promise<void> {
  await holdByTouch(page, 'centre-name', 3300);
  await tapPin(page, TEST_PIN);
  await page.getByRole('button', { name: language.staffSection, exact: true }).tap();
  await expect(page.getByTestId('hotspots-staff-status')).toBeVisible();
}

/** Tap the dot map where its first dot is drawn (the map picks the dot nearest the touch). */
export async function tapFirstDot(page: Page): Promise<void> {
  const dot = page.getByTestId('map-dot').first();
  const box = await dot.boundingBox();
  if (!box) throw new Error('no dot on the map');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}
