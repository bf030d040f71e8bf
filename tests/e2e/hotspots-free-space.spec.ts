import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { expectNoAxeViolations } from './a11y';
import { expect, REPO_ROOT, startVisit, test } from './fixtures';
import { openStaffPanel, prepareKiosk, WIFI_LANGUAGES } from './hotspots-helpers';

/** The real files, read in place: never copied into the project. */
const REAL_JSON = path.join(REPO_ROOT, '../shared/data/wifi-hk-fixed-official-shape.json');
const REAL_CSV = path.join(REPO_ROOT, '../shared/data/wifi-hk-hotspots.csv');
const english = WIFI_LANGUAGES[1];

test('staff free disk space by removing the earlier Wi-Fi dataset, after a confirmation that says how much it frees', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(180_000);
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk, english.name);
  await openStaffPanel(page, english);

  // Two imports: the JSON file's venues become the copy kept for a rollback.
  for (const [file, name] of [
    [REAL_JSON, 'wifi-hk-fixed-official-shape.json'],
    [REAL_CSV, 'wifi-hk-hotspots.csv'],
  ] as const) {
    await page.getByTestId('hotspots-file').setInputFiles(file);
    await expect(page.getByTestId('hotspots-preview')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('hotspots-confirm').tap();
    await expect(page.getByTestId('hotspots-staff-file')).toHaveText(name);
  }
  const previous = path.join(kiosk.dataDir, 'hotspots.previous.json');
  const megabytes = (statSync(previous).size / (1024 * 1024)).toFixed(1);
  await expect(page.getByTestId('hotspots-previous-size')).toHaveText(
    `The previous data takes ${megabytes} MB of disk space. Remove it to free space; after that you cannot roll back.`,
  );

  // Cancel keeps it.
  await page.getByTestId('hotspots-remove-previous').tap();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    `This frees ${megabytes} MB of disk space. You will no longer be able to roll back to: wifi-hk-fixed-official-shape.json.`,
  );
  await expectNoAxeViolations(page, 'remove the earlier Wi-Fi data: confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).tap();
  expect(existsSync(previous)).toBe(true);

  await page.getByTestId('hotspots-remove-previous').tap();
  await page.getByTestId('hotspots-remove-previous-yes').tap();
  await expect(page.getByTestId('hotspots-staff-message')).toHaveText(
    `Removed. ${megabytes} MB of disk space freed.`,
  );
  await expect(page.getByText('There is no previous data to go back to.')).toBeVisible();
  await expect(page.getByTestId('hotspots-remove-previous')).toHaveCount(0);
  await expect(page.getByTestId('hotspots-staff-file')).toHaveText('wifi-hk-hotspots.csv');
  expect(existsSync(previous)).toBe(false);
});
