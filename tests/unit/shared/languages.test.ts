import { describe, expect, it } from 'vitest';
import { LanguageSchema } from '../../../electron/core/i18n';
import { CSV_LABELS } from '../../../electron/core/staff-console/csv-labels';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../electron/shared/languages';

describe('one list of languages', () => {
  it('is the one the core validates against', () => {
    expect(LanguageSchema.options).toEqual([...LANGUAGES]);
  });

  it.each(LANGUAGES)('gives the CSV in %s the same language names as the screens', (language) => {
    expect(CSV_LABELS[language].languages).toBe(LANGUAGE_NAMES);
  });
});
