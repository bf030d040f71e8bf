import type { Page } from '@playwright/test';
import {
  api,
  DEFAULT_KIOSK_NOW,
  expect,
  holdByTouch,
  setUpStaff,
  startVisit,
  tapPin,
  test,
  TEST_PIN,
} from './fixtures';
import { expectNoAxeViolations, present } from './a11y';
import { expectFits } from './fits-check';
import { LARGEST } from './fits-staff';
import { signInToConsole, typeOnScreen } from './staff-console-helpers';

const MINUTE = 60_000;

/**
 * A class with the facilitator view on the kiosk and the projector view in a second window: the
 * view stays through a long quiet stretch (the visitor idle wipe would have come after about 10
 * minutes), the projector follows Next and Back and shows the learners' practice phone, and at the
 * long limit staff set the view warns, then closes to the session, not the attract screen.
 */
test('the class view stays without a touch, a projector tab follows it, and the limit closes it to the console', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(180_000);
  // The page's clock: the idle watch counts from Date.now() with setInterval, both faked here.
  await page.clock.install({ time: new Date(DEFAULT_KIOSK_NOW) });
  await page.goto(kiosk.url);
  const session = await setUpStaff(page);
  // The kiosk's usual visitor timings stay; the class view's limit is set to one hour.
  const updated = await api(
    page,
    'staff.settings.update',
    { groupViewLimitMinutes: 60, phoneStyle: 'iphone' },
    session,
  );
  expect(updated.ok).toBe(true);
  await startVisit(page, kiosk, 'English');
  await holdByTouch(page, 'centre-name', 3300);
  await tapPin(page, TEST_PIN);
  await expect(page.getByTestId('staff-sign-out')).toBeVisible();

  await page.getByRole('button', { name: 'Group sessions' }).tap();
  await page.getByTestId('group-new').tap();
  await page.getByTestId('group-title').tap();
  await typeOnScreen(page, 'zq7');
  await page.getByRole('button', { name: 'Done' }).tap();
  await page.getByTestId('lesson-choice-photos').tap();
  await page.getByTestId('group-create').tap();
  await expect(page.getByRole('heading', { name: 'zq7', exact: true })).toBeVisible();

  await page.getByTestId('group-view-start').tap();
  const view = page.getByTestId('group-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('group-step-counter')).toHaveText(/^Step 1 of \d+$/);

  // The projector: a second window opened from the view, needing no PIN. It shows the step the
  // facilitator is on as soon as it opens.
  const [projector] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId('group-open-projector').tap(),
  ]);
  const shown = projector.getByTestId('group-display');
  await expect(shown.locator('.counter')).toHaveText(/^Step 1 of \d+$/);
  await expect(shown.getByTestId('phone')).toHaveCount(0);

  // Step 2 of "photos" is a practice step: both show the same phone, in the class's style.
  await page.getByTestId('group-next').tap();
  await expect(page.getByTestId('group-step-counter')).toHaveText(/^Step 2 of \d+$/);
  await expect(view.getByTestId('phone')).toHaveAttribute('data-phone-style', 'iphone');
  await expect(shown.locator('.counter')).toHaveText(/^Step 2 of \d+$/);
  await expect(shown.getByTestId('phone')).toHaveAttribute('data-phone-style', 'iphone');
  await expect(shown.getByTestId('phone')).toBeVisible();
  await expectNoAxeViolations(page, 'class view, a practice step');
  await expectNoAxeViolations(projector, 'projector view, a practice step');
  // The stages follow too: "what happens" appears on both.
  await page.getByTestId('group-next').tap();
  await page.getByTestId('group-next').tap();
  await expect(page.getByTestId('group-step-counter')).toHaveText(/^Step 2 of \d+$/);
  await expect(shown.locator('.stages li')).toHaveCount(3);
  await page.getByTestId('group-next').tap();
  await expect(shown.locator('.counter')).toHaveText(/^Step 3 of \d+$/);
  await page.getByTestId('group-back').tap();
  await expect(shown.locator('.counter')).toHaveText(/^Step 2 of \d+$/);
  await expect(shown.locator('.stages li')).toHaveCount(3);
  // Nothing personal on the projector: no session title, no participant.
  await expect(shown).not.toContainText('zq7');

  // Fifteen minutes of class without a touch: no "Are you still there?", no wipe; and the view
  // kept the facilitator's sign-in from lapsing (it ends after 10 minutes without a staff call).
  const signInKept: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/staff.whoami')) signInKept.push(request.url());
  });
  await page.clock.fastForward(15 * MINUTE);
  await page.clock.fastForward(30_000);
  await expect.poll(() => signInKept.length).toBeGreaterThan(0);
  await expect(view).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toHaveCount(0);
  await expect(page.getByTestId('touch-to-start')).toHaveCount(0);
  await expect(page.getByTestId('group-step-counter')).toHaveText(/^Step 2 of \d+$/);

  // Five minutes before the hour: the warning, which one tap answers and which restarts the hour.
  await page.clock.fastForward(40 * MINUTE);
  await expect(page.getByTestId('group-limit-warning')).toContainText('5 min');
  await expectFits(page, 'class view limit warning');
  await expectNoAxeViolations(page, 'class view limit warning');
  await page.getByTestId('group-keep-open').tap();
  await expect(page.getByTestId('group-limit-warning')).toHaveCount(0);
  await page.clock.fastForward(30 * MINUTE);
  await expect(page.getByTestId('group-limit-warning')).toHaveCount(0);
  await expect(view).toBeVisible();

  // Unanswered, the warning is followed by the view closing to the session's controls.
  await page.clock.fastForward(25 * MINUTE);
  await expect(page.getByTestId('group-limit-warning')).toBeVisible();
  await page.clock.fastForward(5 * MINUTE);
  await expect(view).toHaveCount(0);
  await expect(page.getByTestId('group-limit-warning')).toHaveCount(0);
  await expect(page.getByTestId('group-view-start')).toBeVisible();
  await expect(page.getByTestId('touch-to-start')).toHaveCount(0);
  // The projector goes back to waiting: no lesson left on the wall.
  await expect(shown.locator('.counter')).toHaveCount(0);
  await expect(shown.getByTestId('phone')).toHaveCount(0);
  await projector.close();
});

/** Twelve on the list, one with a long nickname; ten of them asked for help, in this order. */
const NICKNAMES = [
  '陳太',
  '黃伯',
  '住在三樓的李婆婆',
  '何生',
  '張姑娘',
  '周伯伯',
  '吳太',
  '鄭婆婆',
  '馮生',
  '區太太',
  '梁伯',
  '林婆婆',
];
const ASKED = [
  '何生',
  '陳太',
  '鄭婆婆',
  '黃伯',
  '區太太',
  '周伯伯',
  '林婆婆',
  '住在三樓的李婆婆',
  '吳太',
  '張姑娘',
];
const CLASS_TITLE = '手機班';

/** A session of the photos lesson (a practice step second) with the list above, flagged in ASKED's order. */
async function classWaitingForHelp(page: Page, session: string): Promise<void> {
  const created = await api(
    page,
    'staff.groups.create',
    { title: CLASS_TITLE, date: '2026-12-09', place: '活動室', lessonIds: ['photos'] },
    session,
  );
  expect(created.ok).toBe(true);
  const id = (created.value as { id: string }).id;
  const ids = new Map<string, string>();
  for (const label of NICKNAMES) {
    const added = await api(
      page,
      'staff.groups.participants.add',
      { id, kind: 'nickname', label, picsAgreed: true },
      session,
    );
    expect(added.ok, label).toBe(true);
    const list = (added.value as { participants: { id: string; label: string }[] }).participants;
    ids.set(label, list.find((p) => p.label === label)!.id);
  }
  // One after another: each flag is a durable write, so each is later than the one before.
  for (const label of ASKED) {
    const flagged = await api(
      page,
      'staff.groups.participants.help',
      { id, participantId: ids.get(label), needsHelp: true },
      session,
    );
    expect(flagged.ok, label).toBe(true);
  }
}

/** The groups panel, then the session (the panel may come back on the session last opened). */
async function openClass(page: Page): Promise<void> {
  await page.getByTestId('staff-section-groups').tap();
  const detail = page.getByTestId('group-view-start');
  const listed = page
    .getByTestId('staff-panel')
    .getByRole('button', { name: new RegExp(CLASS_TITLE) })
    .first();
  await expect(detail.or(listed)).toBeVisible();
  if (!(await detail.isVisible())) await listed.tap();
  await detail.scrollIntoViewIfNeeded();
  await detail.tap();
  await expect(page.getByTestId('group-view')).toBeVisible();
}

/**
 * The step scrolls in its own box at the largest text, and the names in theirs (a staff list,
 * scrolled by finger like the console's panels): text below their folds is not cut off.
 */
const CLASS_VIEW_FITS = {
  scrollers: ['[data-testid="group-view"] .stage', '[data-testid="group-help-names"]'],
};

/**
 * The step's heading, the controls and the list's own box are all inside the window, and each
 * name shown is whole across: the fits check leaves a scroller's insides to it, so this looks.
 */
async function stepAndControlsInView(page: Page): Promise<void> {
  for (const part of [
    page.getByTestId('group-view').getByRole('heading', { level: 1 }),
    page.getByTestId('group-next'),
    page.getByTestId('group-back'),
    page.getByTestId('group-view-close'),
    page.getByTestId('group-needs-help'),
  ])
    await expect(part).toBeInViewport({ ratio: 1 });
  const squeezed = await page.getByTestId('group-help-names').evaluate((box) => {
    const edge = box.getBoundingClientRect();
    return [...box.querySelectorAll('button')]
      .filter((button) => {
        const r = button.getBoundingClientRect();
        // Narrower than three characters, wider than the box, or text spilling out sideways.
        const em = parseFloat(getComputedStyle(button).fontSize);
        return (
          r.width < 3 * em ||
          r.left < edge.left - 1 ||
          r.right > edge.right + 1 ||
          button.scrollWidth > button.clientWidth + 1
        );
      })
      .map((button) => button.textContent);
  });
  expect(squeezed, 'names squeezed or cut across').toEqual([]);
}

/**
 * The facilitator's class view says who is waiting for help, longest waiting first, and one tap
 * marks a person helped; the projector tab, which the class sees, is told the step alone and never
 * shows a name. Fits at the largest text in zh-HK, landscape and portrait: a long list scrolls in
 * its own box and pushes neither the step nor the controls off the screen.
 */
test('the class view names who needs help, longest waiting first; the projector never names anyone', async ({
  page,
  kiosk,
}, testInfo) => {
  test.setTimeout(180_000);
  const session = await signInToConsole(page, kiosk, '繁體中文');
  await classWaitingForHelp(page, session);
  await present(page, LARGEST);
  await openClass(page);

  const waiting = page.getByTestId('group-needs-help');
  await expect(waiting.getByRole('heading')).toHaveText('需要幫手（10 位）');
  // Each button shows the name alone (「何生：已幫忙」 read as if they had been helped already); what
  // a tap does is in the hint above and in the button's accessible name.
  await expect(waiting.getByTestId('group-helped')).toHaveText(ASKED);
  await expect(waiting.getByRole('button', { name: `${ASKED[0]}：已幫忙` })).toBeVisible();

  // The projector: what it is sent over the channel is recorded from the moment it opens.
  const [projector] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId('group-open-projector').tap(),
  ]);
  const shown = projector.getByTestId('group-display');
  await expect(shown.locator('.counter')).toHaveText(/^第 1 步/);
  await projector.evaluate((channelName) => {
    const seen: unknown[] = [];
    (window as unknown as { __seen: unknown[] }).__seen = seen;
    const channel = new BroadcastChannel(channelName);
    channel.onmessage = (event) => seen.push(event.data);
    channel.postMessage({ kind: 'hello' });
  }, 'kiosk-projector');

  // Step 2 is a practice step: the phone, the words and the list share the screen.
  await page.getByTestId('group-next').tap();
  await expect(page.getByTestId('group-step-counter')).toHaveText(/^第 2 步/);
  await expect(shown.locator('.counter')).toHaveText(/^第 2 步/);
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1080, height: 1920 },
  ]) {
    await page.setViewportSize(size);
    await expectFits(page, `class view with ten waiting, ${size.width}×${size.height}`, CLASS_VIEW_FITS);
    await stepAndControlsInView(page);
    await page.screenshot({
      path: testInfo.outputPath(`class-view-zh-HK-largest-${size.width}x${size.height}.png`),
    });
    // Landscape shows the first few and says more are below; standing up, all ten fit.
    const more = page.getByTestId('group-help-more');
    if (size.width > size.height) await expect(more).toBeVisible();
    else await expect(more).toBeHidden();
  }
  // Scrolled to its end, the list no longer says there is more.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('group-help-names').evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
  await expect(page.getByTestId('group-help-more')).toBeHidden();
  await expect(waiting.getByTestId('group-helped').last()).toBeInViewport({ ratio: 1 });
  await page.getByTestId('group-help-names').evaluate((box) => box.scrollTo({ top: 0 }));
  await expectNoAxeViolations(page, 'class view with people waiting for help');

  // One tap on the longest waiting: saved, gone from the list, the next one first.
  await waiting.getByTestId('group-helped').first().tap();
  await expect(waiting.getByRole('heading')).toHaveText('需要幫手（9 位）');
  await expect(waiting.getByTestId('group-helped')).toHaveText(ASKED.slice(1));
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(waiting.getByTestId('group-helped').first()).toBeInViewport();

  // The projector showed the steps and nobody: no name on its screen, none in what it was sent.
  await expect(shown.locator('.counter')).toHaveText(/^第 2 步/);
  const sent = await projector.evaluate(() =>
    JSON.stringify((window as unknown as { __seen: unknown[] }).__seen),
  );
  expect(sent).toContain('"kind":"step"');
  const projected = (await shown.textContent()) ?? '';
  for (const name of NICKNAMES) {
    expect(sent, 'the projector was sent a name').not.toContain(name);
    expect(projected, 'the projector shows a name').not.toContain(name);
  }
  expect(projected).not.toContain('需要幫手');

  // Back in the session's controls, the helped person is no longer waiting there either.
  await page.getByTestId('group-view-close').tap();
  await expect(page.getByTestId('needs-help-list')).not.toContainText(ASKED[0]!);
  await expect(page.getByTestId('needs-help-list')).toContainText(ASKED[1]!);
  await projector.close();
});

test('the class view with people waiting fits a 1920×1080 screen in English', async ({
  page,
  kiosk,
}, testInfo) => {
  test.setTimeout(120_000);
  const session = await signInToConsole(page, kiosk, 'English');
  await classWaitingForHelp(page, session);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openClass(page);
  await page.getByTestId('group-next').tap();
  const waiting = page.getByTestId('group-needs-help');
  await expect(waiting.getByRole('heading')).toHaveText('Needs help (10)');
  await expect(waiting.getByRole('button', { name: `${ASKED[0]}: helped` })).toBeVisible();
  await expectFits(page, 'class view in English, 1920×1080', CLASS_VIEW_FITS);
  await stepAndControlsInView(page);
  await page.screenshot({ path: testInfo.outputPath('class-view-en-1920x1080.png') });
  await present(page, LARGEST);
  await expectFits(page, 'class view in English, 1920×1080, largest text', CLASS_VIEW_FITS);
  await stepAndControlsInView(page);
  await page.screenshot({ path: testInfo.outputPath('class-view-en-largest-1920x1080.png') });
});
