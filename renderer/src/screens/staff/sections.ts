import type { Component } from 'svelte';
import ChangePin from './ChangePin.svelte';
import DataHealthPanel from './DataHealthPanel.svelte';
import SettingsPanel from './SettingsPanel.svelte';
import DataCarePanel from '../../staff-console/DataCarePanel.svelte';
import GroupSessionsPanel from '../../staff-console/GroupSessionsPanel.svelte';
import ReportsPanel from '../../staff-console/ReportsPanel.svelte';
import StaffLogPanel from '../../staff-console/StaffLogPanel.svelte';
import LessonsRetentionPanel from '../../lessons/RetentionPanel.svelte';
import HotspotsStaffPanel from '../../hotspots/StaffPanel.svelte';
import StaffProgrammesPanel from '../../programmes/screens/StaffProgrammesPanel.svelte';

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
  { id: 'lessons', label: 'lessons.staff.section', component: LessonsRetentionPanel },
  { id: 'hotspots', label: 'hotspots.staff.section', component: HotspotsStaffPanel },
  { id: 'programmes', label: 'programmes.staff.title', component: StaffProgrammesPanel },
  { id: 'groups', label: 'staff-console.sections.groups', component: GroupSessionsPanel },
  { id: 'reports', label: 'staff-console.sections.reports', component: ReportsPanel },
  { id: 'data-care', label: 'staff-console.sections.care', component: DataCarePanel },
  { id: 'staff-log', label: 'staff-console.sections.log', component: StaffLogPanel },
];
