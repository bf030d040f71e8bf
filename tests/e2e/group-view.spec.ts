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
import { expectNoAxeViolations } from './a11y';
import { expectFits } from './fits-check';
import { typeOnScreen } from './staff-console-helpers';

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
