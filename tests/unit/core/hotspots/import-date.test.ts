import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDateFinder, parseDataDay } from '../../../../electron/core/hotspots/data-date';
import { createHotspotHandlers } from '../../../../electron/core/hotspots/handlers';
import { makeCoreContext, sharedDataDir } from '../../../helpers/hotspots-context';
import { rejection } from '../../../helpers/results';
import { tempDirs } from '../../../helpers/temp-dir';

const temp = tempDirs('kiosk-hotspots-date-');
afterEach(temp.cleanup);

const staff = { staffSession: 'test' };
const realJson = readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'));
const realCsv = readFileSync(path.join(sharedDataDir, 'wifi-hk-hotspots.csv'));
const NOW = new Date('2026-12-01T02:00:00Z');

async function setUp(dataDir?: string) {
  const dir = dataDir ?? (await temp.make());
  const ctx = await makeCoreContext(dir, () => NOW);
  return { dir, handlers: await createHotspotHandlers(ctx) };
}

/** A small file in the official shape, with a date field when `updated` is given. */
function officialFile(records: { id: string; en: string; tc?: string; updated?: string }[]): Buffer {
  const rows = records.map((r) => ({
    LocationID: r.id,
    LocationNameEN: r.en,
    LocationNameTC: r.tc ?? '',
    DistrictEN: 'Sha Tin',
    Latitude: '22.3817',
    Longitude: '114.1883',
    NumberOfHotspots: '1',
    SSID: 'Wi-Fi.HK',
    ...(r.updated ? { LastUpdateDate: r.updated } : {}),
  }));
  return Buffer.from(JSON.stringify(rows), 'utf8');
}

describe('the date of the data', () => {
  it('reads the days open data write, and the latest of a file’s date fields', () => {
    expect(parseDataDay('2023-07-30')).toBe('2023-07-30');
    expect(parseDataDay('2023-07-30T10:00:00+08:00')).toBe('2023-07-30');
    expect(parseDataDay('2023/7/3')).toBe('2023-07-03');
    expect(parseDataDay('30/07/2023')).toBe('2023-07-30');
    expect(parseDataDay('20230730')).toBe('2023-07-30');
    expect(parseDataDay('2023-02-30')).toBeNull();
    expect(parseDataDay('Sha Tin')).toBeNull();
    const finder = new DataDateFinder();
    finder.add({ LocationID: '2023-09-09', 'Last Update Date': '2023-07-01' });
    finder.add({ LocationID: '1', 'Last Update Date': '2023-07-30' });
    finder.add({ LocationID: '2', 'Last Update Date': '' });
    expect(finder.day).toBe('2023-07-30'); // a LocationID that looks like a date is not a date field
  });

  it('shows visitors the date the file gives, not the import day', async () => {
    const { handlers } = await setUp();
    const file = officialFile([
      { id: '1', en: 'A', tc: '甲', updated: '2024-03-02' },
      { id: '2', en: 'B', tc: '乙', updated: '2024-03-05' },
    ]);
    const preview = await handlers['staff.hotspots.preview']({ fileName: 'f.json', content: file }, staff);
    expect(preview.dataDate).toBe('2024-03-05');
    expect(preview.warnings).toEqual([]);
    // A date from staff does not override the file's own.
    await handlers['staff.hotspots.confirm']({ previewId: preview.previewId, asOf: '2026-11-30' }, staff);
    expect((await handlers['hotspots.facets']({}, {})).dataset.asOf).toBe('2024-03-05');
    expect((await handlers['staff.hotspots.status']({}, staff)).fixed).toMatchObject({
      asOf: '2024-03-05',
      asOfFrom: 'file',
    });
  });

  it('keeps the day staff confirm when the file does not say, across a restart', async () => {
    const { dir, handlers } = await setUp();
    const preview = await handlers['staff.hotspots.preview'](
      { fileName: 'fixed.json', content: realJson, modified: '2023-07-30' },
      staff,
    );
    expect(preview).toMatchObject({ dataDate: null, fileModified: '2023-07-30', today: '2026-12-01' });
    expect(preview.warnings).toContainEqual({ code: 'date-not-in-file' });
    // Not a day to come, nor a slip to the last century.
    for (const asOf of ['2026-12-02', '1999-12-31'])
      expect(
        (await rejection(handlers['staff.hotspots.confirm']({ previewId: preview.previewId, asOf }, staff)))
          .code,
      ).toBe('invalid_input');
    await handlers['staff.hotspots.confirm']({ previewId: preview.previewId, asOf: '2023-07-29' }, staff);
    expect((await handlers['hotspots.facets']({}, {})).dataset.asOf).toBe('2023-07-29');
    const again = await setUp(dir);
    expect((await again.handlers['staff.hotspots.status']({}, staff)).fixed).toMatchObject({
      asOf: '2023-07-29',
      asOfFrom: 'staff',
      importedAt: NOW.toISOString(),
    });
  });

  it('falls back to the file’s modified day for a caller that asked nobody', async () => {
    const { handlers } = await setUp();
    const preview = await handlers['staff.hotspots.preview'](
      { fileName: 'fixed.json', content: realJson, modified: '2023-08-01' },
      staff,
    );
    await handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
    expect((await handlers['hotspots.facets']({}, {})).dataset.asOf).toBe('2023-08-01');
    // A modified day still to come is no guide: it is not offered.
    const later = await handlers['staff.hotspots.preview'](
      { fileName: 'fixed.json', content: realJson, modified: '2027-01-01' },
      staff,
    );
    expect(later.fileModified).toBeNull();
  });
});

describe('import preview warnings', () => {
  it('warns that the real CSV has English names only and districts taken from the map', async () => {
    const { handlers } = await setUp();
    const preview = await handlers['staff.hotspots.preview']({ fileName: 'w.csv', content: realCsv }, staff);
    const codes = preview.warnings.map((warning) => warning.code);
    expect(codes).toEqual([
      'names-english-only',
      'districts-inferred',
      'districts-outside',
      'date-not-in-file',
    ]);
    expect(preview.warnings[0]).toEqual({
      code: 'names-english-only',
      count: preview.venues,
      total: preview.venues,
    });
    expect(preview.warnings[1]).toEqual({ code: 'districts-inferred', count: preview.venues });
    expect(preview.warnings[2]).toEqual({ code: 'districts-outside', count: preview.approximateDistricts });
  });

  it('says how many names lack Chinese when only some do, and nothing about districts a file names', async () => {
    const { handlers } = await setUp();
    const file = officialFile([
      { id: '1', en: 'A', tc: '甲', updated: '2024-03-02' },
      { id: '2', en: 'B', updated: '2024-03-02' },
    ]);
    const preview = await handlers['staff.hotspots.preview']({ fileName: 'f.json', content: file }, staff);
    // Same place: the two rows with different names stay two venues.
    expect(preview.warnings).toEqual([{ code: 'names-english-only', count: 1, total: 2 }]);
  });
});
