/**
 * Report periods as Hong Kong calendar days ("YYYY-MM-DD"), the keys the anonymous tallies use.
 * Pure and free of Node imports: the staff console's date steppers use the same functions.
 */

export type DateKey = string;
export interface Period {
  from: DateKey;
  to: DateKey;
}

export const PERIOD_PRESETS = ['this-month', 'last-month', 'last-12-months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD (no 31 April). */
export function isDateKey(value: string): boolean {
  const match = DATE_KEY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parts(key: DateKey): [number, number, number] {
  const match = DATE_KEY.exec(key);
  if (!match) throw new Error(`not a date key: ${key}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function fromUtc(date: Date): DateKey {
  return date.toISOString().slice(0, 10);
}

export function addDays(key: DateKey, days: number): DateKey {
  const [y, m, d] = parts(key);
  return fromUtc(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Calendar months later (or earlier), the day clamped to the month's end (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(key: DateKey, months: number): DateKey {
  const [y, m, d] = parts(key);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return fromUtc(first);
}

export function monthStart(key: DateKey): DateKey {
  return `${key.slice(0, 7)}-01`;
}

export function monthEnd(key: DateKey): DateKey {
  return addDays(addMonths(monthStart(key), 1), -1);
}

/** Days from `from` to `to`, both counted (1 for a single day). */
export function daysInPeriod(period: Period): number {
  const [fy, fm, fd] = parts(period.from);
  const [ty, tm, td] = parts(period.to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000) + 1;
}

/**
 * The presets staff pick most: this calendar month so far, the whole of last month, and the
 * last 12 months as 12 calendar months including this one (from the 1st of the month 11 months
 * ago), so the monthly chart has 12 whole bars and a funder's year lines up with months.
 */
export function presetPeriod(preset: PeriodPreset, today: DateKey): Period {
  switch (preset) {
    case 'this-month':
      return { from: monthStart(today), to: today };
    case 'last-month': {
      const start = addMonths(monthStart(today), -1);
      return { from: start, to: monthEnd(start) };
    }
    case 'last-12-months':
      return { from: addMonths(monthStart(today), -11), to: today };
  }
}

/** Every day key in the period, oldest first. */
export function daysOf(period: Period): DateKey[] {
  const out: DateKey[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** Every month key ("YYYY-MM") the period touches, oldest first. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  for (let month = monthStart(period.from); month <= period.to; month = addMonths(month, 1))
    out.push(month.slice(0, 7));
  return out;
}

/**
 * The Hong Kong calendar day of an instant, whatever the machine's zone: 2026-11-30T16:30Z is
 * already 1 December in Hong Kong. Callers pass the core's clock (or the renderer's, which follows it).
 */
export function hongKongDateKey(at: Date): DateKey {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Hong_Kong',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** "2026-12-01 00:30" for 2026-11-30T16:30Z: an instant on the Hong Kong clock, as a spreadsheet sorts it. */
export function hongKongDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Hong_Kong',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${hongKongDateKey(at)} ${part('hour')}:${part('minute')}`;
}

export type PeriodEnd = 'from' | 'to';

/**
 * Moves one end of a period to `day` (never past `latest`, today). When it passes the other end,
 * the other end moves with it, so the period becomes that one day instead of being empty or
 * silently keeping the old day; `pushed` names the end that moved so the screen can say so.
 */
export function moveEnd(
  period: Period,
  end: PeriodEnd,
  day: DateKey,
  latest: DateKey,
): { period: Period; pushed: PeriodEnd | null } {
  const clamped = day > latest ? latest : day;
  if (end === 'from')
    return clamped > period.to
      ? { period: { from: clamped, to: clamped }, pushed: 'to' }
      : { period: { from: clamped, to: period.to }, pushed: null };
  return clamped < period.from
    ? { period: { from: clamped, to: clamped }, pushed: 'from' }
    : { period: { from: period.from, to: clamped }, pushed: null };
}
