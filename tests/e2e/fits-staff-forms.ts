import type { Page } from '@playwright/test';
import { api, expect } from './fixtures';
import type { StaffScreen } from './fits-staff';
import { agreeToStatement } from './staff-console-helpers';

/**
 * The fits walk's course and staff-account screens (fits-staff.spec.ts): the forms that open inside
 * their panel (a new course, a course's next session, a new account's name, role and PIN, a
 * rename, a removal asked first) and the course view's dialogs. Each is reached by touch from its
 * panel, from wherever the screen before left it or from a freshly signed-in console.
 */

/** The course the course screens are reached from. Not 長者手機班: the groups list is searched for that. */
const COURSE_TITLE = '智能電話入門課程';
/** The new account's name, typed into the box as a hardware keyboard would (quicker than by key). */
const NEW_NAME = 'wing';

/**
 * A course with two members and one session held, so its view shows every part: the sessions,
 * the members with their withdraw buttons, the attendance and lessons tables.
 */
export async function seedCourse(page: Page, session: string): Promise<void> {
  const course = await api(
    page,
    'staff.courses.create',
    {
      title: COURSE_TITLE,
      place: '活動室',
      facilitator: '',
      lessonIds: ['free-wifi', 'photos'],
      plannedSessions: 4,
    },
    session,
  );
  expect(course.ok).toBe(true);
  const id = (course.value as { id: string }).id;
  for (const label of ['陳太', '何生']) {
    const member = await api(
      page,
      'staff.courses.members.add',
      { id, kind: 'nickname', label, picsAgreed: true },
      session,
    );
    expect(member.ok).toBe(true);
  }
  const held = await api(
    page,
    'staff.courses.sessions.add',
    { courseId: id, date: '2026-12-03', startTime: '10:00', endTime: '11:30', lessonIds: ['free-wifi'] },
    session,
  );
  expect(held.ok).toBe(true);
}

/** A dialog's 取消, and it is gone. */
export async function cancelDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: '取消', exact: true }).tap();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

const panel = (page: Page) => page.getByTestId('staff-panel');
const cancelIn = (page: Page) => panel(page).getByRole('button', { name: '取消', exact: true });

async function openSection(page: Page, testId: string): Promise<void> {
  const item = page.getByTestId(testId);
  await item.scrollIntoViewIfNeeded();
  await item.tap();
  await expect(item).toHaveAttribute('aria-current', 'page');
}

/** The courses panel's list: the panel keeps the course last opened, so back out of it. */
async function onCourseList(page: Page): Promise<void> {
  await openSection(page, 'staff-section-courses');
  const list = page.getByTestId('course-new');
  const back = panel(page).getByRole('button', { name: '所有課程', exact: true });
  const form = page.getByTestId('course-create');
  await expect(list.or(back).or(form)).toBeVisible();
  if (await form.isVisible()) await cancelIn(page).first().tap();
  else if (await back.isVisible()) await back.tap();
  await expect(list).toBeVisible();
}

/** The seeded course's view: as the screen before left it, or opened from the list. */
async function onCourse(page: Page): Promise<void> {
  const heading = panel(page).getByRole('heading', { name: COURSE_TITLE, exact: true });
  if ((await heading.isVisible()) && (await page.getByTestId('course-member-add').isVisible())) return;
  await onCourseList(page);
  await page.getByTestId('course-open').filter({ hasText: COURSE_TITLE }).tap();
  await expect(page.getByTestId('course-member-add')).toBeVisible();
}

async function tapInPanel(page: Page, testId: string): Promise<void> {
  const target = page.getByTestId(testId).first();
  await target.scrollIntoViewIfNeeded();
  await target.tap();
}

export const COURSE_SCREENS: StaffScreen[] = [
  {
    name: 'course: new course form',
    reach: async (page) => {
      await onCourseList(page);
      await page.getByTestId('course-new').tap();
      await expect(page.getByTestId('course-create')).toBeVisible();
    },
    close: async (page) => {
      await tapInPanel(page, 'course-cancel');
      await expect(page.getByTestId('course-new')).toBeVisible();
    },
  },
  {
    name: 'course: new course, name keyboard',
    reach: async (page) => {
      await onCourseList(page);
      await page.getByTestId('course-new').tap();
      await page.getByTestId('course-title').tap();
      await expect(panel(page).getByTestId('handwriting-pad')).toBeVisible();
    },
    close: async (page) => {
      await tapInPanel(page, 'course-cancel');
      await expect(page.getByTestId('course-new')).toBeVisible();
    },
  },
  { name: 'course view', reach: onCourse },
  {
    name: 'course: next session form',
    reach: async (page) => {
      await onCourse(page);
      await tapInPanel(page, 'course-session-add');
      await expect(page.getByTestId('course-session-create')).toBeVisible();
    },
    close: async (page) => {
      await tapInPanel(page, 'course-session-cancel');
      await expect(page.getByTestId('course-session-add')).toBeVisible();
    },
  },
  {
    name: 'course dialog: member nickname',
    reach: async (page) => {
      await onCourse(page);
      await tapInPanel(page, 'course-member-add');
      await agreeToStatement(page);
      await page.getByTestId('participant-label').tap();
      await expect(page.getByRole('dialog').getByTestId('handwriting-pad')).toBeVisible();
    },
    close: cancelDialog,
    keyboardInDialog: true,
  },
  {
    name: 'course dialog: withdraw member',
    reach: async (page) => {
      await onCourse(page);
      await tapInPanel(page, 'course-member-withdraw');
      await expect(page.getByTestId('course-withdraw-confirm')).toBeVisible();
    },
    close: cancelDialog,
  },
  {
    name: 'course dialog: close course',
    reach: async (page) => {
      await onCourse(page);
      await tapInPanel(page, 'course-close');
      await expect(page.getByTestId('course-close-confirm')).toBeVisible();
    },
    // Back on the list too, so the next size's walk of the panels sees the panel as it opens.
    close: async (page) => {
      await cancelDialog(page);
      await onCourseList(page);
    },
  },
];

/** The accounts panel's list, any step the screen before left open cancelled. */
async function onAccountList(page: Page): Promise<void> {
  await openSection(page, 'staff-section-accounts');
  await expect(panel(page).getByRole('heading', { name: '職員帳戶', exact: true })).toBeVisible();
  if (await cancelIn(page).count()) await cancelIn(page).first().tap();
  await expect(page.getByTestId('account-add')).toBeVisible();
  await expect(cancelIn(page)).toHaveCount(0);
}

/** A new account's name step with the name typed, its keyboard open. */
async function onNamedNewAccount(page: Page): Promise<void> {
  const field = page.getByTestId('account-name');
  if (!(await field.isVisible())) {
    await onAccountList(page);
    await page.getByTestId('account-add').tap();
  }
  if (!(await panel(page).getByTestId('handwriting-pad').isVisible())) await field.tap();
  await field.fill(NEW_NAME);
  await expect(field).toHaveValue(NEW_NAME);
}

export const ACCOUNT_SCREENS: StaffScreen[] = [
  {
    name: 'account: new name, keyboard',
    reach: async (page) => {
      await onAccountList(page);
      await page.getByTestId('account-add').tap();
      await page.getByTestId('account-name').tap();
      await expect(panel(page).getByTestId('handwriting-pad')).toBeVisible();
    },
  },
  {
    // An English name is typed on the letters: ten keys a row at the largest text in a panel.
    name: 'account: new name, letters keyboard',
    reach: async (page) => {
      const field = page.getByTestId('account-name');
      if (!(await field.isVisible())) {
        await onAccountList(page);
        await page.getByTestId('account-add').tap();
      }
      await field.tap();
      await panel(page).getByTestId('keyboard-mode-abc').tap();
      await expect(panel(page).getByRole('button', { name: 'q', exact: true })).toBeVisible();
    },
    // The choice of keyboard holds for the visit: back to handwriting, as the next screens expect.
    close: async (page) => {
      await panel(page).getByTestId('keyboard-mode-handwriting').tap();
      await expect(panel(page).getByTestId('handwriting-pad')).toBeVisible();
    },
  },
  {
    name: 'account: new name and role',
    reach: async (page) => {
      await onNamedNewAccount(page);
      await page.getByTestId('account-role-coordinator').tap();
      await expect(page.getByTestId('account-role-coordinator')).toHaveAttribute('aria-pressed', 'true');
    },
  },
  {
    name: 'account: PIN by the person',
    reach: async (page) => {
      if (!(await page.getByTestId('account-role-coordinator').isVisible())) await onNamedNewAccount(page);
      await page.getByTestId('account-next').tap();
      await expect(panel(page).getByText(`請把資訊站交給${NEW_NAME}`)).toBeVisible();
    },
    close: onAccountList,
  },
  {
    name: 'account: rename',
    reach: async (page) => {
      await onAccountList(page);
      await panel(page).getByRole('button', { name: '改名', exact: true }).first().tap();
      await page.getByTestId('accounts-list').getByRole('textbox').tap();
      await expect(panel(page).getByTestId('handwriting-pad')).toBeVisible();
    },
    close: onAccountList,
  },
  {
    name: 'account: remove, asked first',
    reach: async (page) => {
      await onAccountList(page);
      await tapInPanel(page, 'account-remove');
      await expect(page.getByTestId('account-remove-yes')).toBeVisible();
    },
    close: onAccountList,
  },
];
