import type { Tally } from '../activity/schema';
import {
  NO_NAMES,
  type AnyReportSection,
  type ReportBase,
  type ReportFigure,
  type ReportNames,
  type ReportSection,
} from '../report-section';
import type { Course, GroupSession } from './group-sessions';
import { REPORT_SECTIONS } from './report-sections';
import { daysInPeriod, type Period } from '../../shared/period';

export type { Names, ReportNames } from '../report-section';

/**
 * The anonymous figures for a period, computed from the tallies in activity.json and the group
 * sessions by every section in report-sections.ts. Pure: the same tallies and period always give
 * the same report, which is what the hand-counted tests check. Capabilities that record nothing
 * yet simply show zero.
 */

type Section = (typeof REPORT_SECTIONS)[number];

/** Each section's data under its id: `report.lessons`, `report.visits`, … */
export type ReportData = {
  [S in Section as S['id']]: S extends ReportSection<string, infer Data> ? Data : never;
};

export type Report = ReportBase &
  ReportData & {
    /** What the console draws, section by section: charts, tables and headline totals. */
    figures: ReportFigure[];
  };

export const MAX_DAILY_POINTS = 62;

/** The group sessions and courses the report counts (group-sessions.json, or a test's own). */
export interface GroupRecords {
  sessions: readonly GroupSession[];
  courses: readonly Course[];
}

export const NO_GROUPS: GroupRecords = { sessions: [], courses: [] };

/**
 * `sections` is REPORT_SECTIONS: a parameter only so the recipe test can walk a new capability's
 * section through the same code without adding it to the kiosk.
 */
export function computeReport(
  tallies: readonly Tally[],
  groups: GroupRecords,
  period: Period,
  names: ReportNames,
  sections: readonly AnyReportSection[] = REPORT_SECTIONS,
): Report {
  const base: ReportBase = {
    from: period.from,
    to: period.to,
    granularity: daysInPeriod(period) <= MAX_DAILY_POINTS ? 'day' : 'month',
  };
  const input = {
    ...base,
    period,
    tallies: tallies.filter((t) => t.date >= period.from && t.date <= period.to && t.count > 0),
    sessions: groups.sessions,
    courses: groups.courses,
  };
  const data = Object.fromEntries(
    sections.map((section) => [
      section.id,
      section.compute({ ...input, names: names[section.id] ?? NO_NAMES }),
    ]),
  );
  const report = { ...base, ...data };
  // The sections are REPORT_SECTIONS unless a test adds its own, and each put its data under its id.
  return {
    ...(report as ReportBase & ReportData),
    figures: sections.map((section) => section.figureOf(report)),
  };
}
