import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../electron/core/errors';
import { createKioskCore, type KioskCore } from '../../../../electron/core/service';
import {
  StaffCredentialDocSchema,
  type StaffCredentialDoc,
} from '../../../../electron/core/staff-access/credential-schema';
import { hashPin, verifyPin } from '../../../../electron/core/staff-access/pin';
import { StaffSessions } from '../../../../electron/core/staff-access/sessions';
import {
  LOCKOUT_MS,
  MAX_FAILED_ATTEMPTS,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from '../../../../electron/core/staff-access/staff-auth';
import { snapshotDir, tempDirs } from '../../../helpers/temp-dir';
import { errorCode } from '../../../helpers/results';

const PIN = '482916';
const WRONG = '111111';

const dirs = tempDirs('kiosk-staff-');
afterEach(async () => {
  vi.restoreAllMocks();
  await dirs.cleanup();
});

/** A clock the test moves by hand: no sleeps, no wall-clock time. */
function fakeClock(start = '2025-06-01T02:00:00.000Z') {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance(ms: number) {
      time += ms;
    },
    get ms() {
      return time;
    },
  };
}

async function openCore(dataDir: string, clock = fakeClock()): Promise<KioskCore> {
  return createKioskCore({ dataDir, shell: 'browser', now: clock.now });
}

async function readCredential(dataDir: string): Promise<{ text: string; doc: StaffCredentialDoc }> {
  const text = await fs.readFile(path.join(dataDir, 'staff-credential.json'), 'utf8');
  return { text, doc: StaffCredentialDocSchema.parse(JSON.parse(text)) };
}

function sessionOf(result: Result<unknown>): string {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  const session = (result.value as { session?: unknown }).session;
  if (typeof session !== 'string') throw new Error('no session in the result');
  return session;
}

async function setUp(core: KioskCore, pin = PIN): Promise<string> {
  return sessionOf(await core.invoke('staff.setup', { pin, confirm: pin }));
}

describe('staff PIN storage', () => {
  it('keeps only a scrypt hash of the PIN on disk', async () => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    await setUp(core);

    const { text, doc } = await readCredential(dataDir);
    expect(text).not.toContain(PIN);
    for (const file of await fs.readdir(dataDir)) {
      expect(await fs.readFile(path.join(dataDir, file), 'utf8')).not.toContain(PIN);
    }
    const stored = doc.accounts[0]?.pinHash;
    expect(stored).not.toBeNull();
    if (!stored) return;
    expect(stored.algorithm).toBe('scrypt');
    expect(Object.keys(stored).sort()).toEqual(['N', 'algorithm', 'hash', 'keyLength', 'p', 'r', 'salt']);
    expect(stored.N).toBeGreaterThanOrEqual(16384);
    expect(Buffer.from(stored.salt, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(await verifyPin(PIN, stored)).toBe(true);
    expect(await verifyPin(WRONG, stored)).toBe(false);
  });

  it('salts every hash: the same PIN never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPin(PIN), hashPin(PIN)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin(PIN, b)).toBe(true);
  });

  it('never logs the PIN', async () => {
    const dataDir = await dirs.make();
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => undefined),
    );
    const core = await openCore(dataDir);
    await setUp(core);
    await core.invoke('staff.login', { pin: WRONG });
    await core.invoke('staff.login', { pin: PIN });
    for (const spy of spies) {
      for (const args of spy.mock.calls)
        expect(JSON.stringify(args)).not.toMatch(new RegExp(`${PIN}|${WRONG}`));
    }
  });
});

describe('staff PIN set-up', () => {
  it.each([
    ['two different PINs', '123456', '654321'],
    ['letters', 'abcdef', 'abcdef'],
    ['five digits', '12345', '12345'],
    ['seven digits', '1234567', '1234567'],
    ['digits with a space', '12345 ', '12345 '],
    ['an empty PIN', '', ''],
  ])('refuses %s with invalid_input and stores nothing', async (_label, pin, confirm) => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    const before = await snapshotDir(dataDir);
    const result = await core.invoke('staff.setup', { pin, confirm });
    expect(errorCode(result)).toBe('invalid_input');
    expect(await snapshotDir(dataDir)).toEqual(before);
    expect((await readCredential(dataDir)).doc.accounts).toEqual([]);
  });

  it('accepts two equal 6-digit PINs, signs staff in, and refuses a second set-up with conflict', async () => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    const session = await setUp(core);
    expect((await core.invoke('staff.health', {}, { staffSession: session })).ok).toBe(true);
    expect(await core.invoke('staff.status', {})).toMatchObject({
      ok: true,
      value: { pinSet: true, lockedUntil: null, entry: 'sign-in' },
    });

    const hashBefore = (await readCredential(dataDir)).doc.accounts;
    const again = await core.invoke('staff.setup', { pin: '999999', confirm: '999999' });
    expect(errorCode(again)).toBe('conflict');
    expect((await readCredential(dataDir)).doc.accounts).toEqual(hashBefore);
    expect(errorCode(await core.invoke('staff.login', { pin: '999999' }))).toBe('unauthorized');
  });

  it('lets only one of two racing set-ups win', async () => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    const results = await Promise.all([
      core.invoke('staff.setup', { pin: '111222', confirm: '111222' }),
      core.invoke('staff.setup', { pin: '333444', confirm: '333444' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.map(errorCode).filter(Boolean)).toEqual(['conflict']);
    const winner = results[0]?.ok ? '111222' : '333444';
    expect(sessionOf(await core.invoke('staff.login', { pin: winner }))).toBeTruthy();
  });

  it('refuses login before any PIN is set', async () => {
    const core = await openCore(await dirs.make());
    expect(errorCode(await core.invoke('staff.login', { pin: PIN }))).toBe('conflict');
  });
});

describe('staff lockout', () => {
  it('is five failures and five minutes, as the README tells staff', () => {
    expect(MAX_FAILED_ATTEMPTS).toBe(5);
    expect(LOCKOUT_MS).toBe(5 * 60 * 1000);
  });

  it('locks after 5 wrong PINs; the 6th attempt is refused as locked even with the right PIN', async () => {
    const dataDir = await dirs.make();
    const clock = fakeClock();
    const core = await openCore(dataDir, clock);
    await setUp(core);

    for (let attempt = 1; attempt <= MAX_FAILED_ATTEMPTS; attempt += 1) {
      const result = await core.invoke('staff.login', { pin: WRONG });
      expect(errorCode(result)).toBe('unauthorized');
      expect((await readCredential(dataDir)).doc.failedAttempts).toBe(attempt);
      clock.advance(1000);
    }
    const lockedAt = clock.ms - 1000;
    const expectedUntil = new Date(lockedAt + LOCKOUT_MS).toISOString();
    expect((await readCredential(dataDir)).doc.lockedUntil).toBe(expectedUntil);
    expect(await core.invoke('staff.status', {})).toMatchObject({
      ok: true,
      value: { pinSet: true, lockedUntil: expectedUntil, triesLeft: 0 },
    });

    expect(errorCode(await core.invoke('staff.login', { pin: PIN }))).toBe('locked');
    expect(errorCode(await core.invoke('staff.login', { pin: WRONG }))).toBe('locked');
    // Attempts while locked neither extend nor reset the lock.
    expect((await readCredential(dataDir)).doc.lockedUntil).toBe(expectedUntil);

    // One millisecond before the end: still locked.
    clock.advance(lockedAt + LOCKOUT_MS - clock.ms - 1);
    expect(errorCode(await core.invoke('staff.login', { pin: PIN }))).toBe('locked');

    // Once the lock has run out, the right PIN works and the count starts again.
    clock.advance(2);
    expect(await core.invoke('staff.status', {})).toMatchObject({
      ok: true,
      value: { pinSet: true, lockedUntil: null, entry: 'sign-in' },
    });
    sessionOf(await core.invoke('staff.login', { pin: PIN }));
    const { doc } = await readCredential(dataDir);
    expect(doc.failedAttempts).toBe(0);
    expect(doc.lockedUntil).toBeNull();
  });

  it('after a lock runs out, one wrong PIN starts a fresh count rather than locking again', async () => {
    const dataDir = await dirs.make();
    const clock = fakeClock();
    const core = await openCore(dataDir, clock);
    await setUp(core);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i += 1) await core.invoke('staff.login', { pin: WRONG });
    clock.advance(LOCKOUT_MS + 1);
    expect(errorCode(await core.invoke('staff.login', { pin: WRONG }))).toBe('unauthorized');
    const { doc } = await readCredential(dataDir);
    expect(doc.failedAttempts).toBe(1);
    expect(doc.lockedUntil).toBeNull();
  });

  it('a right PIN before the fifth failure resets the count', async () => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    await setUp(core);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i += 1) await core.invoke('staff.login', { pin: WRONG });
    sessionOf(await core.invoke('staff.login', { pin: PIN }));
    expect((await readCredential(dataDir)).doc.failedAttempts).toBe(0);
    expect(errorCode(await core.invoke('staff.login', { pin: WRONG }))).toBe('unauthorized');
  });

  it('keeps the lock when the kiosk is restarted on the same data folder', async () => {
    const dataDir = await dirs.make();
    const clock = fakeClock();
    const first = await openCore(dataDir, clock);
    await setUp(first);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i += 1) await first.invoke('staff.login', { pin: WRONG });

    clock.advance(60_000);
    const second = await openCore(dataDir, clock);
    expect(errorCode(await second.invoke('staff.login', { pin: PIN }))).toBe('locked');
    const status = await second.invoke('staff.status', {});
    expect(status.ok && (status.value as { lockedUntil: string | null }).lockedUntil).toBeTruthy();

    clock.advance(LOCKOUT_MS);
    const third = await openCore(dataDir, clock);
    sessionOf(await third.invoke('staff.login', { pin: PIN }));
  });

  it('keeps a partial failure count across a restart', async () => {
    const dataDir = await dirs.make();
    const clock = fakeClock();
    const first = await openCore(dataDir, clock);
    await setUp(first);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i += 1) await first.invoke('staff.login', { pin: WRONG });
    const second = await openCore(dataDir, clock);
    expect(errorCode(await second.invoke('staff.login', { pin: WRONG }))).toBe('unauthorized');
    expect(errorCode(await second.invoke('staff.login', { pin: PIN }))).toBe('locked');
  });

  it('cannot be dodged by sending many wrong PINs at once', async () => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    await setUp(core);
    const guesses = Array.from({ length: 12 }, (_, i) => String(100000 + i));
    const results = await Promise.all(guesses.map((pin) => core.invoke('staff.login', { pin })));
    const codes = results.map(errorCode);
    expect(codes.filter((c) => c === 'unauthorized')).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(codes.filter((c) => c === 'locked')).toHaveLength(guesses.length - MAX_FAILED_ATTEMPTS);
    expect(errorCode(await core.invoke('staff.login', { pin: PIN }))).toBe('locked');
    expect((await readCredential(dataDir)).doc.lockedUntil).not.toBeNull();
  });
});

describe('staff sessions', () => {
  it('end after the idle time without a staff call', async () => {
    const dataDir = await dirs.make();
    const clock = fakeClock();
    const core = await openCore(dataDir, clock);
    const session = await setUp(core);

    clock.advance(SESSION_IDLE_MS);
    expect((await core.invoke('staff.health', {}, { staffSession: session })).ok).toBe(true);
    clock.advance(SESSION_IDLE_MS + 1);
    expect(errorCode(await core.invoke('staff.health', {}, { staffSession: session }))).toBe('unauthorized');
    // Gone for good, even if the clock were to go back.
    expect(errorCode(await core.invoke('staff.health', {}, { staffSession: session }))).toBe('unauthorized');
  });

  /** Staff calls every half idle time from sign-in until `until` ms; all must be answered. */
  async function keepUsing(
    core: KioskCore,
    clock: ReturnType<typeof fakeClock>,
    session: string,
    until: number,
  ) {
    const step = Math.floor(SESSION_IDLE_MS / 2);
    let elapsed = 0;
    while (elapsed + step <= until) {
      clock.advance(step);
      elapsed += step;
      expect((await core.invoke('staff.health', {}, { staffSession: session })).ok).toBe(true);
    }
    return elapsed;
  }

  it('end after the maximum time even when in use', async () => {
    const dataDir = await dirs.make();
    const clock = fakeClock();
    const core = await openCore(dataDir, clock);
    const session = await setUp(core);
    // The shortest class view allowed: the sign-in keeps its own two-hour maximum.
    await core.invoke('staff.settings.update', { groupViewLimitMinutes: 30 }, { staffSession: session });

    const elapsed = await keepUsing(core, clock, session, SESSION_MAX_MS);
    clock.advance(SESSION_MAX_MS - elapsed + 1);
    expect(errorCode(await core.invoke('staff.health', {}, { staffSession: session }))).toBe('unauthorized');
  });

  it('last as long as a class view may stay up, so a long class does not end with the PIN pad', async () => {
    const dataDir = await dirs.make();
    const clock = fakeClock();
    const core = await openCore(dataDir, clock);
    const session = await setUp(core);
    // The default: a class view stays up to 3 hours, longer than the sign-in's own maximum.
    const limit = 180 * 60_000;
    expect(limit).toBeGreaterThan(SESSION_MAX_MS);

    const elapsed = await keepUsing(core, clock, session, limit + SESSION_IDLE_MS);
    clock.advance(limit + SESSION_IDLE_MS - elapsed + 1);
    expect(errorCode(await core.invoke('staff.health', {}, { staffSession: session }))).toBe('unauthorized');
  });

  it('end at logout, and only the session that logged out', async () => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    const first = await setUp(core);
    const second = sessionOf(await core.invoke('staff.login', { pin: PIN }));
    expect(first).not.toBe(second);

    expect(await core.invoke('staff.logout', {}, { staffSession: first })).toEqual({
      ok: true,
      value: { signedOut: true },
    });
    expect(errorCode(await core.invoke('staff.health', {}, { staffSession: first }))).toBe('unauthorized');
    expect(errorCode(await core.invoke('staff.logout', {}, { staffSession: first }))).toBe('unauthorized');
    expect((await core.invoke('staff.health', {}, { staffSession: second })).ok).toBe(true);
  });

  it('do not survive a restart', async () => {
    const dataDir = await dirs.make();
    const session = await setUp(await openCore(dataDir));
    const restarted = await openCore(dataDir);
    expect(errorCode(await restarted.invoke('staff.health', {}, { staffSession: session }))).toBe(
      'unauthorized',
    );
  });

  it('are random, long tokens', () => {
    const sessions = new StaffSessions({ idleMs: 1000, maxMs: 5000, now: () => 0 });
    const tokens = new Set(Array.from({ length: 100 }, () => sessions.start('coordinator')));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(sessions.touch(undefined)).toBeNull();
    expect(sessions.touch('')).toBeNull();
    expect(sessions.touch('not-a-session')).toBeNull();
    expect(sessions.touch([...tokens][0])).toBe('coordinator');
  });
});

describe('staff PIN change', () => {
  it('needs the current PIN and two equal new ones; afterwards only the new PIN works', async () => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    const session = await setUp(core);
    const ctx = { staffSession: session };

    // A wrong current PIN is a mistake in the form, not a lost session: the session stays alive.
    expect(
      errorCode(
        await core.invoke('staff.pin.change', { current: WRONG, next: '222333', confirm: '222333' }, ctx),
      ),
    ).toBe('invalid_input');
    expect((await core.invoke('staff.health', {}, ctx)).ok).toBe(true);
    expect(
      errorCode(
        await core.invoke('staff.pin.change', { current: PIN, next: '222333', confirm: '222334' }, ctx),
      ),
    ).toBe('invalid_input');
    expect(
      errorCode(await core.invoke('staff.pin.change', { current: PIN, next: '2223', confirm: '2223' }, ctx)),
    ).toBe('invalid_input');
    expect(
      await core.invoke('staff.pin.change', { current: PIN, next: '222333', confirm: '222333' }, ctx),
    ).toEqual({
      ok: true,
      value: { changed: true },
    });
    expect(errorCode(await core.invoke('staff.login', { pin: PIN }))).toBe('unauthorized');
    sessionOf(await core.invoke('staff.login', { pin: '222333' }));
    for (const file of await fs.readdir(dataDir))
      expect(await fs.readFile(path.join(dataDir, file), 'utf8')).not.toContain('222333');
  });

  it('counts wrong current PINs towards the lockout, and the fifth ends every staff session', async () => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    const session = await setUp(core);
    const ctx = { staffSession: session };
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(
        errorCode(
          await core.invoke('staff.pin.change', { current: WRONG, next: '222333', confirm: '222333' }, ctx),
        ),
      ).toBe('invalid_input');
    }
    expect((await readCredential(dataDir)).doc.failedAttempts).toBe(4);
    expect(
      errorCode(
        await core.invoke('staff.pin.change', { current: WRONG, next: '222333', confirm: '222333' }, ctx),
      ),
    ).toBe('invalid_input');
    expect((await readCredential(dataDir)).doc.lockedUntil).not.toBeNull();
    expect(errorCode(await core.invoke('staff.health', {}, ctx))).toBe('unauthorized');
    expect(errorCode(await core.invoke('staff.login', { pin: PIN }))).toBe('locked');
  });
});
