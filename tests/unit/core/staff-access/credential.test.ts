import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataHealth } from '../../../../electron/core/contract';
import { createKioskCore, type KioskCore } from '../../../../electron/core/service';
import { hashPin } from '../../../../electron/core/staff-access/pin';
import type { StaffStatus } from '../../../../electron/core/staff-access/staff-status';
import { tempDirs } from '../../../helpers/temp-dir';
import { valueOf, errorCode } from '../../../helpers/results';
import { manualClock } from '../../../helpers/manual-clock';

const PIN = '482916';
const NEW_PIN = '730512';

const START = '2026-03-02T03:00:00.000Z';
const dirs = tempDirs('kiosk-credential-');
afterEach(() => dirs.cleanup());

async function openCore(dataDir: string, clock = manualClock(START)): Promise<KioskCore> {
  return createKioskCore({ dataDir, shell: 'browser', now: clock.now });
}

async function status(core: KioskCore): Promise<StaffStatus> {
  return valueOf<StaffStatus>(await core.invoke('staff.status', {}));
}

async function setUp(core: KioskCore): Promise<{ session: string; recoveryCode: string }> {
  return valueOf(await core.invoke('staff.setup', { pin: PIN, confirm: PIN }));
}

async function damage(dataDir: string, name: string): Promise<void> {
  await fs.writeFile(path.join(dataDir, `${name}.json`), '{"schemaVersion": 1, "pin": {');
  await fs.writeFile(path.join(dataDir, `${name}.bak.json`), '\u0000\u0000\u0000');
}

/** A group session with a participant and notes: personal data only staff may see. */
async function addPersonalData(core: KioskCore, session: string): Promise<void> {
  const ctx = { staffSession: session };
  const group = valueOf<{ id: string }>(
    await core.invoke(
      'staff.groups.create',
      { title: 'Phones for beginners', date: '2026-03-02', place: 'Room 1', lessonIds: ['free-wifi'] },
      ctx,
    ),
  );
  valueOf(
    await core.invoke(
      'staff.groups.participants.add',
      { id: group.id, kind: 'nickname', label: 'Auntie Mei', picsAgreed: true },
      ctx,
    ),
  );
}

async function readJson(dataDir: string, file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(path.join(dataDir, file), 'utf8')) as Record<string, unknown>;
}

describe('the staff credential lives apart from the settings', () => {
  it('survives settings.json and settings.bak.json both being unreadable: the PIN still works and no set-up is offered', async () => {
    const dataDir = await dirs.make();
    const first = await openCore(dataDir);
    await setUp(first);
    await damage(dataDir, 'settings');

    const restarted = await openCore(dataDir);
    expect(await status(restarted)).toMatchObject({ pinSet: true, entry: 'sign-in' });
    expect(errorCode(await restarted.invoke('staff.setup', { pin: '999999', confirm: '999999' }))).toBe(
      'conflict',
    );
    valueOf(await restarted.invoke('staff.login', { pin: PIN }));
    // Settings themselves went back to their defaults, as before.
    expect(valueOf<{ district: string }>(await restarted.invoke('settings.get', {})).district).toBe('F');
  });

  it('moves the PIN of a kiosk set up by an older version out of settings.json, credential first', async () => {
    const dataDir = await dirs.make();
    await openCore(dataDir);
    const legacy = await readJson(dataDir, 'settings.json');
    const legacyStaff = { pin: await hashPin(PIN), failedAttempts: 3, lockedUntil: null };
    legacy.staff = legacyStaff;
    await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(legacy));
    await fs.rm(path.join(dataDir, 'staff-credential.json'));
    await fs.rm(path.join(dataDir, 'staff-credential.bak.json'));

    const upgraded = await openCore(dataDir);
    expect((await readJson(dataDir, 'settings.json')).staff).toBeUndefined();
    expect((await readJson(dataDir, 'settings.bak.json')).staff).toBeUndefined();
    const credential = await readJson(dataDir, 'staff-credential.json');
    expect(credential.accounts).toEqual([
      expect.objectContaining({ id: 'coordinator', role: 'coordinator', pinHash: legacyStaff.pin }),
    ]);
    expect(credential.failedAttempts).toBe(3);
    expect(await status(upgraded)).toMatchObject({ pinSet: true, entry: 'sign-in', triesLeft: 2 });
    // No recovery code existed before: the first sign-in makes one, shown once.
    const signIn = valueOf<{ recoveryCode: string | null }>(
      await upgraded.invoke('staff.login', { pin: PIN }),
    );
    expect(signIn.recoveryCode).toMatch(/^\d{16}$/);
    expect(
      valueOf<{ recoveryCode: string | null }>(await upgraded.invoke('staff.login', { pin: PIN }))
        .recoveryCode,
    ).toBeNull();
  });

  it('loses nothing when a move was cut short after the credential was written', async () => {
    const dataDir = await dirs.make();
    await setUp(await openCore(dataDir));
    const settings = await readJson(dataDir, 'settings.json');
    // As if the kiosk stopped between writing the credential and removing it from settings, with
    // an older PIN in settings: the credential document wins.
    settings.staff = { pin: await hashPin('111111'), failedAttempts: 0, lockedUntil: null };
    await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));

    const restarted = await openCore(dataDir);
    expect((await readJson(dataDir, 'settings.json')).staff).toBeUndefined();
    valueOf(await restarted.invoke('staff.login', { pin: PIN }));
    expect(errorCode(await restarted.invoke('staff.login', { pin: '111111' }))).toBe('unauthorized');
  });
});

describe('a lost credential', () => {
  it('with personal data on the kiosk: set-up is refused, the recovery code sets a new PIN and the data is still there', async () => {
    const dataDir = await dirs.make();
    const clock = manualClock(START);
    const first = await openCore(dataDir, clock);
    const { session, recoveryCode } = await setUp(first);
    await addPersonalData(first, session);
    await damage(dataDir, 'staff-credential');

    clock.advance(60_000);
    const kiosk = await openCore(dataDir, clock);
    expect(await status(kiosk)).toMatchObject({
      pinSet: false,
      entry: 'recovery',
      recovery: { available: true, triesLeft: 10 },
    });
    expect(valueOf<{ staff: { entry: string } }>(await kiosk.invoke('app.info', {})).staff.entry).toBe(
      'recovery',
    );
    expect(errorCode(await kiosk.invoke('staff.setup', { pin: '999999', confirm: '999999' }))).toBe(
      'forbidden',
    );
    expect(errorCode(await kiosk.invoke('staff.login', { pin: PIN }))).toBe('conflict');

    const wrongCode = recoveryCode.replace(/^./, (d) => String((Number(d) + 1) % 10));
    expect(
      errorCode(await kiosk.invoke('staff.recover', { code: wrongCode, pin: NEW_PIN, confirm: NEW_PIN })),
    ).toBe('unauthorized');
    expect((await status(kiosk)).recovery.triesLeft).toBe(9);

    // Typed in groups of four, as printed.
    const grouped = recoveryCode.replace(/(\d{4})(?=\d)/g, '$1 ');
    const recovered = valueOf<{ session: string; recoveryCode: string }>(
      await kiosk.invoke('staff.recover', { code: grouped, pin: NEW_PIN, confirm: NEW_PIN }),
    );
    expect(recovered.recoveryCode).toMatch(/^\d{16}$/);
    expect(recovered.recoveryCode).not.toBe(recoveryCode);
    expect(await status(kiosk)).toMatchObject({ pinSet: true, entry: 'sign-in' });
    const groups = valueOf<{ sessions: { participants: { label: string }[] }[] }>(
      await kiosk.invoke('staff.groups.list', {}, { staffSession: recovered.session }),
    );
    expect(groups.sessions[0]?.participants.map((p) => p.label)).toEqual(['Auntie Mei']);

    // Data health says what happened, as codes.
    const health = valueOf<DataHealth>(
      await kiosk.invoke('staff.health', {}, { staffSession: recovered.session }),
    );
    expect(health.staff.notices.map((n) => n.code)).toEqual(
      expect.arrayContaining(['credential-lost', 'pin-recovered']),
    );
    expect(health.staff.notices.find((n) => n.code === 'credential-lost')?.time).toBe(
      clock.now().toISOString(),
    );

    // The used code is spent; the new PIN and the new code work after a restart.
    const restarted = await openCore(dataDir, clock);
    expect(
      errorCode(await restarted.invoke('staff.recover', { code: recoveryCode, pin: PIN, confirm: PIN })),
    ).toBe('unauthorized');
    valueOf(await restarted.invoke('staff.login', { pin: NEW_PIN }));
  });

  it('is remembered as lost across restarts, never taken for "no PIN yet"', async () => {
    const dataDir = await dirs.make();
    const first = await openCore(dataDir);
    const { session } = await setUp(first);
    await addPersonalData(first, session);
    await damage(dataDir, 'staff-credential');
    await openCore(dataDir);
    expect((await readJson(dataDir, 'staff-credential.json')).lostAt).toEqual(expect.any(String));
    const again = await openCore(dataDir);
    expect(await status(again)).toMatchObject({ pinSet: false, entry: 'recovery' });
  });

  it('counts resume codes as personal data: a kiosk holding only those asks for the recovery code', async () => {
    const dataDir = await dirs.make();
    const first = await openCore(dataDir);
    await setUp(first);
    valueOf(await first.invoke('lessons.resume.create', { lessonId: 'free-wifi', stepIndex: 2 }));
    await fs.rm(path.join(dataDir, 'staff-log.json'));
    await fs.rm(path.join(dataDir, 'staff-log.bak.json'));
    await damage(dataDir, 'staff-credential');
    expect(await status(await openCore(dataDir))).toMatchObject({ pinSet: false, entry: 'recovery' });
  });

  it('a kiosk that never had a PIN opens first-run set-up even after visitors saved resume codes', async () => {
    const dataDir = await dirs.make();
    const fresh = await openCore(dataDir);
    valueOf(await fresh.invoke('lessons.resume.create', { lessonId: 'free-wifi', stepIndex: 2 }));
    const restarted = await openCore(dataDir);
    expect(await status(restarted)).toMatchObject({ pinSet: false, entry: 'set-up' });
    valueOf(await restarted.invoke('staff.setup', { pin: PIN, confirm: PIN }));
  });

  it('still asks for the recovery code when the loss could not be written down but the damaged file was kept aside', async () => {
    const dataDir = await dirs.make();
    const first = await openCore(dataDir);
    const { session } = await setUp(first);
    await addPersonalData(first, session);
    // As a full disk would leave it: the damaged credential moved aside, no main file, no recovery record.
    await fs.rename(
      path.join(dataDir, 'staff-credential.json'),
      path.join(dataDir, 'staff-credential.corrupt-2026-03-02T03-00-00-000Z.json'),
    );
    await fs.rm(path.join(dataDir, 'staff-credential.bak.json'));
    for (const file of ['staff-recovery.json', 'staff-recovery.bak.json'])
      await fs.rm(path.join(dataDir, file));
    const kiosk = await openCore(dataDir);
    expect(await status(kiosk)).toMatchObject({ pinSet: false, entry: 'closed' });
    expect(errorCode(await kiosk.invoke('staff.setup', { pin: NEW_PIN, confirm: NEW_PIN }))).toBe(
      'forbidden',
    );
  });

  it('without personal data on the kiosk: first-run set-up opens as before', async () => {
    const dataDir = await dirs.make();
    await setUp(await openCore(dataDir));
    // Only a sign-in was ever logged: wipe the staff log too, as a fresh kiosk has none.
    await fs.rm(path.join(dataDir, 'staff-log.json'));
    await fs.rm(path.join(dataDir, 'staff-log.bak.json'));
    await damage(dataDir, 'staff-credential');

    const kiosk = await openCore(dataDir);
    expect(await status(kiosk)).toMatchObject({ pinSet: false, entry: 'set-up' });
    const again = valueOf<{ recoveryCode: string }>(
      await kiosk.invoke('staff.setup', { pin: NEW_PIN, confirm: NEW_PIN }),
    );
    expect(again.recoveryCode).toMatch(/^\d{16}$/);
  });

  it('with the recovery record lost too: staff entry stays closed, and nothing a stranger types opens it', async () => {
    const dataDir = await dirs.make();
    const first = await openCore(dataDir);
    const { session, recoveryCode } = await setUp(first);
    await addPersonalData(first, session);
    await damage(dataDir, 'staff-credential');
    await damage(dataDir, 'staff-recovery');

    const kiosk = await openCore(dataDir);
    expect(await status(kiosk)).toMatchObject({
      pinSet: false,
      entry: 'closed',
      recovery: { available: false },
    });
    expect(errorCode(await kiosk.invoke('staff.setup', { pin: NEW_PIN, confirm: NEW_PIN }))).toBe(
      'forbidden',
    );
    expect(
      errorCode(await kiosk.invoke('staff.recover', { code: recoveryCode, pin: NEW_PIN, confirm: NEW_PIN })),
    ).toBe('forbidden');
    expect(errorCode(await kiosk.invoke('staff.login', { pin: PIN }))).toBe('conflict');
  });

  it('restored from its backup when only the main file is damaged, and Data health says so', async () => {
    const dataDir = await dirs.make();
    await setUp(await openCore(dataDir));
    await fs.writeFile(path.join(dataDir, 'staff-credential.json'), 'not json');
    const kiosk = await openCore(dataDir);
    const { session } = valueOf<{ session: string }>(await kiosk.invoke('staff.login', { pin: PIN }));
    const health = valueOf<DataHealth>(await kiosk.invoke('staff.health', {}, { staffSession: session }));
    expect(health.staff.notices.map((n) => n.code)).toEqual(['credential-restored']);
    expect(health.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ document: 'staff-credential', kind: 'recovered-from-backup' }),
      ]),
    );
  });
});
