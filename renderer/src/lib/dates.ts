import type { Language } from '../../../electron/shared/languages';

/**
 * Date keys (YYYY-MM-DD, YYYY-MM) as staff read them, in the console's language. One place, so a
 * month in the report's chart and table reads the same as a month in the programme tallies. The
 * keys are Hong Kong calendar days already (electron/shared/period.ts), so they are formatted in
 * UTC: the page's own time zone never moves a day.
 */

/** "Tue, 10 Mar 2026" / "2026年3月10日 星期二". */
export function formatDay(key: string, language: Language): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "November 2026" / "2026年11月": the month written out, because "Nov" or "11" slows a reader down. */
export function formatMonth(key: string, language: Language): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}
