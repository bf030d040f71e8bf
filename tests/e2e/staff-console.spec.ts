import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expectMinTextSize, expectNoAxeViolations, expectTouchTargets, present } from './a11y';
import { api, expect, test } from './fixtures';
import {
  CONSOLE_LANGUAGES,
  agreeToStatement,
  printCalls,
  signInToConsole,
  typeOnScreen,
} from './staff-console-helpers';

async function readDownload(download: Download): Promise<string> {
  const file = path.join(os.tmpdir(), `kiosk-dl-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return readFileSync(file, 'utf8');
}

test('a group session end to end by touch: create, facilitate, attendance with PICS, close, print', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  await signInToConsole(page, kiosk, 'English');
  await page.getByRole('button', { name: 'Group sessions' }).tap();
  await expect(page.getByText('No group sessions yet.')).toBeVisible();

  // Create: title on the on-screen keyboard, today's date, two lessons.
  await page.getByTestId('group-new').tap();
  await page.getByTestId('group-title').tap();
  await typeOnScreen(page, 'wifi');
  await page.getByRole('button', { name: 'Done' }).tap();
  await page.getByTestId('lesson-choice-free-wifi').tap();
  await page.getByTestId('lesson-choice-photos').tap();
  await page.getByTestId('group-create').tap();
  await expect(page.getByRole('heading', { name: 'wifi', exact: true })).toBeVisible();

  // Facilitate: the group view, moved on two steps with Next, and one back.
  await page.getByTestId('group-view-start').tap();
  const view = page.getByTestId('group-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('group-step-counter')).toHaveText(/^Step 1 of \d+$/);
  await expect(page.getByTestId('group-back')).toBeDisabled();
  await page.getByTestId('group-next').tap();
  await expect(page.getByTestId('group-step-counter')).toHaveText(/^Step 2 of \d+$/);
  await page.getByTestId('group-next').tap();
  await expect(page.getByTestId('group-step-counter')).toHaveText(/^Step 3 of \d+$/);
  await page.getByTestId('group-back').tap();
  await expect(page.getByTestId('group-step-counter')).toHaveText(/^Step 2 of \d+$/);
  await page.getByTestId('group-view-close').tap();
  await expect(view).toHaveCount(0);

  // Attendance: head count by touch…
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'More: People present' }).tap();
  await expect(page.getByTestId('head-count')).toHaveText('3');

  // …and a participant after the collection statement. An ID number is refused.
  await page.getByTestId('participant-start').tap();
  await expect(page.getByTestId('pics-statement')).toContainText('voluntary');
  await expect(page.getByTestId('pics-statement')).toContainText('deleted automatically after 180 days');
  await agreeToStatement(page);
  await page.getByTestId('participant-label').tap();
  await typeOnScreen(page, 'a1234567');
  await page.getByTestId('participant-add').tap();
  await expect(page.getByTestId('participant-error')).toContainText('ID card number');
  for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Delete' }).first().tap();
  await typeOnScreen(page, 'may');
  await page.getByTestId('participant-add').tap();
  await expect(page.getByTestId('participants')).toContainText('may');
  await page.getByRole('button', { name: 'may finished Free Wi-Fi: Wi-Fi.HK' }).tap();
  await expect(page.getByRole('button', { name: 'may finished Free Wi-Fi: Wi-Fi.HK' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Notes, then close.
  await page.getByTestId('session-notes').tap();
  await typeOnScreen(page, 'ok');
  await page.getByTestId('notes-save').tap();
  await page.getByTestId('session-close').tap();
  await page.getByTestId('session-close-confirm').tap();

  // The summary: attendance, completion; print (recorded) prints the summary only.
  await expect(page.getByRole('heading', { name: 'Summary: wifi' })).toBeVisible();
  await expect(page.getByTestId('summary-attendance')).toHaveText('3');
  await expect(page.getByRole('row', { name: /Free Wi-Fi: Wi-Fi\.HK 1 0/ })).toBeVisible();
  await page.getByTestId('summary-print').tap();
  expect(await printCalls(page)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('staff-sign-out')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Summary: wifi' })).toBeVisible();
  await expect(page.getByText('The printed summary shows totals only', { exact: false })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The CSV export of the summary.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('summary-export').tap();
  await expect.poll(() => downloads.length).toBe(1);
  const text = await readDownload(downloads[0]!);
  expect(text.startsWith('\uFEFFDate,Start,End,Minutes,Title,Place,Facilitator,Status,Attendance')).toBe(
    true,
  );
  expect(readFileSync(path.join(kiosk.dataDir, 'group-sessions.json'), 'utf8')).not.toContain('1234567');
});

test('figures for a period, CSV export and print', async ({ page, kiosk }) => {
  test.setTimeout(180_000);
  const session = await signInToConsole(page, kiosk, 'English');
  // One visit came from signing in (the English visit); add two more and some lessons. A new visit
  // counts only 20 s after the last one began (the kiosk's clock runs in real time from KIOSK_NOW).
  await page.waitForTimeout(20_000);
  const { visit } = (await api(page, 'visit.start', { language: 'zh-HK' })).value as { visit: string };
  await api(page, 'lessons.progress', { lessonId: 'free-wifi', event: 'started', language: 'zh-HK', visit });
  await api(page, 'lessons.progress', {
    lessonId: 'free-wifi',
    event: 'completed',
    language: 'zh-HK',
    visit,
  });
  await page.waitForTimeout(20_000);
  await api(page, 'visit.start', { language: 'zh-CN' });
  expect((await api(page, 'staff.groups.list', {}, session)).ok).toBe(true);

  await page.getByRole('button', { name: 'Figures and reports' }).tap();
  await expect(page.getByTestId('figure-visits')).toHaveText('3');
  await expect(page.getByRole('row', { name: 'Free Wi-Fi: Wi-Fi.HK 1 1' })).toBeVisible();
  await page.getByTestId('preset-last-month').tap();
  await expect(page.getByTestId('figure-visits')).toHaveText('0');
  await page.getByTestId('preset-this-month').tap();
  await expect(page.getByTestId('figure-visits')).toHaveText('3');
  // A day earlier with the steppers narrows to a custom period ending yesterday: today's visits leave it.
  await page.getByRole('button', { name: 'To: 1 day earlier' }).tap();
  await expect(page.getByTestId('report-to')).toHaveAttribute('data-value', '2026-12-08');
  await expect(page.getByTestId('preset-this-month')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('figure-visits')).toHaveText('0');
  await page.getByTestId('preset-this-month').tap();

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('report-export').tap();
  // One file a table, then the summary of the headline figures.
  await expect.poll(() => downloads.length).toBe(8);
  // The kiosk's clock is on DEFAULT_KIOSK_NOW (9 December 2026): this month so far.
  expect(downloads[0]!.suggestedFilename()).toBe('visits_2026-12-01_2026-12-09.csv');
  expect(downloads.at(-1)!.suggestedFilename()).toBe('summary_2026-12-01_2026-12-09.csv');
  const visits = await readDownload(downloads[0]!);
  expect(visits.charCodeAt(0)).toBe(0xfeff);
  // The header block (centre, period, generated at on the kiosk's clock in Hong Kong time), a blank row, the table.
  expect(visits.split('\r\n').slice(1, 5)).toEqual([
    'Period,2026-12-01,2026-12-09',
    expect.stringMatching(/^Generated at \(Hong Kong time\),2026-12-09 10:3\d$/),
    '',
    'Day,Visits',
  ]);
  const languages = await readDownload(downloads[1]!);
  expect(languages.split('\r\n\r\n')[1]).toBe(
    'Language,Visits\r\n繁體中文,1\r\nEnglish,1\r\n简体中文,1\r\nTotal,3\r\n',
  );
  await page.getByTestId('report-print').tap();
  expect(await printCalls(page)).toBe(1);

  // Backups and restores have their own journey (backup-encrypted.spec.ts).
  await page.getByRole('button', { name: 'Staff log' }).tap();
  const log = page.getByTestId('staff-log');
  for (const action of ['Exported', 'Signed in']) await expect(log).toContainText(action);
});

/** axe at text size 1 and 3, normal and high contrast; 64 px targets and the 24 px floor at size 1. */
async function checkScreen(page: Page, label: string): Promise<void> {
  for (const presentation of [
    { textSize: 1, highContrast: false },
    { textSize: 3, highContrast: false },
    { textSize: 1, highContrast: true },
    { textSize: 3, highContrast: true },
  ]) {
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

for (const language of CONSOLE_LANGUAGES) {
  test(`every staff console screen passes axe in ${language.code}`, async ({ page, kiosk }) => {
    test.setTimeout(300_000);
    const session = await signInToConsole(page, kiosk, language.name);
    // Figures to chart and a closed session to summarise (visit.start within a visit returns its token).
    const { visit } = (await api(page, 'visit.start', { language: 'en' })).value as { visit: string };
    await api(page, 'lessons.progress', { lessonId: 'free-wifi', event: 'started', language: 'en', visit });
    const created = await api(
      page,
      'staff.groups.create',
      { title: 'Closed one', date: '2025-01-10', place: 'Room 2', lessonIds: ['free-wifi'] },
      session,
    );
    const closedId = (created.value as { id: string }).id;
    await api(
      page,
      'staff.groups.participants.add',
      { id: closedId, kind: 'nickname', label: 'Wing', picsAgreed: true },
      session,
    );
    await api(page, 'staff.groups.close', { id: closedId }, session);

    await page.getByRole('button', { name: language.groups, exact: true }).tap();
    await checkScreen(page, `group sessions ${language.code}`);
    await page.getByTestId('group-new').tap();
    await checkScreen(page, `new session ${language.code}`);
    await page.getByTestId('group-title').tap();
    await typeOnScreen(page, 'abc');
    await checkScreen(page, `new session with keyboard ${language.code}`);
    await page.getByTestId('lesson-choice-free-wifi').tap();
    await page.getByTestId('group-create').tap();
    await expect(page.getByTestId('group-view-start')).toBeVisible();
    await checkScreen(page, `session ${language.code}`);
    await page.getByTestId('participant-start').tap();
    await checkScreen(page, `PICS ${language.code}`);
    await agreeToStatement(page);
    await page.getByTestId('participant-label').tap();
    await typeOnScreen(page, 'may');
    await page.getByTestId('participant-add').tap();
    await expect(page.getByTestId('participants')).toBeVisible();
    await checkScreen(page, `session with a participant ${language.code}`);
    await page.getByTestId('group-view-start').tap();
    await checkScreen(page, `group view, explain step ${language.code}`);
    for (let i = 0; i < 20 && !(await page.getByTestId('group-next').isDisabled()); i++) {
      await page.getByTestId('group-next').tap();
      if (i === 3 || i === 8) await checkScreen(page, `group view, step ${i} ${language.code}`);
    }
    await checkScreen(page, `group view, recap ${language.code}`);
    await page.getByTestId('group-view-close').tap();
    await page.getByTestId('session-close').tap();
    await checkScreen(page, `close dialog ${language.code}`);
    await page.getByTestId('session-close-confirm').tap();
    await expect(page.getByTestId('summary-print')).toBeVisible();
    await checkScreen(page, `summary ${language.code}`);

    await page.getByRole('button', { name: language.reports, exact: true }).tap();
    await expect(page.getByTestId('figure-visits')).toBeVisible();
    await checkScreen(page, `reports ${language.code}`);
    await page.getByTestId('preset-last-12-months').tap();
    await checkScreen(page, `reports, 12 months ${language.code}`);

    await page.getByRole('button', { name: language.care, exact: true }).tap();
    await expect(page.getByTestId('retention-days')).toBeVisible();
    await checkScreen(page, `data care ${language.code}`);
    await page.getByTestId('wipe-start').tap();
    await checkScreen(page, `wipe dialog ${language.code}`);
    await page.getByTestId('wipe-confirm').tap();
    await expect(page.getByTestId('care-message')).toBeVisible();
    const passphrase = { passphrase: 'teatime2026', confirm: 'teatime2026' };
    const backup = await api(page, 'staff.backup.create', passphrase, session);
    const backupPath = path.join(os.tmpdir(), `kiosk-a11y-${language.code}-${Date.now()}.json`);
    writeFileSync(backupPath, (backup.value as { text: string }).text);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('restore-choose').tap();
    await (await chooser).setFiles(backupPath);
    await expect(page.getByTestId('restore-passphrase')).toBeVisible();
    await page.getByTestId('restore-passphrase').fill(passphrase.passphrase);
    await page.getByTestId('restore-open').tap();
    await expect(page.getByTestId('restore-preview')).toBeVisible();
    await checkScreen(page, `restore preview ${language.code}`);
    await page.getByTestId('restore-cancel').tap();

    await page.getByRole('button', { name: language.log, exact: true }).tap();
    await expect(page.getByTestId('staff-log')).toBeVisible();
    await checkScreen(page, `staff log ${language.code}`);
  });
}
