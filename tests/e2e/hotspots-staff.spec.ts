import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, REPO_ROOT, startVisit, test } from './fixtures';
import {
  checkWifiScreen,
  openDirectory,
  openStaffPanel,
  prepareKiosk,
  resultCards,
  WIFI_LANGUAGES,
} from './hotspots-helpers';

/** The real official-shape file (5,430 English-only records); read in place, never copied into the project. */
const REAL_FILE = path.join(REPO_ROOT, '../shared/data/wifi-hk-fixed-official-shape.json');
const english = WIFI_LANGUAGES[1];

test('staff import the real file by preview and confirm; a bad file changes nothing; rollback brings the sample back', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(180_000);
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk, english.name);
  await openDirectory(page);
  await expect(page.getByTestId('hotspots-count')).toHaveText('Places found: 57');
  await page.getByRole('button', { name: english.finish, exact: true }).tap();
  await page.getByRole('dialog').getByRole('button').first().tap();
  await startVisit(page, kiosk, english.name);

  await openStaffPanel(page, english);
  await expect(page.getByTestId('hotspots-staff-file')).toContainText('hotspots-sample.json');
  await expect(page.getByText('There is no previous data to go back to.')).toBeVisible();

  // Preview of the real file: records, venues, districts, types, rejected rows, changes.
  await page.getByTestId('hotspots-file').setInputFiles(REAL_FILE);
  const preview = page.getByTestId('hotspots-preview');
  await expect(preview).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('preview-records')).toHaveText('5,430');
  const venues = (await page.getByTestId('preview-venues').textContent())!.trim();
  expect(Number(venues.replace(/,/g, ''))).toBeGreaterThan(5000);
  await expect(preview.getByRole('rowheader', { name: 'Sham Shui Po' })).toBeVisible();
  await expect(preview.getByRole('rowheader', { name: 'Public library' })).toBeVisible();
  await expect(page.getByTestId('preview-rejected-title')).toBeVisible();
  await expect(page.getByTestId('preview-changes')).toContainText('New places');
  await expect(preview).toContainText('This will replace: The small sample');

  await page.getByTestId('hotspots-confirm').tap();
  await expect(page.getByTestId('hotspots-staff-message')).toContainText('Imported.');
  await expect(page.getByTestId('hotspots-staff-file')).toHaveText('wifi-hk-fixed-official-shape.json');
  await expect(page.getByTestId('hotspots-staff-venues')).toHaveText(venues);

  // A truncated copy: the core's message, and nothing changes (not on screen, not on disk).
  const temp = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bad-wifi-'));
  try {
    const bad = path.join(temp, 'fixed-wi-fi-hk-locations.json');
    writeFileSync(bad, readFileSync(REAL_FILE).subarray(0, 200_000));
    const before = statSync(path.join(kiosk.dataDir, 'hotspots.json')).mtimeMs;
    await page.getByTestId('hotspots-file').setInputFiles(bad);
    await expect(page.getByRole('alert')).toContainText('This file could not be used. Nothing was changed.');
    await expect(page.getByTestId('hotspots-staff-detail')).not.toBeEmpty();
    await expect(page.getByTestId('hotspots-preview')).toHaveCount(0);
    await expect(page.getByTestId('hotspots-staff-file')).toHaveText('wifi-hk-fixed-official-shape.json');
    expect(statSync(path.join(kiosk.dataDir, 'hotspots.json')).mtimeMs).toBe(before);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }

  // The visitor's directory shows the new data, names marked as English only.
  await page.getByTestId('staff-sign-out').tap();
  await startVisit(page, kiosk, '繁體中文');
  await openDirectory(page);
  await expect(page.getByTestId('hotspots-count')).toHaveText(`找到地點：${venues.replace(/,/g, '')} 個`);
  await expect(resultCards(page).first().getByTestId('fallback-note').first()).toHaveText('只有英文名稱');
  await expect(resultCards(page).first().locator('[lang="en"]').first()).toBeVisible();
  await page.getByRole('button', { name: '我用完了', exact: true }).tap();
  await page.getByRole('dialog').getByRole('button').first().tap();

  // Roll back, with a confirm dialog.
  await startVisit(page, kiosk, english.name);
  await openStaffPanel(page, english);
  await page.getByTestId('hotspots-rollback').tap();
  await expect(page.getByRole('dialog')).toContainText('Go back to the previous data?');
  await page.getByTestId('hotspots-rollback-yes').tap();
  await expect(page.getByTestId('hotspots-staff-message')).toContainText('Rolled back.');
  await expect(page.getByTestId('hotspots-staff-file')).toContainText('hotspots-sample.json');
  await page.getByTestId('staff-sign-out').tap();
  await startVisit(page, kiosk, english.name);
  await openDirectory(page);
  await expect(page.getByTestId('hotspots-count')).toHaveText('Places found: 57');
});

test('a CSV import warns beside the file button and staff confirm the date its data are from', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(180_000);
  await prepareKiosk(page, kiosk);
  // The real CSV (no district column, English only, no date), last saved on 30 July 2023 in Hong Kong.
  const temp = mkdtempSync(path.join(os.tmpdir(), 'kiosk-csv-wifi-'));
  try {
    const csv = path.join(temp, 'wifi-hk-hotspots.csv');
    copyFileSync(path.join(REPO_ROOT, '../shared/data/wifi-hk-hotspots.csv'), csv);
    const saved = new Date('2023-07-30T12:00:00+08:00');
    utimesSync(csv, saved, saved);

    await startVisit(page, kiosk, '繁體中文');
    await openStaffPanel(page, WIFI_LANGUAGES[0]);
    await page.getByTestId('hotspots-file').setInputFiles(csv);
    await expect(page.getByTestId('hotspots-preview')).toBeVisible({ timeout: 60_000 });
    // Warnings, not statistics: in the staff member's words, right under the file button.
    const warnings = page.getByTestId('hotspots-warnings');
    await expect(warnings).toContainText('確認之前請留意');
    await expect(warnings.locator('[data-code="names-english-only"]')).toContainText('都只有英文名稱');
    await expect(warnings.locator('[data-code="districts-inferred"]')).toContainText(
      '檔案沒有註明地區的地點',
    );
    await expect(warnings.locator('[data-code="districts-outside"]')).toContainText('深圳灣口岸');
    await expect(warnings.locator('[data-code="date-not-in-file"]')).toBeVisible();
    const button = (await page.getByTestId('hotspots-file').locator('..').boundingBox())!;
    const box = (await warnings.boundingBox())!;
    expect(box.y - (button.y + button.height)).toBeLessThan(40);

    // The stepper offers the file's modified day; staff move it a day back and confirm.
    const day = page.getByTestId('hotspots-data-day');
    await expect(day).toHaveAttribute('data-value', '2023-07-30');
    await page.getByRole('button', { name: '資料日期（請確認）：早 1 日', exact: true }).tap();
    await expect(day).toHaveAttribute('data-value', '2023-07-29');
    await page.getByTestId('hotspots-confirm').tap();
    await expect(page.getByTestId('hotspots-staff-message')).toContainText('已匯入');
    await expect(page.getByTestId('hotspots-staff-as-of')).toContainText('2023年7月29日');
    await expect(page.getByTestId('hotspots-staff-as-of')).toContainText('匯入時由職員確認');
    await expect(page.getByTestId('hotspots-warnings')).toHaveCount(0);

    // Visitors see the data's date, not the import day (the kiosk's clock says December 2026).
    await page.getByTestId('staff-sign-out').tap();
    await startVisit(page, kiosk, '繁體中文');
    await openDirectory(page);
    await expect(page.getByTestId('hotspots-attribution').first()).toContainText('資料截至 2023年7月29日');
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});

for (const language of WIFI_LANGUAGES) {
  test(`staff Wi-Fi panel with a preview passes axe, 64 px targets and 24 px text in ${language.code}`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(180_000);
    await prepareKiosk(page, kiosk);
    await startVisit(page, kiosk, language.name);
    await openStaffPanel(page, language);
    await checkWifiScreen(page, `staff Wi-Fi panel ${language.code}`);
    await page.getByTestId('hotspots-file').setInputFiles(REAL_FILE);
    await expect(page.getByTestId('hotspots-preview')).toBeVisible({ timeout: 60_000 });
    await checkWifiScreen(page, `staff Wi-Fi preview ${language.code}`);
    await page.getByTestId('hotspots-discard').tap();
    await expect(page.getByTestId('hotspots-preview')).toHaveCount(0);
    await expect(page.getByTestId('hotspots-staff-file')).toContainText('hotspots-sample.json');
  });
}
