import { t } from '../i18n/i18n.svelte';

/** "1 hour 30 minutes" / 「1小時30分鐘」: a session's length as people say it, in the console's language. */
export function sayDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h =
    hours === 1 ? t('staff-console.duration.oneHour') : t('staff-console.duration.hours', { count: hours });
  const m =
    rest === 1 ? t('staff-console.duration.oneMinute') : t('staff-console.duration.minutes', { count: rest });
  if (hours === 0) return m;
  if (rest === 0) return h;
  return t('staff-console.duration.join', { hours: h, minutes: m });
}
