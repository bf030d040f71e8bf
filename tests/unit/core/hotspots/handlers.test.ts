import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHotspotHandlers } from '../../../../electron/core/hotspots/handlers';
import { snapshotDir, tempDirs } from '../../../helpers/temp-dir';
import { makeCoreContext, sharedDataDir } from '../../../helpers/hotspots-context';
import { rejection } from '../../../helpers/results';

const temp = tempDirs('kiosk-hotspots-');
afterEach(temp.cleanup);

const staff = { staffSession: 'test' };
const realJson = readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'));
const realCsv = readFileSync(path.join(sharedDataDir, 'wifi-hk-hotspots.csv'));
const realNonFixed = readFileSync(path.join(sharedDataDir, 'wifi-hk-non-fixed.json'));

async function setUp(dataDir?: string, now = () => new Date('2026-11-28T02:00:00Z')) {
  const dir = dataDir ?? (await temp.make());
  const ctx = await makeCoreContext(dir, now);
  const handlers = await createHotspotHandlers(ctx);
  return { dir, ctx, handlers };
}

const search = { near: 'centre' as const, page: 1, pageSize: 10, language: 'zh-HK' as const };

describe('a fresh kiosk', () => {
  it('shows the shipped sample: all 18 districts, names in three languages, with attribution', async () => {
    const { handlers } = await setUp();
    const status = await handlers['staff.hotspots.status']({}, staff);
    expect(status.fixed).toMatchObject({
      kind: 'sample',
      fileName: 'hotspots-sample.json',
      importedAt: null,
      missingChinese: 0,
      approximateDistricts: 0,
    });
    expect(status.previous).toBeNull();
    expect(status.attribution.en).toMatch(/DATA\.GOV\.HK/);

    const facets = await handlers['hotspots.facets']({}, {});
    expect(facets.regions.map((region) => region.districts.length)).toEqual([4, 5, 9]);
    expect(
      facets.regions.flatMap((region) => region.districts).every((district) => district.venues >= 3),
    ).toBe(true);
    expect(facets.venueTypes.find((type) => type.id === 'public-library')!.venues).toBeGreaterThan(30);
    expect(facets.dataset).toMatchObject({ kind: 'sample', asOf: '2023-07-30' });

    const nearest = await handlers['hotspots.search'](search, {});
    expect(nearest.total).toBe(status.fixed.venues);
    const first = nearest.results[0]!;
    expect(first.name.fallback).toEqual([]);
    expect(first.name['zh-HK']).not.toBe(first.name.en);
    const metres = nearest.results.map((result) => result.distance.metres);
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    expect(first.distance.direction?.label.en).toMatch(/^(north|south|east|west)/);
  });

  it('serves a venue detail with its links, and not_found for an unknown id', async () => {
    const { handlers } = await setUp();
    const detail = await handlers['hotspots.venue']({ id: 'HPL-001', near: 'centre' }, {});
    expect(detail).toMatchObject({
      name: { 'zh-HK': '香港中央圖書館', en: 'Hong Kong Central Library', 'zh-CN': '香港中央图书馆' },
      venueType: { id: 'public-library' },
      district: { code: 'B', approximate: false },
      ssids: ['Wi-Fi.HK'],
      hotspots: 59,
    });
    expect(detail.links.geo).toBe('geo:22.279903,114.189655');
    expect((await rejection(handlers['hotspots.venue']({ id: 'nope', near: 'centre' }, {}))).code).toBe(
      'not_found',
    );
  });

  it('gives the dot map every venue of a district', async () => {
    const { handlers } = await setUp();
    const map = await handlers['hotspots.map']({ district: 'F' }, {});
    expect(map.points.length).toBeGreaterThanOrEqual(3);
    expect(map.bounds!.north).toBeGreaterThan(map.bounds!.south);
    // The default centre location is in Sham Shui Po.
    expect(map.centre).not.toBeNull();
  });

  it('counts a district look-up once, anonymously, in the visitor language', async () => {
    const { ctx, handlers } = await setUp();
    const { visit } = await ctx.visits.start('en');
    await handlers['hotspots.search']({ ...search, district: 'F', language: 'en', visit }, {});
    await handlers['hotspots.search']({ ...search, district: 'F', language: 'en', page: 2, visit }, {});
    await handlers['hotspots.search']({ ...search, visit }, {});
    expect(ctx.activity.data.tallies.filter((tally) => tally.event !== 'visit')).toEqual([
      { date: '2026-11-28', event: 'hotspot.lookup', subject: 'F', detail: '', language: 'en', count: 1 },
    ]);
  });
});

describe('staff import', () => {
  it('previews the real file without changing anything, then confirm replaces the data durably', async () => {
    const { dir, handlers } = await setUp();
    const before = await snapshotDir(dir);
    const preview = await handlers['staff.hotspots.preview'](
      { fileName: 'fixed.json', content: realJson },
      staff,
    );
    expect(preview).toMatchObject({
      kind: 'fixed',
      format: 'fixed-json',
      recordsRead: 5430,
      recordsAccepted: 5430,
      hotspots: 43_433,
    });
    expect(preview.approximateDistricts).toBe(7);
    expect(preview.rejected).toEqual({ total: 0, shown: [] });
    expect(preview.byDistrict).toHaveLength(18);
    expect(preview.byDistrict.reduce((sum, district) => sum + district.venues, 0)).toBe(preview.venues);
    expect(preview.replaces.kind).toBe('sample');
    // Sample venues come from the same file, so most are unchanged apart from their added Chinese names.
    expect(preview.changes.added + preview.changes.changed + preview.changes.unchanged).toBe(preview.venues);
    expect(await snapshotDir(dir)).toEqual(before);

    const status = await handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
    expect(status.fixed).toMatchObject({
      kind: 'imported',
      fileName: 'fixed.json',
      venues: preview.venues,
      approximateDistricts: 7,
    });
    expect(status.previous).toMatchObject({ fixed: { kind: 'sample' } });
    expect((await handlers['hotspots.search'](search, {})).total).toBe(preview.venues);

    // A restarted kiosk reads the same dataset back from disk.
    const again = await setUp(dir);
    expect((await again.handlers['staff.hotspots.status']({}, staff)).fixed).toMatchObject({
      kind: 'imported',
      venues: preview.venues,
    });
    expect(again.ctx.healthEvents).toEqual([]);
    const files = await fs.readdir(dir);
    expect(files).toEqual(
      expect.arrayContaining(['hotspots.json', 'hotspots.bak.json', 'hotspots.previous.json']),
    );
    expect(JSON.parse(await fs.readFile(path.join(dir, 'hotspots.json'), 'utf8')).venues).toHaveLength(
      preview.venues,
    );
  });

  it('rolls back to the previous dataset, one step only', async () => {
    const { dir, handlers } = await setUp();
    const first = await handlers['staff.hotspots.preview']({ fileName: 'a.json', content: realJson }, staff);
    await handlers['staff.hotspots.confirm']({ previewId: first.previewId }, staff);
    const second = await handlers['staff.hotspots.preview']({ fileName: 'b.csv', content: realCsv }, staff);
    expect(second.replaces).toMatchObject({ kind: 'imported', fileName: 'a.json' });
    expect(second.changes).toMatchObject({ added: 0, removed: 0 });
    expect(second.changes.changed).toBeGreaterThan(0); // districts become approximate from the CSV
    await handlers['staff.hotspots.confirm']({ previewId: second.previewId }, staff);
    expect((await handlers['staff.hotspots.status']({}, staff)).fixed.fileName).toBe('b.csv');

    const restored = await handlers['staff.hotspots.rollback']({}, staff);
    expect(restored.fixed).toMatchObject({ kind: 'imported', fileName: 'a.json', approximateDistricts: 7 });
    expect(restored.previous).toBeNull();
    expect(
      (await handlers['hotspots.search']({ ...search, district: 'R' }, {})).results[0]!.district.approximate,
    ).toBe(false);
    expect((await rejection(handlers['staff.hotspots.rollback']({}, staff))).code).toBe('conflict');

    const again = await setUp(dir);
    expect((await again.handlers['staff.hotspots.status']({}, staff)).fixed.fileName).toBe('a.json');
  });

  it('rolls back from the first import to the sample', async () => {
    const { handlers } = await setUp();
    const preview = await handlers['staff.hotspots.preview']({ fileName: 'a.csv', content: realCsv }, staff);
    await handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
    expect((await handlers['staff.hotspots.rollback']({}, staff)).fixed.kind).toBe('sample');
  });

  it('imports the on-vehicle file beside the venues', async () => {
    const { handlers } = await setUp();
    expect((await handlers['hotspots.vehicles']({}, {})).vehicles).toEqual([]);
    const preview = await handlers['staff.hotspots.preview'](
      { fileName: 'non-fixed.json', content: realNonFixed },
      staff,
    );
    expect(preview).toMatchObject({
      kind: 'vehicles',
      venues: 6,
      changes: { added: 6 },
      replaces: { kind: 'none' },
    });
    const status = await handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
    expect(status.vehicles).toMatchObject({ kind: 'imported', records: 6 });
    expect(status.fixed.kind).toBe('sample');
    const { vehicles } = await handlers['hotspots.vehicles']({}, {});
    expect(vehicles.map((vehicle) => vehicle.name['zh-HK'])).toContain('城巴');
  });

  it.each([
    ['truncated JSON', realJson.subarray(0, 100_000), 'invalid_input', /cut off/],
    [
      'CSV with the wrong columns',
      Buffer.from('Name,Phone\r\nA,1\r\n'),
      'invalid_input',
      /Missing: LocationID/,
    ],
    ['non-UTF-8 bytes', Buffer.from([0x4c, 0x6f, 0xff, 0xfe, 0x2c, 0x0a]), 'invalid_input', /not UTF-8/],
    ['an empty file', Buffer.alloc(0), 'invalid_input', /empty/],
  ])('refuses %s and leaves the current data untouched', async (_label, bytes, code, message) => {
    const { dir, handlers } = await setUp();
    const good = await handlers['staff.hotspots.preview']({ fileName: 'a.json', content: realJson }, staff);
    await handlers['staff.hotspots.confirm']({ previewId: good.previewId }, staff);
    const before = await snapshotDir(dir);
    const statusBefore = await handlers['staff.hotspots.status']({}, staff);

    const error = await rejection(
      handlers['staff.hotspots.preview']({ fileName: 'bad', content: bytes }, staff),
    );
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await snapshotDir(dir)).toEqual(before);
    expect(await handlers['staff.hotspots.status']({}, staff)).toEqual(statusBefore);
  });

  it('refuses an upload over 100 MB while it streams in, without reading the rest', async () => {
    const { handlers } = await setUp();
    // A 300 MB upload as the HTTP transport hands it over: one chunk at a time.
    const chunk = Buffer.from(
      `${JSON.stringify({ LocationID: 'x', LocationNameEN: 'A', Latitude: '22.3', Longitude: '114.1' })},`.padEnd(
        1024 * 1024,
        ' ',
      ),
    );
    let pulled = 0;
    async function* upload() {
      yield Buffer.from('[');
      for (let i = 0; i < 300; i++) {
        pulled += chunk.byteLength;
        yield chunk;
      }
    }
    const error = await rejection(
      handlers['staff.hotspots.preview']({ fileName: 'big.json', content: upload() }, staff),
    );
    expect(error.code).toBe('too_large');
    expect(pulled).toBeLessThanOrEqual(101 * 1024 * 1024);
  });

  it('reads a file that streams in split anywhere, even inside a Chinese character, as the same file whole', async () => {
    const { handlers } = await setUp();
    const whole = await handlers['staff.hotspots.preview']({ fileName: 'a.json', content: realJson }, staff);
    // 7,919 bytes: a prime, so chunk edges fall inside strings, escapes and multi-byte characters.
    async function* trickle(bytes: Buffer) {
      for (let start = 0; start < bytes.length; start += 7919) yield bytes.subarray(start, start + 7919);
    }
    const streamed = await handlers['staff.hotspots.preview'](
      { fileName: 'a.json', content: trickle(realJson) },
      staff,
    );
    const { previewId: _a, ...wholeRest } = whole;
    const { previewId: _b, ...streamedRest } = streamed;
    expect(streamedRest).toEqual(wholeRest);
    const csvWhole = await handlers['staff.hotspots.preview']({ fileName: 'a.csv', content: realCsv }, staff);
    const csvStreamed = await handlers['staff.hotspots.preview'](
      { fileName: 'a.csv', content: trickle(realCsv) },
      staff,
    );
    expect({ ...csvStreamed, previewId: '' }).toEqual({ ...csvWhole, previewId: '' });
    expect(csvStreamed.recordsRead).toBe(5430);
  });

  it('will not confirm a preview that expired, was replaced, was discarded, or predates a rollback', async () => {
    let clock = new Date('2026-11-28T02:00:00Z').getTime();
    const { handlers } = await setUp(undefined, () => new Date(clock));
    const content = realNonFixed;
    const old = await handlers['staff.hotspots.preview']({ fileName: 'a.json', content }, staff);
    const replacing = await handlers['staff.hotspots.preview']({ fileName: 'b.json', content }, staff);
    expect(
      (await rejection(handlers['staff.hotspots.confirm']({ previewId: old.previewId }, staff))).code,
    ).toBe('not_found');

    clock += 31 * 60 * 1000;
    expect(
      (await rejection(handlers['staff.hotspots.confirm']({ previewId: replacing.previewId }, staff))).code,
    ).toBe('not_found');

    const fresh = await handlers['staff.hotspots.preview']({ fileName: 'c.json', content }, staff);
    await handlers['staff.hotspots.confirm']({ previewId: fresh.previewId }, staff);
    const later = await handlers['staff.hotspots.preview']({ fileName: 'd.json', content }, staff);
    expect((await handlers['staff.hotspots.discard']({ previewId: later.previewId }, staff)).discarded).toBe(
      true,
    );
    expect(
      (await rejection(handlers['staff.hotspots.confirm']({ previewId: later.previewId }, staff))).code,
    ).toBe('not_found');

    const beforeRollback = await handlers['staff.hotspots.preview']({ fileName: 'e.json', content }, staff);
    await handlers['staff.hotspots.rollback']({}, staff);
    expect(
      (await rejection(handlers['staff.hotspots.confirm']({ previewId: beforeRollback.previewId }, staff)))
        .code,
    ).toBe('not_found');
  });

  it('recovers from a damaged hotspots.json using its backup and reports it', async () => {
    const { dir, handlers } = await setUp();
    const preview = await handlers['staff.hotspots.preview'](
      { fileName: 'a.json', content: realJson },
      staff,
    );
    await handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
    const file = path.join(dir, 'hotspots.json');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.slice(0, text.length / 2));

    const again = await setUp(dir);
    expect((await again.handlers['staff.hotspots.status']({}, staff)).fixed).toMatchObject({
      kind: 'imported',
      venues: preview.venues,
    });
    expect(again.ctx.healthEvents.map((event) => event.kind)).toEqual([
      'moved-aside',
      'recovered-from-backup',
    ]);
    expect(again.ctx.healthEvents[0]).toMatchObject({
      document: 'hotspots',
      reason: 'not-json',
      file: expect.stringMatching(/^hotspots\.corrupt-.+\.json$/),
    });
  });

  it('recovers when hotspots.json is a folder, like any document, and says so with codes, not sentences', async () => {
    const { dir, handlers } = await setUp();
    const preview = await handlers['staff.hotspots.preview'](
      { fileName: 'a.json', content: realJson },
      staff,
    );
    await handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
    const file = path.join(dir, 'hotspots.json');
    await fs.rm(file);
    await fs.mkdir(file);

    const again = await setUp(dir);
    expect((await again.handlers['staff.hotspots.status']({}, staff)).fixed).toMatchObject({
      kind: 'imported',
      venues: preview.venues,
    });
    expect(again.ctx.healthEvents).toEqual([
      expect.objectContaining({
        document: 'hotspots',
        kind: 'moved-aside',
        reason: 'unreadable',
        code: 'EISDIR',
      }),
      expect.objectContaining({ document: 'hotspots', kind: 'recovered-from-backup' }),
    ]);
    expect(again.ctx.healthEvents.some((event) => 'detail' in event)).toBe(false);
    expect((await fs.stat(file)).isFile()).toBe(true);
  });
});
