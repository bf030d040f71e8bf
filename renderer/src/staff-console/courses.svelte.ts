import { visit } from '../lib/visit.svelte';

export type CoursesView =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'course'; id: string }
  | { kind: 'session'; id: string; courseId: string }
  | { kind: 'summary'; id: string; courseId: string };

/**
 * Which course (or which of its sessions) the console has open, kept outside the panel so moving
 * to another console section and back returns to it. Cleared on every wipe (sign-out, idle timeout).
 */
class CoursesPanelState {
  view = $state<CoursesView>({ kind: 'list' });
}

export const coursesPanel = new CoursesPanelState();
visit.onWipe(() => (coursesPanel.view = { kind: 'list' }));
