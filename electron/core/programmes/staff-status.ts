import type { Tally } from '../activity/schema';
import { withSimplified, type FullText } from '../content/localise';
import type { Programme } from './schema';

/** The staff console's view of the check: anonymous counts and how fresh each programme's rules are. */

export const ELIGIBILITY_EVENT = 'eligibility.result';
export const STALE_AFTER_MONTHS = 12;

export interface ProgrammeFreshness {
  id: string;
  title: FullText;
  status: Programme['status'];
  /** When the page was last checked. */
  pageAsOf: string;
  /** When the rules were last checked. */
  rulesAsOf: string;
  /** True when the rules were last checked more than STALE_AFTER_MONTHS months before today. */
  stale: boolean;
}

export interface OutcomeTally {
  programmeId: string;
  outcome: string;
  /** YYYY-MM (Hong Kong time, as the tallies are kept). */
  month: string;
  count: number;
}

export interface ProgrammesStatus {
  /** The rules pack in use, e.g. rules-2026.12 (the same version each result carries). */
  rulesVersion: string;
  staleAfterMonths: number;
  programmes: ProgrammeFreshness[];
  /** Newest month first, then programme and outcome. */
  tallies: OutcomeTally[];
}

/** `asOf` plus `months` calendar months, as a YYYY-MM-DD key (day clamped to the month's end). */
export function addMonths(isoDay: string, months: number): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** `today` is a YYYY-MM-DD key in the kiosk's time zone. */
export function isStale(asOf: string, today: string): boolean {
  return addMonths(asOf, STALE_AFTER_MONTHS) < today;
}

export function programmesStatus(
  programmes: Programme[],
  tallies: readonly Tally[],
  today: string,
  rulesVersion: string,
): ProgrammesStatus {
  const counts = new Map<string, OutcomeTally>();
  for (const tally of tallies) {
    if (tally.event !== ELIGIBILITY_EVENT) continue;
    const month = tally.date.slice(0, 7);
    const key = `${month}\u0000${tally.subject}\u0000${tally.detail}`;
    const entry = counts.get(key) ?? { programmeId: tally.subject, outcome: tally.detail, month, count: 0 };
    entry.count += tally.count;
    counts.set(key, entry);
  }
  const order = new Map(programmes.map((programme, index) => [programme.id, index]));
  const rows = [...counts.values()].sort(
    (a, b) =>
      b.month.localeCompare(a.month) ||
      (order.get(a.programmeId) ?? Infinity) - (order.get(b.programmeId) ?? Infinity) ||
      a.programmeId.localeCompare(b.programmeId) ||
      a.outcome.localeCompare(b.outcome),
  );
  return {
    rulesVersion,
    staleAfterMonths: STALE_AFTER_MONTHS,
    programmes: programmes.map((programme) => ({
      id: programme.id,
      title: withSimplified(programme.title),
      status: programme.status,
      pageAsOf: programme.asOf,
      rulesAsOf: programme.rules.asOf,
      stale: isStale(programme.rules.asOf, today),
    })),
    tallies: rows,
  };
}
