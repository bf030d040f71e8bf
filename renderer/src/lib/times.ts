import { locale } from '../i18n/i18n.svelte';

// Moments (ISO instants) as staff read them, always in Hong Kong time whatever the page's own zone:
// staff entry's lock-out end, the staff log, data health and the hotspot import times.

/** Hong Kong local time, e.g. "14:05", in the kiosk's language. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale.current, {
    timeZone: 'Asia/Hong_Kong',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale.current, {
    timeZone: 'Asia/Hong_Kong',
    dateStyle: 'medium',
    timeStyle: 'short',
    hour12: false,
  }).format(new Date(iso));
}
