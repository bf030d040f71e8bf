import { api, expect, setUpStaff, startVisit, test } from './fixtures';

test('idle → "Are you still there?" with a countdown → wipe back to the attract screen', async ({
  page,
  kiosk,
}) => {
  await page.goto(kiosk.url);
  const session = await setUpStaff(page);
  const updated = await api(page, 'staff.settings.update', { idleSeconds: 5, countdownSeconds: 5 }, session);
  expect(updated.ok).toBe(true);

  await startVisit(page, kiosk, 'English');
  await page.getByTestId('text-size').tap();
  await page.getByRole('button', { name: 'Contrast' }).tap();

  // First time: the visitor answers and stays.
  await expect(page.getByRole('dialog', { name: 'Are you still there?' })).toBeVisible({ timeout: 15_000 });
  const countdown = page.getByTestId('idle-countdown');
  await expect(countdown).toContainText(/[1-5]/);
  await page.getByRole('button', { name: "Yes, I'm still here" }).tap();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();

  // Second time: nobody answers; the countdown runs out and everything is wiped.
  await expect(page.getByRole('dialog', { name: 'Are you still there?' })).toBeVisible({ timeout: 15_000 });
  const first = Number((await countdown.locator('.seconds').textContent()) ?? '0');
  await expect
    .poll(
      async () =>
        Number(
          (await countdown
            .locator('.seconds')
            .textContent()
            .catch(() => '0')) ?? '0',
        ),
      { timeout: 4000 },
    )
    .toBeLessThan(first);
  await expect(page.getByTestId('touch-to-start')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '1');
  await expect(page.locator('html')).not.toHaveClass(/high-contrast/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
});

test('the attract screen never asks "Are you still there?"', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const session = await setUpStaff(page);
  await api(page, 'staff.settings.update', { idleSeconds: 5, countdownSeconds: 5 }, session);
  await page.reload();
  await page.waitForTimeout(7000);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('touch-to-start')).toBeVisible();
});
