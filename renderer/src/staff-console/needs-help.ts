import type { Participant } from '../../../electron/core/staff-console/group-sessions';

/**
 * Who is waiting for the facilitator, longest waiting first: the order the class view lists them
 * in. A flag set before the core kept its time has none and counts as the oldest; equal times keep
 * the list's own order. Personal data: for the signed-in facilitator's screen only, never the
 * projector (projector-channel.ts carries the step alone).
 */
export function waitingForHelp(
  participants: readonly Pick<Participant, 'id' | 'label' | 'needsHelp' | 'needsHelpSince'>[],
): { id: string; label: string }[] {
  return participants
    .map((person, index) => ({ person, index }))
    .filter(({ person }) => person.needsHelp)
    .sort((a, b) => {
      // ISO times from the core's clock: the same shape, so their text order is their time order.
      const since = (x: typeof a) => x.person.needsHelpSince ?? '';
      return since(a) < since(b) ? -1 : since(a) > since(b) ? 1 : a.index - b.index;
    })
    .map(({ person }) => ({ id: person.id, label: person.label }));
}
