import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expectMinTextSize, expectNoAxeViolations, expectTouchTargets, present } from './a11y';
import {
  api,
  expect,
  holdByTouch,
  setUpStaff,
  setUpStaffWithRecoveryCode,
  startVisit,
  tapPin,
  TEST_PIN,
  test,
} from './fixtures';

test('first run: hold the centre name 3 s, set a PIN twice, keep the recovery code, use the console, sign out', async ({
  page,
  kiosk,
}) => {
  await page.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => void ((window as unknown as { __printed: number }).__printed += 1);
  });
  await startVisit(page, kiosk, 'English');
  await holdByTouch(page, 'centre-name', 3300);
  await expect(page.getByRole('heading', { name: 'Staff entry' })).toBeVisible();
  await expect(page.getByText('No staff PIN is set on this kiosk yet')).toBeVisible();

  await tapPin(page, '135790');
  await expect(page.getByText('Enter the new PIN again')).toBeVisible();
  await tapPin(page, '135790');

  // The recovery code, shown this once, large, with Print and where to keep it.
  const card = page.getByTestId('recovery-card');
  await expect(card.getByText("Keep this in the centre's safe.")).toBeVisible();
  const code = (await page.getByTestId('recovery-code').getAttribute('data-code'))!;
  expect(code).toMatch(/^\d{16}$/);
  // In four groups of four, as it is typed back.
  await expect(page.getByTestId('recovery-code').locator('span')).toHaveText(code.match(/\d{4}/g)!);
  expect(
    await page.getByTestId('recovery-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
  ).toBeGreaterThanOrEqual(40);
  await expectNoAxeViolations(page, 'recovery code card');
  await expectTouchTargets(page, 'recovery code card');
  await expectMinTextSize(page, 'recovery code card');
  await page.getByTestId('recovery-print').tap();
  expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
  await page.getByTestId('recovery-done').tap();
  await expect(page.getByRole('heading', { name: 'Staff console' })).toBeVisible();

  // The PIN and the recovery code are on disk only as scrypt hashes, apart from the settings.
  for (const file of readdirSync(kiosk.dataDir)) {
    const text = readFileSync(`${kiosk.dataDir}/${file}`, 'utf8');
    expect(text, file).not.toContain('135790');
    expect(text, file).not.toContain(code);
  }
  expect(readFileSync(`${kiosk.dataDir}/settings.json`, 'utf8')).not.toContain('"scrypt"');
  expect(readFileSync(`${kiosk.dataDir}/staff-credential.json`, 'utf8')).toContain('"scrypt"');
  expect(readFileSync(`${kiosk.dataDir}/staff-recovery.json`, 'utf8')).toContain('"scrypt"');

  // Centre settings: change the English name with the on-screen keyboard and save.
  await page.getByTestId('field-name-en').tap();
  for (let i = 0; i < 30; i++) await page.getByRole('button', { name: 'Delete' }).first().tap();
  for (const key of 'lobby') await page.getByRole('button', { name: key, exact: true }).tap();
  await page.getByRole('button', { name: 'Done' }).tap();
  await page.getByRole('button', { name: 'More' }).first().tap();
  await page.getByRole('button', { name: 'Tai Po' }).tap();
  await page.getByTestId('save-settings').tap();
  await expect(page.getByText('Saved.')).toBeVisible();
  const saved = JSON.parse(readFileSync(`${kiosk.dataDir}/settings.json`, 'utf8')) as {
    public: { centreName: { en: string }; idleSeconds: number; district: string };
  };
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

test('five wrong PINs lock staff entry for 5 minutes, stated on screen; the recovery code ends the lock', async ({
  page,
  kiosk,
}) => {
  await page.goto(kiosk.url);
  const { recoveryCode } = await setUpStaffWithRecoveryCode(page);
  await startVisit(page, kiosk, 'English');
  await holdByTouch(page, 'centre-name', 3300);
  await expect(page.getByText('Enter the 6-digit staff PIN')).toBeVisible();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await tapPin(page, '000000');
    await expect(page.getByTestId('staff-message')).toContainText(
      `Tries left before staff entry locks: ${5 - attempt}`,
    );
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

  // Staff fetch the recovery code from the safe: it ends the lock and sets a new PIN at once.
  await page.getByTestId('use-recovery').tap();
  await tapPin(page, recoveryCode);
  await tapPin(page, TEST_PIN);
  await tapPin(page, TEST_PIN);
  await expect(page.getByTestId('recovery-code')).toBeVisible();
  await page.getByTestId('recovery-done').tap();
  await expect(page.getByRole('heading', { name: 'Staff console' })).toBeVisible();
});

test('staff can enter from the attract screen too', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await setUpStaff(page);
  await holdByTouch(page, 'centre-name', 3300);
  await expect(page.getByText('請輸入 6 位數字職員密碼')).toBeVisible();
  await tapPin(page, TEST_PIN);
  await expect(page.getByRole('heading', { name: '職員控制台' })).toBeVisible();
});

test('a lost staff PIN with personal data on the kiosk: no set-up for whoever is there, the recovery code by touch sets a new one', async ({
  page,
  kiosk,
}) => {
  await page.goto(kiosk.url);
  const { session, recoveryCode } = await setUpStaffWithRecoveryCode(page);
  const group = await api(
    page,
    'staff.groups.create',
    { title: 'Phones for beginners', date: '2026-12-09', place: 'Room 1', lessonIds: ['free-wifi'] },
    session,
  );
  expect(group.ok).toBe(true);
  const added = await api(
    page,
    'staff.groups.participants.add',
    { id: (group.value as { id: string }).id, kind: 'nickname', label: 'Auntie Mei', picsAgreed: true },
    session,
  );
  expect(added.ok).toBe(true);

  // A bad sector takes the PIN file and its backup; the kiosk is switched off and on.
  writeFileSync(`${kiosk.dataDir}/staff-credential.json`, '{"schemaVersion": 1, "pin": {');
  writeFileSync(`${kiosk.dataDir}/staff-credential.bak.json`, '');
  await kiosk.restart!();

  await startVisit(page, kiosk, 'English');
  await holdByTouch(page, 'centre-name', 3300);
  await expect(page.getByTestId('recovery-needed')).toContainText('could not be read');
  await expect(page.getByText('No staff PIN is set on this kiosk yet')).toHaveCount(0);
  expect((await api(page, 'staff.setup', { pin: '111111', confirm: '111111' })).error?.code).toBe(
    'forbidden',
  );
  await expectNoAxeViolations(page, 'recovery code pad');
  await expectTouchTargets(page, 'recovery code pad');
  await expectMinTextSize(page, 'recovery code pad');
  // At 1280×800 with the largest text the whole digit pad is in view, beside the words.
  await present(page, { textSize: 3, highContrast: false });
  for (const key of ['1', '0']) {
    const box = (await page.getByRole('button', { name: key, exact: true }).boundingBox())!;
    expect(box.y + box.height, `key ${key} in view`).toBeLessThanOrEqual(page.viewportSize()!.height);
  }
  await present(page, { textSize: 1, highContrast: false });

  // A wrong code is refused and counted.
  const wrong = recoveryCode.replace(/^./, (d) => String((Number(d) + 1) % 10));
  await tapPin(page, wrong);
  await tapPin(page, '975310');
  await tapPin(page, '975310');
  await expect(page.getByTestId('staff-message')).toContainText('Tries left: 9');

  await tapPin(page, recoveryCode);
  await expect(page.getByTestId('recovery-entered')).toHaveCount(0);
  await tapPin(page, '975310');
  await tapPin(page, '975310');
  // The used code is spent: a new one is shown once.
  const next = (await page.getByTestId('recovery-code').getAttribute('data-code'))!;
  expect(next).toMatch(/^\d{16}$/);
  expect(next).not.toBe(recoveryCode);
  await page.getByTestId('recovery-done').tap();
  await expect(page.getByRole('heading', { name: 'Staff console' })).toBeVisible();

  // Data health says what happened.
  await page.getByRole('button', { name: 'Data health' }).tap();
  await expect(page.locator('[data-testid="health-staff"] [data-code="credential-lost"]')).toBeVisible();
  await expect(page.locator('[data-testid="health-staff"] [data-code="pin-recovered"]')).toBeVisible();
  await page.getByTestId('staff-sign-out').tap();

  // The new PIN signs in; the group session is still there.
  const signIn = await api(page, 'staff.login', { pin: '975310' });
  expect(signIn.ok).toBe(true);
  const groups = await api(page, 'staff.groups.list', {}, (signIn.value as { session: string }).session);
  expect(JSON.stringify(groups.value)).toContain('Auntie Mei');
});
