import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expectFits } from './fits-check';
import { api, expect, test } from './fixtures';
import { signInToConsole, typeOnScreen } from './staff-console-helpers';

const PASSPHRASE = 'teatime2026';
const NICKNAME = 'Auntie May';

async function sessions(page: Page, staff: string): Promise<string[]> {
  const list = await api(page, 'staff.groups.list', {}, staff);
  return (list.value as { sessions: { title: string }[] }).sessions.map((s) => s.title);
}

async function addSession(page: Page, staff: string, title: string, nickname?: string): Promise<void> {
  const made = await api(
    page,
    'staff.groups.create',
    { title, date: '2026-12-09', place: 'Room 1', lessonIds: ['free-wifi'] },
    staff,
  );
  const id = (made.value as { id: string }).id;
  if (nickname)
    await api(
      page,
      'staff.groups.participants.add',
      { id, kind: 'nickname', label: nickname, picsAgreed: true },
      staff,
    );
}

test('an encrypted backup by touch: made with a passphrase typed twice, refused with a wrong one, restored with the right one', async ({
  page,
  kiosk,
}) => {
  // Four scrypt derivations (about 0.4 s each on a quiet machine, several on a loaded one) and axe.
  test.setTimeout(150_000);
  const staff = await signInToConsole(page, kiosk, 'English');
  await addSession(page, staff, 'Phones for beginners', NICKNAME);

  // Never backed up: the reminder is where staff look, in Data health and in Data care.
  await page.getByRole('button', { name: 'Data health' }).tap();
  await expect(page.getByTestId('backup-reminder')).toContainText('No backup has been made');
  await page.getByRole('button', { name: 'Data care' }).tap();
  await expect(page.getByTestId('backup-reminder')).toBeVisible();

  // The passphrase on the kiosk keyboard, twice; Save explains itself until both agree.
  await page.getByTestId('backup-create').tap();
  await expectNoAxeViolations(page, 'backup passphrase dialog');
  await expectFits(page, 'backup passphrase dialog');
  await typeOnScreen(page, 'tea');
  // force: Playwright waits for an aria-disabled button to become enabled; a tap is what elders do.
  await page.getByTestId('backup-save').tap({ force: true });
  await expect(page.getByTestId('disabled-reason')).toContainText('at least 8 characters');
  await typeOnScreen(page, PASSPHRASE.slice(3));
  await page.getByTestId('backup-passphrase-again').tap();
  await typeOnScreen(page, PASSPHRASE);
  const download = page.waitForEvent('download');
  await page.getByTestId('backup-save').tap();
  const backup = await download;
  // The kiosk's clock starts at 10:30 on 9 December 2026, Hong Kong time.
  expect(backup.suggestedFilename()).toMatch(/^kiosk-backup-2026-12-09-10[3-5]\d\.json$/);
  const backupPath = path.join(os.tmpdir(), `kiosk-e2e-${Date.now()}-${backup.suggestedFilename()}`);
  await backup.saveAs(backupPath);
  const text = readFileSync(backupPath, 'utf8');
  expect(JSON.parse(text)).toMatchObject({
    version: 2,
    encryption: { cipher: 'aes-256-gcm', kdf: 'scrypt' },
  });
  expect(text).not.toContain(NICKNAME);
  expect(text).not.toContain('Phones for beginners');
  await expect(page.getByTestId('backup-message')).toContainText(backup.suggestedFilename());
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await expect(page.getByTestId('backup-last')).toBeVisible();

  // Work after the backup, which a restore would lose.
  await addSession(page, staff, 'Week 2', 'Uncle Wing');

  // A foreign file is refused next to the buttons.
  const foreign = path.join(os.tmpdir(), `kiosk-e2e-foreign-${Date.now()}.json`);
  writeFileSync(foreign, JSON.stringify({ hello: 'world' }));
  let chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-choose').tap();
  await (await chooser).setFiles(foreign);
  await expect(page.getByTestId('backup-message')).toContainText('not a backup made by this kiosk');

  // The wrong passphrase: refused in the dialog, nothing changed.
  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-choose').tap();
  await (await chooser).setFiles(backupPath);
  await expect(page.getByTestId('restore-passphrase')).toBeVisible();
  await expectNoAxeViolations(page, 'restore passphrase dialog');
  await typeOnScreen(page, 'teatime2025');
  await page.getByTestId('restore-open').tap();
  await expect(page.getByTestId('backup-dialog-error')).toHaveText(
    'The passphrase does not open this backup. Check it and try again. Nothing was changed.',
  );
  await expect(page.getByTestId('restore-preview')).toHaveCount(0);
  expect(await sessions(page, staff)).toEqual(expect.arrayContaining(['Week 2', 'Phones for beginners']));

  // The right one: the preview says what will be lost, and only the confirm restores.
  await page.getByRole('button', { name: 'Delete', exact: true }).tap();
  await typeOnScreen(page, '6');
  await page.getByTestId('restore-open').tap();
  await expect(page.getByTestId('restore-encryption')).toHaveText('Encrypted with a passphrase.');
  await expect(page.getByTestId('restore-losses')).toContainText(
    'This kiosk has 1 group sessions that are not in the backup',
  );
  await expect(page.getByTestId('restore-losses')).toContainText(
    '1 listed participants or course members will be lost',
  );
  expect(await sessions(page, staff)).toHaveLength(2);
  await page.getByTestId('restore-confirm').tap();
  await expect(page.getByTestId('backup-message')).toHaveText('The backup has been restored.');
  expect(await sessions(page, staff)).toEqual(['Phones for beginners']);

  await page.getByRole('button', { name: 'Staff log' }).tap();
  const log = page.getByTestId('staff-log');
  for (const action of ['Backup restored', 'Backup saved']) await expect(log).toContainText(action);
});
