import type { Parameter, Programme, ProgrammeStatus } from './schema';

/**
 * Rules as of a date. Content dates have the precision their source gives ("2010", "2020-03",
 * "2018-08-31"); an evaluation date is a calendar day (YYYY-MM-DD, the core's clock in Hong Kong
 * time, never the wall clock here). A coarse date stands for its whole period: a value "from 2010"
 * holds from 1 January 2010, a programme "to 2018" runs to 31 December 2018.
 */

/** True when `day` falls before the start of the period `from`. */
export function beforeStart(day: string, from: string): boolean {
  return day.slice(0, from.length) < from;
}

/** True when `day` falls after the end of the period `to`. */
export function afterEnd(day: string, to: string): boolean {
  return day.slice(0, to.length) > to;
}

/** 'not-started' when the evaluation day is before the programme began. */
export type StatusAtDate = ProgrammeStatus | 'not-started';

/**
 * A programme's status on a day, from its dates: closed after `validTo`, not started before
 * `validFrom`, and in between as the content says — except that a programme closed now was open
 * before its end date (a case at 2017-06-01 finds the learning programme running). Without a day,
 * the status as written in the content.
 */
export function statusAt(programme: Programme, day: string | undefined): StatusAtDate {
  if (day === undefined) return programme.status;
  if (programme.validTo !== null && afterEnd(day, programme.validTo)) return 'closed';
  if (beforeStart(day, programme.validFrom)) return 'not-started';
  // A closed programme always has an end date (schema.ts), and the day is not after it.
  return programme.status === 'closed' ? 'open' : programme.status;
}

export interface ParameterValueAt {
  amount: number;
  /** The date of the value shown: "the full rate as of March 2020". */
  from: string;
  source: number;
}

/** The newest value dated on or before `day`; null when the first value is later than `day`. */
export function parameterAt(parameter: Parameter, day: string): ParameterValueAt | null {
  let best: ParameterValueAt | null = null;
  for (const value of parameter.values) {
    if (beforeStart(day, value.from)) continue;
    // Periods ordered by their start compare as strings: "2020" < "2020-03" < "2020-03-11" < "2021".
    if (best === null || value.from > best.from) best = { ...value };
  }
  return best;
}
