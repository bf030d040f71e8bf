import type { Tally } from './activity/schema';
import type { CoreContent } from './core-context';
import type { Language } from './i18n';
import type { Period } from '../shared/period';
import type { Course, GroupSession } from './staff-console/group-sessions';

/**
 * What a capability declares to appear in the staff reports: how it counts its tallies, the figure
 * the console draws (chart, table, headline totals) and the CSV file it exports. Each capability
 * keeps its declaration in its own folder (lessons/report.ts, …); staff-console/report-sections.ts
 * lists them, and the report, the CSV export and the console's Reports panel iterate over that list,
 * so a new capability adds one file and one line there.
 *
 * Words are never written here. The figure names UI strings by key (`lessons.report.started`),
 * which the console translates; the CSV takes its headings from the same locale files
 * (renderer/src/<capability>/locales/<lang>.json, which the locale test checks) for the language
 * staff chose.
 */

/** A name in the three languages, as content and settings give it. */
export type LocalisedName = { 'zh-HK': string; en: string; 'zh-CN': string };
export type Names = Record<string, LocalisedName>;

/** Names a capability's rows carry, from the content the core read once at start-up. */
export interface ContentNames {
  names: Names;
  /** Ids in the order the content lists them: rows come in this order, ids content no longer has after. */
  order: string[];
  /** A number content gives per id, when the section needs one (a lesson's step count). */
  counts?: Readonly<Record<string, number>>;
}

/** Every section's content names, under its id. */
export type ReportNames = Record<string, ContentNames | undefined>;

/** What every section's figure and CSV may read besides its own data. */
// A type, not an interface, so a whole report is also a Record<string, unknown> (AnyReportSection).
export type ReportBase = {
  from: string;
  to: string;
  /** Periods up to 62 days are charted by day, longer ones by month. */
  granularity: 'day' | 'month';
};

export interface ReportInput extends ReportBase {
  period: Period;
  /** The tallies with a count, inside the period. */
  tallies: readonly Tally[];
  sessions: readonly GroupSession[];
  courses: readonly Course[];
  /** This section's content names (its `names` declaration), or none. */
  names: ContentNames;
}

/**
 * One cell as data: the console turns it into words in the language on screen.
 * `label` is a UI string key, shown as `fallback` when no string has that key (an outcome a newer
 * version recorded); `name` is a content name, shown as `id` when content no longer has it.
 */
export type FigureCell =
  | number
  | { text: string }
  | { name: LocalisedName | null; id: string }
  | { label: string; fallback: string }
  | { language: Language }
  /** A day, with a Hong Kong clock time or span after it ("10:00–11:30") when there is one. */
  | { day: string; time?: string }
  | { period: string };

export type FigureChart =
  /** Counts over time; `period` is a day (YYYY-MM-DD) or a month (YYYY-MM) key. */
  | { kind: 'line'; points: { period: string; count: number }[] }
  /** One bar group per entry; `label` cells are joined with ": ", `series` names each value (UI string keys). */
  | { kind: 'bars'; series?: string[]; bars: { label: FigureCell[]; values: number[] }[] };

/** A figure as the console draws it; every string is a UI string key. */
export interface ReportFigure {
  id: string;
  title: string;
  /** Headline numbers at the top of the report, in section order. `id` names its test hook. */
  totals: { id: string; label: string; value: number }[];
  /** The first column heads the rows; `text` columns read from the start, numbers line up at the end. */
  columns: { label: string; text?: boolean }[];
  rows: { key: string; head: FigureCell; cells: FigureCell[] }[];
  chart?: FigureChart;
  /**
   * What the figures count, one UI string key a sentence ("visits count sessions at the screen,
   * not people"): the report shows and prints them with the figures, as a funder reads them.
   */
  definitions?: string[];
}

/** A CSV table before quoting: headings and rows in the language staff chose. */
export interface CsvTable {
  /** The file's name before `_<from>_<to>.csv`. */
  file: string;
  header: string[];
  rows: (string | number)[][];
  /** Columns (by index) summed in a totals row under the table; none: no totals row. */
  totals?: number[];
  /** The section's headline figures for the summary file: label, value, what it counts. */
  summary?: { label: string; value: number | string; counts: string }[];
}

export interface ReportSectionSpec<Id extends string, Data> {
  /** The key of this section's data in the report, e.g. `lessons`. */
  id: Id;
  /** The content names the rows carry (lesson titles, district names), read once at start-up. */
  names?: (content: CoreContent) => ContentNames;
  compute: (input: ReportInput) => Data;
  figure: (data: Data, report: ReportBase) => Omit<ReportFigure, 'id'>;
  csv: (data: Data, report: ReportBase, language: Language) => CsvTable;
}

export interface ReportSection<Id extends string, Data> extends ReportSectionSpec<Id, Data> {
  /** This section's figure, read from a whole report. */
  figureOf: (report: ReportBase & Record<Id, Data>) => ReportFigure;
  /** This section's CSV table, read from a whole report. */
  csvOf: (report: ReportBase & Record<Id, Data>, language: Language) => CsvTable;
}

/**
 * Any section, as the report code iterates over them without knowing their data. Method syntax,
 * so a section with a particular id and data fits here.
 */
export interface AnyReportSection {
  readonly id: string;
  names?(content: CoreContent): ContentNames;
  compute(input: ReportInput): unknown;
  figureOf(report: ReportBase & Record<string, unknown>): ReportFigure;
  csvOf(report: ReportBase & Record<string, unknown>, language: Language): CsvTable;
}

/** A section, with the readers the report code calls without knowing its data's shape. */
export function defineReportSection<const Id extends string, Data>(
  spec: ReportSectionSpec<Id, Data>,
): ReportSection<Id, Data> {
  return {
    ...spec,
    figureOf: (report) => ({ id: spec.id, ...spec.figure(report[spec.id], report) }),
    csvOf: (report, language) => spec.csv(report[spec.id], report, language),
  };
}

/** Sums the counts of the tallies for one event, by a key. */
export function countBy(
  tallies: readonly Tally[],
  event: string,
  key: (tally: Tally) => string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const tally of tallies)
    if (tally.event === event) out.set(key(tally), (out.get(key(tally)) ?? 0) + tally.count);
  return out;
}

/** Known ids first in their order, then ids seen in the tallies but not in the content, sorted. */
export function ordered(known: readonly string[], seen: Iterable<string>): string[] {
  const extra = [...new Set(seen)].filter((id) => !known.includes(id)).sort();
  return [...known, ...extra];
}

/** A content name in the CSV's language, or the id when content no longer has it. */
export function nameIn(name: LocalisedName | null, fallback: string, language: Language): string {
  return name ? name[language] : fallback;
}

/** No content names: sections that name nothing from content. */
export const NO_NAMES: ContentNames = { names: {}, order: [] };
