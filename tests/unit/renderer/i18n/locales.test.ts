import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeFolders, readLocaleFolder } from '../../../helpers/locale-files';

const RENDERER_SRC = path.resolve(import.meta.dirname, '../../../../renderer/src');
const LANGUAGES = ['zh-HK', 'en', 'zh-CN'];

const folders = localeFolders(RENDERER_SRC);

describe('UI strings', () => {
  it('has locale folders (the shell at least)', () => {
    expect(folders.map((f) => path.relative(RENDERER_SRC, f))).toContain(path.join('i18n', 'locales'));
  });

  for (const folder of folders) {
    const name = path.relative(RENDERER_SRC, folder);
    describe(name, () => {
      const byLanguage = readLocaleFolder(folder);

      it('has exactly the three language files', () => {
        expect(readdirSync(folder).sort()).toEqual(LANGUAGES.map((l) => `${l}.json`).sort());
      });

      it('has the same keys in every language', () => {
        const reference = [...byLanguage.en!.keys()].sort();
        for (const language of LANGUAGES)
          expect([...byLanguage[language]!.keys()].sort(), language).toEqual(reference);
      });

      it('has no empty or non-text values', () => {
        for (const language of LANGUAGES) {
          for (const [key, value] of byLanguage[language]!) {
            expect(typeof value === 'string' && value.trim().length > 0, `${language}:${key}`).toBe(true);
          }
        }
      });

      it('uses the same {{placeholders}} in every language', () => {
        const placeholders = (text: unknown) =>
          [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        for (const [key, value] of byLanguage.en!) {
          for (const language of LANGUAGES)
            expect(placeholders(byLanguage[language]!.get(key)), `${language}:${key}`).toEqual(
              placeholders(value),
            );
        }
      });

      it('writes Chinese in the Chinese files (no English left untranslated)', () => {
        for (const language of ['zh-HK', 'zh-CN']) {
          for (const [key, value] of byLanguage[language]!) {
            const text = String(value).replace(/\{\{\w+\}\}/g, '');
            // Allow codes, numbers and product names (Wi-Fi.HK, PIN) but require some Chinese in prose.
            if (/[a-z]{4,}\s+[a-z]{3,}\s+[a-z]{3,}/i.test(text) && !/[\u4e00-\u9fff]/.test(text)) {
              throw new Error(`${language}:${key} looks untranslated: ${text}`);
            }
          }
        }
      });
    });
  }
});
