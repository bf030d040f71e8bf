import type { Page } from '@playwright/test';
import {
  api,
  expect,
  holdByTouch,
  setUpStaff,
  startVisit,
  tapPin,
  TEST_PIN,
  type KioskProcess,
} from './fixtures';

export const CONSOLE_LANGUAGES = [
  {
    code: 'zh-HK',
    name: '繁體中文',
    groups: '小組活動',
    reports: '數字及報告',
    care: '資料管理',
    log: '職員記錄',
  },
  {
    code: 'en',
    name: 'English',
    groups: 'Group sessions',
    reports: 'Figures and reports',
    care: 'Data care',
    log: 'Staff log',
  },
  {
    code: 'zh-CN',
    name: '简体中文',
    groups: '小组活动',
    reports: '数字及报告',
    care: '数据管理',
    log: '工作人员记录',
  },
] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

/**
 * A fresh kiosk with the staff PIN set, a patient idle timer (the checks take longer than 90 s),
 * `window.print` recorded instead of opening the print dialog, and staff signed in by touch in
 * the given language. Returns a staff session for seeding through the API.
 */
export async function signInToConsole(
  page: Page,
  kiosk: KioskProcess,
  languageName: string,
): Promise<string> {
  await page.addInitScript(() => {
    const calls: number[] = [];
    (window as unknown as { __printCalls: number[] }).__printCalls = calls;
    window.print = () => void calls.push(Date.now());
  });
  await page.goto(kiosk.url);
  const session = await setUpStaff(page);
  await api(page, 'staff.settings.update', { idleSeconds: 1800, countdownSeconds: 120 }, session);
  await startVisit(page, kiosk, languageName);
  await holdByTouch(page, 'centre-name', 3300);
  await tapPin(page, TEST_PIN);
  await expect(page.getByTestId('staff-sign-out')).toBeVisible();
  return session;
}

/**
 * Opens staff entry by touch and signs in as one named staff member: their name button (shown
 * when the kiosk has more than one account), then their PIN on the pad.
 */
export async function signInAs(
  page: Page,
  kiosk: KioskProcess,
  languageName: string,
  name: string,
  pin: string,
): Promise<void> {
  await startVisit(page, kiosk, languageName);
  await holdByTouch(page, 'centre-name', 3300);
  await page.getByTestId('staff-names').getByRole('button', { name, exact: true }).tap();
  await tapPin(page, pin);
  await expect(page.getByTestId('staff-sign-out')).toBeVisible();
}

/** Types letters and digits on the kiosk's own keyboard, key by key. */
export async function typeOnScreen(page: Page, text: string): Promise<void> {
  // A Chinese visit opens the full keyboard on its handwriting pad: the letters are one switch away.
  const letters = page.getByTestId('keyboard-mode-abc').first();
  if (await letters.isVisible()) await letters.tap();
  for (const key of text) await page.getByRole('button', { name: key, exact: true }).first().tap();
}

export async function printCalls(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __printCalls: number[] }).__printCalls.length);
}

/**
 * The participant agrees to the collection statement. "I agree" works only once the whole
 * statement has been on screen, so it is read to its end first with the dialog's "down" button.
 */
export async function agreeToStatement(page: Page): Promise<void> {
  const agree = page.getByTestId('pics-agree');
  await expect(page.getByTestId('pics-statement')).toBeVisible();
  const dialog = page.getByRole('dialog');
  const region = dialog.locator('[data-scroll-region] > [role="region"]');
  const down = dialog.locator('[data-scroll-down]');
  const greyed = async () => (await agree.getAttribute('aria-disabled')) === 'true';
  for (let taps = 0; taps < 12; taps++) {
    // A statement that fits whole has no "more below" button: "I agree" turns on once its end has
    // been seen, a moment after it opens.
    await expect.poll(async () => !(await greyed()) || (await down.isVisible())).toBe(true);
    if (!(await greyed())) break;
    const before = await region.evaluate((el) => el.scrollTop);
    await down.tap();
    await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);
    // The page scrolls smoothly: look again only once it has come to rest, or the next tap aims at
    // a "down" button that goes away as the end comes into view.
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await region.evaluate((el) => el.scrollTop);
          const resting = now === last;
          last = now;
          return resting;
        },
        { intervals: [150] },
      )
      .toBe(true);
  }
  await expect(agree).not.toHaveAttribute('aria-disabled', 'true');
  await agree.tap();
}
