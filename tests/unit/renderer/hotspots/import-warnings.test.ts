import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportWarning } from '../../../../electron/core/hotspots/importer';
import { firstDataDay, warningMessage } from '../../../../renderer/src/hotspots/import-warnings';
import { LOCALE_LANGUAGES, readLocaleFolder } from '../../../helpers/locale-files';

const locales = readLocaleFolder(
  path.resolve(import.meta.dirname, '../../../../renderer/src/hotspots/locales'),
);

describe('import preview warnings in the staff member’s language', () => {
  const warnings: ImportWarning[] = [
    { code: 'names-english-only', count: 5121, total: 5121 },
    { code: 'names-english-only', count: 3, total: 57 },
    { code: 'districts-inferred', count: 5121 },
    { code: 'districts-outside', count: 7 },
    { code: 'date-not-in-file' },
  ];

  it('words every warning in all three languages, with each number it carries', () => {
    const keys = warnings.map((warning) => warningMessage(warning).key);
    expect(new Set(keys).size).toBe(warnings.length); // all-English and some-English read differently
    for (const warning of warnings) {
      const { key, params } = warningMessage(warning);
      for (const language of LOCALE_LANGUAGES) {
        const text = locales[language]!.get(key.replace(/^hotspots\./, ''));
        expect(text, `${language} ${key}`).toEqual(expect.any(String));
        for (const name of Object.keys(params)) expect(text, `${language} ${key}`).toContain(`{{${name}}}`);
      }
    }
    expect(warningMessage(warnings[0]!).params).toEqual({ total: '5,121' });
  });

  it('starts the date stepper at the file’s modified day, never after today', () => {
    expect(firstDataDay({ fileModified: '2023-07-30', today: '2026-12-01' })).toBe('2023-07-30');
    expect(firstDataDay({ fileModified: '2027-01-01', today: '2026-12-01' })).toBe('2026-12-01');
    expect(firstDataDay({ fileModified: null, today: '2026-12-01' })).toBe('2026-12-01');
    expect(firstDataDay({ fileModified: '1980-01-01', today: '2026-12-01' })).toBe('2000-01-01');
  });
});
