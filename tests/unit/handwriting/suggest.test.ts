import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSuggestHandlers } from '../../../electron/core/handwriting/suggest-handlers';
import { loadCommonWords } from '../../../electron/core/handwriting/vocabulary';
import { createHotspotHandlers } from '../../../electron/core/hotspots/handlers';
import { contentDir, makeCoreContext, sharedDataDir } from '../../helpers/hotspots-context';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('kiosk-suggest-');
afterEach(temp.cleanup);
const staff = { staffSession: 'test' };

async function setUp() {
  const ctx = await makeCoreContext(await temp.make(), () => new Date('2026-11-28T02:00:00Z'));
  const hotspots = await createHotspotHandlers(ctx);
  const suggest = createSuggestHandlers(ctx)['handwriting.suggest'];
  const after = async (text: string, prefer: 'traditional' | 'simplified' = 'traditional', limit?: number) =>
    (await suggest({ after: text, prefer, ...(limit ? { limit } : {}) }, {})).suggestions;
  return { ctx, hotspots, after };
}

/** One record in the official fixed-location shape, with its Chinese columns filled in. */
function officialRecord(id: string, nameTC: string, nameSC: string, addressTC: string) {
  const [first] = JSON.parse(
    readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'), 'utf8').replace(
      /^\uFEFF/,
      '',
    ),
  ) as Record<string, string>[];
  return {
    ...first,
    LocationID: id,
    LocationNameEN: `Test venue ${id}`,
    LocationNameTC: nameTC,
    LocationNameSC: nameSC,
    AddressTC: addressTC,
  };
}

describe('next-character suggestions', () => {
  it('offers place names first: 沙 → 田, 灣 → 仔, 觀 → 塘, 將 → 軍澳', async () => {
    const { after } = await setUp();
    expect((await after('沙'))[0]).toBe('田');
    expect((await after('灣'))[0]).toBe('仔');
    expect((await after('觀'))[0]).toBe('塘');
    expect((await after('將'))[0]).toBe('軍澳');
    expect((await after('屯'))[0]).toBe('門');
    // Everyday words too, from the committed list.
    expect(await after('街')).toContain('市');
    expect(await after('醫')).toContain('院');
    expect(await after('銀')).toContain('行');
  });

  it('answers in the script asked for, whichever script the text before is in', async () => {
    const { after } = await setUp();
    expect((await after('灣', 'simplified'))[0]).toBe('仔');
    expect((await after('湾', 'traditional'))[0]).toBe('仔');
    expect((await after('將', 'simplified'))[0]).toBe('军澳');
    expect((await after('将', 'traditional'))[0]).toBe('軍澳');
    expect((await after('九', 'traditional'))[0]).toBe('龍');
    expect((await after('九', 'simplified'))[0]).toBe('龙');
    const simplified = await after('黃大', 'simplified');
    expect(simplified).toContain('仙');
    expect(simplified.join('')).not.toMatch(/[區圍學嶼]/u);
  });

  it('uses the longest tail it knows, then the last character alone', async () => {
    const { after } = await setUp();
    // 沙田 is followed by 區 (沙田區), not by what follows 田 alone.
    expect((await after('沙田'))[0]).toBe('區');
    expect((await after('深水'))[0]).toBe('埗');
    // Nothing in the vocabulary says 去沙, so the last character decides.
    expect((await after('我想去沙'))[0]).toBe('田');
    // Only the Han characters just before the insertion point count.
    expect((await after('Wi-Fi 沙'))[0]).toBe('田');
  });

  it('offers nothing after a space, Latin letters or an empty field, and keeps to the limit', async () => {
    const { after } = await setUp();
    expect(await after('')).toEqual([]);
    expect(await after('沙 ')).toEqual([]);
    expect(await after('Sha Tin')).toEqual([]);
    const five = await after('地', 'traditional', 5);
    expect(five).toHaveLength(5);
    expect(new Set(five).size).toBe(5);
    expect((await after('地', 'traditional', 8)).slice(0, 5)).toEqual(five);
  });

  it('follows the Wi-Fi dataset in use: an imported venue name is suggested, the replaced one no longer', async () => {
    const { hotspots, after } = await setUp();
    // The sample's 香港中央圖書館 gives 中 → 央; a venue named 鱷魚 in nothing the kiosk ships.
    expect(await after('香港中')).toContain('央');
    expect(await after('鱷')).toEqual([]);
    const records = [
      officialRecord('T1', '鱷魚潭長者中心', '鳄鱼潭长者中心', '鱷魚潭路1號'),
      officialRecord('T2', '鱷魚潭公園', '鳄鱼潭公园', '鱷魚潭路2號'),
    ];
    const preview = await hotspots['staff.hotspots.preview'](
      { fileName: 'test.json', content: Buffer.from(JSON.stringify(records), 'utf8') },
      staff,
    );
    await hotspots['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
    expect((await after('鱷'))[0]).toBe('魚');
    expect((await after('鳄', 'simplified'))[0]).toBe('鱼');
    expect(await after('鱷魚潭')).toEqual(expect.arrayContaining(['長者中心', '公園', '路']));
    expect(await after('香港中')).not.toContain('央');
  });

  it('keeps the committed common words to Han words of 2–4 characters, each once', () => {
    const common = loadCommonWords(contentDir);
    const words = [...common.places, ...common.everyday];
    expect(words.length).toBeGreaterThan(300);
    expect(words.filter((word) => !/^\p{Script=Han}{2,4}$/u.test(word))).toEqual([]);
    expect(words.filter((word, i) => words.indexOf(word) !== i)).toEqual([]);
  });
});
