import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../electron/core/errors';
import { createKioskCore, type KioskCore } from '../../../../electron/core/service';
import { contract, METHOD_NAMES } from '../../../../electron/core/contract';
import { staffConsoleMethods } from '../../../../electron/core/staff-console/contract';
import { identifierProblem } from '../../../../electron/shared/personal-data';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-staff-console-');
afterEach(() => dirs.cleanup());

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2025-03-10T02:00:00.000Z');
const PIN = '246813';

interface Kiosk {
  core: KioskCore;
  dataDir: string;
  clock: { now: Date };
  call: <T = unknown>(method: string, input?: unknown) => Promise<T>;
  raw: (method: string, input?: unknown) => Promise<Result<unknown>>;
}

async function kiosk(dataDir?: string): Promise<Kiosk> {
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
  // Moving the clock on by days ends the staff session, as it would on the kiosk: sign in again.
  const raw = async (method: string, input: unknown = {}) => {
    const result = await core.invoke(method, input, { staffSession: session });
    if (result.ok || result.error.code !== 'unauthorized') return result;
    session = ((await core.invoke('staff.login', { pin: PIN })) as { value: { session: string } }).value
      .session;
    return core.invoke(method, input, { staffSession: session });
  };
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await raw(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { core, dataDir: dir, clock, call, raw };
}

interface Session {
  id: string;
  status: string;
  headCount: number;
  participants: {
    id: string;
    label: string;
    kind: string;
    progress: { lessonId: string; stepsDone: number; completed: boolean }[];
  }[];
}

async function sessionWith(k: Kiosk, nicknames: string[], date = '2025-03-10'): Promise<Session> {
  let session = await k.call<Session>('staff.groups.create', {
    title: 'Phones for beginners',
    date,
    place: 'Room 1',
    lessonIds: ['free-wifi', 'photos'],
  });
  for (const label of nicknames)
    session = await k.call<Session>('staff.groups.participants.add', {
      id: session.id,
      kind: 'nickname',
      label,
      picsAgreed: true,
    });
  return session;
}

const errorCode = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

describe('the staff console contract', () => {
  it('marks every one of its methods staff-only', () => {
    for (const name of Object.keys(staffConsoleMethods)) {
      expect(METHOD_NAMES, name).toContain(name);
      expect(contract[name as keyof typeof contract].staff, name).toBe(true);
    }
  });
});

describe('group sessions', () => {
  it('runs a session: participants after the PICS, progress, notes, close, summary and CSV', async () => {
    const k = await kiosk();
    let session = await sessionWith(k, ['Auntie May', 'Uncle Wing']);
    expect(session.headCount).toBe(2);
    session = await k.call<Session>('staff.groups.update', {
      id: session.id,
      headCount: 6,
      notes: 'Projector fine.',
    });
    session = await k.call<Session>('staff.groups.progress', {
      id: session.id,
      lessonId: 'free-wifi',
      stepsDone: 3,
      completed: false,
    });
    const may = session.participants[0]!;
    session = await k.call<Session>('staff.groups.progress', {
      id: session.id,
      participantId: may.id,
      lessonId: 'free-wifi',
      stepsDone: 10,
      completed: true,
    });
    expect(session.participants.map((p) => p.progress)).toEqual([
      [{ lessonId: 'free-wifi', stepsDone: 10, completed: true }],
      [{ lessonId: 'free-wifi', stepsDone: 3, completed: false }],
    ]);
    const summary = await k.call<{ attendance: number; lessons: unknown[]; status: string }>(
      'staff.groups.close',
      { id: session.id },
    );
    expect(summary.status).toBe('closed');
    expect(summary.attendance).toBe(6);
    expect(summary.lessons).toEqual([
      { lessonId: 'free-wifi', steps: 10, finished: 1, inProgress: 1, notStarted: 0 },
      { lessonId: 'photos', steps: 11, finished: 0, inProgress: 0, notStarted: 2 },
    ]);
    // A closed session's record no longer changes.
    expect(errorCode(await k.raw('staff.groups.update', { id: session.id, headCount: 1 }))).toBe('conflict');
    const { files } = await k.call<{ files: { name: string; text: string }[] }>('staff.groups.export', {
      id: session.id,
      language: 'en',
    });
    expect(files[0]!.text).toContain('Free Wi-Fi: Wi-Fi.HK,1,1,0');
    expect(files.map((f) => f.text).join('')).not.toMatch(/Auntie May|Uncle Wing|Projector/);
  });

  it('refuses HKID numbers, phone numbers and e-mail addresses, and a consent that was not given', async () => {
    const k = await kiosk();
    const session = await sessionWith(k, []);
    for (const label of ['A123456(7)', 'a1234567', 'AB 987654 3', 'Chan 91234567', 'may@example.com']) {
      const result = await k.raw('staff.groups.participants.add', {
        id: session.id,
        kind: 'nickname',
        label,
        picsAgreed: true,
      });
      expect(errorCode(result), label).toBe('invalid_input');
    }
    expect(
      errorCode(
        await k.raw('staff.groups.participants.add', {
          id: session.id,
          kind: 'nickname',
          label: 'May',
          picsAgreed: false,
        }),
      ),
    ).toBe('invalid_input');
    expect(
      errorCode(
        await k.raw('staff.groups.participants.add', {
          id: session.id,
          kind: 'resume-code',
          label: 'ABC',
          picsAgreed: true,
        }),
      ),
    ).toBe('invalid_input');
    const saved = await k.call<Session>('staff.groups.participants.add', {
      id: session.id,
      kind: 'resume-code',
      label: 'k7m 2pq',
      picsAgreed: true,
    });
    expect(saved.participants.map((p) => p.label)).toEqual(['K7M2PQ']);
    const groups = await fs.readFile(path.join(k.dataDir, 'group-sessions.json'), 'utf8');
    expect(groups).not.toMatch(/123456|91234567|example\.com/);
  });

  it('spots identity-like text but lets ordinary nicknames through', () => {
    expect(identifierProblem('Z683365(5)')).toBe('hkid');
    expect(identifierProblem('陳太 12345678')).toBe('number');
    expect(identifierProblem('Auntie May 2')).toBeNull();
    expect(identifierProblem('黃伯')).toBeNull();
  });
});

describe('retention', () => {
  it('purges exactly the participants older than the period, keeping counts, and logs it', async () => {
    const dir = await dirs.make();
    const k = await kiosk(dir);
    await k.call('staff.datacare.retention', { days: 30 });
    const old = await sessionWith(k, ['Kept till day 30'], '2025-03-10');
    k.clock.now = new Date(START.getTime() + 1);
    await k.call('staff.groups.progress', {
      id: old.id,
      lessonId: 'free-wifi',
      stepsDone: 10,
      completed: true,
    });
    k.clock.now = new Date(START.getTime() + 10 * DAY);
    const newer = await sessionWith(k, ['Joined later']);

    // Exactly 30 days after consent: kept. A millisecond more: purged (on the next start-up).
    k.clock.now = new Date(START.getTime() + 30 * DAY);
    await k.call('staff.datacare.retention', { days: 30 });
    expect((await k.call<Session>('staff.groups.get', { id: old.id })).participants).toHaveLength(1);

    const later = new Date(START.getTime() + 30 * DAY + 1);
    const restarted = await createKioskCore({ dataDir: dir, shell: 'browser', now: () => later });
    const login = await restarted.invoke('staff.login', { pin: PIN });
    const staffSession = (login as { value: { session: string } }).value.session;
    const get = async (id: string) =>
      ((await restarted.invoke('staff.groups.get', { id }, { staffSession })) as { value: Session }).value;
    const purgedSession = await get(old.id);
    expect(purgedSession.participants).toEqual([]);
    expect(purgedSession.headCount).toBe(1);
    expect((await get(newer.id)).participants.map((p) => p.label)).toEqual(['Joined later']);
    const summary = (await restarted.invoke('staff.groups.summary', { id: old.id }, { staffSession })) as {
      value: { listedParticipants: number; lessons: { finished: number }[] };
    };
    expect(summary.value.listedParticipants).toBe(1);
    expect(summary.value.lessons[0]!.finished).toBe(1);
    const log = (await restarted.invoke('staff.log.list', {}, { staffSession })) as {
      value: { entries: { action: string; detail: string }[] };
    };
    expect(log.value.entries.find((e) => e.action === 'purge')?.detail).toMatch(
      /^start-up: 1 participant\(s\), 0 resume code\(s\) and 0 session note\(s\) past 30 days removed/,
    );
  });

  it('sets the resume codes to the same period and purges them too', async () => {
    const k = await kiosk();
    await k.core.invoke('lessons.resume.create', { lessonId: 'free-wifi', stepIndex: 1 });
    k.clock.now = new Date(START.getTime() + 20 * DAY);
    await k.core.invoke('lessons.resume.create', { lessonId: 'photos', stepIndex: 1 });
    const status = await k.call<{
      retentionDays: number;
      resumeCodeRetentionDays: number;
      resumeCodes: number;
    }>('staff.datacare.retention', { days: 10 });
    expect(status).toMatchObject({ retentionDays: 10, resumeCodeRetentionDays: 10, resumeCodes: 1 });
  });

  it('wipes every participant and resume code and keeps the anonymous figures', async () => {
    const k = await kiosk();
    await k.core.invoke('visit.start', { language: 'en' });
    await k.core.invoke('lessons.resume.create', { lessonId: 'free-wifi', stepIndex: 1 });
    const session = await sessionWith(k, ['A', 'B', 'C']);
    const activityBefore = await fs.readFile(path.join(k.dataDir, 'activity.json'), 'utf8');
    expect(await k.call('staff.datacare.wipe', { confirm: 'wipe-personal-data' })).toEqual({
      participantsRemoved: 3,
      resumeCodesRemoved: 1,
      notesCleared: 0,
    });
    expect(errorCode(await k.raw('staff.datacare.wipe', {}))).toBe('invalid_input');
    const after = await k.call<Session>('staff.groups.get', { id: session.id });
    expect(after.participants).toEqual([]);
    expect(after.headCount).toBe(3);
    expect(await fs.readFile(path.join(k.dataDir, 'activity.json'), 'utf8')).toBe(activityBefore);
    const codes = JSON.parse(await fs.readFile(path.join(k.dataDir, 'resume-codes.json'), 'utf8')) as {
      codes: unknown[];
    };
    expect(codes.codes).toEqual([]);
  });
});

describe('staff log', () => {
  it('records sign-in, settings, exports, wipes and backups with their time, newest first', async () => {
    const k = await kiosk();
    await k.call('staff.settings.update', { idleSeconds: 60 });
    await k.call('staff.reports.export', { from: '2025-03-01', to: '2025-03-31', language: 'en' });
    await k.call('staff.datacare.wipe', { confirm: 'wipe-personal-data' });
    await k.call('staff.backup.create', { passphrase: 'long enough', confirm: 'long enough' });
    const { entries } = await k.call<{ entries: { time: string; action: string; detail: string }[] }>(
      'staff.log.list',
    );
    expect(entries.slice(0, 4).map((e) => e.action)).toEqual([
      'backup',
      'wipe',
      'export',
      'settings-changed',
    ]);
    expect(entries.map((e) => e.action)).toContain('sign-in');
    expect(entries[0]!.time).toBe(START.toISOString());
    expect(JSON.stringify(entries)).not.toContain(PIN);
  });
});
