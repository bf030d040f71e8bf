import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../electron/core/errors';
import { createKioskCore, type KioskCore } from '../../../../electron/core/service';
import { manualClock } from '../../../helpers/manual-clock';
import { snapshotDir, tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-backup-');
afterEach(() => dirs.cleanup());

const DAY = 24 * 60 * 60 * 1000;
const START = '2026-11-02T02:00:00.000Z';
const PIN = '246813';
const PASSPHRASE = 'tea at 3 on Friday';

interface Kiosk {
  core: KioskCore;
  dataDir: string;
  clock: ReturnType<typeof manualClock>;
  call: <T = unknown>(method: string, input?: unknown) => Promise<T>;
  raw: (method: string, input?: unknown) => Promise<Result<unknown>>;
}

async function kiosk(): Promise<Kiosk> {
  const dataDir = await dirs.make();
  const clock = manualClock(START);
  const core = await createKioskCore({ dataDir, shell: 'browser', now: clock.now });
  const signIn = await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
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
  return { core, dataDir, clock, call, raw };
}

async function sessionWith(k: Kiosk, title: string, nicknames: string[]): Promise<{ id: string }> {
  let session = await k.call<{ id: string }>('staff.groups.create', {
    title,
    date: new Date(k.clock.ms + 8 * 3600_000).toISOString().slice(0, 10),
    place: 'Room 1',
    lessonIds: ['free-wifi'],
  });
  for (const label of nicknames)
    session = await k.call('staff.groups.participants.add', {
      id: session.id,
      kind: 'nickname',
      label,
      picsAgreed: true,
    });
  return session;
}

const backUp = (k: Kiosk) =>
  k.call<{ fileName: string; text: string }>('staff.backup.create', {
    passphrase: PASSPHRASE,
    confirm: PASSPHRASE,
  });

const reasonOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.reason);

describe('restore preview', () => {
  it('says what the kiosk holds that the file does not, and what goes back', async () => {
    const k = await kiosk();
    await k.core.invoke('visit.start', { language: 'en' });
    const kept = await sessionWith(k, 'Phones for beginners', ['May']);
    const { text } = await backUp(k);

    // After the backup: a week of work the file does not have.
    k.clock.advance(7 * DAY);
    await k.core.invoke('visit.start', { language: 'zh-HK' });
    await sessionWith(k, 'Week 2', ['Wing', 'Fong']);
    await sessionWith(k, 'Week 2 again', []);
    await sessionWith(k, 'Week 2, evening', ['Ling']);
    await k.call('staff.groups.update', { id: kept.id, notes: 'Changed after the backup' });
    await k.core.invoke('lessons.resume.create', { lessonId: 'free-wifi', stepIndex: 1 });
    await k.call('staff.settings.update', { idleSeconds: 200 });

    const before = await snapshotDir(k.dataDir);
    const locked = await k.call<Record<string, unknown>>('staff.backup.preview', { text });
    expect(locked).toEqual({
      needsPassphrase: true,
      createdAt: START,
      appVersion: expect.any(String),
      encrypted: true,
    });
    const preview = await k.call<Record<string, unknown>>('staff.backup.preview', {
      text,
      passphrase: PASSPHRASE,
    });
    expect(preview).toMatchObject({
      needsPassphrase: false,
      encrypted: true,
      createdAt: START,
      holds: { groupSessions: { count: 1, participants: 1 }, courses: 0, resumeCodes: 0 },
      lost: {
        sessions: 3,
        sessionsChanged: 1,
        courses: 0,
        participants: 3,
        resumeCodes: 1,
        tallyDays: 1,
        tallyDaysChanged: 0,
        visitsNow: 2,
        visitsInFile: 1,
      },
      settingsChanged: ['idleSeconds'],
    });
    expect((preview.log as { added: number }).added).toBe(0);
    // A preview writes nothing.
    expect(await snapshotDir(k.dataDir)).toEqual(before);
  });
});

describe('restore', () => {
  it('needs the passphrase and the confirm; a wrong one changes nothing, the right one restores', async () => {
    const source = await kiosk();
    await sessionWith(source, 'Phones for beginners', ['May']);
    await source.call('staff.settings.update', { idleSeconds: 120 });
    const { text } = await backUp(source);

    const target = await kiosk();
    await target.core.invoke('visit.start', { language: 'en' });
    const before = await snapshotDir(target.dataDir);
    const wrong = await target.raw('staff.backup.restore', {
      text,
      passphrase: 'tea at 4 on Friday',
      confirm: 'replace-kiosk-records',
    });
    expect(reasonOf(wrong)).toBe('staff-console.errors.backupWrongPassphrase');
    expect(
      reasonOf(await target.raw('staff.backup.restore', { text, confirm: 'replace-kiosk-records' })),
    ).toBe('staff-console.errors.backupNeedsPassphrase');
    const unconfirmed = await target.raw('staff.backup.restore', { text, passphrase: PASSPHRASE });
    expect(unconfirmed.ok).toBe(false);
    expect(await snapshotDir(target.dataDir)).toEqual(before);

    await target.call('staff.backup.restore', {
      text,
      passphrase: PASSPHRASE,
      confirm: 'replace-kiosk-records',
    });
    for (const name of ['activity', 'group-sessions', 'resume-codes']) {
      const original = JSON.parse(
        await fs.readFile(path.join(source.dataDir, `${name}.json`), 'utf8'),
      ) as unknown;
      const restored = JSON.parse(
        await fs.readFile(path.join(target.dataDir, `${name}.json`), 'utf8'),
      ) as unknown;
      expect(restored, name).toEqual(original);
    }
    expect((await target.call<{ idleSeconds: number }>('settings.get')).idleSeconds).toBe(120);
    // The target's own PIN still signs in: the file never carries it.
    expect((await target.core.invoke('staff.login', { pin: PIN })).ok).toBe(true);
    const log = await target.call<{ entries: { action: string; params?: Record<string, unknown> }[] }>(
      'staff.log.list',
    );
    expect(log.entries.find((e) => e.action === 'restore')?.params).toMatchObject({ encrypted: 'yes' });
  });

  it.each([
    ['not JSON', () => 'this is not a backup {', 'backupNotJson'],
    ['cut short', (text: string) => text.slice(0, text.length / 2), 'backupNotJson'],
    [
      'a foreign JSON file',
      () => JSON.stringify({ type: 'FeatureCollection', features: [] }),
      'backupNotOurs',
    ],
    [
      'another format version',
      (text: string) => text.replace('"version": 2', '"version": 7'),
      'backupOtherVersion',
    ],
    ['an empty file', () => '', 'backupNotJson'],
  ])('refuses a file that is %s with its reason, changing nothing', async (_label, spoil, reason) => {
    const source = await kiosk();
    await sessionWith(source, 'Phones for beginners', ['May']);
    const { text } = await backUp(source);
    const target = await kiosk();
    const before = await snapshotDir(target.dataDir);
    const bad = spoil(text);
    expect(bad).not.toBe(text);
    for (const [method, confirm] of [
      ['staff.backup.preview', {}],
      ['staff.backup.restore', { confirm: 'replace-kiosk-records' }],
    ] as const) {
      const result = await target.raw(method, { text: bad, passphrase: PASSPHRASE, ...confirm });
      expect(result.ok ? 'ok' : result.error.code, method).toBe('invalid_input');
      expect(reasonOf(result), method).toBe(`staff-console.errors.${reason}`);
    }
    expect(await snapshotDir(target.dataDir)).toEqual(before);
  });
});

describe('backup reminder', () => {
  it('is due before the first backup, not after one, and again 30 days later', async () => {
    const k = await kiosk();
    expect(await k.call('staff.backup.status')).toEqual({
      lastBackupAt: null,
      daysSince: null,
      due: true,
      reminderDays: 30,
    });
    const made = await backUp(k);
    expect(made.fileName).toBe('kiosk-backup-2026-11-02-1000.json');
    k.clock.advance(29 * DAY);
    expect(await k.call('staff.backup.status')).toMatchObject({
      lastBackupAt: START,
      daysSince: 29,
      due: false,
    });
    k.clock.advance(DAY);
    expect(await k.call('staff.backup.status')).toMatchObject({ daysSince: 30, due: true });
  });

  it('refuses a short passphrase or two that differ, with reasons, making no file', async () => {
    const k = await kiosk();
    const short = await k.raw('staff.backup.create', { passphrase: 'abc', confirm: 'abc' });
    expect(reasonOf(short)).toBe('staff-console.errors.backupPassphraseShort');
    expect(short.ok ? null : short.error.params).toEqual({ min: 8 });
    const differ = await k.raw('staff.backup.create', { passphrase: PASSPHRASE, confirm: `${PASSPHRASE}!` });
    expect(reasonOf(differ)).toBe('staff-console.errors.backupPassphraseMismatch');
    expect((await k.call<{ due: boolean }>('staff.backup.status')).due).toBe(true);
  });
});
