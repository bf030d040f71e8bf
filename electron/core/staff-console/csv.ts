import en from '../../../renderer/src/staff-console/locales/en.json';
import zhCN from '../../../renderer/src/staff-console/locales/zh-CN.json';
import zhHK from '../../../renderer/src/staff-console/locales/zh-HK.json';
import type { Language } from '../i18n';
import type { AnyReportSection } from '../report-section';
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

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The report's tables as separate files, one per section, named with the period. */
export function reportCsvFiles(
  report: Report,
  language: Language,
  sections: readonly AnyReportSection[] = REPORT_SECTIONS,
): CsvFile[] {
  const suffix = `${report.from}_${report.to}`;
  return sections.map((section) => {
    const table = section.csvOf(report, language);
    return { name: `${table.file}_${suffix}.csv`, text: toCsv(table.header, table.rows) };
  });
}

/** A closed (or open) session's summary: one file for the lessons, one for the participants. */
export function sessionCsvFiles(
  summary: GroupSummary,
  lessonNames: Record<string, Record<Language, string>>,
  language: Language,
): CsvFile[] {
  const l = CSV_LABELS[language];
  const base = `session_${summary.date}`;
  const lessonName = (id: string) => lessonNames[id]?.[language] ?? id;
  return [
    {
      name: `${base}_summary.csv`,
      text: toCsv(
        [
          l.date,
          l.title,
          l.place,
          l.facilitator,
          l.status,
          l.attendance,
          l.listed,
          l.lesson,
          l.completedBy,
          l.inProgress,
        ],
        summary.lessons.map((lesson) => [
          summary.date,
          summary.title,
          summary.place,
          summary.facilitator,
          l.statuses[summary.status],
          summary.attendance,
          summary.listedParticipants,
          lessonName(lesson.lessonId),
          lesson.completed,
          lesson.inProgress,
        ]),
      ),
    },
    {
      name: `${base}_participants.csv`,
      text: toCsv(
        [l.participant, l.lesson, l.stepsDone, l.completed],
        summary.participants.flatMap((p) =>
          p.progress.map((entry) => [
            p.label,
            lessonName(entry.lessonId),
            entry.stepsDone,
            entry.completed ? l.yes : l.no,
          ]),
        ),
      ),
    },
  ];
}
