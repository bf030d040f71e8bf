import en from '../../../renderer/src/staff-console/locales/en.json';
import zhCN from '../../../renderer/src/staff-console/locales/zh-CN.json';
import zhHK from '../../../renderer/src/staff-console/locales/zh-HK.json';
import { LANGUAGES, type Language } from '../i18n';
import { countBy, defineReportSection } from '../report-section';
import { daysOf, monthsOf } from '../../shared/period';
import { LANGUAGE_NAMES } from '../../shared/languages';

// The visit counter belongs to the shell, so its report words are the staff console's.
const CSV: Record<Language, typeof en.csv> = { en: en.csv, 'zh-HK': zhHK.csv, 'zh-CN': zhCN.csv };
const DEFINE: Record<Language, typeof en.reports.define> = {
  en: en.reports.define,
  'zh-HK': zhHK.reports.define,
  'zh-CN': zhCN.reports.define,
};

/** Visits over the period, by day (up to 62 days) or by month, with every bucket present. */
export const visitsReport = defineReportSection({
  id: 'visits',
  compute: ({ tallies, period, granularity }) => {
    const byBucket = countBy(tallies, 'visit', (t) => (granularity === 'day' ? t.date : t.date.slice(0, 7)));
    const buckets = granularity === 'day' ? daysOf(period) : monthsOf(period);
    return {
      total: [...byBucket.values()].reduce((sum, count) => sum + count, 0),
      series: buckets.map((bucket) => ({ period: bucket, count: byBucket.get(bucket) ?? 0 })),
    };
  },
  figure: (visits, { granularity }) => {
    const byDay = granularity === 'day';
    return {
      title: byDay ? 'staff-console.reports.visitsByDay' : 'staff-console.reports.visitsByMonth',
      totals: [{ id: 'visits', label: 'staff-console.reports.visits', value: visits.total }],
      columns: [
        { label: byDay ? 'staff-console.reports.day' : 'staff-console.reports.month' },
        { label: 'staff-console.reports.visits' },
      ],
      // The table lists the days that had visits; the chart and the CSV keep every day.
      rows: visits.series
        .filter((p) => p.count > 0)
        .map((p) => ({ key: p.period, head: { period: p.period }, cells: [p.count] })),
      chart: { kind: 'line', points: visits.series },
      definitions: ['staff-console.reports.define.visits'],
    };
  },
  csv: (visits, { granularity }, language) => {
    const l = CSV[language];
    return {
      file: 'visits',
      header: [granularity === 'day' ? l.day : l.month, l.visits],
      rows: visits.series.map((p) => [p.period, p.count]),
      totals: [1],
      summary: [{ label: l.visits, value: visits.total, counts: DEFINE[language].visits }],
    };
  },
});

/** Visits by the language they were in, every language listed. */
export const languagesReport = defineReportSection({
  id: 'languages',
  compute: ({ tallies }) => {
    const byLanguage = countBy(tallies, 'visit', (t) => t.language);
    return LANGUAGES.map((language) => ({ language, count: byLanguage.get(language) ?? 0 }));
  },
  figure: (languages) => ({
    title: 'staff-console.reports.languages',
    totals: [],
    columns: [{ label: 'staff-console.reports.language' }, { label: 'staff-console.reports.visits' }],
    rows: languages.map((l) => ({ key: l.language, head: { language: l.language }, cells: [l.count] })),
    chart: {
      kind: 'bars',
      bars: languages.map((l) => ({ label: [{ language: l.language }], values: [l.count] })),
    },
    definitions: ['staff-console.reports.define.languages'],
  }),
  csv: (languages, _report, language) => {
    const l = CSV[language];
    return {
      file: 'languages',
      header: [l.language, l.visits],
      rows: languages.map((row) => [LANGUAGE_NAMES[row.language], row.count]),
      totals: [1],
    };
  },
});
