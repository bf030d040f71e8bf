import type { Download } from '@playwright/test';
import { expect, tapPin, test, TEST_PIN } from './fixtures';
import { signInAs, signInToConsole, typeOnScreen } from './staff-console-helpers';

const WING_PIN = '582914';

test('a second staff account: added by touch, signs in by name, its actions logged under its name, no Data care', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(180_000);
  // The shared-PIN way in still works: one account, no name to choose.
  await signInToConsole(page, kiosk, 'English');

  // The coordinator adds a facilitator: name on the kiosk keyboard, role, then the person's PIN twice.
  await page.getByTestId('staff-section-accounts').tap();
  await page.getByTestId('account-add').tap();
  await page.getByTestId('account-name').tap();
  await typeOnScreen(page, 'wing');
  await page.getByTestId('account-role-facilitator').tap();
  await page.getByTestId('account-next').tap();
  await expect(page.getByText('Hand the kiosk to wing')).toBeVisible();
  // A run of digits is refused, with the reason, and asked again.
  await tapPin(page, '123456');
  await tapPin(page, '123456');
  await expect(page.getByTestId('accounts-message')).toContainText('run of digits');
  await tapPin(page, WING_PIN);
  await tapPin(page, WING_PIN);
  await expect(page.getByTestId('accounts-message')).toContainText('wing can now sign in');
  await expect(page.getByTestId('accounts-list')).toContainText('Facilitator');
  await page.getByTestId('staff-sign-out').tap();

  // The facilitator signs in by name and PIN.
  await signInAs(page, kiosk, 'English', 'wing', WING_PIN);
  await expect(page.getByTestId('staff-who')).toHaveText('Signed in: wing');

  // Data care is greyed and says why; its panel does not open.
  await page.getByTestId('staff-section-data-care').tap({ force: true });
  await expect(page.getByTestId('disabled-reason')).toContainText('Only a coordinator');
  await expect(page.getByTestId('staff-section-data-care')).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Data care' })).toHaveCount(0);

  // Something logged: a group session created by touch…
  await page.getByTestId('staff-section-groups').tap();
  await page.getByTestId('group-new').tap();
  await page.getByTestId('group-title').tap();
  await typeOnScreen(page, 'phones');
  await page.getByRole('button', { name: 'Done' }).tap();
  await page.getByTestId('lesson-choice-free-wifi').tap();
  await page.getByTestId('group-create').tap();
  await expect(page.getByRole('heading', { name: 'phones', exact: true })).toBeVisible();

  // …and the figures exported as CSV files.
  await page.getByTestId('staff-section-reports').tap();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('report-export').tap();
  await expect.poll(() => downloads.length).toBeGreaterThan(0);
  await page.getByTestId('staff-sign-out').tap();

  // The coordinator sees those entries in the staff log under the facilitator's name. The first
  // account was never named, so an English screen calls it by its role, not by the kiosk's
  // Chinese label.
  await signInAs(page, kiosk, 'English', 'Coordinator', TEST_PIN);
  await expect(page.getByTestId('staff-who')).toHaveText('Signed in: Coordinator');
  await page.getByTestId('staff-section-staff-log').tap();
  const log = page.getByTestId('staff-log');
  for (const action of ['Group session created', 'Exported', 'Signed in']) {
    await expect(log.locator('li', { hasText: action }).filter({ hasText: 'by wing' }).first()).toBeVisible();
  }
  await expect(log.locator('li', { hasText: 'Staff account added' })).toContainText('by Coordinator');
  await expect(page.locator('body')).not.toContainText('統籌主任');
});
