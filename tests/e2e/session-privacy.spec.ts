import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { signInToConsole, typeOnScreen } from './staff-console-helpers';

/**
 * A session's private things stay private: nicknames and notes show on the kiosk's screen, never
 * in the totals-only print or any CSV, and "wipe personal data" takes the notes too. On the way,
 * the parts of a session a facilitator touches: needs help, remove (asked first), notes that say
 * "saved" or why not, and a summary whose progress adds up with the session's time and length.
 */

const NICKNAMES = ['Auntie May', 'Uncle Wing', 'Ah Fong'];
// Typed on the kiosk's keyboard: what must never leave the kiosk.
const NOTE = 'telwingfamily';

async function readDownload(download: Download): Promise<string> {
  const file = path.join(os.tmpdir(), `kiosk-dl-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return readFileSync(file, 'utf8');
}

function expectNothingPersonal(text: string, where: string): void {
  for (const secret of [...NICKNAMES, NOTE]) expect(text, `${where}: ${secret}`).not.toContain(secret);
}

test('a session with nicknames and notes: help, remove, notes, summary, totals-only print and CSVs, wipe', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(150_000);
  const staff = await signInToConsole(page, kiosk, 'English');
  type Session = { id: string; participants: { id: string; label: string }[] };
  const created = await api(
    page,
    'staff.groups.create',
    {
      title: 'Phones',
      date: '2026-12-09',
      startTime: '10:00',
      endTime: '11:30',
      place: 'Room 1',
      lessonIds: ['free-wifi', 'photos'],
    },
    staff,
  );
  let session = created.value as Session;
  for (const label of NICKNAMES)
    session = (
      await api(
        page,
        'staff.groups.participants.add',
        { id: session.id, kind: 'nickname', label, picsAgreed: true },
        staff,
      )
    ).value as Session;
  const [may, wing] = session.participants;
  // Free Wi-Fi has 10 steps: May did them all, Wing 8 of them.
  for (const [who, stepsDone] of [
    [may!, 10],
    [wing!, 8],
  ] as const)
    await api(
      page,
      'staff.groups.progress',
      { id: session.id, participantId: who.id, lessonId: 'free-wifi', stepsDone },
      staff,
    );

  await page.getByRole('button', { name: 'Group sessions' }).tap();
  await page.getByRole('button', { name: /^Phones/ }).tap();
  await expect(page.getByRole('heading', { name: 'Phones', exact: true })).toBeVisible();
  await expect(page.getByText('10:00–11:30 (1 hour 30 minutes)', { exact: false })).toBeVisible();
  // ✓ only for every step done: May's Wi-Fi is pressed, Wing's (8 of 10) is not.
  await expect(
    page.getByRole('button', { name: 'Auntie May finished Free Wi-Fi: Wi-Fi.HK' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByRole('button', { name: 'Uncle Wing finished Free Wi-Fi: Wi-Fi.HK' }),
  ).toHaveAttribute('aria-pressed', 'false');

  // Needs help: one tap, and the facilitator sees who.
  await page.getByRole('button', { name: 'Uncle Wing needs help' }).tap();
  await expect(page.getByTestId('needs-help-list')).toHaveText('Needs help: Uncle Wing');

  // Removing asks first; cancel keeps the person, yes removes them.
  await page.getByRole('button', { name: 'Remove Ah Fong' }).tap();
  await expect(page.getByRole('heading', { name: 'Remove Ah Fong from the list?' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).tap();
  await expect(page.getByTestId('participants')).toContainText('Ah Fong');
  await page.getByRole('button', { name: 'Remove Ah Fong' }).tap();
  await page.getByTestId('participant-remove-confirm').tap();
  await expect(page.getByTestId('participants')).not.toContainText('Ah Fong');

  // Notes: a phone number is refused next to the field; without it, "Saved."
  await page.getByTestId('session-notes').tap();
  await typeOnScreen(page, 'tel91234567');
  await page.getByRole('button', { name: 'Done', exact: true }).tap();
  await page.getByTestId('notes-save').tap();
  await expect(page.getByTestId('notes-status')).toContainText('Not saved');
  await page.getByTestId('session-notes').tap();
  for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Delete' }).first().tap();
  await typeOnScreen(page, 'wingfamily');
  await page.getByRole('button', { name: 'Done', exact: true }).tap();
  await page.getByTestId('notes-save').tap();
  await expect(page.getByTestId('notes-status')).toHaveText('✓ Saved.');
  expect(readFileSync(path.join(kiosk.dataDir, 'group-sessions.json'), 'utf8')).not.toContain('91234567');

  await page.getByTestId('session-close').tap();
  await page.getByTestId('session-close-confirm').tap();

  // The summary adds up: per lesson finished + in progress + not started = the 2 listed.
  await expect(page.getByRole('heading', { name: 'Summary: Phones' })).toBeVisible();
  await expect(page.getByTestId('summary-time')).toHaveText('10:00–11:30 · 1 hour 30 minutes');
  const cells = (testId: string) => page.getByTestId(testId).locator('td');
  await expect(cells('summary-lesson-free-wifi')).toHaveText(['1', '1', '0']);
  await expect(cells('summary-lesson-photos')).toHaveText(['0', '0', '2']);
  await expect(cells('summary-session-row')).toHaveText(['0', '2', '0']);
  // On screen (staff only): the names and the notes.
  await expect(page.getByTestId('summary-notes')).toContainText(NOTE);
  await expect(page.getByText('Auntie May', { exact: false })).toBeVisible();

  // The totals-only print. Chromium's PDF holds its text as glyph ids in embedded fonts, and no
  // PDF text tool is in node_modules, so the text checked is what print media lays out (innerText
  // leaves out what print.css hides); the PDF is made to be sure the page prints at all.
  await page.getByTestId('summary-print').tap();
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => document.body.innerText);
  expect(printed).toContain('Summary: Phones');
  expect(printed).toContain('1 hour 30 minutes');
  expectNothingPersonal(printed, 'printed summary');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // Every CSV: the session's, and the report's for the month.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('summary-export').tap();
  await expect.poll(() => downloads.length).toBe(1);
  const csv = await readDownload(downloads[0]!);
  expect(csv).toContain('Finished,In progress,Not started');
  expectNothingPersonal(csv, downloads[0]!.suggestedFilename());
  const report = await api(
    page,
    'staff.reports.export',
    { from: '2026-12-01', to: '2026-12-31', language: 'en' },
    staff,
  );
  const files = (report.value as { files: { name: string; text: string }[] }).files;
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expectNothingPersonal(file.text, file.name);

  // Wipe personal data: the notes go with the names, and the screen says so.
  await page.getByRole('button', { name: 'Data care' }).tap();
  await page.getByTestId('wipe-start').tap();
  await page.getByTestId('wipe-confirm').tap();
  await expect(page.getByTestId('care-message')).toContainText('cleared the notes of 1 sessions');
  const stored = readFileSync(path.join(kiosk.dataDir, 'group-sessions.json'), 'utf8');
  expectNothingPersonal(stored, 'group-sessions.json');
});
