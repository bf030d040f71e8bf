import type { Page } from '@playwright/test';
import { expectMinTextSize, expectNoAxeViolations, expectTouchTargets, present, PRESENTATIONS } from './a11y';
import { api, expect, holdByTouch, setUpStaff, tapPin, TEST_PIN, test } from './fixtures';

const LANGUAGES = [
  {
    code: 'zh-HK',
    name: '繁體中文',
    finish: '我用完了',
    language: '語言',
    settings: '中心設定',
    pin: '更改密碼',
    health: '資料狀況',
  },
  {
    code: 'en',
    name: 'English',
    finish: "I'm finished",
    language: 'Language',
    settings: 'Centre settings',
    pin: 'Change PIN',
    health: 'Data health',
  },
  {
    code: 'zh-CN',
    name: '简体中文',
    finish: '我用完了',
    language: '语言',
    settings: '中心设置',
    pin: '更改密码',
    health: '数据状况',
  },
] as const;

/**
 * Axe (with its experimental rules, Label in Name among them) in every text size and contrast;
 * touch targets and the 24 px floor at the smallest step.
 */
async function checkScreen(page: Page, label: string, exemptTargets: string[] = []): Promise<void> {
  for (const presentation of PRESENTATIONS) {
    await present(page, presentation);
    await expectNoAxeViolations(
      page,
      `${label} (text ${presentation.textSize}${presentation.highContrast ? ', high contrast' : ''})`,
      { experimental: true },
    );
  }
  await present(page, { textSize: 1, highContrast: false });
  await expectTouchTargets(page, label, exemptTargets);
  await expectMinTextSize(page, label);
}

for (const language of LANGUAGES) {
  test(`every shell screen passes axe, 64 px targets and 24 px text in ${language.code}`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(180_000);
    await page.goto(kiosk.url);
    // Checking every mode takes longer than any idle time: keep the kiosk patient until the end.
    const session = await setUpStaff(page);
    await api(page, 'staff.settings.update', { idleSeconds: 600 }, session);
    await page.reload();

    await checkScreen(page, 'attract');
    await page.getByTestId('touch-to-start').tap();
    await checkScreen(page, 'language');
    await page.getByRole('button', { name: language.name, exact: true }).tap();
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    await checkScreen(page, `home ${language.code}`);

    await page.getByRole('button', { name: language.language }).tap();
    await checkScreen(page, `language dialog ${language.code}`);
    await page.getByRole('button', { name: language.name, exact: true }).tap();

    await page.getByRole('button', { name: language.finish, exact: true }).tap();
    await checkScreen(page, `finish dialog ${language.code}`);
    await page.getByRole('dialog').getByRole('button').nth(1).tap();

    await holdByTouch(page, 'centre-name', 3300);
    await checkScreen(page, `staff entry ${language.code}`);
    await tapPin(page, TEST_PIN);
    await checkScreen(page, `staff settings ${language.code}`);
    await page.getByTestId('field-name-en').tap();
    await checkScreen(page, `staff settings with keyboard ${language.code}`);
    await page.getByRole('button', { name: language.pin }).tap();
    await checkScreen(page, `change PIN ${language.code}`);
    await page.getByRole('button', { name: language.health }).tap();
    await checkScreen(page, `data health ${language.code}`);

    // Last, the idle question (with a long countdown so the checks finish before the wipe).
    await api(page, 'staff.settings.update', { idleSeconds: 5, countdownSeconds: 120 }, session);
    await page.reload();
    await page.getByTestId('touch-to-start').tap();
    await page.getByRole('button', { name: language.name, exact: true }).tap();
    await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 15_000 });
    await checkScreen(page, `still there? ${language.code}`);
  });
}
