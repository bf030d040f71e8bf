import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../electron/core/errors';
import { createKioskCore } from '../../../../electron/core/service';
import type { CourseListItem, CourseView } from '../../../../electron/core/staff-console/courses';
import {
  PICS_VERSION,
  type Course,
  type GroupSession,
} from '../../../../electron/core/staff-console/group-sessions';
import type { StaffLogEntry } from '../../../../electron/core/staff-console/staff-log';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-courses-');
afterEach(() => dirs.cleanup());

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-11-03T02:00:00.000Z');
const PIN = '246813';

async function kiosk() {
  const dataDir = await dirs.make();
  const clock = { now: START };
  const core = await createKioskCore({ dataDir, shell: 'browser', now: () => clock.now });
  const setUp = await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
  if (!setUp.ok) throw new Error(setUp.error.message);
  let session = (setUp.value as { session: string }).session;
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
  const steps = async (lessonId: string) =>
    ((await core.invoke('lessons.get', { id: lessonId })) as { value: { steps: unknown[] } }).value.steps
      .length;
  return { core, clock, call, raw, steps };
}
type Kiosk = Awaited<ReturnType<typeof kiosk>>;

const refusal = (result: Result<unknown>) =>
  result.ok ? 'ok' : { code: result.error.code, reason: result.error.reason, params: result.error.params };

async function course(k: Kiosk, members: string[] = []): Promise<Course> {
  const created = await k.call<Course>('staff.courses.create', {
    title: 'Smartphone basics',
    place: 'Room 2',
    facilitator: 'Ms Chan',
    lessonIds: ['free-wifi', 'photos'],
    plannedSessions: 4,
  });
  for (const label of members)
    await k.call('staff.courses.members.add', { id: created.id, kind: 'nickname', label, picsAgreed: true });
  return created;
}

const week = (k: Kiosk, courseId: string, date: string, lessonIds = ['free-wifi']) =>
  k.call<GroupSession>('staff.courses.sessions.add', {
    courseId,
    date,
    startTime: '10:00',
    endTime: '11:30',
    lessonIds,
  });

describe('courses', () => {
  it('asks consent once: members are listed in each session under one id, attendance is per session', async () => {
    const k = await kiosk();
    const c = await course(k, ['Auntie May', 'Uncle Wing']);
    let view = await k.call<CourseView>('staff.courses.get', { id: c.id });
    expect(view.members.map((m) => [m.label, m.consentAt, m.picsVersion])).toEqual([
      ['Auntie May', START.toISOString(), PICS_VERSION],
      ['Uncle Wing', START.toISOString(), PICS_VERSION],
    ]);
    const [may, wing] = view.members;

    let one = await week(k, c.id, '2026-11-03');
    expect(one).toMatchObject({ courseId: c.id, title: 'Smartphone basics', place: 'Room 2' });
    expect(one.participants.map((p) => [p.id, p.consentAt, p.present])).toEqual([
      [may!.id, may!.consentAt, false],
      [wing!.id, wing!.consentAt, false],
    ]);
    one = await k.call<GroupSession>('staff.groups.attendance', {
      id: one.id,
      participantId: may!.id,
      present: true,
    });
    const wifiSteps = await k.steps('free-wifi');
    await k.call('staff.groups.progress', {
      id: one.id,
      participantId: may!.id,
      lessonId: 'free-wifi',
      stepsDone: wifiSteps,
      completed: true,
    });
    // Someone who joins at the first session consents for the course and is ticked there.
    k.clock.now = new Date(START.getTime() + 60_000);
    view = await k.call<CourseView>('staff.courses.members.add', {
      id: c.id,
      kind: 'resume-code',
      label: 'abc 234',
      picsAgreed: true,
      presentAt: one.id,
    });
    const code = view.members[2]!;
    expect(code).toMatchObject({
      label: 'ABC234',
      kind: 'resume-code',
      consentAt: k.clock.now.toISOString(),
    });
    await k.call('staff.groups.close', { id: one.id });

    k.clock.now = new Date(START.getTime() + 7 * DAY);
    const two = await week(k, c.id, '2026-11-10', ['photos']);
    expect(two.participants.map((p) => [p.id, p.present])).toEqual([
      [may!.id, false],
      [wing!.id, false],
      [code.id, false],
    ]);
    await k.call('staff.groups.attendance', { id: two.id, participantId: wing!.id, present: true });
    // A member added now goes on the open session only: the closed one is a record of who came.
    view = await k.call<CourseView>('staff.courses.members.add', {
      id: c.id,
      kind: 'nickname',
      label: 'Ah Fong',
      picsAgreed: true,
    });
    expect(view.sessions.map((s) => [s.number, s.date, s.startTime, s.endTime, s.status, s.present])).toEqual(
      [
        [1, '2026-11-03', '10:00', '11:30', 'closed', 2],
        [2, '2026-11-10', '10:00', '11:30', 'open', 1],
      ],
    );
    // Closing the first counted those ticked present (two of three listed), not the whole list.
    expect(view.sessions[0]).toMatchObject({ present: 2, attendance: 2 });
    expect(view.members.map((m) => [m.label, m.attendance, m.attended, m.finishedLessons])).toEqual([
      ['Auntie May', ['present', 'absent'], 1, ['free-wifi']],
      ['Uncle Wing', ['absent', 'present'], 1, []],
      ['ABC234', ['present', 'absent'], 1, []],
      ['Ah Fong', ['not-listed', 'absent'], 0, []],
    ]);
    // Un-ticking is one tap too.
    const untick = await k.call<GroupSession>('staff.groups.attendance', {
      id: two.id,
      participantId: wing!.id,
      present: false,
    });
    expect(untick.participants.filter((p) => p.present)).toEqual([]);

    const list = await k.call<{ courses: CourseListItem[] }>('staff.courses.list');
    expect(list.courses).toMatchObject([
      { id: c.id, status: 'open', plannedSessions: 4, sessions: 2, members: 4, lastDate: '2026-11-10' },
    ]);
  });

  it('someone added at a course session joins the course, ticked present there', async () => {
    const k = await kiosk();
    const c = await course(k, ['Auntie May']);
    const one = await week(k, c.id, '2026-11-03');
    const two = await week(k, c.id, '2026-11-10');
    const after = await k.call<GroupSession>('staff.groups.participants.add', {
      id: one.id,
      kind: 'nickname',
      label: 'Uncle Wing',
      picsAgreed: true,
    });
    expect(after.participants.map((p) => [p.label, p.present])).toEqual([
      ['Auntie May', false],
      ['Uncle Wing', true],
    ]);
    const view = await k.call<CourseView>('staff.courses.get', { id: c.id });
    expect(view.members.map((m) => [m.label, m.attendance])).toEqual([
      ['Auntie May', ['absent', 'absent']],
      ['Uncle Wing', ['present', 'absent']],
    ]);
    expect(view.members[1]!.id).toBe(after.participants[1]!.id);
    expect((await k.call<GroupSession>('staff.groups.get', { id: two.id })).participants).toHaveLength(2);
    expect(
      refusal(
        await k.raw('staff.groups.participants.add', {
          id: two.id,
          kind: 'nickname',
          label: 'uncle wing',
          picsAgreed: true,
        }),
      ),
    ).toMatchObject({ reason: 'staff-console.errors.duplicateNickname' });
  });

  it('holds members to the checks session participants pass, each refusal with its reason', async () => {
    const k = await kiosk();
    const c = await course(k, ['Auntie May']);
    const add = (label: string, kind = 'nickname') =>
      k.raw('staff.courses.members.add', { id: c.id, kind, label, picsAgreed: true });
    expect(refusal(await add('A123456(7)'))).toMatchObject({
      code: 'invalid_input',
      reason: 'staff-console.pics.refused.hkid',
    });
    expect(refusal(await add('May 9123 4567'))).toMatchObject({
      reason: 'staff-console.pics.refused.number',
    });
    expect(refusal(await add('AB1', 'resume-code'))).toMatchObject({
      reason: 'staff-console.errors.resumeCodeShape',
      params: { length: 6 },
    });
    expect(refusal(await add('auntie  may'))).toEqual({
      code: 'conflict',
      reason: 'staff-console.errors.duplicateNickname',
      params: { label: 'auntie may' },
    });
    expect(
      refusal(await k.raw('staff.courses.members.add', { id: c.id, kind: 'nickname', label: 'Wing' })),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      refusal(
        await k.raw('staff.courses.sessions.add', {
          courseId: c.id,
          date: '2026-11-03',
          startTime: '11:00',
          endTime: '10:00',
          lessonIds: ['free-wifi'],
        }),
      ),
    ).toMatchObject({ reason: 'staff-console.errors.endBeforeStart' });
    expect(
      refusal(
        await k.raw('staff.courses.create', {
          title: 'X',
          place: '',
          lessonIds: ['no-such-lesson'],
          plannedSessions: 2,
        }),
      ),
    ).toMatchObject({ reason: 'staff-console.errors.unknownLesson', params: { lesson: 'no-such-lesson' } });
    expect(refusal(await k.raw('staff.courses.get', { id: 'not-a-course-id' }))).toMatchObject({
      code: 'not_found',
      reason: 'staff-console.errors.courseNotFound',
    });

    // A course closes only when its sessions are closed; after that no one joins and no session is added.
    const one = await week(k, c.id, '2026-11-03');
    expect(refusal(await k.raw('staff.courses.close', { id: c.id }))).toMatchObject({
      code: 'conflict',
      reason: 'staff-console.errors.courseSessionOpen',
    });
    await k.call('staff.groups.close', { id: one.id });
    await k.call('staff.courses.close', { id: c.id });
    expect(refusal(await add('Uncle Wing'))).toMatchObject({
      code: 'conflict',
      reason: 'staff-console.errors.courseClosed',
      params: { title: 'Smartphone basics' },
    });
    expect(
      refusal(
        await k.raw('staff.courses.sessions.add', {
          courseId: c.id,
          date: '2026-11-10',
          startTime: '10:00',
          endTime: '11:30',
          lessonIds: ['free-wifi'],
        }),
      ),
    ).toMatchObject({ code: 'conflict', reason: 'staff-console.errors.courseClosed' });
    expect(
      refusal(await k.raw('staff.groups.attendance', { id: one.id, participantId: 'x', present: true })),
    ).toMatchObject({ code: 'conflict', reason: 'staff-console.errors.sessionClosed' });

    const log = await k.call<{ entries: StaffLogEntry[] }>('staff.log.list', {});
    expect(
      log.entries.filter((e) => e.action.startsWith('course-')).map((e) => [e.action, e.params]),
    ).toEqual([
      ['course-closed', { sessions: 1, members: 1 }],
      ['course-created', { sessions: 4, lessons: 2 }],
    ]);
  });

  it('withdrawing consent takes a member off the course and every session, the counts kept', async () => {
    const k = await kiosk();
    const c = await course(k, ['Auntie May', 'Uncle Wing']);
    const one = await week(k, c.id, '2026-11-03');
    const may = one.participants[0]!;
    await k.call('staff.groups.attendance', { id: one.id, participantId: may.id, present: true });
    await k.call('staff.groups.progress', {
      id: one.id,
      participantId: may.id,
      lessonId: 'free-wifi',
      stepsDone: await k.steps('free-wifi'),
      completed: true,
    });
    // A closed session loses her too: it is a record of who came, and she asked to be taken off.
    const two = await week(k, c.id, '2026-11-10');
    await k.call('staff.groups.close', { id: two.id });

    const view = await k.call<CourseView>('staff.courses.members.withdraw', { id: c.id, memberId: may.id });
    expect(view.members.map((m) => m.label)).toEqual(['Uncle Wing']);
    expect(view.course.removedMembers).toBe(1);
    const [after1, after2] = await Promise.all(
      [one.id, two.id].map((id) => k.call<GroupSession>('staff.groups.get', { id })),
    );
    expect(after1!.participants.map((p) => p.label)).toEqual(['Uncle Wing']);
    expect(after2!.participants.map((p) => p.label)).toEqual(['Uncle Wing']);
    // She was at the first session and finished a lesson there: its figures stay whole.
    expect(after1).toMatchObject({
      headCount: 1,
      removed: { participants: 1, completedByLesson: { 'free-wifi': 1 } },
    });
    expect(view.sessions[0]).toMatchObject({ attendance: 1 });
    // Not ticked at the second: never counted there.
    expect(after2).toMatchObject({ removed: { participants: 0, completedByLesson: {} } });
    expect(
      refusal(await k.raw('staff.courses.members.withdraw', { id: c.id, memberId: may.id })),
    ).toMatchObject({ code: 'not_found', reason: 'staff-console.errors.participantNotFound' });
  });

  it('wipe and the retention purge take course members too, counting each person once', async () => {
    const k = await kiosk();
    const c = await course(k, ['Auntie May', 'Uncle Wing']);
    await week(k, c.id, '2026-11-03');
    await week(k, c.id, '2026-11-10');
    const oneOff = await k.call<GroupSession>('staff.groups.create', {
      title: 'Drop-in',
      date: '2026-11-03',
      place: '',
      lessonIds: ['photos'],
    });
    await k.call('staff.groups.participants.add', {
      id: oneOff.id,
      kind: 'nickname',
      label: 'Ah Fong',
      picsAgreed: true,
    });
    expect(await k.call('staff.datacare.status')).toMatchObject({ participants: 3 });

    const wiped = await k.call<{ participantsRemoved: number }>('staff.datacare.wipe', {
      confirm: 'wipe-personal-data',
    });
    expect(wiped.participantsRemoved).toBe(3);
    const view = await k.call<CourseView>('staff.courses.get', { id: c.id });
    expect(view.members).toEqual([]);
    expect(view.course.removedMembers).toBe(2);
    expect(await k.call('staff.datacare.status')).toMatchObject({ participants: 0 });

    // Joined later, then past the keeping period: the daily purge (here, a retention change) takes them.
    await k.call('staff.courses.members.add', {
      id: c.id,
      kind: 'nickname',
      label: 'Uncle Wing',
      picsAgreed: true,
    });
    k.clock.now = new Date(START.getTime() + 40 * DAY);
    await k.call('staff.courses.members.add', {
      id: c.id,
      kind: 'nickname',
      label: 'Ah Fong',
      picsAgreed: true,
    });
    await k.call('staff.datacare.retention', { days: 30 });
    const purged = await k.call<CourseView>('staff.courses.get', { id: c.id });
    expect(purged.members.map((m) => m.label)).toEqual(['Ah Fong']);
    expect(purged.course.removedMembers).toBe(3);
  });
});
