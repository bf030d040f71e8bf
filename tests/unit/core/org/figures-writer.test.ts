import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tally } from '../../../../electron/core/activity/schema';
import { FiguresDaySchema, type FiguresDay } from '../../../../electron/core/org/figures-file';
import {
  MAX_DAYS_PER_RUN,
  figuresFolder,
  writeCompletedDays,
  type WriteCompletedDaysInput,
} from '../../../../electron/core/org/figures-writer';
import type {
  Course,
  GroupSession,
  Participant,
} from '../../../../electron/core/staff-console/group-sessions';

/** What a centre types about people; none of it may leave the kiosk. */
const SECRETS = [
  'Ah Fong',
  'Mr Lee',
  'K7P2QX',
  'large print',
  '9123 4567',
  'Tablet club for Mrs Wong',
  'Smartphone basics',
  'Activity room 2/F',
  'Ms Chan',
  'session-tablet-1',
];

const person = (id: string, kind: Participant['kind'], label: string, present: boolean): Participant => ({
  id,
  kind,
  label,
  consentAt: '2026-11-30T02:00:00.000Z',
  picsVersion: 1,
  progress: [{ lessonId: 'free-wifi', stepsDone: 3, completed: true }],
  needsHelp: false,
  present,
});

function session(overrides: Partial<GroupSession> & Pick<GroupSession, 'id' | 'date'>): GroupSession {
  return {
    title: 'Tablet club for Mrs Wong',
    startTime: '10:00',
    endTime: '11:30',
    courseId: null,
    place: 'Activity room 2/F',
    facilitator: 'Ms Chan',
    lessonIds: ['free-wifi'],
    status: 'closed',
    headCount: 0,
    participants: [],
    removed: { participants: 0, completedByLesson: {} },
    notes: 'Ah Fong needs large print; daughter on 9123 4567',
    createdAt: '2026-11-30T01:00:00.000Z',
    closedAt: '2026-11-30T04:00:00.000Z',
    ...overrides,
  };
}

const course: Course = {
  id: 'course-phone-1',
  title: 'Smartphone basics',
  place: 'Activity room 2/F',
  facilitator: 'Ms Chan',
  lessonIds: ['free-wifi'],
  plannedSessions: 4,
  status: 'open',
  members: [
    { id: 'm-1', kind: 'nickname', label: 'Ah Fong', consentAt: '2026-11-30T02:00:00.000Z', picsVersion: 1 },
    {
      id: 'm-2',
      kind: 'resume-code',
      label: 'K7P2QX',
      consentAt: '2026-11-30T02:00:00.000Z',
      picsVersion: 1,
    },
    { id: 'm-3', kind: 'nickname', label: 'Mr Lee', consentAt: '2026-11-30T02:00:00.000Z', picsVersion: 1 },
  ],
  removedMembers: 0,
  createdAt: '2026-11-30T01:00:00.000Z',
  closedAt: null,
};

const sessions: GroupSession[] = [
  // 30 Nov: a course session, 2 of its 3 members ticked present, 90 minutes → attendance 2, 180 min.
  session({
    id: 'session-tablet-1',
    date: '2026-11-30',
    courseId: 'course-phone-1',
    participants: [
      person('m-1', 'nickname', 'Ah Fong', true),
      person('m-2', 'resume-code', 'K7P2QX', true),
      person('m-3', 'nickname', 'Mr Lee', false),
    ],
  }),
  // 30 Nov: a one-off session without times, head count 5 → attendance 5, no minutes.
  session({ id: 'session-untimed-1', date: '2026-11-30', startTime: null, endTime: null, headCount: 5 }),
  // 30 Nov: left open with nobody at it: not held.
  session({ id: 'session-empty-1', date: '2026-11-30', status: 'open', closedAt: null }),
  // 1 Dec: still open but 4 came for an hour → held, 240 min.
  session({
    id: 'session-dec-1',
    date: '2026-12-01',
    startTime: '14:00',
    endTime: '15:00',
    status: 'open',
    closedAt: null,
    headCount: 4,
  }),
  // 2 Dec is today: not yet a completed day.
  session({ id: 'session-today-1', date: '2026-12-02', headCount: 9 }),
];

const t = (
  date: string,
  event: string,
  subject: string,
  detail: string,
  language: Tally['language'],
  count: number,
): Tally => ({
  date,
  event,
  subject,
  detail,
  language,
  count,
});

const tallies: Tally[] = [
  t('2026-11-29', 'visit', '', '', 'zh-HK', 50), // before the kiosk joined
  t('2026-11-30', 'visit', '', '', 'zh-HK', 12),
  t('2026-11-30', 'visit', '', '', 'en', 3),
  t('2026-11-30', 'lesson.started', 'free-wifi', '', 'zh-HK', 4),
  t('2026-11-30', 'lesson.step', 'free-wifi', '', 'zh-HK', 20),
  t('2026-11-30', 'lesson.completed', 'free-wifi', '', 'zh-HK', 2),
  t('2026-11-30', 'eligibility.result', 'internet-access-subsidy', 'eligible', 'zh-CN', 1),
  t('2026-11-30', 'hotspot.lookup', 'F', '', 'zh-HK', 6),
  // What no counter writes: a name where an id goes, an event nobody counts, a zero.
  t('2026-11-30', 'visit', 'Ah Fong', '', 'zh-HK', 1),
  t('2026-11-30', 'lesson.started', 'Tablet club for Mrs Wong', '', 'zh-HK', 1),
  t('2026-11-30', 'note', 'large print', '9123 4567', 'zh-HK', 1),
  t('2026-11-30', 'eligibility.result', 'internet-access-subsidy', 'K7P2QX', 'zh-HK', 1),
  t('2026-11-30', 'hotspot.lookup', 'Mr Lee', '', 'zh-HK', 1),
  t('2026-11-30', 'visit', '', '', 'zh-CN', 0),
  t('2026-12-01', 'visit', '', '', 'zh-CN', 7),
  t('2026-12-02', 'visit', '', '', 'zh-HK', 99), // today
];

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'figures-writer-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

// 11:00 on 2 December in Hong Kong; joined 00:30 on 30 November Hong Kong time (still 29 Nov in UTC).
const NOW = new Date('2026-12-02T03:00:00.000Z');
const input = (overrides: Partial<WriteCompletedDaysInput> = {}): WriteCompletedDaysInput => ({
  dataDir,
  kioskId: 'ssw-kt-01',
  activity: { tallies },
  groupSessions: { sessions, courses: [course] },
  now: NOW,
  lastDayWritten: null,
  joinedAt: '2026-11-29T16:30:00.000Z',
  ...overrides,
});

async function readDay(date: string): Promise<FiguresDay> {
  return FiguresDaySchema.parse(
    JSON.parse(await readFile(path.join(figuresFolder(dataDir), `${date}.json`), 'utf8')),
  );
}

async function everyByte(dir: string): Promise<string> {
  let all = '';
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    all += entry.isDirectory() ? await everyByte(full) : `${entry.name}\n${await readFile(full, 'utf8')}`;
  }
  return all;
}

describe('writeCompletedDays', () => {
  it('writes one file per completed day from the join day, with counts only and nothing about people', async () => {
    const result = await writeCompletedDays(input());
    expect(result).toEqual({ written: ['2026-11-30', '2026-12-01'], lastDayWritten: '2026-12-01' });
    expect((await readdir(figuresFolder(dataDir))).sort()).toEqual(['2026-11-30.json', '2026-12-01.json']);

    const bytes = await everyByte(path.join(dataDir, 'org'));
    for (const secret of SECRETS) expect(bytes).not.toContain(secret);

    const first = await readDay('2026-11-30');
    expect(first).toMatchObject({
      kind: 'kiosk-figures-day',
      format: 1,
      kioskId: 'ssw-kt-01',
      date: '2026-11-30',
      written: NOW.toISOString(),
    });
    expect(first.tallies).toEqual([
      { event: 'visit', subject: '', detail: '', language: 'zh-HK', count: 12 },
      { event: 'visit', subject: '', detail: '', language: 'en', count: 3 },
      { event: 'lesson.started', subject: 'free-wifi', detail: '', language: 'zh-HK', count: 4 },
      { event: 'lesson.completed', subject: 'free-wifi', detail: '', language: 'zh-HK', count: 2 },
      {
        event: 'eligibility.result',
        subject: 'internet-access-subsidy',
        detail: 'eligible',
        language: 'zh-CN',
        count: 1,
      },
      { event: 'hotspot.lookup', subject: 'F', detail: '', language: 'zh-HK', count: 6 },
    ]);
    expect(first.groups).toEqual({ sessions: 2, attendance: 7, learningMinutes: 180 });

    const second = await readDay('2026-12-01');
    expect(second.tallies).toEqual([
      { event: 'visit', subject: '', detail: '', language: 'zh-CN', count: 7 },
    ]);
    expect(second.groups).toEqual({ sessions: 1, attendance: 4, learningMinutes: 240 });
  });

  it('writes nothing new on a second run, and never rewrites a day already there', async () => {
    const firstRun = await writeCompletedDays(input());
    expect(await writeCompletedDays(input({ lastDayWritten: firstRun.lastDayWritten }))).toEqual({
      written: [],
      lastDayWritten: '2026-12-01',
    });

    // A day file the hub may already hold stays as it is, even when org.json lost its place.
    const file = path.join(figuresFolder(dataDir), '2026-11-30.json');
    await writeFile(file, 'kept as it was');
    const again = await writeCompletedDays(
      input({ lastDayWritten: null, now: new Date('2026-12-03T03:00:00.000Z') }),
    );
    expect(again).toEqual({ written: ['2026-12-02'], lastDayWritten: '2026-12-02' });
    expect(await readFile(file, 'utf8')).toBe('kept as it was');
    expect((await readDay('2026-12-02')).groups).toEqual({
      sessions: 1,
      attendance: 9,
      learningMinutes: 810,
    });
  });

  it('takes the Hong Kong day: half past midnight in Hong Kong completes the day before', async () => {
    // 16:30 UTC on 1 December is 00:30 on 2 December in Hong Kong.
    const result = await writeCompletedDays(
      input({ lastDayWritten: '2026-11-30', now: new Date('2026-12-01T16:30:00.000Z') }),
    );
    expect(result.written).toEqual(['2026-12-01']);
    const before = await writeCompletedDays(
      input({ lastDayWritten: '2026-11-30', now: new Date('2026-12-01T15:59:00.000Z') }),
    );
    expect(before).toEqual({ written: [], lastDayWritten: '2026-11-30' });
  });

  it('writes only yesterday without a join day, and nothing when the clock is behind the last day written', async () => {
    expect((await writeCompletedDays(input({ joinedAt: null }))).written).toEqual(['2026-12-01']);
    expect(await writeCompletedDays(input({ lastDayWritten: '2026-12-05' }))).toEqual({
      written: [],
      lastDayWritten: '2026-12-05',
    });
  });

  it('after leaving and joining again, sends no day from before the new join', async () => {
    // Last wrote 20 November, left, joined again at 09:00 on 1 December Hong Kong time.
    const result = await writeCompletedDays(
      input({ lastDayWritten: '2026-11-20', joinedAt: '2026-12-01T01:00:00.000Z' }),
    );
    expect(result).toEqual({ written: ['2026-12-01'], lastDayWritten: '2026-12-01' });
  });

  it('catches up a long absence a bounded number of days at a time', async () => {
    const now = new Date('2027-06-01T03:00:00.000Z');
    const first = await writeCompletedDays(input({ now }));
    expect(first.written).toHaveLength(MAX_DAYS_PER_RUN);
    expect(first.written[0]).toBe('2026-11-30');
    const next = await writeCompletedDays(input({ now, lastDayWritten: first.lastDayWritten }));
    expect(next.written[0]).toBe('2027-01-31');
    expect((await readDay('2027-01-31')).tallies).toEqual([]);
  });
});
