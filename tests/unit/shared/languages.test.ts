import { describe, expect, it } from 'vitest';
import { LanguageSchema } from '../../../electron/core/i18n';
import { reportCsvFiles } from '../../../electron/core/staff-console/csv';
import { computeReport, NO_GROUPS } from '../../../electron/core/staff-console/reports';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../electron/shared/languages';
import { tableLines, TEST_ABOUT } from '../../helpers/report-csv';

describe('one list of languages', () => {
  it('is the one the core validates against', () => {
    expect(LanguageSchema.options).toEqual([...LANGUAGES]);
  });

  it.each(LANGUAGES)('gives the CSV in %s the same language names as the screens', (language) => {
    const report = computeReport([], NO_GROUPS, { from: '2025-03-01', to: '2025-03-01' }, {});
    const file = reportCsvFiles(report, language, TEST_ABOUT).find((f) => f.name.startsWith('languages_'))!;
    // The heading, then one row a language, then the totals row.
    const names = tableLines(file.text)
      .slice(1, -1)
      .map((line) => line.split(',')[0]);
    expect(names).toEqual(LANGUAGES.map((l) => LANGUAGE_NAMES[l]));
  });
});
