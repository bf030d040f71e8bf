import type { Page } from '@playwright/test';
import { present } from './a11y';
import type { FitsOptions } from './fits-check';
import { api, expect, holdByTouch, startVisit, tapPin, TEST_PIN, type KioskProcess } from './fixtures';
import { cancelDialog, seedCourse } from './fits-staff-forms';
import { agreeToStatement, signInToConsole } from './staff-console-helpers';

/**
 * The staff console's screens for the fits check (fits-staff.spec.ts) and a screenshot script:
 * every panel in the menu, in menu order, read from the menu itself so a new section is checked
 * the day it is added, then the dialogs staff meet on the way (collection statement, nickname,
 * closing a session, wiping personal data). The course and staff-account forms and dialogs are in
 * fits-staff-forms.ts.
 */

/**
 * The console's menu and its panel each scroll inside their own box (a staff panel is a long form
 * at the largest text): text below their fold is not cut off. Sideways is checked apart
 * (`panelSideways`).
 */
export const STAFF_FITS: FitsOptions = {
  scrollers: ['[data-testid="staff-menu"]', '[data-testid="staff-panel"]'],
};

export const LARGEST = { textSize: 3, highContrast: false } as const;

export interface StaffScreen {
  name: string;
  /** Get here by touch from the panel or dialog before it. */
  reach: (page: Page) => Promise<void>;
  /** Close a dialog again, back on its panel. */
  close?: (page: Page) => Promise<void>;
  /** A dialog with a text field and the kiosk keyboard: both must show whole inside it. */
  keyboardInDialog?: boolean;
}

/** The group session the dialogs are reached from. */
const SESSION_TITLE = '長者手機班';

/**
 * A signed-in zh-HK console with the largest text and a group session holding one participant
 * (so the session's screens show a list). Returns the staff session.
 */
export async function openStaffConsole(page: Page, kiosk: KioskProcess): Promise<string> {
  const session = await signInToConsole(page, kiosk, '繁體中文');
  const created = await api(
    page,
    'staff.groups.create',
    { title: SESSION_TITLE, date: '2026-12-09', place: '活動室', facilitator: '', lessonIds: ['free-wifi'] },
    session,
  );
  expect(created.ok).toBe(true);
  const id = (created.value as { id: string }).id;
  const added = await api(
    page,
    'staff.groups.participants.add',
    { id, kind: 'nickname', label: '陳太', picsAgreed: true },
    session,
  );
  expect(added.ok).toBe(true);
  await seedCourse(page, session);
  await present(page, LARGEST);
  return session;
}

/**
 * After a screen could not be reached (a tap that timed out on a busy machine can leave a dialog
 * open over everything after it): the page loaded afresh and signed in again at the largest text,
 * so the next screen starts from the console, not from what the last one left.
 */
export async function reopenStaffConsole(page: Page, kiosk: KioskProcess): Promise<void> {
  await page.goto(kiosk.url);
  await startVisit(page, kiosk, '繁體中文');
  await holdByTouch(page, 'centre-name', 3300);
  await tapPin(page, TEST_PIN);
  await expect(page.getByTestId('staff-sign-out')).toBeVisible();
  await present(page, LARGEST);
}

/** Every section in the menu, in order: its test id and what it says. */
export async function menuSections(page: Page): Promise<{ testId: string; label: string }[]> {
  const items = page.getByTestId('staff-menu').locator('[data-testid^="staff-section-"]');
  await expect(items.first()).toBeVisible();
  return items.evaluateAll((els) =>
    els.map((el) => ({ testId: el.getAttribute('data-testid')!, label: el.textContent!.trim() })),
  );
}

/** A panel, opened from the menu (scrolled to the item first, as staff would). */
export function panelScreen(section: { testId: string; label: string }): StaffScreen {
  return {
    name: `panel: ${section.label}`,
    reach: async (page) => {
      const item = page.getByTestId(section.testId);
      await item.scrollIntoViewIfNeeded();
      await item.tap();
      await expect(item).toHaveAttribute('aria-current', 'page');
    },
  };
}

async function openSession(page: Page): Promise<void> {
  const item = page.getByTestId('staff-section-groups');
  await item.scrollIntoViewIfNeeded();
  await item.tap();
  // The groups panel may come back on the session last opened, once it has loaded.
  const detail = page.getByTestId('participant-start');
  const listed = page
    .getByTestId('staff-panel')
    .getByRole('button', { name: new RegExp(SESSION_TITLE) })
    .first();
  await expect(detail.or(listed)).toBeVisible();
  if (!(await detail.isVisible())) await listed.tap();
  await expect(page.getByTestId('participant-start')).toBeVisible();
}

/** On the session detail: as the dialog before left it, or opened again after a fresh start. */
async function onSession(page: Page): Promise<void> {
  if (!(await page.getByTestId('participant-start').isVisible())) await openSession(page);
}

/** The staff dialogs, each reached from its panel. */
export const STAFF_DIALOGS: StaffScreen[] = [
  {
    name: 'session detail',
    reach: openSession,
  },
  {
    name: 'dialog: remove participant',
    reach: async (page) => {
      await onSession(page);
      await page.getByTestId('participant-remove').first().tap();
      await expect(page.getByTestId('participant-remove-confirm')).toBeVisible();
    },
    close: cancelDialog,
  },
  {
    name: 'dialog: collection statement',
    reach: async (page) => {
      await onSession(page);
      await page.getByTestId('participant-start').tap();
      await expect(page.getByTestId('pics-statement')).toBeVisible();
    },
  },
  {
    name: 'dialog: nickname',
    reach: async (page) => {
      // Straight after the statement's own check it is open; after a fresh start, open it.
      if (!(await page.getByTestId('pics-statement').isVisible())) {
        await onSession(page);
        await page.getByTestId('participant-start').tap();
      }
      await agreeToStatement(page);
      await page.getByTestId('participant-label').tap();
      await expect(page.getByRole('dialog').getByTestId('handwriting-pad')).toBeVisible();
    },
    close: cancelDialog,
    keyboardInDialog: true,
  },
  {
    name: 'dialog: close session',
    reach: async (page) => {
      await onSession(page);
      await page.getByTestId('session-close').scrollIntoViewIfNeeded();
      await page.getByTestId('session-close').tap();
      await expect(page.getByTestId('session-close-confirm')).toBeVisible();
    },
    close: cancelDialog,
  },
  {
    name: 'dialog: wipe personal data',
    reach: async (page) => {
      const item = page.getByTestId('staff-section-data-care');
      await item.scrollIntoViewIfNeeded();
      await item.tap();
      await page.getByTestId('wipe-start').scrollIntoViewIfNeeded();
      await page.getByTestId('wipe-start').tap();
      await expect(page.getByTestId('wipe-confirm')).toBeVisible();
    },
    close: cancelDialog,
  },
];

/** The panel's width in use: a table wider than the panel would be out of sight to its side. */
export async function panelSideways(page: Page): Promise<string | null> {
  return page.getByTestId('staff-panel').evaluate((el) => {
    const over = el.scrollWidth - el.clientWidth;
    return over > 1 ? `panel scrolls sideways: ${el.scrollWidth} px in ${el.clientWidth}` : null;
  });
}
