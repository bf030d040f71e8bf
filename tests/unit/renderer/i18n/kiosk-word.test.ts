import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeFolders, readLocaleFolder } from '../../../helpers/locale-files';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const RENDERER_SRC = path.join(ROOT, 'renderer/src');

/**
 * A visitor who reads 服務站 on one screen and 資訊站 on the next wonders whether these are two
 * machines. The product's word is 資訊站, in the mainland 信息站; these are the words it replaced.
 */
const OTHER_WORDS: Record<'zh-HK' | 'zh-CN', RegExp> = {
  'zh-HK': /服務站|服务站/,
  'zh-CN': /服务站|资讯站|資訊站|服務站/,
};

describe('the kiosk has one name', () => {
  for (const folder of localeFolders(RENDERER_SRC)) {
    const name = path.relative(RENDERER_SRC, folder);
    it(`${name} says 資訊站 / 信息站`, () => {
      const byLanguage = readLocaleFolder(folder);
      for (const language of ['zh-HK', 'zh-CN'] as const)
        for (const [key, value] of byLanguage[language]!)
          expect(OTHER_WORDS[language].test(String(value)), `${language}:${key} ${String(value)}`).toBe(
            false,
          );
    });
  }

  it('the content visitors read in data/ says 資訊站', () => {
    const files = readdirSync(path.join(ROOT, 'data'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.json'),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files)
      expect(readFileSync(path.join(ROOT, 'data', file), 'utf8'), file).not.toMatch(/服務站|服务站|资讯站/);
  });

  it('the resting page says 資訊站 and 信息站', () => {
    const source = readFileSync(path.join(ROOT, 'electron/app-protocol.ts'), 'utf8');
    expect(source).toContain('這部資訊站');
    expect(source).toContain('这台信息站');
    expect(source).not.toMatch(/服務站|服务站|资讯站/);
  });
});
