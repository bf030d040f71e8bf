import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../electron/core/errors';
import { createKioskCore } from '../../../../electron/core/service';
import {
  GROUP_SESSIONS_MIGRATIONS,
  GroupSessionsDocSchema,
  lessonStatus,
  sessionStatus,
  summariseSession,
  type GroupSession,
  type GroupSummary,
} from '../../../../electron/core/staff-console/group-sessions';
import { notesProblem } from '../../../../electron/core/staff-console/session-notes';
import { DocumentSchema } from '../../../../electron/core/store/document-schema';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-group-sessions-');
afterEach(() => dirs.cleanup());

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-11-03T02:00:00.000Z');
const PIN = '246813';

async function kiosk(dataDir?: string) {
  const dir = dataDir ?? (await dirs.make());
  const clock = { now: START };
  const core = await createKioskCore({ dataDir: dir, shell: 'browser', now: () => clock.now });
  const status = await core.invoke('staff.status', {});
  const pinSet = status.ok && (status.value as { pinSet: boolean }).pinSet;
  const signIn = pinSet
    ? await core.invoke('staff.login', { pin: PIN })
    : await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
  if (!signIn.ok) throw new Error(signIn.error.message);
  let session = (signIn.value as { session: string }).session;
  const raw = async (method: string, input: unknown = {}): Promise<Result<unknown>> => {
    const result = await core.invoke(method, input, { staffSession: session });
    if (result.ok || result.error.code !== 'unauthorized') return result;
    // Moving the clock on by days ends the staff session, as on the kiosk: sign in again.
    const again = await core.invoke('staff.login', { pin: PIN });
    if (!again.ok) throw new Error(again.error.message);
    session = (again.value as { session: string }).session;
    return core.invoke(method, input, { staffSession: session });
  };
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await raw(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { dir, clock, call, raw };
}
type Kiosk = Awaited<ReturnType<typeof kiosk>>;

const refusal = (result: Result<unknown>) =>
  result.ok ? 'ok' : { code: result.error.code, reason: result.error.reason };

// free-wifi has 10 steps and photos 11 in data/lessons.
async function sessionWith(k: Kiosk, nicknames: string[], date = '2026-11-03'): Promise<GroupSession> {
  let session = await k.call<GroupSession>('staff.groups.create', {
    title: 'Phones for beginners',
    date,
    startTime: '10:00',
    endTime: '11:30',
    place: 'Room 1',
    lessonIds: ['free-wifi', 'photos'],
  });
  for (const label of nicknames)
    session = await k.call<GroupSession>('staff.groups.participants.add', {
      id: session.id,
      kind: 'nickname',
      label,
      picsAgreed: true,
    });
  return session;
}

describe('progress that adds up', () => {
  it('finishes a lesson only when every step is done, whatever the old completed flag says', () => {
    expect(lessonStatus(undefined, 10)).toBe('not-started');
    expect(lessonStatus({ stepsDone: 0, completed: false }, 10)).toBe('not-started');
    expect(lessonStatus({ stepsDone: 8, completed: true }, 10)).toBe('in-progress');
    expect(lessonStatus({ stepsDone: 0, completed: true }, 10)).toBe('in-progress');
    expect(lessonStatus({ stepsDone: 10, completed: false }, 10)).toBe('finished');
    // A lesson the content no longer has keeps what was recorded.
    expect(lessonStatus({ stepsDone: 3, completed: true }, undefined)).toBe('finished');
  });

  it('finishes a session only when every one of its lessons is finished', () => {
    const steps = { a: 2, b: 3 };
    const done = (a: number, b: number) => ({
      progress: [
        { lessonId: 'a', stepsDone: a, completed: false },
        { lessonId: 'b', stepsDone: b, completed: false },
      ],
    });
    expect(sessionStatus(done(2, 3), ['a', 'b'], steps)).toBe('finished');
    expect(sessionStatus(done(2, 2), ['a', 'b'], steps)).toBe('in-progress');
    expect(sessionStatus(done(0, 0), ['a', 'b'], steps)).toBe('not-started');
    expect(sessionStatus({ progress: [] }, ['a', 'b'], steps)).toBe('not-started');
  });

  it('counts every participant in exactly one of the three, per lesson and for the session', async () => {
    const k = await kiosk();
    let session = await sessionWith(k, ['May', 'Wing', 'Fong', 'Lee']);
    const [may, wing, fong] = session.participants;
    // May finishes Wi-Fi (10 of 10); Wing claims "completed" at 8 of 10; Fong does 3 steps of photos.
    await k.call('staff.groups.progress', {
      id: session.id,
      participantId: may!.id,
      lessonId: 'free-wifi',
      stepsDone: 10,
    });
    await k.call('staff.groups.progress', {
      id: session.id,
      participantId: wing!.id,
      lessonId: 'free-wifi',
      stepsDone: 8,
      completed: true,
    });
    session = await k.call<GroupSession>('staff.groups.progress', {
      id: session.id,
      participantId: fong!.id,
      lessonId: 'photos',
      stepsDone: 3,
    });
    // The core decides "completed" from the steps: 8 of 10 is not finished.
    expect(session.participants[1]!.progress).toEqual([
      { lessonId: 'free-wifi', stepsDone: 8, completed: false },
    ]);
    const summary = await k.call<GroupSummary>('staff.groups.summary', { id: session.id });
    expect(summary.lessons).toEqual([
      { lessonId: 'free-wifi', steps: 10, finished: 1, inProgress: 1, notStarted: 2 },
      { lessonId: 'photos', steps: 11, finished: 0, inProgress: 1, notStarted: 3 },
    ]);
    for (const lesson of summary.lessons)
      expect(lesson.finished + lesson.inProgress + lesson.notStarted).toBe(summary.listedParticipants);
    expect(summary.totals).toEqual({ finished: 0, inProgress: 3, notStarted: 1 });
    expect(summary.participants.map((p) => [p.label, p.status, p.progress.map((e) => e.status)])).toEqual([
      ['May', 'in-progress', ['finished', 'not-started']],
      ['Wing', 'in-progress', ['in-progress', 'not-started']],
      ['Fong', 'in-progress', ['not-started', 'in-progress']],
      ['Lee', 'not-started', ['not-started', 'not-started']],
    ]);
  });

  it('keeps a removed person counted once: finished if they finished, otherwise not started', () => {
    const session: GroupSession = {
      id: 'session-removed',
      title: 'T',
      date: '2026-11-03',
      startTime: null,
      endTime: null,
      courseId: null,
      place: '',
      facilitator: '',
      lessonIds: ['a'],
      status: 'closed',
      headCount: 3,
      participants: [],
      removed: { participants: 3, completedByLesson: { a: 1 } },
      notes: '',
      createdAt: START.toISOString(),
      closedAt: START.toISOString(),
    };
    const summary = summariseSession(session, { a: 4 });
    expect(summary.lessons).toEqual([{ lessonId: 'a', steps: 4, finished: 1, inProgress: 0, notStarted: 2 }]);
    expect(summary.durationMinutes).toBeNull();
  });
});

describe('times, needs help', () => {
  it('keeps the start and end time, says the duration and refuses an end before the start', async () => {
    const k = await kiosk();
    const session = await sessionWith(k, []);
    expect([session.startTime, session.endTime]).toEqual(['10:00', '11:30']);
    const summary = await k.call<GroupSummary>('staff.groups.summary', { id: session.id });
    expect(summary.durationMinutes).toBe(90);
    const create = (startTime: string, endTime?: string) =>
      k.raw('staff.groups.create', {
        title: 'Late',
        date: '2026-11-03',
        startTime,
        ...(endTime ? { endTime } : {}),
        place: '',
        lessonIds: ['free-wifi'],
      });
    const endBeforeStart = { code: 'invalid_input', reason: 'staff-console.errors.endBeforeStart' };
    expect(refusal(await create('14:00', '13:30'))).toEqual(endBeforeStart);
    expect(refusal(await create('14:00', '14:00'))).toEqual(endBeforeStart);
    expect(refusal(await create('14:00'))).toEqual(endBeforeStart);
  });

  it('flags a participant as needing help with one call and clears every flag at close', async () => {
    const k = await kiosk();
    const session = await sessionWith(k, ['May', 'Wing']);
    const may = session.participants[0]!;
    const flagged = await k.call<GroupSession>('staff.groups.participants.help', {
      id: session.id,
      participantId: may.id,
      needsHelp: true,
    });
    expect(flagged.participants.map((p) => p.needsHelp)).toEqual([true, false]);
    expect(flagged.participants[0]!.needsHelpSince).toBe(START.toISOString());
    expect(flagged.participants[1]!.needsHelpSince).toBeUndefined();
    expect(
      refusal(
        await k.raw('staff.groups.participants.help', {
          id: session.id,
          participantId: 'nobody',
          needsHelp: true,
        }),
      ),
    ).toEqual({ code: 'not_found', reason: 'staff-console.errors.participantNotFound' });
    const closed = await k.call<GroupSummary>('staff.groups.close', { id: session.id });
    expect(closed.participants.map((p) => p.needsHelp)).toEqual([false, false]);
    const kept = await k.call<GroupSession>('staff.groups.get', { id: session.id });
    expect(kept.participants.map((p) => p.needsHelp)).toEqual([false, false]);
    expect(kept.participants.map((p) => p.needsHelpSince)).toEqual([undefined, undefined]);
  });

  it('keeps when each flag was set, so the longest waiting can be helped first', async () => {
    const k = await kiosk();
    const session = await sessionWith(k, ['May', 'Wing']);
    const [may, wing] = session.participants as [
      GroupSession['participants'][0],
      GroupSession['participants'][0],
    ];
    const help = (participantId: string, needsHelp: boolean) =>
      k.call<GroupSession>('staff.groups.participants.help', { id: session.id, participantId, needsHelp });
    const since = (s: GroupSession) => s.participants.map((p) => p.needsHelpSince);
    await help(wing.id, true);
    k.clock.now = new Date(START.getTime() + 3 * 60_000);
    await help(may.id, true);
    // Flagged again while still waiting: Wing keeps her place.
    k.clock.now = new Date(START.getTime() + 5 * 60_000);
    expect(since(await help(wing.id, true))).toEqual(['2026-11-03T02:03:00.000Z', START.toISOString()]);
    // Helped, then needing help again: she waits from the new time.
    await help(wing.id, false);
    expect(since(await k.call<GroupSession>('staff.groups.get', { id: session.id }))).toEqual([
      '2026-11-03T02:03:00.000Z',
      undefined,
    ]);
    expect(since(await help(wing.id, true))).toEqual([
      '2026-11-03T02:03:00.000Z',
      '2026-11-03T02:05:00.000Z',
    ]);
  });
});

describe('notes are personal data', () => {
  it('spots phone, identity card and e-mail shapes, not ordinary numbers or a date', () => {
    for (const text of [
      'Call her on 9123 4567',
      '91234567',
      'A123456(7)',
      'Mr Lee ９１２３４５６７',
      'x@y.hk',
    ])
      expect(notesProblem(text), text).not.toBeNull();
    expect(notesProblem('A123456(7)')).toBe('hkid');
    expect(notesProblem('9123 4567')).toBe('number');
    for (const text of ['Room 3, 12 people, 2 helpers.', 'Next class 2026-12-08 at 10:30', '投影機正常'])
      expect(notesProblem(text), text).toBeNull();
  });

  it('refuses notes holding a phone number with a reason, and keeps nothing of them', async () => {
    const k = await kiosk();
    const session = await sessionWith(k, []);
    for (const [notes, reason] of [
      ['Auntie May, phone 9123 4567', 'staff-console.errors.notes.number'],
      ['ID A123456(7)', 'staff-console.errors.notes.hkid'],
    ] as const)
      expect(refusal(await k.raw('staff.groups.update', { id: session.id, notes }))).toEqual({
        code: 'invalid_input',
        reason,
      });
    const saved = await k.call<GroupSession>('staff.groups.update', {
      id: session.id,
      notes: 'Projector fine.',
    });
    expect(saved.notes).toBe('Projector fine.');
    const file = await fs.readFile(path.join(k.dir, 'group-sessions.json'), 'utf8');
    expect(file).not.toMatch(/9123|A123456/);
  });

  it("wipes every session's notes and says how many", async () => {
    const k = await kiosk();
    const a = await sessionWith(k, ['May']);
    const b = await sessionWith(k, []);
    await sessionWith(k, []);
    await k.call('staff.groups.update', { id: a.id, notes: 'May came with her daughter.' });
    await k.call('staff.groups.update', { id: b.id, notes: 'Projector fine.' });
    const wiped = await k.call<{ notesCleared: number; participantsRemoved: number }>('staff.datacare.wipe', {
      confirm: 'wipe-personal-data',
    });
    expect(wiped).toMatchObject({ notesCleared: 2, participantsRemoved: 1 });
    for (const id of [a.id, b.id])
      expect((await k.call<GroupSession>('staff.groups.get', { id })).notes).toBe('');
    const file = await fs.readFile(path.join(k.dir, 'group-sessions.json'), 'utf8');
    expect(file).not.toMatch(/daughter|Projector/);
  });

  it('purges notes of sessions held more than the retention period ago, keeping newer ones', async () => {
    const dir = await dirs.make();
    const k = await kiosk(dir);
    await k.call('staff.datacare.retention', { days: 30 });
    const old = await sessionWith(k, [], '2026-11-03');
    const newer = await sessionWith(k, [], '2026-11-20');
    await k.call('staff.groups.update', { id: old.id, notes: 'Old note.' });
    await k.call('staff.groups.update', { id: newer.id, notes: 'Newer note.' });
    // 30 days after 3 November (Hong Kong midnight) and one millisecond: the old note goes.
    const later = new Date(Date.parse('2026-11-03T00:00:00+08:00') + 30 * DAY + 1);
    k.clock.now = later;
    await k.call('staff.datacare.retention', { days: 30 });
    expect((await k.call<GroupSession>('staff.groups.get', { id: old.id })).notes).toBe('');
    expect((await k.call<GroupSession>('staff.groups.get', { id: newer.id })).notes).toBe('Newer note.');
  });
});

describe('group-sessions.json version 1, as an older kiosk wrote it', () => {
  const v1 = {
    schemaVersion: 1,
    retentionDays: 90,
    lastPurgeAt: '2025-03-10T02:00:00.000Z',
    sessions: [
      {
        id: 'c0ffee00-1111-4222-8333-444455556666',
        title: 'Wi-Fi for beginners',
        date: '2025-03-10',
        place: 'Room 1',
        facilitator: 'Ms Chan',
        lessonIds: ['free-wifi'],
        status: 'closed',
        headCount: 4,
        participants: [
          {
            id: 'p-1',
            kind: 'nickname',
            label: 'Auntie May',
            consentAt: '2025-03-10T02:00:00.000Z',
            picsVersion: 1,
            progress: [{ lessonId: 'free-wifi', stepsDone: 10, completed: true }],
          },
        ],
        removed: { participants: 1, completedByLesson: { 'free-wifi': 1 } },
        notes: 'Projector fine.',
        createdAt: '2025-03-10T01:00:00.000Z',
        closedAt: '2025-03-10T04:00:00.000Z',
      },
    ],
  };

  it('migrates to version 2: a one-off session with no times, its people present and not flagged', () => {
    const parsed = new DocumentSchema(GroupSessionsDocSchema, GROUP_SESSIONS_MIGRATIONS).parse(
      JSON.stringify(v1),
    );
    expect(parsed).toMatchObject({ ok: true, migrated: true });
    if (!parsed.ok) return;
    expect(parsed.data.courses).toEqual([]);
    const [session] = parsed.data.sessions;
    expect(session).toMatchObject({
      startTime: null,
      endTime: null,
      courseId: null,
      notes: 'Projector fine.',
    });
    expect(session!.participants[0]).toMatchObject({ label: 'Auntie May', needsHelp: false, present: true });
    expect(summariseSession(session!, { 'free-wifi': 10 }).lessons).toEqual([
      { lessonId: 'free-wifi', steps: 10, finished: 2, inProgress: 0, notStarted: 0 },
    ]);
  });

  it('opens on a kiosk that wrote version 1, with the session and its summary whole', async () => {
    const dir = await dirs.make();
    await fs.writeFile(path.join(dir, 'group-sessions.json'), JSON.stringify(v1));
    const k = await kiosk(dir);
    const session = await k.call<GroupSession>('staff.groups.get', { id: v1.sessions[0]!.id });
    expect(session).toMatchObject({ startTime: null, courseId: null, headCount: 4 });
    const summary = await k.call<GroupSummary>('staff.groups.summary', { id: session.id });
    expect(summary).toMatchObject({ attendance: 4, listedParticipants: 2, durationMinutes: null });
  });
});
