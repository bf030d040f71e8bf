import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { printCalls, signInToConsole, typeOnScreen } from './staff-console-helpers';

/**
 * A social worker's four-week course, by touch: six members who agree to the collection
 * statement once, attendance ticked at each week's session, a "needs help" flag and notes, the
 * course view's attendance grid and finished lessons, a sign-in sheet, and the funder report's
 * course figures. Then one member withdraws (asked first) and leaves every list.
 */

const MEMBERS = ['may', 'wing', 'fong', 'lan', 'kit', 'ming'];
/** Who is ticked present each week: 6, 5, 4 and 6 of the six (21 of 24). */
const ABSENT: string[][] = [[], ['kit'], ['kit', 'ming'], []];

async function addMember(page: Page, name: string): Promise<void> {
  await page.getByTestId('course-member-add').tap();
  const statement = page.getByTestId('pics-statement');
  await expect(statement).toContainText('voluntary');
  // "I agree" works once the whole statement has been on screen.
  await statement.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.getByTestId('pics-agree').tap();
  await page.getByTestId('participant-label').tap();
  await typeOnScreen(page, name);
  await page.getByTestId('participant-add').tap();
  await expect(page.getByTestId('course-members')).toContainText(name);
}

// The last day of a month, so the report's "this month" holds all four weeks, held by then.
test.use({ kioskNow: '2026-12-31T10:00:00+08:00' });

test('a four-week course of six by touch: consent once, attendance each week, the course view and its report', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(480_000);
  await signInToConsole(page, kiosk, 'English');
  await page.getByTestId('staff-section-courses').tap();
  await expect(page.getByText('No courses yet.')).toBeVisible();

  await page.getByTestId('course-new').tap();
  await page.getByTestId('course-title').tap();
  await typeOnScreen(page, 'phones');
  await page.getByRole('button', { name: 'Done' }).tap();
  await expect(page.getByTestId('course-planned')).toHaveText('4');
  for (const lesson of ['free-wifi', 'photos', 'bus-arrival', 'pay-safely'])
    await page.getByTestId(`lesson-choice-${lesson}`).tap();
  await page.getByTestId('course-create').tap();
  await expect(page.getByRole('heading', { name: 'phones', exact: true })).toBeVisible();

  // Consent once, for the whole course.
  for (const name of MEMBERS) await addMember(page, name);
  await expect(page.getByTestId('course-members').getByRole('listitem')).toHaveCount(6);
  await expect(page.getByTestId('course-members')).toContainText('statement version 1');

  for (let week = 0; week < 4; week++) {
    await page.getByTestId('course-session-add').tap();
    if (week === 0) {
      // The first session was four weeks ago: 3 December.
      await page.getByRole('button', { name: 'Date: 1 month earlier' }).tap();
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Date: 1 day later' }).tap();
    }
    await expect(page.getByTestId('course-session-date')).toHaveAttribute(
      'data-value',
      ['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24'][week]!,
    );
    // A week after the last one, at the same times, the next lesson of the course.
    await expect(page.getByTestId('course-session-start')).toHaveText('10:00');
    await page.getByTestId('course-session-create').tap();
    await expect(page.getByTestId('course-session-open')).toHaveCount(week + 1);
    await page.getByTestId('course-session-open').nth(week).tap();

    // Every member is on this week's list without being asked again; one tap each as they arrive.
    const list = page.getByTestId('attendance-list');
    await expect(list.getByTestId('attendance-toggle')).toHaveCount(6);
    for (const name of MEMBERS.filter((n) => !ABSENT[week]!.includes(n)))
      await list.getByRole('button', { name: `${name} is here` }).tap();
    const here = 6 - ABSENT[week]!.length;
    await expect(page.getByTestId('attendance-count')).toHaveText(`${here} of 6 here`);

    if (week === 0) {
      await page.getByRole('button', { name: /^(✓ )?may finished Free Wi-Fi/ }).tap();
      await expect(page.getByRole('button', { name: /^✓ may finished Free Wi-Fi/ })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    }
    if (week === 1) {
      await page.getByRole('button', { name: /wing needs help/i }).tap();
      await expect(page.getByTestId('needs-help-list')).toContainText('wing');
    }
    if (week === 2) {
      await page.getByTestId('session-notes').tap();
      await typeOnScreen(page, 'projector');
      await page.getByTestId('notes-save').tap();
      await expect(page.getByTestId('notes-status')).toContainText(/saved/i);
    }
    await page.getByTestId('session-close').tap();
    await page.getByTestId('session-close-confirm').tap();
    await expect(page.getByTestId('summary-attendance')).toHaveText(String(here));
    await page.getByRole('button', { name: 'All group sessions' }).tap();
    await expect(page.getByRole('heading', { name: 'phones', exact: true })).toBeVisible();
  }

  // The course view: attendance across the weeks and who finished which lesson.
  const grid = page.getByTestId('course-attendance');
  await expect(grid.getByRole('row', { name: /^may/ })).toHaveText(
    /may\s*✓present\s*✓present\s*✓present\s*✓present\s*4/,
  );
  await expect(grid.getByRole('row', { name: /^kit/ })).toHaveText(
    /kit\s*✓present\s*—absent\s*—absent\s*✓present\s*2/,
  );
  await expect(grid.getByRole('row', { name: /^Present/ })).toHaveText(/Present\s*6\s*5\s*4\s*6/);
  const lessons = page.getByTestId('course-lessons');
  await expect(lessons.getByRole('row', { name: /^may/ })).toHaveText(/may\s*✓finished\s*not finished/);
  await expect(lessons.getByRole('row', { name: /^wing/ })).not.toContainText('✓');

  // A sign-in sheet for week 4: the centre, the course, a row per member; never the notes.
  await page.getByTestId('course-sheet-print').nth(3).tap();
  expect(await printCalls(page)).toBe(1);
  const sheet = page.getByTestId('sign-in-sheet');
  await expect(sheet).toContainText('Session 4');
  await expect(sheet).toContainText('10:00–11:30');
  for (const name of MEMBERS) await expect(sheet).toContainText(name);
  await expect(sheet).not.toContainText('projector');
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('staff-sign-out')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The funder report: six people on the course, 21 attendances of 24 listed.
  await page.getByTestId('staff-section-reports').tap();
  await expect(page.getByTestId('figure-unique-participants')).toHaveText('6');
  await expect(page.getByTestId('figure-attendance-rate')).toHaveText(/88/);
  // The course's row: 4 of 4 sessions, 6 people, 88 %, 31.5 learning hours (21 attendances × 1.5 h).
  await expect(page.getByRole('row', { name: /^phones 4 \/ 4 6 88 31\.5/ })).toBeVisible();

  // Withdrawing asks first, then takes the member off the course and every one of its sessions.
  // The console comes back to the course it was showing.
  await page.getByTestId('staff-section-courses').tap();
  await expect(page.getByRole('heading', { name: 'phones', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Withdraw ming' }).tap();
  await expect(page.getByRole('heading', { name: 'Take ming off the course?' })).toBeVisible();
  await page.getByTestId('course-withdraw-confirm').tap();
  await expect(page.getByTestId('course-members').getByRole('listitem')).toHaveCount(5);
  await expect(grid.getByRole('row', { name: /^ming/ })).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /^Present/ })).toHaveText(/Present\s*5\s*4\s*4\s*5/);
  const stored = readFileSync(path.join(kiosk.dataDir, 'group-sessions.json'), 'utf8');
  expect(stored).not.toContain('"ming"');
  expect(stored).toContain('"may"');
});
