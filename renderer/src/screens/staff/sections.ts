import type { Component } from 'svelte';
import ChangePin from './ChangePin.svelte';
import DataHealthPanel from './DataHealthPanel.svelte';
import SettingsPanel from './SettingsPanel.svelte';

/** The staff console's sections, in menu order. A capability adds its staff panel here. */
export interface StaffSection {
  id: string;
  /** i18n key of the menu label */
  label: string;
  component: Component;
}

export const STAFF_SECTIONS: StaffSection[] = [
  { id: 'settings', label: 'staff.sections.settings', component: SettingsPanel },
  { id: 'pin', label: 'staff.sections.pin', component: ChangePin },
  { id: 'health', label: 'staff.sections.health', component: DataHealthPanel },
];
