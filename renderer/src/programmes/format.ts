import type { Language } from '../../../electron/core/i18n';

/**
 * Dates in the programme content are ISO keys of varying precision ("2010", "2014-03",
 * "2018-08-31"). Shown as a person would say them: "31 August 2018", "2018年8月31日". Month names
 * are written out in English because "Aug" or "08" slows a reader down.
 */
export function formatContentDate(iso: string, language: Language): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  // Chinese dates are written out by hand: Intl's zh-HK numeric style gives "31/8/2018".
  if (language !== 'en')
    return `${year}年${month ? `${Number(month)}月` : ''}${month && day ? `${Number(day)}日` : ''}`;
  const date = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return new Intl.DateTimeFormat('en-GB', options).format(date);
}

/** Phone numbers as the eye reads them best on a large screen: "2802 2345" stays as is; digits are grouped in fours. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 8) return `${digits.slice(0, 4)} ${digits.slice(4)}`;
  return phone.trim();
}

/** `tel:`-style digits for assistive technology and for the QR summary. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}
