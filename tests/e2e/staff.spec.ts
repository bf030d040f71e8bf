import { readFileSync } from 'node:fs';
import { api, expect, holdByTouch, setUpStaff, startVisit, tapPin, TEST_PIN, test } from './fixtures';

test('first run: hold the centre name 3 s, set a PIN twice, use the console, sign out', async ({ page, kiosk }) => {
  await startVisit(page, kiosk, 'English');
  await holdByTouch(page, 'centre-name', 3300);
  await expect(page.getByRole('heading', { name: 'Staff entry' })).toBeVisible();
  await expect(page.getByText('No staff PIN is set on this kiosk yet')).toBeVisible();

  await tapPin(page, '135790');
  await expect(page.getByText('Enter the new PIN again')).toBeVisible();
  await tapPin(page, '135790');
  await expect(page.getByRole('heading', { name: 'Staff console' })).toBeVisible();

  // The PIN is on disk only as a scrypt hash.
  const settings = readFileSync(`${kiosk.dataDir}/settings.json`, 'utf8');
  expect(settings).not.toContain('135790');
  expect(settings).toContain('"scrypt"');

  // Centre settings: change the English name with the on-screen keyboard and save.
  await page.getByTestId('field-name-en').tap();
  for (let i = 0; i < 30; i++) await page.getByRole('button', { name: 'Delete' }).first().tap();
  for (const key of 'lobby') await page.getByRole('button', { name: key, exact: true }).tap();
  await page.getByRole('button', { name: 'Done' }).tap();
  await page.getByRole('button', { name: 'More' }).first().tap();
  await page.getByRole('button', { name: 'Tai Po' }).tap();
  await page.getByTestId('save-settings').tap();
  await expect(page.getByText('Saved.')).toBeVisible();
  const saved = JSON.parse(readFileSync(`${kiosk.dataDir}/settings.json`, 'utf8')) as { public: { centreName: { en: string }; idleSeconds: number; district: string } };
  expect(saved.public.centreName.en).toBe('lobby');
  expect(saved.public.idleSeconds).toBe(105);
  expect(saved.public.district).toBe('P');

  // Data health: a fresh kiosk has nothing to report.
  await page.getByRole('button', { name: 'Data health' }).tap();
  await expect(page.getByTestId('health-ok')).toBeVisible();
  // The browser kiosk cannot close itself, so no "Exit kiosk" here.
  await expect(page.getByRole('button', { name: 'Exit kiosk' })).toHaveCount(0);

  // Change PIN.
  await page.getByRole('button', { name: 'Change PIN' }).tap();
  await tapPin(page, '135790');
  await tapPin(page, '975310');
  await tapPin(page, '975310');
  await expect(page.getByText('The staff PIN has been changed.')).toBeVisible();

  await page.getByTestId('staff-sign-out').tap();
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
  // The old session no longer works.
  const health = await api(page, 'staff.health', {});
  expect(health.ok).toBe(false);
});

test('five wrong PINs lock staff entry for 5 minutes, stated on screen', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await setUpStaff(page);
  await startVisit(page, kiosk, 'English');
  await holdByTouch(page, 'centre-name', 3300);
  await expect(page.getByText('Enter the 6-digit staff PIN')).toBeVisible();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await tapPin(page, '000000');
    await expect(page.getByTestId('staff-message')).toContainText(`Tries left before staff entry locks: ${5 - attempt}`);
  }
  await tapPin(page, '000000');
  await expect(page.getByTestId('staff-locked')).toContainText('locked for 5 minutes');
  // Even the right PIN is refused while locked (the core answers 423).
  const result = await api(page, 'staff.login', { pin: TEST_PIN });
  expect(result.error?.code).toBe('locked');
  // Leaving and coming back still shows the lock.
  await page.getByRole('button', { name: 'Leave staff entry' }).tap();
  await page.getByTestId('touch-to-start').tap();
  await page.getByRole('button', { name: 'English', exact: true }).tap();
  await holdByTouch(page, 'centre-name', 3300);
  await expect(page.getByTestId('staff-locked')).toBeVisible();
});

test('staff can enter from the attract screen too', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await setUpStaff(page);
  await holdByTouch(page, 'centre-name', 3300);
  await expect(page.getByText('請輸入 6 位數字職員密碼')).toBeVisible();
  await tapPin(page, TEST_PIN);
  await expect(page.getByRole('heading', { name: '職員控制台' })).toBeVisible();
});
