import type { Component } from 'svelte';
import AttractScreen from './AttractScreen.svelte';
import HomeScreen from './HomeScreen.svelte';
import LanguageScreen from './LanguageScreen.svelte';
import StaffConsole from './staff/StaffConsole.svelte';
import StaffEntry from './staff/StaffEntry.svelte';

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
};

export interface HomeTile {
  screen: string;
  /** i18n keys */
  title: string;
  subtitle: string;
  icon: 'lessons' | 'programmes' | 'wifi' | 'accessibility';
}

/** Only capabilities that work appear on the home screen. */
export const HOME_TILES: HomeTile[] = [];
