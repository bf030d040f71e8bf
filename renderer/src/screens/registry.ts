import type { IconName } from '../components/icon-name';
import type { ComponentSource } from '../lib/lazy-component.svelte';
import AttractScreen from './AttractScreen.svelte';
import HomeScreen from './HomeScreen.svelte';
import LanguageScreen from './LanguageScreen.svelte';
import StaffConsole from '../staff-console/StaffConsole.svelte';
import StaffEntry from '../staff-access/StaffEntry.svelte';

/**
 * Screens receive `params` from their route; screens that need none simply declare no props.
 * The shell's screens are imported here; capability screens are `load`ed as their own chunks.
 */
export type ScreenEntry = ComponentSource & {
  /** Visitor screens show the kiosk toolbar; attract and staff screens do not. */
  kind: 'attract' | 'visitor' | 'staff';
};

/**
 * Every screen by id. A capability adds its screens here and, for the home screen, a tile in
 * HOME_TILES: nothing else in the shell changes.
 */
export const SCREENS = {
  attract: { component: AttractScreen, kind: 'attract' },
  language: { component: LanguageScreen, kind: 'visitor' },
  home: { component: HomeScreen, kind: 'visitor' },
  'staff-entry': { component: StaffEntry, kind: 'staff' },
  'staff-console': { component: StaffConsole, kind: 'staff' },
  lessons: { load: () => import('../lessons/LessonsBrowse.svelte'), kind: 'visitor' },
  'lessons-player': { load: () => import('../lessons/LessonPlayer.svelte'), kind: 'visitor' },
  'lessons-resume': { load: () => import('../lessons/ResumeEntry.svelte'), kind: 'visitor' },
  hotspots: { load: () => import('../hotspots/DirectoryScreen.svelte'), kind: 'visitor' },
  'hotspots-districts': { load: () => import('../hotspots/DistrictsScreen.svelte'), kind: 'visitor' },
  'hotspots-search': { load: () => import('../hotspots/SearchScreen.svelte'), kind: 'visitor' },
  'hotspots-map': { load: () => import('../hotspots/MapScreen.svelte'), kind: 'visitor' },
  'hotspots-venue': { load: () => import('../hotspots/VenueScreen.svelte'), kind: 'visitor' },
  programmes: { load: () => import('../programmes/screens/ProgrammesScreen.svelte'), kind: 'visitor' },
  'programmes-detail': {
    load: () => import('../programmes/screens/ProgrammeDetailScreen.svelte'),
    kind: 'visitor',
  },
  'programmes-check': { load: () => import('../programmes/screens/CheckScreen.svelte'), kind: 'visitor' },
  'programmes-result': { load: () => import('../programmes/screens/ResultScreen.svelte'), kind: 'visitor' },
  accessibility: { load: () => import('../accessibility/AccessibilityScreen.svelte'), kind: 'visitor' },
  'accessibility-demo': { load: () => import('../accessibility/DemoScreen.svelte'), kind: 'visitor' },
  'accessibility-checklist': {
    load: () => import('../accessibility/ChecklistScreen.svelte'),
    kind: 'visitor',
  },
} satisfies Record<string, ScreenEntry>;

/**
 * A screen's id, taken from the table above so that a route, a `visit.go` or a home tile naming a
 * screen that does not exist is a type error rather than a silent fall-back to home. The core's
 * link targets (lessons' recap links, programmes' kiosk-screen places) are typed as narrow unions
 * and flow into `visit.go`, so a core id the table lacks fails the renderer's type check too.
 */
export type ScreenId = keyof typeof SCREENS;

export interface HomeTile {
  screen: ScreenId;
  /** i18n keys */
  title: string;
  subtitle: string;
  icon: IconName;
}

/** Only capabilities that work appear on the home screen. */
export const HOME_TILES: HomeTile[] = [
  { screen: 'lessons', title: 'lessons.tile.title', subtitle: 'lessons.tile.subtitle', icon: 'lessons' },
  {
    screen: 'programmes',
    title: 'programmes.tile.title',
    subtitle: 'programmes.tile.subtitle',
    icon: 'programmes',
  },
  { screen: 'hotspots', title: 'hotspots.tile.title', subtitle: 'hotspots.tile.subtitle', icon: 'wifi' },
  {
    screen: 'accessibility',
    title: 'accessibility.tile.title',
    subtitle: 'accessibility.tile.subtitle',
    icon: 'accessibility',
  },
];
