import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import type { HotspotDetail } from '../../electron/core/hotspots/views';
import { localText, takeAwayText } from '../../renderer/src/hotspots/format';
import { api, expect, holdByTouch, REPO_ROOT, startVisit, tapPin, test, TEST_PIN } from './fixtures';
import { openDirectory, openStaffPanel, prepareKiosk, tapFirstDot, WIFI_LANGUAGES } from './hotspots-helpers';
import { expectNoAxeViolations } from './a11y';
import { setTextSizeByTouch } from './programmes-helpers';

const chinese = WIFI_LANGUAGES[0];

/** Three shops of one shopping centre on one point, well away from Sham Shui Po's other venues. */
const STACK = {
  latitude: '22.3255',
  longitude: '114.1445',
  names: ['疊點商場 A 座', '疊點商場 B 座', '疊點商場 C 座'],
};

/** The sample data with the three stacked shops added, written to a temporary file for the import. */
function stackedFile(): { file: string; cleanUp: () => void } {
  const sample = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'data/hotspots-sample.json'), 'utf8').replace(/^\uFEFF/, ''),
  ) as Record<string, string>[];
  const template = sample.find((record) => record.DistrictEN === 'Sham Shui Po')!;
  const stacked = STACK.names.map((name, i) => ({
    ...template,
    LocationID: `STACK-00${i + 1}`,
    LocationNameEN: `Stacked Mall Block ${'ABC'[i]}`,
    LocationNameTC: name,
    LocationNameSC: name,
    Latitude: STACK.latitude,
    Longitude: STACK.longitude,
  }));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-map-'));
  const file = path.join(dir, 'wifi-stacked.json');
  writeFileSync(file, JSON.stringify([...sample, ...stacked]));
  return { file, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

async function openShamShuiPoMap(page: Page): Promise<void> {
  await openDirectory(page);
  await page.getByTestId('hotspots-choose-district').tap();
  await page.getByTestId('district-F').tap();
  await page.getByTestId('hotspots-show-map').tap();
  await expect(page.getByTestId('map-district')).toHaveCount(18);
}

/** Each marker's 64 px finger target, in page pixels, from where its circle is drawn. */
async function markerTargets(page: Page): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="map-dot"], [data-testid="map-cluster"] circle')].map(
      (circle) => {
        const box = circle.getBoundingClientRect();
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        return { x: x - 32, y: y - 32, width: 64, height: 64 };
      },
    ),
  );
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('the district map: 18 outlines, you are here, a numbered dot that lists its venues, nothing over a dot', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(240_000);
  const stacked = stackedFile();
  await prepareKiosk(page, kiosk);
  await startVisit(page, kiosk, chinese.name);
  await openStaffPanel(page, chinese);
  await page.getByTestId('hotspots-file').setInputFiles(stacked.file);
  await expect(page.getByTestId('hotspots-preview')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('hotspots-confirm').tap();
  await expect(page.getByTestId('hotspots-staff-file')).toHaveText('wifi-stacked.json');
  stacked.cleanUp();

  await startVisit(page, kiosk, chinese.name);
  await openShamShuiPoMap(page);

  // Every district outline is drawn, each once, the chosen one marked and named inside the map.
  const codes = await page
    .getByTestId('map-district')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-district')));
  expect(new Set(codes).size).toBe(18);
  await expect(page.locator('[data-testid="map-district"].this-district')).toHaveAttribute(
    'data-district',
    'F',
  );
  await expect(page.locator('[data-testid="map-district-name"][data-district="F"]')).toHaveText('深水埗區');

  // The centre (the default location is in Sham Shui Po) as "you are here".
  await expect(page.getByTestId('map-centre')).toBeVisible();
  await expect(page.getByTestId('map-you-are-here')).toHaveText('你在這裡');

  // The three shops on one point are one dot with a 3 on it; a tap lists them, a tap on one opens it.
  const cluster = page.locator('[data-testid="map-cluster"][data-count="3"]');
  await expect(cluster).toHaveCount(1);
  await expect(cluster).toHaveText('3');
  const box = (await cluster.locator('circle').boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(30);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  const list = page.getByTestId('map-cluster-list');
  await expect(list).toContainText('這裡有 3 個地點');
  await expect(list.getByTestId('map-cluster-place')).toHaveText(STACK.names.map((name) => new RegExp(name)));
  await expect(page.getByTestId('map-chosen-ring')).toBeVisible();
  await expectNoAxeViolations(page, 'map with the list of a numbered dot');
  await list.getByTestId('map-cluster-place').nth(1).tap();
  await expect(page.getByTestId('venue-name')).toHaveText(STACK.names[1]!);
  // Back shows the same list, the place just seen marked.
  await page.getByRole('button', { name: chinese.back, exact: true }).tap();
  await expect(page.getByTestId('map-district')).toHaveCount(18);
  await expect(list.getByTestId('map-cluster-place').nth(1)).toHaveAttribute('aria-current', 'true');

  // At every screen shape and text size: the scale and the north arrow cover no dot's target.
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1080, height: 1920 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    for (const size of [1, 3]) {
      await setTextSizeByTouch(page, size);
      await expect(page.getByTestId('map-dot').first()).toBeVisible();
      // The map redraws for the new size on the next frame.
      await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
      const targets = await markerTargets(page);
      expect(targets.length).toBeGreaterThanOrEqual(3);
      const furniture = [];
      for (const id of ['map-scale', 'map-north', 'map-legend']) {
        const element = page.getByTestId(id);
        if ((await element.count()) > 0) furniture.push({ id, box: (await element.boundingBox())! });
      }
      const where = `${viewport.width}×${viewport.height}, text ${size}`;
      expect(
        furniture.map((f) => f.id).includes('map-scale') ||
          (await page.getByTestId('map-scale-outside').count()) > 0,
        where,
      ).toBe(true);
      for (const { id, box: covered } of furniture)
        for (const target of targets)
          expect(overlaps(covered, target), `${id} over a dot at ${where}`).toBe(false);
      // No two markers share a target: a finger always means one of them.
      for (let i = 0; i < targets.length; i++)
        for (let j = i + 1; j < targets.length; j++)
          expect(overlaps(targets[i]!, targets[j]!), `two dots' targets overlap at ${where}`).toBe(false);
    }
  }

  // With the largest text on 1280×800, a chosen place's name shows in full beside the map, not
  // below the fold of its scrolling panel.
  await page.setViewportSize({ width: 1280, height: 800 });
  await setTextSizeByTouch(page, 3);
  await tapFirstDot(page);
  const name = page.getByTestId('map-chosen-name');
  await expect(name).toContainText(/\p{Script=Han}/u);
  const panel = (await page.getByRole('region', { name: '你選了：' }).boundingBox())!;
  const shown = (await name.boundingBox())!;
  expect(shown.y).toBeGreaterThanOrEqual(panel.y);
  expect(shown.y + shown.height, 'the name ends inside the panel').toBeLessThanOrEqual(
    panel.y + panel.height,
  );
});

/** The QR code as drawn by the venue screen, and as the qrcode library draws `text`: their module paths. */
async function qrPaths(page: Page, text: string): Promise<{ shown: string[]; expected: string[] }> {
  const shown = await page
    .getByTestId('venue-qr')
    .locator('path')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
  const markup = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  const expected = [...markup.matchAll(/ d="([^"]*)"/g)].map((match) => match[1]!);
  return { shown, expected };
}

test("the venue's QR code links to the map staff chose: Google Maps by default, OpenStreetMap when set", async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  const session = await prepareKiosk(page, kiosk);
  const answer = (await api(page, 'hotspots.search', { near: 'centre', page: 1, pageSize: 1 })).value as {
    results: { id: string }[];
  };
  const id = answer.results[0]!.id;
  const venue = (await api(page, 'hotspots.venue', { id, near: 'centre' })).value as HotspotDetail;
  const { latitude, longitude } = venue.location;
  const text = (link: string) =>
    takeAwayText(localText(venue.name, 'zh-HK').text, localText(venue.address, 'zh-HK').text, link);
  const google = `https://www.google.com/maps/search/?api=1&query=${latitude},${longitude}`;
  const osm = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;

  for (const [setting, link, mapName] of [
    [null, google, 'Google 地圖'],
    ['openstreetmap', osm, 'OpenStreetMap'],
    ['google', google, 'Google 地圖'],
  ] as const) {
    if (setting === 'openstreetmap') {
      // Staff choose it in the console, by touch.
      await startVisit(page, kiosk, chinese.name);
      await holdByTouch(page, 'centre-name', 3300);
      await tapPin(page, TEST_PIN);
      await page.getByRole('button', { name: '中心設定', exact: true }).tap();
      await expect(page.getByTestId('settings-map-link-google')).toHaveAttribute('aria-pressed', 'true');
      await page.getByTestId('settings-map-link-openstreetmap').tap();
      await expect(page.getByTestId('settings-map-link-openstreetmap')).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await page.getByTestId('save-settings').tap();
      await expect(page.getByText('已儲存。', { exact: true })).toBeVisible();
    } else if (setting) await api(page, 'staff.settings.update', { mapLink: setting }, session);
    await startVisit(page, kiosk, chinese.name);
    await openDirectory(page);
    await page.locator(`[data-testid="hotspot-result"][data-venue-id="${id}"]`).tap();
    await expect(page.getByTestId('venue-qr-map')).toContainText(mapName);
    await expect(page.getByTestId('venue-qr').locator('path').first()).toBeAttached();
    const { shown, expected } = await qrPaths(page, text(link));
    expect(shown, `the QR code carries ${link}`).toEqual(expected);
    // And not the other map's link: the two codes differ.
    const other = await qrPaths(page, text(link === google ? osm : google));
    expect(other.expected).not.toEqual(shown);
  }
});
