import { afterEach, describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../../../electron/core/programmes/decide';
import { reportCsvFiles } from '../../../../electron/core/staff-console/csv';
import { computeReport, NO_GROUPS } from '../../../../electron/core/staff-console/reports';
import { tableLines, TEST_ABOUT } from '../../../helpers/report-csv';
import { LANGUAGES } from '../../../../electron/shared/languages';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { outcomeName } from '../../../../renderer/src/programmes/outcome-name';

afterEach(() => locale.set('zh-HK'));

describe("an outcome's name for staff", () => {
  // The report on screen, the programme tallies and the CSV a centre sends on must name an
  // outcome with the same words, or a count on one cannot be found on the other.
  it.each(LANGUAGES)('is the same on screen as in the CSV, in %s', (language) => {
    locale.set(language);
    const tallies = OUTCOMES.map((outcome) => ({
      date: '2025-03-01',
      event: 'eligibility.result',
      subject: 'wifi-hk',
      detail: outcome,
      language,
      count: 1,
    }));
    const report = computeReport(tallies, NO_GROUPS, { from: '2025-03-01', to: '2025-03-01' }, {});
    const file = reportCsvFiles(report, language, TEST_ABOUT).find((f) =>
      f.name.startsWith('eligibility-checks_'),
    )!;
    // programme id, programme, outcome, checks: no field here needs quoting; the totals row last.
    const inCsv = tableLines(file.text)
      .slice(1, -1)
      .map((line) => line.split(',')[2]);
    expect(inCsv).toEqual(OUTCOMES.map((outcome) => outcomeName(outcome)));
  });

  it('shows an id it does not know as it is', () => {
    expect(outcomeName('some-new-outcome')).toBe('some-new-outcome');
  });
});
