import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../../electron/core/service';
import {
  defaultSettingsDoc,
  SettingsDocSchema,
  type SettingsDoc,
} from '../../../../electron/core/settings/schema';
import { openStaffDocuments } from '../../../../electron/core/staff-access/credential-store';
import {
  LOCKOUT_MS,
  MAX_FAILED_ATTEMPTS,
  MAX_LOCKOUT_MS,
  MAX_RECOVERY_ATTEMPTS,
  RECOVERY_LOCKOUT_MS,
  StaffAuth,
} from '../../../../electron/core/staff-access/staff-auth';
import type { StaffStatus } from '../../../../electron/core/staff-access/staff-status';
import { StoredDocument } from '../../../../electron/core/store/document';
import { realFs, type DurableFs } from '../../../../electron/core/store/durable-file';
import { tempDirs } from '../../../helpers/temp-dir';
import { valueOf, errorCode } from '../../../helpers/results';
import { manualClock } from '../../../helpers/manual-clock';

const PIN = '482916';
const WRONG = '111111';
const NEW_PIN = '730512';

const START = '2026-02-28T15:30:00.000Z';
const dirs = tempDirs('kiosk-lockout-');
afterEach(() => dirs.cleanup());

async function status(core: KioskCore): Promise<StaffStatus> {
  return valueOf<StaffStatus>(await core.invoke('staff.status', {}));
}

async function lockOut(core: KioskCore): Promise<void> {
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i += 1)
    expect(errorCode(await core.invoke('staff.login', { pin: WRONG }))).toBe('unauthorized');
}

describe('the recovery code', () => {
  it('is 16 digits, shown once at set-up, and kept on disk only as a scrypt hash apart from the PIN', async () => {
    const dataDir = await dirs.make();
    const core = await createKioskCore({ dataDir, shell: 'browser', now: manualClock(START).now });
    const { recoveryCode } = valueOf<{ recoveryCode: string }>(
      await core.invoke('staff.setup', { pin: PIN, confirm: PIN }),
    );
    expect(recoveryCode).toMatch(/^\d{16}$/);
    for (const file of await fs.readdir(dataDir))
      expect(await fs.readFile(path.join(dataDir, file), 'utf8')).not.toContain(recoveryCode);
    const recovery = JSON.parse(await fs.readFile(path.join(dataDir, 'staff-recovery.json'), 'utf8')) as {
      code: { algorithm: string };
    };
    expect(recovery.code.algorithm).toBe('scrypt');
    const credential = JSON.parse(
      await fs.readFile(path.join(dataDir, 'staff-credential.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(credential).not.toHaveProperty('code');
    // Sign-ins do not show it again.
    expect(
      valueOf<{ recoveryCode: string | null }>(await core.invoke('staff.login', { pin: PIN })).recoveryCode,
    ).toBeNull();
  });

  it('lifts a PIN lock-out', async () => {
    const dataDir = await dirs.make();
    const core = await createKioskCore({ dataDir, shell: 'browser', now: manualClock(START).now });
    const { recoveryCode } = valueOf<{ recoveryCode: string }>(
      await core.invoke('staff.setup', { pin: PIN, confirm: PIN }),
    );
    await lockOut(core);
    expect(errorCode(await core.invoke('staff.login', { pin: PIN }))).toBe('locked');
    valueOf(await core.invoke('staff.recover', { code: recoveryCode, pin: NEW_PIN, confirm: NEW_PIN }));
    expect(await status(core)).toMatchObject({ lockedUntil: null, triesLeft: MAX_FAILED_ATTEMPTS });
    valueOf(await core.invoke('staff.login', { pin: NEW_PIN }));
  });

  it('has its own guess limit: after 10 wrong codes even the right one is refused until the lock ends, across a restart', async () => {
    const dataDir = await dirs.make();
    const clock = manualClock(START);
    const core = await createKioskCore({ dataDir, shell: 'browser', now: clock.now });
    const { recoveryCode } = valueOf<{ recoveryCode: string }>(
      await core.invoke('staff.setup', { pin: PIN, confirm: PIN }),
    );
    for (let i = 0; i < MAX_RECOVERY_ATTEMPTS; i += 1) {
      const guess = String(1000_0000_0000_0000 + i);
      expect(
        errorCode(await core.invoke('staff.recover', { code: guess, pin: NEW_PIN, confirm: NEW_PIN })),
      ).toBe(guess === recoveryCode ? undefined : 'unauthorized');
    }
    expect((await status(core)).recovery.lockedUntil).toBe(
      new Date(clock.ms + RECOVERY_LOCKOUT_MS).toISOString(),
    );
    expect(
      errorCode(await core.invoke('staff.recover', { code: recoveryCode, pin: NEW_PIN, confirm: NEW_PIN })),
    ).toBe('locked');
    const restarted = await createKioskCore({ dataDir, shell: 'browser', now: clock.now });
    expect(
      errorCode(
        await restarted.invoke('staff.recover', { code: recoveryCode, pin: NEW_PIN, confirm: NEW_PIN }),
      ),
    ).toBe('locked');
    // The PIN itself is not locked by wrong recovery codes.
    valueOf(await restarted.invoke('staff.login', { pin: PIN }));
    clock.advance(RECOVERY_LOCKOUT_MS);
    valueOf(await restarted.invoke('staff.recover', { code: recoveryCode, pin: NEW_PIN, confirm: NEW_PIN }));
  });
});

describe('PIN lock-out', () => {
  it('grows when locks come one after another, and a right PIN starts again at 5 minutes', async () => {
    const clock = manualClock(START);
    const core = await createKioskCore({ dataDir: await dirs.make(), shell: 'browser', now: clock.now });
    valueOf(await core.invoke('staff.setup', { pin: PIN, confirm: PIN }));
    const lengths: number[] = [];
    for (let lock = 0; lock < 8; lock += 1) {
      await lockOut(core);
      const until = Date.parse((await status(core)).lockedUntil!);
      lengths.push(until - clock.ms);
      clock.advance(until - clock.ms);
    }
    const minute = 60_000;
    expect(lengths).toEqual([5, 10, 20, 40, 80, 160, 240, 240].map((m) => m * minute));
    expect(MAX_LOCKOUT_MS).toBe(240 * minute);
    valueOf(await core.invoke('staff.login', { pin: PIN }));
    await lockOut(core);
    expect(Date.parse((await status(core)).lockedUntil!) - clock.ms).toBe(LOCKOUT_MS);
  });
});

describe('changing the PIN', () => {
  it('ends every other staff session and keeps the one that changed it', async () => {
    const core = await createKioskCore({
      dataDir: await dirs.make(),
      shell: 'browser',
      now: manualClock(START).now,
    });
    const mine = valueOf<{ session: string }>(
      await core.invoke('staff.setup', { pin: PIN, confirm: PIN }),
    ).session;
    const other = valueOf<{ session: string }>(await core.invoke('staff.login', { pin: PIN })).session;
    const third = valueOf<{ session: string }>(await core.invoke('staff.login', { pin: PIN })).session;
    valueOf(
      await core.invoke(
        'staff.pin.change',
        { current: PIN, next: NEW_PIN, confirm: NEW_PIN },
        { staffSession: mine },
      ),
    );
    expect((await core.invoke('staff.health', {}, { staffSession: mine })).ok).toBe(true);
    expect(errorCode(await core.invoke('staff.health', {}, { staffSession: other }))).toBe('unauthorized');
    expect(errorCode(await core.invoke('staff.health', {}, { staffSession: third }))).toBe('unauthorized');
  });
});

describe('a full disk', () => {
  /** The credential document on a disk that takes no more writes once `full` is set. */
  async function staffOnFullDisk(dataDir: string, clock: ReturnType<typeof manualClock>) {
    const disk = { full: false };
    const enospc = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const credentialFs: DurableFs = {
      ...realFs,
      open: ((file: string, ...rest: unknown[]) =>
        disk.full && String(file).includes('staff-credential')
          ? Promise.reject(enospc())
          : (realFs.open as (...args: unknown[]) => unknown)(file, ...rest)) as DurableFs['open'],
    };
    const settings = await StoredDocument.open<SettingsDoc>({
      dataDir,
      name: 'settings',
      schema: SettingsDocSchema,
      defaults: defaultSettingsDoc,
      now: clock.now,
    });
    const staff = new StaffAuth(
      await openStaffDocuments({ dataDir, now: clock.now, settings, credentialFs }),
      clock.now,
    );
    return { staff, disk };
  }

  it('still counts wrong PINs and locks in memory when the count cannot be written, and the right PIN still signs in', async () => {
    const dataDir = await dirs.make();
    const clock = manualClock(START);
    const { staff, disk } = await staffOnFullDisk(dataDir, clock);
    await staff.setup(PIN, PIN);
    disk.full = true;

    await expect(staff.login(WRONG)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(staff.login(WRONG)).rejects.toMatchObject({ code: 'unauthorized' });
    expect((await staff.status()).triesLeft).toBe(MAX_FAILED_ATTEMPTS - 2);
    // The right PIN works although resetting the count cannot be saved.
    expect((await staff.login(PIN)).session).toEqual(expect.any(String));
    expect((await staff.status()).triesLeft).toBe(MAX_FAILED_ATTEMPTS);

    const guesses = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => staff.login(String(200000 + i))),
    );
    const codes = guesses.map((g) =>
      g.status === 'rejected' ? (g.reason as { code: string }).code : 'signed-in',
    );
    expect(codes.filter((c) => c === 'unauthorized')).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(codes.filter((c) => c === 'locked')).toHaveLength(8 - MAX_FAILED_ATTEMPTS);
    await expect(staff.login(PIN)).rejects.toMatchObject({ code: 'locked' });
    expect((await staff.status()).lockedUntil).toBe(new Date(clock.ms + LOCKOUT_MS).toISOString());
    // Nothing reached the disk, and Data health says the count was not saved.
    const onDisk = JSON.parse(await fs.readFile(path.join(dataDir, 'staff-credential.json'), 'utf8')) as {
      failedAttempts: number;
      lockedUntil: string | null;
    };
    expect(onDisk).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect(staff.health().notices).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'lockout-not-saved' })]),
    );

    clock.advance(LOCKOUT_MS);
    expect((await staff.login(PIN)).session).toEqual(expect.any(String));
  });
});
