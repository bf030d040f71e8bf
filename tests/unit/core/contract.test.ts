import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, isMethodName, METHOD_NAMES, type MethodName } from '../../../electron/core/contract';
import { ERROR_CODES } from '../../../electron/core/errors';
import { createKioskCore, type KioskCore } from '../../../electron/core/service';
import { snapshotDir, tempDirs } from '../../helpers/temp-dir';
import { errorCode } from '../../helpers/results';

const dirs = tempDirs('kiosk-contract-');
afterEach(async () => {
  vi.restoreAllMocks();
  await dirs.cleanup();
});

/**
 * Building a core costs tens of milliseconds, so the tests that only read (and check that the data
 * folder is unchanged afterwards) share two: a fresh kiosk and one with a PIN and a live session.
 * A test that writes builds its own, so no test's outcome depends on another's.
 */
const sharedDirs = tempDirs('kiosk-contract-shared-');
let fresh: { core: KioskCore; dataDir: string };
let withPin: Awaited<ReturnType<typeof coreWithPin>>;
beforeAll(async () => {
  const dataDir = await sharedDirs.make();
  fresh = { core: await createKioskCore({ dataDir, shell: 'browser' }), dataDir };
  withPin = await coreWithPin(sharedDirs.make);
});
afterAll(() => sharedDirs.cleanup());

const PIN = '246813';

/**
 * Inputs that would pass validation, so a refusal is the session check and not the schema.
 * Methods not listed here are tried with `{}` (and with these, where given).
 */
const VALID_INPUTS: Partial<Record<MethodName, unknown>> = {
  'visit.start': { language: 'en' },
  'handwriting.recognise': {
    strokes: [
      [
        [0, 0],
        [10, 10],
      ],
    ],
    prefer: 'traditional',
  },
  'handwriting.suggest': { after: '沙', prefer: 'traditional' },
  'staff.setup': { pin: PIN, confirm: PIN },
  'staff.login': { pin: PIN },
  'staff.settings.update': { idleSeconds: 45, centreName: { 'zh-HK': '入侵者', en: 'Intruder' } },
  'staff.pin.change': { current: PIN, next: '135792', confirm: '135792' },
  'staff.org.join.preview': { content: new Uint8Array([0x7b, 0x7d]) },
  'staff.org.join.confirm': { token: 'a'.repeat(32) },
  'staff.org.mode': { applyMode: 'auto' },
  'staff.org.pack.apply': { version: '2' },
};

const STAFF_METHODS = METHOD_NAMES.filter((name) => contract[name].staff);
const PUBLIC_METHODS = METHOD_NAMES.filter((name) => !contract[name].staff);
/**
 * Public methods that write with the inputs below (a visit tally, a PIN, a failed attempt): each gets a
 * fresh core. The others are called with `{}`, which they refuse or answer without writing.
 */
const PUBLIC_WRITERS = new Set<MethodName>(['visit.start', 'staff.setup', 'staff.login']);

async function coreWithPin(
  makeDir: () => Promise<string> = dirs.make,
): Promise<{ core: KioskCore; dataDir: string; session: string; exitKiosk: ReturnType<typeof vi.fn> }> {
  const dataDir = await makeDir();
  const exitKiosk = vi.fn();
  const core = await createKioskCore({ dataDir, shell: 'electron', exitKiosk });
  const setup = await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
  if (!setup.ok) throw new Error(`set-up failed: ${setup.error.message}`);
  return { core, dataDir, session: (setup.value as { session: string }).session, exitKiosk };
}

describe('contract ⇄ service coverage', () => {
  it('has a handler for every contract method and no handler outside the contract', () => {
    const { core } = fresh;
    const handlerNames = Object.keys(core.handlers).sort();
    expect(handlerNames).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof core.handlers[name]).toBe('function');
  });

  it('declares each method with an input schema and a staff flag', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(0);
    for (const name of METHOD_NAMES) {
      const spec = contract[name];
      expect(typeof spec.staff, name).toBe('boolean');
      expect(typeof spec.input.safeParse, name).toBe('function');
      expect(name, 'method names are dotted lower-case words').toMatch(
        /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/,
      );
    }
  });

  it('includes the methods the shell and the staff console start from, with staff methods marked', () => {
    for (const name of ['app.info', 'settings.get', 'staff.setup', 'staff.login']) {
      expect(isMethodName(name), name).toBe(true);
      expect(contract[name as MethodName].staff, name).toBe(false);
    }
    for (const name of ['staff.logout', 'staff.settings.update', 'staff.pin.change', 'staff.health']) {
      expect(isMethodName(name), name).toBe(true);
      expect(contract[name as MethodName].staff, name).toBe(true);
    }
  });

  it('does not take inherited object keys for method names', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', ''])
      expect(isMethodName(name)).toBe(false);
  });
});

describe('staff methods without a session', () => {
  it.each(STAFF_METHODS)('%s refuses with unauthorized and writes nothing', async (name) => {
    const { core, dataDir, exitKiosk } = withPin;
    const before = await snapshotDir(dataDir);
    const inputs = [{}, ...(name in VALID_INPUTS ? [VALID_INPUTS[name]] : [])];
    const sessions: (string | undefined)[] = [undefined, '', 'not-a-session', 'x'.repeat(32)];
    for (const input of inputs) {
      for (const staffSession of sessions) {
        const result = await core.invoke(name, input, staffSession === undefined ? {} : { staffSession });
        expect(errorCode(result), `${name} with session ${JSON.stringify(staffSession)}`).toBe(
          'unauthorized',
        );
      }
      // No context argument at all.
      expect(errorCode(await core.invoke(name, input))).toBe('unauthorized');
    }
    expect(await snapshotDir(dataDir)).toEqual(before);
    expect(exitKiosk).not.toHaveBeenCalled();
  });

  it('the session check comes before input validation (nothing about the schema leaks)', async () => {
    const { core } = withPin;
    for (const name of STAFF_METHODS) {
      expect(errorCode(await core.invoke(name, { definitely: 'not valid' })), name).toBe('unauthorized');
    }
  });

  it('the same calls work with a live session', async () => {
    const { core, session } = await coreWithPin();
    const health = await core.invoke('staff.health', {}, { staffSession: session });
    expect(health.ok).toBe(true);
    const update = await core.invoke('staff.settings.update', { idleSeconds: 45 }, { staffSession: session });
    expect(update).toMatchObject({ ok: true, value: { idleSeconds: 45 } });
  });
});

describe('public methods', () => {
  it.each(PUBLIC_METHODS)('%s answers without a staff session', async (name) => {
    const writes = PUBLIC_WRITERS.has(name);
    const { core, dataDir } = writes ? { dataDir: await dirs.make(), core: undefined } : { ...fresh };
    const kiosk = core ?? (await createKioskCore({ dataDir, shell: 'browser' }));
    const before = await snapshotDir(dataDir);
    const result = await kiosk.invoke(name, VALID_INPUTS[name] ?? {});
    expect(result.ok ? 'ok' : result.error.code, name).not.toBe('unauthorized');
    // A method on the shared core must leave it as it was, or it belongs in PUBLIC_WRITERS.
    if (!writes) expect(await snapshotDir(dataDir), `${name} wrote to the data folder`).toEqual(before);
  });
});

describe('invoke errors', () => {
  it('answers not_found for an unknown method', async () => {
    const { core, dataDir } = fresh;
    const before = await snapshotDir(dataDir);
    for (const name of [
      'no.such.method',
      'constructor',
      '__proto__',
      'toString',
      '',
      'staff',
      'app.info.extra',
    ]) {
      const result = await core.invoke(name, {});
      expect(errorCode(result), name).toBe('not_found');
    }
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it.each<[MethodName, unknown]>([
    ['visit.start', { language: 'fr' }],
    ['visit.start', {}],
    ['visit.start', { language: 'en', extra: true }],
    ['app.info', { unexpected: 1 }],
    ['settings.get', 'a string'],
    ['settings.get', [1, 2, 3]],
    ['staff.login', { pin: 123456 }],
    ['staff.login', { pin: '1'.repeat(1000) }],
    ['staff.setup', { pin: 'abc' }],
    ['staff.setup', { pin: PIN, confirm: PIN, admin: true }],
  ])('answers invalid_input for %s with %j and writes nothing', async (name, input) => {
    const { core, dataDir } = fresh;
    const before = await snapshotDir(dataDir);
    const result = await core.invoke(name, input);
    expect(errorCode(result)).toBe('invalid_input');
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it.each<[MethodName, unknown]>([
    ['staff.settings.update', { idleSeconds: 2 }],
    ['staff.settings.update', { idleSeconds: '90' }],
    ['staff.settings.update', { district: 'Z' }],
    ['staff.settings.update', { location: { latitude: 51.5, longitude: -0.12 } }],
    ['staff.settings.update', { centreName: { 'zh-HK': '', en: 'x' } }],
    ['staff.settings.update', { pin: null }],
    ['staff.settings.update', { staff: { pin: null, failedAttempts: 0, lockedUntil: null } }],
    ['staff.pin.change', { current: PIN }],
  ])('with a session, answers invalid_input for %s with %j and writes nothing', async (name, input) => {
    const { core, dataDir, session } = withPin;
    const before = await snapshotDir(dataDir);
    const result = await core.invoke(name, input, { staffSession: session });
    expect(errorCode(result)).toBe('invalid_input');
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it('never throws, and every error has a known code and a message', async () => {
    const dataDir = await dirs.make();
    const core = await createKioskCore({ dataDir, shell: 'browser' });
    const calls: [string, unknown][] = [
      ['nope', undefined],
      ['app.info', undefined],
      ['app.info', null],
      ['visit.start', Symbol('x') as unknown],
      ['staff.login', { pin: PIN }],
      ['staff.health', {}],
    ];
    for (const [name, input] of calls) {
      const result = await core.invoke(name, input);
      if (!result.ok) {
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(0);
        // Nothing else crosses the wire: no stack, no cause; a refusal says its reason (and params).
        expect(['code', 'message', 'params', 'reason']).toEqual(
          expect.arrayContaining(Object.keys(result.error)),
        );
        expect(result.error.reason).toMatch(/(^|\.)errors\./);
      }
    }
  });

  it('answers forbidden for staff.exit where the shell cannot close the kiosk', async () => {
    const dataDir = await dirs.make();
    const core = await createKioskCore({ dataDir, shell: 'browser' });
    const setup = await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
    const session = setup.ok ? (setup.value as { session: string }).session : '';
    expect(errorCode(await core.invoke('staff.exit', {}, { staffSession: session }))).toBe('forbidden');
  });
});
