import { t } from '../i18n/i18n.svelte';

/**
 * An outcome's short name for staff tables (the reports, the programme tallies), from the one set
 * in programmes/locales; the CSV export (core/staff-console/csv-labels.ts) uses the same words, and
 * a test holds the two together. An unknown id is shown as it is rather than as a missing key.
 */
export function outcomeName(outcome: string): string {
  return t(`programmes.outcomeShort.${outcome}`, { defaultValue: outcome });
}
