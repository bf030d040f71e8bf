import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../shared/languages';
import { hongKongDateTime } from '../shared/period';
import { OUTCOMES } from '../core/programmes/decide';
import { toCsv, type CsvFile } from '../core/staff-console/csv';
import type { Figures, PooledReport } from './report';
import {
  districtName,
  figureColumns,
  joinDayText,
  outcomeName,
  reportWords,
  silenceText,
} from './report-words';

type Row = (string | number)[];

/**
 * The pooled report as CSV files for the funders' spreadsheets, through the console's own CSV
 * routine (UTF-8 with a byte-order mark, RFC 4180, formula-safe text, CRLF): one file per table,
 * each headed by organisation, period and when it was made (Hong Kong time), and ending in a
 * totals row where the table sums.
 */
export function reportCsvFiles(report: PooledReport, language: Language, generatedAt: Date): CsvFile[] {
  const w = reportWords(language);
  const columns = figureColumns(language);
  const suffix = `${report.period.from}_${report.period.to}`;
  const head: Row[] = [
    [w.organisation, report.organisation],
    [w.period, report.period.from, report.period.to],
    [w.generatedAt, hongKongDateTime(generatedAt)],
    [],
  ];
  const file = (name: string, rows: Row[]): CsvFile => {
    const all = [...head, ...rows];
    return { name: `${name}_${suffix}.csv`, text: toCsv(all[0]!, all.slice(1)) };
  };
  const figures = (f: Figures) => columns.map((column) => column.value(f));
  const district = (code: string) => districtName(code, language);

  const files: CsvFile[] = [
    file('centres', [
      [w.centre, w.kiosk, w.district, ...columns.map((c) => c.label), w.daysReported, w.lastDay],
      ...report.centres.map((c) => [
        c.centre,
        c.kioskId,
        district(c.district),
        ...figures(c.figures),
        c.figures.days,
        c.lastDay ?? '',
      ]),
      [w.total, '', '', ...figures(report.totals), report.totals.days, ''],
    ]),
    file('districts', [
      [w.district, w.kiosks, ...columns.map((c) => c.label)],
      ...report.districts.map((d) => [district(d.district), d.kiosks, ...figures(d.figures)]),
      [w.total, report.centres.length, ...figures(report.totals)],
    ]),
    file('visits-by-language', [
      [w.centre, w.kiosk, ...LANGUAGES.map((l) => LANGUAGE_NAMES[l]), w.visits],
      ...report.centres.map((c) => [
        c.centre,
        c.kioskId,
        ...LANGUAGES.map((l) => c.figures.visits[l]),
        c.figures.visits.total,
      ]),
      [w.total, '', ...LANGUAGES.map((l) => report.totals.visits[l]), report.totals.visits.total],
    ]),
    file('eligibility-outcomes', [
      [w.district, ...OUTCOMES.map((o) => outcomeName(o, language)), w.eligibilityChecks],
      ...report.districts.map((d) => [
        district(d.district),
        ...OUTCOMES.map((o) => d.figures.eligibility[o]),
        d.figures.eligibility.total,
      ]),
      [w.total, ...OUTCOMES.map((o) => report.totals.eligibility[o]), report.totals.eligibility.total],
    ]),
    file('not-reported', [
      [w.centre, w.kiosk, w.district, w.joined, w.lastDay, w.notReported.state],
      ...report.notReported.map((k) => [
        k.centre,
        k.kioskId,
        district(k.district),
        joinDayText(k.joinedAt),
        k.lastDay ?? '',
        silenceText(k, language),
      ]),
    ]),
  ];
  if (report.skipped.length > 0)
    files.push(
      file('skipped', [
        [w.kiosk, w.skipped.file, w.skipped.reason, ''],
        ...report.skipped.map((s) => [s.kioskId, s.file, w.skipped.reasons[s.reason], s.detail ?? '']),
      ]),
    );
  return files;
}
