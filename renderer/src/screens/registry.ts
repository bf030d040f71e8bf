import type { Component } from 'svelte';
import AttractScreen from './AttractScreen.svelte';
import HomeScreen from './HomeScreen.svelte';
import LanguageScreen from './LanguageScreen.svelte';
import StaffConsole from './staff/StaffConsole.svelte';
import StaffEntry from './staff/StaffEntry.svelte';
import LessonsBrowse from '../lessons/LessonsBrowse.svelte';
import LessonPlayer from '../lessons/LessonPlayer.svelte';
import LessonsResumeEntry from '../lessons/ResumeEntry.svelte';
import HotspotsDirectoryScreen from '../hotspots/DirectoryScreen.svelte';
import HotspotsDistrictsScreen from '../hotspots/DistrictsScreen.svelte';
import HotspotsSearchScreen from '../hotspots/SearchScreen.svelte';
import HotspotsMapScreen from '../hotspots/MapScreen.svelte';
import HotspotsVenueScreen from '../hotspots/VenueScreen.svelte';
import ProgrammesScreen from '../programmes/screens/ProgrammesScreen.svelte';
import ProgrammeDetailScreen from '../programmes/screens/ProgrammeDetailScreen.svelte';
import ProgrammesCheckScreen from '../programmes/screens/CheckScreen.svelte';
import ProgrammesResultScreen from '../programmes/screens/ResultScreen.svelte';
import AccessibilityScreen from '../accessibility/AccessibilityScreen.svelte';
import AccessibilityDemoScreen from '../accessibility/DemoScreen.svelte';
import AccessibilityChecklistScreen from '../accessibility/ChecklistScreen.svelte';

/** Screens receive `params` from their route; screens that need none simply declare no props. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ScreenComponent = Component<any>;

export interface ScreenEntry {
  component: ScreenComponent;
  /** Visitor screens show the kiosk toolbar; attract and staff screens do not. */
  kind: 'attract' | 'visitor' | 'staff';
}

/**
 * Every screen by id. A capability adds its screens here and, for the home screen, a tile in
 * HOME_TILES: nothing else in the shell changes.
 */
export const SCREENS: Record<string, ScreenEntry> = {
  attract: { component: AttractScreen, kind: 'attract' },
  language: { component: LanguageScreen, kind: 'visitor' },
  home: { component: HomeScreen, kind: 'visitor' },
  'staff-entry': { component: StaffEntry, kind: 'staff' },
  'staff-console': { component: StaffConsole, kind: 'staff' },
  lessons: { component: LessonsBrowse, kind: 'visitor' },
  'lessons-player': { component: LessonPlayer, kind: 'visitor' },
  'lessons-resume': { component: LessonsResumeEntry, kind: 'visitor' },
  hotspots: { component: HotspotsDirectoryScreen, kind: 'visitor' },
  'hotspots-districts': { component: HotspotsDistrictsScreen, kind: 'visitor' },
  'hotspots-search': { component: HotspotsSearchScreen, kind: 'visitor' },
  'hotspots-map': { component: HotspotsMapScreen, kind: 'visitor' },
  'hotspots-venue': { component: HotspotsVenueScreen, kind: 'visitor' },
  programmes: { component: ProgrammesScreen, kind: 'visitor' },
  'programmes-detail': { component: ProgrammeDetailScreen, kind: 'visitor' },
  'programmes-check': { component: ProgrammesCheckScreen, kind: 'visitor' },
  'programmes-result': { component: ProgrammesResultScreen, kind: 'visitor' },
  accessibility: { component: AccessibilityScreen, kind: 'visitor' },
  'accessibility-demo': { component: AccessibilityDemoScreen, kind: 'visitor' },
  'accessibility-checklist': { component: AccessibilityChecklistScreen, kind: 'visitor' },
};

export interface HomeTile {
  screen: string;
  /** i18n keys */
  title: string;
  subtitle: string;
  icon: 'lessons' | 'programmes' | 'wifi' | 'accessibility';
}

/** Only capabilities that work appear on the home screen. */
export const HOME_TILES: HomeTile[] = [
  { screen: 'lessons', title: 'lessons.tile.title', subtitle: 'lessons.tile.subtitle', icon: 'lessons' },
  { screen: 'programmes', title: 'programmes.tile.title', subtitle: 'programmes.tile.subtitle', icon: 'programmes' },
  { screen: 'hotspots', title: 'hotspots.tile.title', subtitle: 'hotspots.tile.subtitle', icon: 'wifi' },
  { screen: 'accessibility', title: 'accessibility.tile.title', subtitle: 'accessibility.tile.subtitle', icon: 'accessibility' },
];
