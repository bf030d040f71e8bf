import en from '../../../renderer/src/staff-console/locales/en.json';
import zhCN from '../../../renderer/src/staff-console/locales/zh-CN.json';
import zhHK from '../../../renderer/src/staff-console/locales/zh-HK.json';
import type { Language } from '../i18n';
import { withSimplified } from '../content/localise';
import type { LocalisedText } from '../i18n';
import type { AnyReportSection, CsvTable } from '../report-section';
import { hongKongDateTime } from '../../shared/period';
import type { GroupSummary } from './group-sessions';
import { REPORT_SECTIONS } from './report-sections';
import type { Report } from './reports';

/**
 * CSV for funders' spreadsheets: one file per table, UTF-8 with a byte-order mark so Excel opens
 * Chinese correctly, RFC 4180 quoting and CRLF line ends.
 */

export interface CsvFile {
  name: string;
  text: string;
}

const BOM = '\uFEFF';

/** The session summary's headings, from the console's locale files (the locale test checks them). */
const CSV_LABELS: Record<Language, typeof en.csv> = { en: en.csv, 'zh-HK': zhHK.csv, 'zh-CN': zhCN.csv };
const PROGRESS_WORDS: Record<Language, typeof en.progress> = {
  en: en.progress,
  'zh-HK': zhHK.progress,
  'zh-CN': zhCN.progress,
};

/**
 * What a spreadsheet takes as the start of a formula: = + - @, tab and CR, their full-width forms
 * (Excel and LibreOffice read ＝SUM() as =SUM() when an IME typed it), and any of them behind
 * invisible zero-width or bidi control characters, which some spreadsheets strip before parsing
 * and which a person pasting a title cannot see.
 */
const FORMULA_START = /^[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * One field. Quoted when it holds a comma, quote, CR or LF (quotes doubled). Text that a
 * spreadsheet would run as a formula (see FORMULA_START) gets a leading apostrophe: titles and
 * notes are typed by people, and a CSV must never run anything when opened.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(
  header: readonly (string | number)[],
  rows: readonly (readonly (string | number)[])[],
): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** What the CSV files say about themselves in their leading rows: whose figures, and when made. */
export interface ReportAbout {
  /** As settings hold it: a zh-CN the centre did not write is converted from zh-HK. */
  centreName: LocalisedText;
  /** The core's clock when the files were made, written in Hong Kong time. */
  generatedAt: Date;
}

/**
 * The leading rows of every report file: centre, period, generated at, then a blank row before the
 * table, as spreadsheets expect a title block. Each row is a label and its values in the file's
 * language; the dates are YYYY-MM-DD so a spreadsheet reads them as dates.
 */
function headerBlock(report: Report, language: Language, about: ReportAbout): (string | number)[][] {
  const l = CSV_LABELS[language];
  return [
    [l.centre, withSimplified(about.centreName)[language]],
    [l.period, report.from, report.to],
    [l.generatedAt, hongKongDateTime(about.generatedAt)],
    [],
  ];
}

/** The totals row: the file's word for "Total" first, the summed columns, blanks elsewhere. */
function totalsRow(table: CsvTable, language: Language): (string | number)[] {
  const columns = new Set(table.totals);
  return table.header.map((_, index) => {
    if (index === 0) return CSV_LABELS[language].total;
    if (!columns.has(index)) return '';
    const sum = table.rows.reduce(
      (total, row) => total + (typeof row[index] === 'number' ? row[index] : 0),
      0,
    );
    // Hours carry two decimals; summing them must not print 33.000000000000004.
    return Math.round(sum * 100) / 100;
  });
}

/**
 * The report's tables as separate files, one per section, named with the period, each headed by
 * the header block and ending in a totals row where its section sums columns; then `summary`,
 * every section's headline figures with what each counts.
 */
export function reportCsvFiles(
  report: Report,
  language: Language,
  about: ReportAbout,
  sections: readonly AnyReportSection[] = REPORT_SECTIONS,
): CsvFile[] {
  const suffix = `${report.from}_${report.to}`;
  const head = headerBlock(report, language, about);
  const tables = sections.map((section) => section.csvOf(report, language));
  const l = CSV_LABELS[language];
  const summary = tables.flatMap((table) => table.summary ?? []);
  return [
    ...tables.map((table) => ({
      name: `${table.file}_${suffix}.csv`,
      text: toCsv(head[0]!, [
        ...head.slice(1),
        table.header,
        ...table.rows,
        ...(table.totals?.length ? [totalsRow(table, language)] : []),
      ]),
    })),
    {
      name: `summary_${suffix}.csv`,
      text: toCsv(head[0]!, [
        ...head.slice(1),
        [l.figure, l.value, l.counts],
        ...summary.map((figure) => [figure.label, figure.value, figure.counts]),
      ]),
    },
  ];
}

/**
 * A session's summary as one file: a row per lesson, then the whole session. Totals only: no
 * nickname, resume code or note ever goes into a CSV (they are personal data and stay on the kiosk).
 * The three progress words are the summary screen's own (`progress` in the console's locale files).
 */
export function sessionCsvFiles(
  summary: GroupSummary,
  lessonNames: Record<string, Record<Language, string>>,
  language: Language,
): CsvFile[] {
  const l = CSV_LABELS[language];
  const words = PROGRESS_WORDS[language];
  const lessonName = (id: string) => lessonNames[id]?.[language] ?? id;
  const session = [
    summary.date,
    summary.startTime ?? '',
    summary.endTime ?? '',
    summary.durationMinutes ?? '',
    summary.title,
    summary.place,
    summary.facilitator,
    l.statuses[summary.status],
    summary.attendance,
  ];
  const here = summary.participants.length;
  return [
    {
      name: `session_${summary.date}_summary.csv`,
      text: toCsv(
        [
          l.date,
          l.startTime,
          l.endTime,
          l.minutes,
          l.title,
          l.place,
          l.facilitator,
          l.status,
          l.attendance,
          l.listed,
          l.lesson,
          words.finished,
          words.inProgress,
          words.notStarted,
        ],
        [
          ...summary.lessons.map((lesson) => [
            ...session,
            summary.listedParticipants,
            lessonName(lesson.lessonId),
            lesson.finished,
            lesson.inProgress,
            lesson.notStarted,
          ]),
          // The whole session, over the people listed now: finished means every lesson finished.
          [
            ...session,
            here,
            l.allLessons,
            summary.totals.finished,
            summary.totals.inProgress,
            summary.totals.notStarted,
          ],
        ],
      ),
    },
  ];
}
