import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHotspotHandlers } from '../../../../electron/core/hotspots/handlers';
import { INDEX_FILE, readIndexFile, writeIndexFile } from '../../../../electron/core/hotspots/index-file';
import { readVenueFile } from '../../../../electron/core/hotspots/venue-file';
import { CATEGORY_IDS } from '../../../../electron/core/hotspots/categories';
import { tempDirs } from '../../../helpers/temp-dir';
import { makeCoreContext, sharedDataDir } from '../../../helpers/hotspots-context';

const temp = tempDirs('kiosk-hotspots-index-');
afterEach(temp.cleanup);

const staff = { staffSession: 'test' };
const realJson = readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'));
const now = () => new Date('2026-11-28T02:00:00Z');
const search = { near: 'centre' as const, page: 1, pageSize: 20, language: 'en' as const };

async function start(dir: string) {
  const ctx = await makeCoreContext(dir, now);
  return { ctx, handlers: await createHotspotHandlers(ctx) };
}

/** A data folder holding the real file, imported; answers what the kiosk showed right after. */
async function imported() {
  const dir = await temp.make();
  const { handlers } = await start(dir);
  const preview = await handlers['staff.hotspots.preview'](
    { fileName: 'fixed.json', content: realJson },
    staff,
  );
  await handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
  const answers = await answersOf(handlers);
  return { dir, answers };
}

async function answersOf(handlers: Awaited<ReturnType<typeof createHotspotHandlers>>) {
  return {
    facets: await handlers['hotspots.facets']({}, {}),
    library: await handlers['hotspots.search']({ ...search, text: 'library' }, {}),
    han: await handlers['hotspots.search']({ ...search, text: '圖書館' }, {}),
    district: await handlers['hotspots.search']({ ...search, district: 'F', page: 2 }, {}),
  };
}

async function datasetSha(dir: string): Promise<string> {
  const read = await readVenueFile(path.join(dir, 'hotspots.json'));
  if (!read.ok) throw new Error(read.reason);
  return read.sha256;
}

describe('the saved search index', () => {
  it('is written at import for exactly the stored venues, and a restart answers from it as a fresh build would', async () => {
    const { dir, answers } = await imported();
    const venues = answers.facets.total;
    expect(await readIndexFile(dir, await datasetSha(dir), venues)).not.toBeNull();

    const again = await start(dir);
    expect(await answersOf(again.handlers)).toEqual(answers);
  });

  it('is what a restart uses: an index saved for the same file is taken as it is, not rebuilt', async () => {
    const { dir, answers } = await imported();
    const dataset = await datasetSha(dir);
    const saved = (await readIndexFile(dir, dataset, answers.facets.total))!;
    // A sound index that says every venue is a public library: only a restart that reads it shows that.
    const library = CATEGORY_IDS.indexOf('public-library');
    await writeIndexFile(dir, dataset, answers.facets.total, {
      ...saved,
      categories: new Uint8Array(saved.categories.length).fill(library),
    });

    const again = await start(dir);
    const facets = await again.handlers['hotspots.facets']({}, {});
    expect(facets.venueTypes.find((type) => type.id === 'public-library')!.venues).toBe(answers.facets.total);
  });

  it('is rebuilt and saved again when damaged, cut off, stale or from another build', async () => {
    const { dir, answers } = await imported();
    const file = path.join(dir, INDEX_FILE);
    const good = await fs.readFile(file, 'utf8');
    const [header, payload] = good.split('\n') as [string, string];
    const flipped = payload.slice(0, 5000) + (payload[5000] === 'A' ? 'B' : 'A') + payload.slice(5001);
    const other = JSON.parse(header) as { dataset: string; version: string };
    const damaged = [
      `${header}\n${flipped}\n`,
      good.slice(0, good.length / 2),
      `${JSON.stringify({ ...other, dataset: 'f'.repeat(64) })}\n${payload}\n`,
      `${JSON.stringify({ ...other, version: 'older' })}\n${payload}\n`,
      '',
    ];
    for (const text of damaged) {
      await fs.writeFile(file, text);
      const again = await start(dir);
      expect(await answersOf(again.handlers)).toEqual(answers);
      expect(await readIndexFile(dir, await datasetSha(dir), answers.facets.total)).not.toBeNull();
    }
  });

  it('never lets a changed hotspots.json through unchecked: a venue edited on disk is refused and the backup used', async () => {
    const { dir, answers } = await imported();
    expect(await readIndexFile(dir, await datasetSha(dir), answers.facets.total)).not.toBeNull();
    const file = path.join(dir, 'hotspots.json');
    const text = await fs.readFile(file, 'utf8');
    // Still valid JSON, still the same length of file, but a latitude far outside Hong Kong.
    const edited = text.replace(/"latitude":22\.(\d)/, '"latitude":92.$1');
    expect(edited).not.toBe(text);
    await fs.writeFile(file, edited);

    const again = await start(dir);
    expect(again.ctx.healthEvents.map((event) => event.kind)).toEqual([
      'moved-aside',
      'recovered-from-backup',
    ]);
    expect(await answersOf(again.handlers)).toEqual(answers);
  });

  it('goes when the sample comes back, so no stale index is left on the disk', async () => {
    const { dir } = await imported();
    const { handlers } = await start(dir);
    await handlers['staff.hotspots.rollback']({}, staff);
    await expect(fs.access(path.join(dir, INDEX_FILE))).rejects.toThrow();
  });
});
