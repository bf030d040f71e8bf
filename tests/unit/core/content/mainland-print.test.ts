import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLocalisedTexts, withSimplified } from '../../../../electron/core/content/localise';
import { localeFolders, readLocaleFolder } from '../../../helpers/locale-files';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/**
 * A mainland reader quotes with “” and taps with 点按: corner brackets and 轻按 are Hong Kong
 * print. Every zh-CN a visitor or staff member reads, derived or hand-written, keeps to that.
 */
const HONG_KONG_PRINT = /[「」『』]|轻按/;

describe('zh-CN is printed the mainland way', () => {
  it('every text in data/, as a zh-CN visitor reads it', () => {
    const files = readdirSync(path.join(ROOT, 'data'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.json'),
    );
    let texts = 0;
    for (const file of files) {
      const content: unknown = JSON.parse(
        readFileSync(path.join(ROOT, 'data', file), 'utf8').replace(/^\uFEFF/, ''),
      );
      for (const { path: at, text } of collectLocalisedTexts(content)) {
        texts += 1;
        const simplified = withSimplified(text)['zh-CN'];
        expect(HONG_KONG_PRINT.test(simplified), `${file} ${at}: ${simplified}`).toBe(false);
      }
    }
    // Every lesson step and programme page is in there, not just a few.
    expect(texts).toBeGreaterThan(1000);
  });

  for (const folder of localeFolders(path.join(ROOT, 'renderer/src'))) {
    it(`${path.relative(ROOT, folder)} zh-CN`, () => {
      for (const [key, value] of readLocaleFolder(folder)['zh-CN']!)
        expect(HONG_KONG_PRINT.test(String(value)), `${key}: ${String(value)}`).toBe(false);
    });
  }
});
