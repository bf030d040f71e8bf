import type { Language } from '../i18n/i18n.svelte';

/** A date as people write it in each language, e.g. 2026年11月27日 or 27 November 2026. */
export function formatDate(value: string | Date, language: Language): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'Asia/Hong_Kong',
  }).format(date);
}
