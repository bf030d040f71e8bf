import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../electron/core/errors';
import { createKioskCore, type KioskCore } from '../../../../electron/core/service';
import { hashPin } from '../../../../electron/core/staff-access/pin';
import type { StaffAccountView, StaffStatus } from '../../../../electron/core/staff-access/staff-status';
import type { StaffLogEntry } from '../../../../electron/core/staff-console/staff-log';
import { manualClock } from '../../../helpers/manual-clock';
import { errorCode, valueOf } from '../../../helpers/results';
import { tempDirs } from '../../../helpers/temp-dir';

const COORDINATOR_PIN = '482916';
const FACILITATOR_PIN = '730512';
const START = '2026-11-30T02:00:00.000Z';
const dirs = tempDirs('kiosk-accounts-');
afterEach(() => dirs.cleanup());

type SignedIn = { session: string; recoveryCode: string | null; account: StaffAccountView };

async function openCore(dataDir: string, clock = manualClock(START)): Promise<KioskCore> {
  return createKioskCore({ dataDir, shell: 'browser', now: clock.now });
}

function reasonOf(result: Result<unknown>): string | undefined {
  return result.ok ? undefined : result.error.reason;
}

/** A kiosk with its first coordinator and one facilitator, Ah Wing, added by that coordinator. */
async function kioskWithFacilitator() {
  const dataDir = await dirs.make();
  const core = await openCore(dataDir);
  const setUp = valueOf<SignedIn>(
    await core.invoke('staff.setup', { pin: COORDINATOR_PIN, confirm: COORDINATOR_PIN }),
  );
  const coordinator = { staffSession: setUp.session };
  const wing = valueOf<StaffAccountView>(
    await core.invoke(
      'staff.accounts.add',
      { name: '阿榮', role: 'facilitator', pin: FACILITATOR_PIN, confirm: FACILITATOR_PIN },
      coordinator,
    ),
  );
  return { dataDir, core, coordinator, coordinatorAccount: setUp.account, wing };
}

async function logOf(core: KioskCore, ctx: { staffSession: string }): Promise<StaffLogEntry[]> {
  return valueOf<{ entries: StaffLogEntry[] }>(await core.invoke('staff.log.list', {}, ctx)).entries;
}

describe('a kiosk upgraded from the shared staff PIN', () => {
  it('turns the version 1 credential file into one coordinator account with the same PIN and count', async () => {
    const dataDir = await dirs.make();
    // staff-credential.json exactly as the shared-PIN kiosk wrote it.
    const v1 = {
      schemaVersion: 1,
      pin: await hashPin(COORDINATOR_PIN),
      failedAttempts: 2,
      lockedUntil: null,
      lockCount: 0,
      lostAt: null,
    };
    await fs.writeFile(path.join(dataDir, 'staff-credential.json'), JSON.stringify(v1));
    const core = await openCore(dataDir);

    const status = valueOf<StaffStatus>(await core.invoke('staff.status', {}));
    expect(status).toMatchObject({ pinSet: true, entry: 'sign-in', triesLeft: 3 });
    expect(status.accounts).toEqual([{ id: 'coordinator', name: '統籌主任', role: 'coordinator' }]);
    // One account: no name to choose, the old PIN signs in as before.
    const signIn = valueOf<SignedIn>(await core.invoke('staff.login', { pin: COORDINATOR_PIN }));
    expect(signIn.account).toEqual({ id: 'coordinator', name: '統籌主任', role: 'coordinator' });
    const renamed = valueOf<StaffAccountView>(
      await core.invoke(
        'staff.accounts.update',
        { id: 'coordinator', name: 'Miss Chan' },
        { staffSession: signIn.session },
      ),
    );
    expect(renamed.name).toBe('Miss Chan');

    const onDisk = JSON.parse(await fs.readFile(path.join(dataDir, 'staff-credential.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 2, failedAttempts: 0 });
    expect(onDisk.pin).toBeUndefined();
    expect(onDisk.accounts).toEqual([
      expect.objectContaining({ id: 'coordinator', name: 'Miss Chan', pinHash: v1.pin }),
    ]);
    // And after a restart the same.
    const restarted = await openCore(dataDir);
    valueOf(await restarted.invoke('staff.login', { pin: COORDINATOR_PIN }));
  });
});

describe('staff accounts', () => {
  it('sign in by name and own PIN; with several accounts the name is needed', async () => {
    const { core, wing } = await kioskWithFacilitator();
    const status = valueOf<StaffStatus>(await core.invoke('staff.status', {}));
    expect(status.accounts.map((a) => a.name)).toEqual(['統籌主任', '阿榮']);

    const nameless = await core.invoke('staff.login', { pin: FACILITATOR_PIN });
    expect(errorCode(nameless)).toBe('invalid_input');
    expect(reasonOf(nameless)).toBe('staff.accounts.errors.chooseName');
    // A name choice is not a guess: nothing was counted.
    expect(valueOf<StaffStatus>(await core.invoke('staff.status', {})).triesLeft).toBe(5);

    // Another account's PIN does not sign in as Ah Wing.
    expect(errorCode(await core.invoke('staff.login', { pin: COORDINATOR_PIN, account: wing.id }))).toBe(
      'unauthorized',
    );
    const signIn = valueOf<SignedIn>(
      await core.invoke('staff.login', { pin: FACILITATOR_PIN, account: wing.id }),
    );
    expect(signIn.account).toEqual({ id: wing.id, name: '阿榮', role: 'facilitator' });
    expect(valueOf(await core.invoke('staff.whoami', {}, { staffSession: signIn.session }))).toEqual(
      signIn.account,
    );
  });

  it('count wrong PINs per kiosk, whichever account is tried: more accounts are not more guesses', async () => {
    const { core, wing, coordinatorAccount } = await kioskWithFacilitator();
    for (let i = 0; i < 4; i += 1)
      await core.invoke('staff.login', { pin: '000001', account: i % 2 ? wing.id : coordinatorAccount.id });
    const locking = await core.invoke('staff.login', { pin: '000001', account: wing.id });
    expect(errorCode(locking)).toBe('unauthorized');
    // Locked for everyone, the right PIN of the other account included.
    expect(
      errorCode(await core.invoke('staff.login', { pin: COORDINATOR_PIN, account: coordinatorAccount.id })),
    ).toBe('locked');
  });

  it('let a facilitator run sessions, see reports and change their own PIN, and nothing a coordinator keeps', async () => {
    const { core, wing } = await kioskWithFacilitator();
    const signIn = valueOf<SignedIn>(
      await core.invoke('staff.login', { pin: FACILITATOR_PIN, account: wing.id }),
    );
    const ctx = { staffSession: signIn.session };

    valueOf(
      await core.invoke(
        'staff.groups.create',
        { title: 'Phones', date: '2026-11-30', place: 'Room 1', lessonIds: ['free-wifi'] },
        ctx,
      ),
    );
    valueOf(await core.invoke('staff.reports.get', { from: '2026-11-01', to: '2026-11-30' }, ctx));
    valueOf(
      await core.invoke(
        'staff.pin.change',
        { current: FACILITATOR_PIN, next: '582914', confirm: '582914' },
        ctx,
      ),
    );

    const refused: [string, unknown][] = [
      ['staff.settings.update', { idleSeconds: 120 }],
      ['staff.datacare.wipe', { confirm: 'wipe-personal-data' }],
      ['staff.datacare.retention', { days: 30 }],
      ['staff.datacare.status', {}],
      ['staff.backup.create', {}],
      ['staff.hotspots.rollback', {}],
      ['staff.programmes.status', {}],
      ['staff.lessons.retention', {}],
      ['staff.accounts.list', {}],
      ['staff.accounts.add', { name: 'Me too', role: 'coordinator', pin: '582917', confirm: '582917' }],
      ['staff.accounts.update', { id: wing.id, role: 'coordinator' }],
    ];
    for (const [method, input] of refused) {
      const result = await core.invoke(method, input, ctx);
      expect(errorCode(result), method).toBe('forbidden');
      expect(reasonOf(result), method).toBe('staff.accounts.errors.coordinatorOnly');
    }
    expect(valueOf<StaffStatus>(await core.invoke('staff.status', {})).accounts[1]?.role).toBe('facilitator');
  });

  it('keep at least one coordinator, end a removed or reset account’s sessions, and refuse a taken name', async () => {
    const { core, coordinator, coordinatorAccount, wing } = await kioskWithFacilitator();
    for (const [method, input] of [
      ['staff.accounts.remove', { id: coordinatorAccount.id }],
      ['staff.accounts.update', { id: coordinatorAccount.id, role: 'facilitator' }],
    ] as const) {
      const result = await core.invoke(method, input, coordinator);
      expect(errorCode(result)).toBe('conflict');
      expect(reasonOf(result)).toBe('staff.accounts.errors.lastCoordinator');
    }
    const taken = await core.invoke('staff.accounts.update', { id: wing.id, name: '統籌主任' }, coordinator);
    expect(reasonOf(taken)).toBe('staff.accounts.errors.nameTaken');

    const wingSession = {
      staffSession: valueOf<SignedIn>(
        await core.invoke('staff.login', { pin: FACILITATOR_PIN, account: wing.id }),
      ).session,
    };
    valueOf(
      await core.invoke(
        'staff.accounts.resetPin',
        { id: wing.id, pin: '582914', confirm: '582914' },
        coordinator,
      ),
    );
    expect(errorCode(await core.invoke('staff.whoami', {}, wingSession))).toBe('unauthorized');
    expect(errorCode(await core.invoke('staff.login', { pin: FACILITATOR_PIN, account: wing.id }))).toBe(
      'unauthorized',
    );
    const again = {
      staffSession: valueOf<SignedIn>(await core.invoke('staff.login', { pin: '582914', account: wing.id }))
        .session,
    };

    // Promoted, Ah Wing is a coordinator at once; then the first coordinator may be removed.
    valueOf(await core.invoke('staff.accounts.update', { id: wing.id, role: 'coordinator' }, coordinator));
    valueOf(await core.invoke('staff.accounts.list', {}, again));
    valueOf(await core.invoke('staff.accounts.remove', { id: coordinatorAccount.id }, again));
    expect(errorCode(await core.invoke('staff.whoami', {}, coordinator))).toBe('unauthorized');
    expect(valueOf<StaffStatus>(await core.invoke('staff.status', {})).accounts.map((a) => a.name)).toEqual([
      '阿榮',
    ]);
  });

  it('refuse weak PINs with a reason wherever a PIN is chosen', async () => {
    const { core, coordinator, wing } = await kioskWithFacilitator();
    const weak = (result: Result<unknown>) => reasonOf(result);
    expect(
      weak(
        await core.invoke(
          'staff.accounts.add',
          { name: 'Kit', role: 'facilitator', pin: '777777', confirm: '777777' },
          coordinator,
        ),
      ),
    ).toBe('staff.accounts.errors.weak.sameDigit');
    expect(
      weak(
        await core.invoke(
          'staff.accounts.resetPin',
          { id: wing.id, pin: '654321', confirm: '654321' },
          coordinator,
        ),
      ),
    ).toBe('staff.accounts.errors.weak.run');
    expect(
      weak(
        await core.invoke(
          'staff.pin.change',
          { current: COORDINATOR_PIN, next: '901234', confirm: '901234' },
          coordinator,
        ),
      ),
    ).toBe('staff.accounts.errors.weak.run');

    valueOf(await core.invoke('staff.settings.update', { centrePhone: '27712345' }, coordinator));
    expect(
      weak(
        await core.invoke(
          'staff.accounts.add',
          { name: 'Kit', role: 'facilitator', pin: '771234', confirm: '771234' },
          coordinator,
        ),
      ),
    ).toBe('staff.accounts.errors.weak.phone');
    // A refused new PIN counts no wrong guess and changes nothing.
    expect(valueOf<StaffStatus>(await core.invoke('staff.status', {})).triesLeft).toBe(5);
    valueOf(await core.invoke('staff.login', { pin: COORDINATOR_PIN, account: 'coordinator' }));

    const fresh = await openCore(await dirs.make());
    const setUp = await fresh.invoke('staff.setup', { pin: '123456', confirm: '123456' });
    expect(reasonOf(setUp)).toBe('staff.accounts.errors.weak.run');
    expect(valueOf<StaffStatus>(await fresh.invoke('staff.status', {})).entry).toBe('set-up');
  });

  it('the recovery code sets a coordinator PIN, and never a facilitator’s', async () => {
    const dataDir = await dirs.make();
    const core = await openCore(dataDir);
    const setUp = valueOf<SignedIn>(
      await core.invoke('staff.setup', { pin: COORDINATOR_PIN, confirm: COORDINATOR_PIN, name: 'Miss Chan' }),
    );
    const wing = valueOf<StaffAccountView>(
      await core.invoke(
        'staff.accounts.add',
        { name: '阿榮', role: 'facilitator', pin: FACILITATOR_PIN, confirm: FACILITATOR_PIN },
        { staffSession: setUp.session },
      ),
    );
    const code = setUp.recoveryCode!;
    const asWing = await core.invoke('staff.recover', {
      code,
      pin: '582914',
      confirm: '582914',
      account: wing.id,
    });
    expect(reasonOf(asWing)).toBe('staff.accounts.errors.recoverCoordinatorOnly');
    expect(reasonOf(await core.invoke('staff.recover', { code, pin: '000000', confirm: '000000' }))).toBe(
      'staff.accounts.errors.weak.sameDigit',
    );
    const recovered = valueOf<SignedIn>(
      await core.invoke('staff.recover', { code, pin: '582914', confirm: '582914' }),
    );
    expect(recovered.account).toEqual({ id: 'coordinator', name: 'Miss Chan', role: 'coordinator' });
    valueOf(await core.invoke('staff.login', { pin: '582914', account: 'coordinator' }));
    valueOf(await core.invoke('staff.login', { pin: FACILITATOR_PIN, account: wing.id }));
  });
});

describe('who did what', () => {
  it('logs each staff call, sign-ins and locks under the account, prints included', async () => {
    const { core, coordinator, wing } = await kioskWithFacilitator();
    const signIn = valueOf<SignedIn>(
      await core.invoke('staff.login', { pin: FACILITATOR_PIN, account: wing.id }),
    );
    const ctx = { staffSession: signIn.session };
    const group = valueOf<{ id: string }>(
      await core.invoke(
        'staff.groups.create',
        { title: 'Phones', date: '2026-11-30', place: 'Room 1', lessonIds: ['free-wifi'] },
        ctx,
      ),
    );
    valueOf(await core.invoke('staff.groups.export', { id: group.id, language: 'en' }, ctx));
    valueOf(await core.invoke('staff.log.print', { kind: 'session-summary' }, ctx));
    for (let i = 0; i < 5; i += 1) await core.invoke('staff.login', { pin: '000001', account: wing.id });

    const entries = await logOf(core, coordinator);
    const by = (action: string) => entries.filter((e) => e.action === action).map((e) => e.by?.name);
    expect(by('account-added')).toEqual(['統籌主任']);
    expect(by('sign-in')).toEqual(expect.arrayContaining(['阿榮', '統籌主任']));
    expect(by('session-created')).toEqual(['阿榮']);
    expect(by('export')).toEqual(['阿榮', '阿榮']);
    expect(entries.find((e) => e.params?.format === 'print')?.params).toMatchObject({
      document: 'session-summary',
    });
    expect(by('sign-in-locked')).toEqual(['阿榮']);
  });
});
