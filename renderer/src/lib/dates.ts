import type { Language } from '../../../electron/shared/languages';
import { hongKongDateKey } from '../../../electron/shared/period';

/**
 * Every date and time the kiosk shows, for visitors and staff, is written here, one way per
 * language: "31 August 2018" in English, "2018年8月31日" in Chinese. Month names are written out,
 * because "Aug" or "08" slows a reader down.
 *
 * Dates come in two forms. Keys at the precision their source gives ("2018", "2018-08",
 * "2018-08-31": content dates, report days and months) are calendar dates already and are never
 * moved by a time zone. Instants (ISO strings with a time, or Date) are read as their Hong Kong
 * day and time, whatever the page's own zone. Chinese is written by hand: Intl's zh-HK styles give
 * "31/8/2018" or "週二" depending on the option, and English from Intl would be American ("August 31").
 */

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'] as const;

const KEY = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

type Parts = { year: number; month?: number; day?: number };

/** A date key as it is, or an instant as its Hong Kong day; null for anything else. */
function partsOf(value: string | Date): Parts | null {
  if (typeof value === 'string') {
    const match = KEY.exec(value);
    if (match) {
      const [, year, month, day] = match;
      return {
        year: Number(year),
        month: month ? Number(month) : undefined,
        day: month && day ? Number(day) : undefined,
      };
    }
  }
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return null;
  const [year, month, day] = hongKongDateKey(instant).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function write({ year, month, day }: Parts, language: Language): string {
  if (language === 'en') {
    const monthName = month ? MONTHS_EN[month - 1] : undefined;
    return [day, monthName, year].filter((part) => part !== undefined).join(' ');
  }
  return `${year}年${month ? `${month}月` : ''}${month && day ? `${day}日` : ''}`;
}

/**
 * "31 August 2018" / "2018年8月31日"; "August 2018" / "2018年8月" and "2018" / "2018年" for the
 * less precise keys. A value that is neither a key nor an instant is shown as given.
 */
export function formatDate(value: string | Date, language: Language): string {
  const parts = partsOf(value);
  return parts ? write(parts, language) : String(value);
}

/** "November 2026" / "2026年11月": a report month, or the month of any date. */
export function formatMonth(key: string, language: Language): string {
  const parts = partsOf(key);
  return parts ? write({ year: parts.year, month: parts.month }, language) : key;
}

/** "Tue 10 March 2026" / "2026年3月10日 星期二": a day staff pick or read in a report. */
export function formatDay(key: string, language: Language): string {
  const parts = partsOf(key);
  if (!parts?.month || !parts.day) return formatDate(key, language);
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  const date = write(parts, language);
  return language === 'en' ? `${WEEKDAYS_EN[weekday]} ${date}` : `${date} 星期${WEEKDAYS_ZH[weekday]}`;
}

/** Hong Kong time of day on the 24-hour clock, "14:05", the same in every language. */
export function formatTime(iso: string | Date | null | undefined): string {
  if (!iso) return '';
  const instant = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(instant.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Hong_Kong',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** "1 December 2026 14:05" / "2026年12月1日 14:05", in Hong Kong time: the staff log, data health, imports. */
export function formatDateTime(iso: string | Date | null | undefined, language: Language): string {
  if (!iso) return '';
  const time = formatTime(iso);
  return time ? `${formatDate(iso, language)} ${time}` : '';
}
