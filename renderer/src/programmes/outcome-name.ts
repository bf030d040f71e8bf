import { t } from '../i18n/i18n.svelte';

/**
 * An outcome's short name for staff tables (the reports, the programme tallies), from the one set
 * in programmes/locales, which the CSV export (core/programmes/report.ts) reads too. An unknown id
 * is shown as it is rather than as a missing key.
 */
export function outcomeName(outcome: string): string {
  return t(`programmes.outcomeShort.${outcome}`, { defaultValue: outcome });
}
