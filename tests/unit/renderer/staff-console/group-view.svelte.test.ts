import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../../../electron/core/lessons/schema';
import type { Participant } from '../../../../electron/core/staff-console/group-sessions';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import GroupView from '../../../../renderer/src/staff-console/GroupView.svelte';
import { waitingForHelp } from '../../../../renderer/src/staff-console/needs-help';
import { PROJECTOR_CHANNEL } from '../../../../renderer/src/staff-console/projector-channel';

const lesson = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../data/lessons/photos.json'), 'utf8'),
) as Lesson;

function person(id: string, label: string, needsHelpSince?: string): Participant {
  return {
    id,
    kind: 'nickname',
    label,
    consentAt: '2026-12-02T01:00:00.000Z',
    picsVersion: 1,
    progress: [],
    needsHelp: needsHelpSince !== undefined,
    ...(needsHelpSince ? { needsHelpSince } : {}),
    present: true,
  };
}

// Wing asked first, then May; Kei was flagged before the kiosk kept the time; Ho needs nothing.
const PARTICIPANTS: Participant[] = [
  person('p-may', 'May 姐', '2026-12-02T02:10:00.000Z'),
  person('p-ho', '何伯'),
  person('p-wing', '陳太', '2026-12-02T02:04:00.000Z'),
  { ...person('p-kei', 'Kei'), needsHelp: true },
];
const NICKNAMES = PARTICIPANTS.map((p) => p.label);

function renderView(onhelped = vi.fn(async () => null as string | null)) {
  render(GroupView, {
    lessons: [lesson],
    participants: PARTICIPANTS,
    onclose: () => undefined,
    oneveryonefinished: () => undefined,
    onhelped,
  });
  return onhelped;
}

beforeEach(() => locale.set('en'));
afterEach(() => {
  cleanup();
  delete window.kiosk;
  locale.set('zh-HK');
});

describe('who is waiting for help', () => {
  it('lists those flagged, longest waiting first, an untimed flag as the oldest', () => {
    expect(waitingForHelp(PARTICIPANTS).map((p) => p.label)).toEqual(['Kei', '陳太', 'May 姐']);
    // Equal times keep the list's own order.
    const same = [person('a', 'A', '2026-12-02T02:00:00.000Z'), person('b', 'B', '2026-12-02T02:00:00.000Z')];
    expect(waitingForHelp(same).map((p) => p.id)).toEqual(['a', 'b']);
    expect(waitingForHelp([person('c', 'C')])).toEqual([]);
  });

  it('shows the names beside the step and marks one helped with one tap', async () => {
    let answer: (problem: string | null) => void = () => undefined;
    const onhelped = renderView(vi.fn(() => new Promise<string | null>((resolve) => (answer = resolve))));
    const list = screen.getByTestId('group-needs-help');
    expect(within(list).getByRole('heading').textContent).toBe('Needs help (3)');
    const names = within(list).getAllByTestId('group-helped');
    expect(names.map((b) => b.textContent)).toEqual(['Kei', '陳太', 'May 姐']);
    expect(names.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Kei: helped',
      '陳太: helped',
      'May 姐: helped',
    ]);
    await fireEvent.click(names[1]!);
    expect(onhelped).toHaveBeenCalledWith('p-wing');
    // Saving: a second tap on the same name sends nothing more.
    expect((names[1] as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(names[1]!);
    expect(onhelped).toHaveBeenCalledTimes(1);
    answer('The kiosk could not save this.');
    await vi.waitFor(() => expect(within(list).getByRole('alert').textContent).toContain('could not save'));
    expect((names[1] as HTMLButtonElement).disabled).toBe(false);
  });

  it('has no list while nobody is waiting', () => {
    render(GroupView, {
      lessons: [lesson],
      participants: [person('p-ho', '何伯')],
      onclose: () => undefined,
      oneveryonefinished: () => undefined,
      onhelped: async () => null,
    });
    expect(screen.queryByTestId('group-needs-help')).toBeNull();
  });
});

describe('the room never sees a name', () => {
  it("the browser kiosk's projector is told the step alone", async () => {
    const seen: unknown[] = [];
    const projector = new BroadcastChannel(PROJECTOR_CHANNEL);
    projector.onmessage = (event: MessageEvent) => seen.push(event.data);
    try {
      renderView();
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      // A projector opening later asks; it gets the step again, still without a name.
      projector.postMessage({ kind: 'hello' });
      await vi.waitFor(() => expect(seen).toHaveLength(2));
      cleanup();
      await vi.waitFor(() => expect(seen).toHaveLength(3));
    } finally {
      projector.close();
    }
    expect(seen[0]).toEqual({
      kind: 'step',
      step: { lessonId: 'photos', stepIndex: 0, stage: 0, language: 'en', phoneStyle: expect.any(String) },
    });
    expect(seen[2]).toEqual({ kind: 'close' });
    const sent = JSON.stringify(seen);
    for (const name of NICKNAMES) expect(sent).not.toContain(name);
    expect(sent).not.toMatch(/help|p-wing|participant/i);
  });

  it("the desktop kiosk's second display is sent the step alone", async () => {
    const displayed: unknown[] = [];
    window.kiosk = {
      invoke: async (method: string, input: unknown) => {
        if (method === 'staff.groups.display') displayed.push(input);
        return { ok: true, value: { shown: true } };
      },
    } as unknown as NonNullable<typeof window.kiosk>;
    renderView();
    await vi.waitFor(() => expect(displayed).toHaveLength(1));
    expect(Object.keys(displayed[0] as object).sort()).toEqual([
      'language',
      'lessonId',
      'phoneStyle',
      'stage',
      'stepIndex',
    ]);
    const sent = JSON.stringify(displayed);
    for (const name of NICKNAMES) expect(sent).not.toContain(name);
  });
});
