import { t } from '../i18n/i18n.svelte';

/** An office's name from the code the core routes a result to (programmes.office.<code>), in the language on screen. */
export function officeName(office: string): string {
  return t(`programmes.office.${office}`, { defaultValue: office });
}
