import type { ComponentSource } from '../lib/lazy-component.svelte';
import ChangePin from './ChangePin.svelte';
import DataHealthPanel from './DataHealthPanel.svelte';
import SettingsPanel from './SettingsPanel.svelte';

/** The staff console's sections, in menu order. A capability adds its staff panel here. */
export type StaffSection = ComponentSource & {
  id: string;
  /** i18n key of the menu label */
  label: string;
  /** Greyed for a facilitator (the core refuses its methods to them too). */
  coordinatorOnly?: boolean;
};

export const STAFF_SECTIONS: StaffSection[] = [
  { id: 'settings', label: 'staff.sections.settings', component: SettingsPanel, coordinatorOnly: true },
  {
    id: 'accounts',
    label: 'staff.sections.accounts',
    coordinatorOnly: true,
    load: () => import('./StaffAccountsPanel.svelte'),
  },
  { id: 'pin', label: 'staff.sections.pin', component: ChangePin },
  { id: 'health', label: 'staff.sections.health', component: DataHealthPanel },
  {
    id: 'lessons',
    label: 'lessons.staff.section',
    coordinatorOnly: true,
    load: () => import('../lessons/RetentionPanel.svelte'),
  },
  {
    id: 'hotspots',
    label: 'hotspots.staff.section',
    coordinatorOnly: true,
    load: () => import('../hotspots/StaffPanel.svelte'),
  },
  {
    id: 'programmes',
    label: 'programmes.staff.title',
    coordinatorOnly: true,
    load: () => import('../programmes/screens/StaffProgrammesPanel.svelte'),
  },
  {
    id: 'groups',
    label: 'staff-console.sections.groups',
    load: () => import('./GroupSessionsPanel.svelte'),
  },
  { id: 'courses', label: 'staff-console.sections.courses', load: () => import('./CoursesPanel.svelte') },
  {
    id: 'reports',
    label: 'staff-console.sections.reports',
    load: () => import('./ReportsPanel.svelte'),
  },
  {
    id: 'data-care',
    label: 'staff-console.sections.care',
    coordinatorOnly: true,
    load: () => import('./DataCarePanel.svelte'),
  },
  {
    id: 'org',
    label: 'org.section',
    load: () => import('../org/OrgPanel.svelte'),
  },
  {
    id: 'staff-log',
    label: 'staff-console.sections.log',
    load: () => import('./StaffLogPanel.svelte'),
  },
  {
    id: 'about',
    label: 'staff-console.sections.about',
    load: () => import('./AboutPanel.svelte'),
  },
];
