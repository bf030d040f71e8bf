import { visit } from '../lib/visit.svelte';

/**
 * Which group session the console has open, kept outside the panel so moving to another console
 * section and back returns to it. Cleared on every wipe (sign-out, idle timeout).
 */
class GroupsPanelState {
  view = $state<
    { kind: 'list' } | { kind: 'new' } | { kind: 'session'; id: string } | { kind: 'summary'; id: string }
  >({ kind: 'list' });
}

export const groupsPanel = new GroupsPanelState();
visit.onWipe(() => (groupsPanel.view = { kind: 'list' }));
