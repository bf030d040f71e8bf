import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecogniser } from '../../../electron/core/handwriting/recognise';
import {
  SCRIPT_BOTH,
  SCRIPT_SIMPLIFIED_ONLY,
  SCRIPT_TRADITIONAL_ONLY,
  decodeTemplates,
  encodeTemplates,
  type CharacterTemplate,
} from '../../../electron/core/handwriting/templates';
import { createKioskCore } from '../../../electron/core/service';
import { distort, type Point } from '../../helpers/handwriting-distort';
import { medians, templateBytes } from '../../helpers/handwriting-sets';
import { tempDirs } from '../../helpers/temp-dir';

const dirs = tempDirs('kiosk-handwriting-');
afterEach(dirs.cleanup);

/** A character's medians as a finger would give them on a 300 px pad: y down, no distortion. */
function written(char: string, pad = 300): Point[][] {
  return medians(char).map((stroke) => stroke.map(([x, y]) => [(x / 1024) * pad, ((900 - y) / 1024) * pad]));
}

describe('template file', () => {
  it('keeps every character, its script, rank and stroke bytes through encode and decode', () => {
    const templates: CharacterTemplate[] = [
      {
        char: '沙',
        script: SCRIPT_BOTH,
        rank: 846,
        strokes: [Uint8Array.of(1, 2, 3, 4), Uint8Array.of(9, 9)],
      },
      {
        char: '發',
        script: SCRIPT_TRADITIONAL_ONLY,
        rank: 46,
        counterpart: '发',
        strokes: [Uint8Array.of(255, 0)],
      },
      { char: '𠀋', script: SCRIPT_SIMPLIFIED_ONLY, rank: 0xffff, strokes: [] },
    ];
    expect(decodeTemplates(encodeTemplates(templates))).toEqual(templates);
  });

  it('refuses a file that is not one, or is cut short', () => {
    expect(() => decodeTemplates(Uint8Array.of(1, 2, 3, 4, 0, 0, 0, 0))).toThrow(/KHW2/);
    const bytes = encodeTemplates([{ char: '田', script: 0, rank: 1, strokes: [Uint8Array.of(1, 2, 3, 4)] }]);
    expect(() => decodeTemplates(bytes.subarray(0, bytes.length - 2))).toThrow(/cut short/);
  });

  it('compiles every character of the stroke data, flipped to y down', () => {
    const all = decodeTemplates(templateBytes());
    expect(all.length).toBeGreaterThan(9500);
    // Radical forms are drawn in the stroke data but are not characters anyone types.
    expect(all.filter((t) => /[\u2e80-\u2fdf]/u.test(t.char))).toEqual([]);
    const one = all.find((t) => t.char === '一')!;
    // 一 is a single stroke across the middle of the box, written left to right.
    expect(one.strokes).toHaveLength(1);
    const s = one.strokes[0]!;
    expect(s[0]!).toBeLessThan(s[s.length - 2]!);
    expect(s[1]!).toBeGreaterThan(90);
    expect(s[1]!).toBeLessThan(160);
    const ten = all.find((t) => t.char === '十')!;
    // 十's second stroke is the vertical, written top to bottom: y grows down the pad.
    const down = ten.strokes[1]!;
    expect(down[1]!).toBeLessThan(down[down.length - 1]!);
    expect(all.find((t) => t.char === '發')!.script).toBe(SCRIPT_TRADITIONAL_ONLY);
    expect(all.find((t) => t.char === '发')!.script).toBe(SCRIPT_SIMPLIFIED_ONLY);
    expect(all.find((t) => t.char === '沙')!.script).toBe(SCRIPT_BOTH);
    expect(all.find((t) => t.char === '發')!.counterpart).toBe('发');
    expect(all.find((t) => t.char === '发')!.counterpart).toBe('發');
    expect(all.find((t) => t.char === '沙')!.counterpart).toBeUndefined();
    // 的 is the most common character of Jun Da's list; 後 counts as often as 后.
    expect(all.find((t) => t.char === '的')!.rank).toBe(0);
    expect(all.find((t) => t.char === '後')!.rank).toBe(all.find((t) => t.char === '后')!.rank);
  });
});

describe('recogniser', () => {
  const recogniser = createRecogniser(templateBytes());

  it('puts the character written first, at any size and place on the pad', () => {
    for (const char of ['沙', '田', '灣', '仔', '區', '九', '龍'])
      for (const pad of [120, 400]) {
        const offset = written(char, pad).map((s) => s.map(([x, y]) => [x + 50, y + 20] as Point));
        expect(recogniser.recognise(offset, { prefer: 'traditional' })[0]).toBe(char);
      }
  });

  it('finds it written by a finger: strokes joined, reversed, out of order and uneven', () => {
    let found = 0;
    const chars = ['沙', '田', '灣', '仔', '區', '黃', '陳', '太', '伯', '元', '朗', '葵', '青', '荃', '灣'];
    chars.forEach((char, n) => {
      const candidates = recogniser.recognise(distort(medians(char), { seed: 77 + n }), {
        prefer: 'traditional',
        limit: 5,
      });
      if (candidates.includes(char)) found++;
    });
    expect(found).toBeGreaterThanOrEqual(chars.length - 1);
  });

  it('answers single characters, at most the limit, best first, and nothing for no ink', () => {
    const candidates = recogniser.recognise(written('沙'), { prefer: 'traditional', limit: 20 });
    expect(candidates).toHaveLength(20);
    expect(new Set(candidates).size).toBe(20);
    for (const c of candidates) expect([...c]).toHaveLength(1);
    expect(recogniser.recognise(written('沙'), { prefer: 'traditional' })).toHaveLength(10);
    expect(recogniser.recognise([], { prefer: 'traditional' })).toEqual([]);
    expect(recogniser.recognise([[], []], { prefer: 'simplified' })).toEqual([]);
  });

  it('copes with a tap (one point) and with every point in one place', () => {
    expect(recogniser.recognise([[[10, 10]]], { prefer: 'traditional' }).length).toBeGreaterThan(0);
    expect(
      recogniser.recognise(
        [
          [
            [5, 5],
            [5, 5],
          ],
          [[5, 5]],
        ],
        { prefer: 'simplified' },
      ).length,
    ).toBeGreaterThan(0);
  });

  it("puts the visitor's script first between two forms written alike, and finds both in either", () => {
    const strokes = [Uint8Array.of(20, 128, 230, 128), Uint8Array.of(128, 20, 128, 230)];
    const twins = createRecogniser([
      { char: '甲', script: SCRIPT_TRADITIONAL_ONLY, rank: 100, strokes },
      { char: '乙', script: SCRIPT_SIMPLIFIED_ONLY, rank: 100, strokes },
      { char: '丙', script: SCRIPT_BOTH, rank: 100, strokes: [Uint8Array.of(20, 20, 230, 230)] },
    ]);
    const ink = [
      [
        [0, 50],
        [100, 50],
      ],
      [
        [50, 0],
        [50, 100],
      ],
    ] as Point[][];
    expect(twins.recognise(ink, { prefer: 'traditional' }).slice(0, 2)).toEqual(['甲', '乙']);
    expect(twins.recognise(ink, { prefer: 'simplified' }).slice(0, 2)).toEqual(['乙', '甲']);
  });

  it("puts the visitor's own form in front of the other script's, and keeps the one written right behind", () => {
    for (const [traditional, simplified] of [
      // As opencc-js's Hong Kong forms have them: 內 and 錄 are Hong Kong's, 内 and 录 the mainland's
      // (Hong Kong writes 户 and 温 too, so those are not a pair here).
      ['內', '内'],
      ['發', '发'],
      ['錄', '录'],
    ])
      for (const char of [traditional, simplified]) {
        const zhHK = recogniser.recognise(written(char!), { prefer: 'traditional', limit: 5 });
        const zhCN = recogniser.recognise(written(char!), { prefer: 'simplified', limit: 5 });
        expect(zhHK[0]).toBe(traditional);
        expect(zhCN[0]).toBe(simplified);
        expect(zhHK.slice(0, 2)).toContain(char);
        expect(zhCN.slice(0, 2)).toContain(char);
      }
  });

  it('writes 發 and finds it with either preference; 发 likewise', () => {
    for (const prefer of ['traditional', 'simplified'] as const) {
      expect(recogniser.recognise(written('發'), { prefer, limit: 5 })).toContain('發');
      expect(recogniser.recognise(written('发'), { prefer, limit: 5 })).toContain('发');
    }
  });
});

describe('handwriting.recognise through the core', () => {
  it('loads the built template file on the first call and validates the input', async () => {
    const dataDir = await dirs.make();
    const file = path.join(dataDir, 'templates.bin');
    await writeFile(file, templateBytes());
    const core = await createKioskCore({ dataDir, shell: 'browser', handwritingTemplates: file });
    const ok = await core.invoke('handwriting.recognise', {
      strokes: written('田'),
      prefer: 'simplified',
      limit: 3,
    });
    expect(ok).toMatchObject({ ok: true });
    const { candidates } = (ok as { value: { candidates: string[] } }).value;
    expect(candidates).toHaveLength(3);
    expect(candidates[0]).toBe('田');

    const tooMany = Array.from({ length: 41 }, () => [[0, 0] as Point]);
    const longStroke = [Array.from({ length: 501 }, (_, i) => [i, i] as Point)];
    for (const input of [
      { strokes: tooMany, prefer: 'traditional' },
      { strokes: longStroke, prefer: 'traditional' },
      { strokes: [], prefer: 'traditional', limit: 21 },
      { strokes: [], prefer: 'traditional', limit: 0 },
      { strokes: [[[Number.NaN, 0]]], prefer: 'traditional' },
      { strokes: [[[0, 0, 0]]], prefer: 'traditional' },
      { strokes: [], prefer: 'cantonese' },
      { strokes: [], prefer: 'traditional', extra: 1 },
    ])
      expect(await core.invoke('handwriting.recognise', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
  });

  it('answers internal, not a crash, when the template file is missing', async () => {
    const dataDir = await dirs.make();
    const core = await createKioskCore({
      dataDir,
      shell: 'browser',
      handwritingTemplates: path.join(dataDir, 'missing.bin'),
    });
    expect(
      await core.invoke('handwriting.recognise', { strokes: written('田'), prefer: 'traditional' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
