import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import { HUB_REDIAL_SECONDS } from '../../../../electron/core/org/join';
import { createOrgHandlers } from '../../../../electron/core/org/org-handlers';
import { keyFingerprint } from '../../../../electron/core/org/pack-manifest';
import {
  fakeKioskSyncthing,
  HUB_DEVICE_ID,
  joinFileBytes,
  KIOSK_DEVICE_ID,
  organisationKeys,
} from '../../../helpers/fake-kiosk-syncthing';
import { makeCoreContext } from '../../../helpers/hotspots-context';
import { manualClock } from '../../../helpers/manual-clock';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-org-join-');
afterEach(dirs.cleanup);
const keys = organisationKeys();

async function setUp() {
  const dataDir = await dirs.make();
  const clock = manualClock('2026-12-02T03:00:00.000Z');
  const ctx = await makeCoreContext(dataDir, clock.now);
  const syncthing = fakeKioskSyncthing();
  const stops: (() => void)[] = [];
  const handlers = createOrgHandlers(ctx, {
    syncthing: syncthing.factory,
    onClose: (stop) => stops.push(stop),
  });
  onTestFinished(() => stops.forEach((stop) => stop()));
  return { dataDir, clock, ctx, syncthing, handlers };
}

async function refusedWith(promise: Promise<unknown>): Promise<KioskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KioskError);
  return error as KioskError;
}

describe('joining an organisation', () => {
  it('keeps a redial interval the centre already set faster', async () => {
    const { syncthing, handlers } = await setUp();
    syncthing.state.options['reconnectionIntervalS'] = 5;
    const preview = await handlers['staff.org.join.preview'](
      { content: joinFileBytes(keys.publicKeyPem) },
      {},
    );
    await handlers['staff.org.join.confirm']({ token: preview.token }, {});
    expect(syncthing.state.options['reconnectionIntervalS']).toBe(5);
    expect(syncthing.state.calls).not.toContain('setOptions');
  });

  it('previews, then tells Syncthing and records the join with the key pinned', async () => {
    const { dataDir, ctx, syncthing, handlers } = await setUp();
    const preview = await handlers['staff.org.join.preview'](
      { content: joinFileBytes(keys.publicKeyPem) },
      {},
    );
    expect(preview).toMatchObject({
      kioskId: 'ssw-kt-01',
      organisation: 'Smart Silver',
      centre: { name: 'Kwun Tong Support Point', district: 'J' },
      hubDeviceId: HUB_DEVICE_ID,
      hubAddresses: ['tcp://127.0.0.1:22000'],
      keyFingerprint: keyFingerprint(keys.publicKeyPem),
      folders: { content: 'content', figures: 'figures-ssw-kt-01' },
    });
    expect(preview.keyFingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    expect(preview.willDo.length).toBeGreaterThan(3);
    // Nothing is changed by a preview.
    expect(syncthing.state.devices.size).toBe(0);
    expect(ctx.documents.org.data.joined).toBeNull();
    expect(existsSync(path.join(dataDir, 'org'))).toBe(false);

    const status = await handlers['staff.org.join.confirm']({ token: preview.token }, {});
    expect(syncthing.state.name).toBe('kiosk-ssw-kt-01');
    expect(syncthing.state.devices.get(HUB_DEVICE_ID)).toMatchObject({
      name: 'smart-silver-hub',
      addresses: ['tcp://127.0.0.1:22000'],
      introducer: false,
      autoAcceptFolders: false,
    });
    expect(syncthing.state.folders.get('content')).toMatchObject({
      type: 'receiveonly',
      path: path.join(dataDir, 'org', 'content'),
      devices: [{ deviceID: HUB_DEVICE_ID }],
    });
    expect(syncthing.state.folders.get('figures-ssw-kt-01')).toMatchObject({
      type: 'sendonly',
      path: path.join(dataDir, 'org', 'figures'),
      devices: [{ deviceID: HUB_DEVICE_ID }],
    });
    expect((await fs.stat(path.join(dataDir, 'org', 'content'))).isDirectory()).toBe(true);
    expect((await fs.stat(path.join(dataDir, 'org', 'figures'))).isDirectory()).toBe(true);
    // A hub that restarted is dialled again within seconds, not Syncthing's default minute.
    expect(syncthing.state.options['reconnectionIntervalS']).toBe(HUB_REDIAL_SECONDS);
    const joined = ctx.documents.org.data.joined;
    expect(joined).toMatchObject({ joinedAt: '2026-12-02T03:00:00.000Z', applyMode: 'preview' });
    expect(joined?.join.organisation.publicKey).toBe(keys.publicKeyPem);
    // Durable: the file on disk says the same.
    const onDisk = JSON.parse(await fs.readFile(path.join(dataDir, 'org.json'), 'utf8'));
    expect(onDisk.joined.join.kioskId).toBe('ssw-kt-01');
    expect(status).toMatchObject({
      syncthing: 'running',
      joined: {
        kioskId: 'ssw-kt-01',
        organisation: 'Smart Silver',
        deviceId: KIOSK_DEVICE_ID,
        applyMode: 'preview',
      },
    });
    expect(ctx.documents.staffLog.data.entries.at(-1)).toMatchObject({
      action: 'org-joined',
      params: { organisation: 'Smart Silver', kioskId: 'ssw-kt-01' },
    });
    // A token is used once.
    expect((await refusedWith(handlers['staff.org.join.confirm']({ token: preview.token }, {}))).reason).toBe(
      'org.errors.joinPreviewExpired',
    );
  });

  it('records nothing when Syncthing is not running or not set up', async () => {
    const { dataDir, ctx, syncthing, handlers } = await setUp();
    const preview = await handlers['staff.org.join.preview'](
      { content: joinFileBytes(keys.publicKeyPem) },
      {},
    );
    syncthing.state.down = true;
    const refused = await refusedWith(handlers['staff.org.join.confirm']({ token: preview.token }, {}));
    expect(refused.code).toBe('unavailable');
    expect(refused.reason).toBe('org.errors.syncthingNotRunning');
    expect(ctx.documents.org.data.joined).toBeNull();
    expect(existsSync(path.join(dataDir, 'org'))).toBe(false);

    const notSetUp = createOrgHandlers(ctx, { syncthingHome: path.join(dataDir, 'no-syncthing-here') });
    const again = await notSetUp['staff.org.join.preview']({ content: joinFileBytes(keys.publicKeyPem) }, {});
    const refusedToo = await refusedWith(notSetUp['staff.org.join.confirm']({ token: again.token }, {}));
    expect(refusedToo.reason).toBe('org.errors.syncthingNotConfigured');
    expect(ctx.documents.org.data.joined).toBeNull();
  });

  it('takes back what it told Syncthing when a later step fails', async () => {
    const { ctx, syncthing, handlers } = await setUp();
    const preview = await handlers['staff.org.join.preview'](
      { content: joinFileBytes(keys.publicKeyPem) },
      {},
    );
    syncthing.state.failing = 'putFolder';
    const refused = await refusedWith(handlers['staff.org.join.confirm']({ token: preview.token }, {}));
    expect(refused.reason).toBe('org.errors.syncthingFailed');
    expect(syncthing.state.devices.size).toBe(0);
    expect(syncthing.state.folders.size).toBe(0);
    expect(ctx.documents.org.data.joined).toBeNull();
  });

  it('lets a preview lapse after 10 minutes', async () => {
    const { clock, ctx, handlers } = await setUp();
    const preview = await handlers['staff.org.join.preview'](
      { content: joinFileBytes(keys.publicKeyPem) },
      {},
    );
    clock.advance(10 * 60_000);
    const refused = await refusedWith(handlers['staff.org.join.confirm']({ token: preview.token }, {}));
    expect(refused.reason).toBe('org.errors.joinPreviewExpired');
    expect(ctx.documents.org.data.joined).toBeNull();
  });

  it('refuses a key that is not Ed25519, a file too large, and another organisation while joined', async () => {
    const { handlers } = await setUp();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const notEd = await refusedWith(
      handlers['staff.org.join.preview']({ content: joinFileBytes(rsa.toString()) }, {}),
    );
    expect(notEd.reason).toBe('org.errors.joinKeyInvalid');
    const big = Buffer.alloc(64 * 1024 + 1, 0x20);
    expect((await refusedWith(handlers['staff.org.join.preview']({ content: big }, {}))).reason).toBe(
      'org.errors.joinFileTooLarge',
    );
    async function* streamed() {
      yield Buffer.alloc(40 * 1024, 0x20);
      yield Buffer.alloc(40 * 1024, 0x20);
    }
    expect((await refusedWith(handlers['staff.org.join.preview']({ content: streamed() }, {}))).reason).toBe(
      'org.errors.joinFileTooLarge',
    );

    const preview = await handlers['staff.org.join.preview'](
      { content: joinFileBytes(keys.publicKeyPem) },
      {},
    );
    await handlers['staff.org.join.confirm']({ token: preview.token }, {});
    const other = organisationKeys();
    const refused = await refusedWith(
      handlers['staff.org.join.preview'](
        { content: joinFileBytes(other.publicKeyPem, { 'organisation.name': 'Other NGO' }) },
        {},
      ),
    );
    expect(refused).toMatchObject({
      reason: 'org.errors.joinOtherOrganisation',
      params: { organisation: 'Smart Silver' },
    });
    // The same organisation may join again (a new hub address), keeping the apply mode staff chose.
    await handlers['staff.org.mode']({ applyMode: 'auto' }, {});
    const rejoin = await handlers['staff.org.join.preview'](
      {
        content: joinFileBytes(keys.publicKeyPem, { 'hub.addresses': ['tcp://192.168.1.20:22000'] }),
      },
      {},
    );
    const status = await handlers['staff.org.join.confirm']({ token: rejoin.token }, {});
    expect(status.joined?.applyMode).toBe('auto');
  });

  it('chooses the file with the Electron dialog, and says the browser kiosk cannot', async () => {
    const { ctx, syncthing } = await setUp();
    let answer: Buffer | null = null;
    const electron = createOrgHandlers(ctx, {
      syncthing: syncthing.factory,
      chooseJoinFile: async () => answer,
    });
    expect(await electron['staff.org.join.choose']({}, {})).toEqual({ cancelled: true });
    answer = joinFileBytes(keys.publicKeyPem);
    expect(await electron['staff.org.join.choose']({}, {})).toMatchObject({ kioskId: 'ssw-kt-01' });
    const browser = createOrgHandlers(ctx, { syncthing: syncthing.factory });
    const refused = await refusedWith(browser['staff.org.join.choose']({}, {}));
    expect(refused).toMatchObject({ code: 'forbidden', reason: 'org.errors.chooseDesktopOnly' });
  });
});

describe('leaving an organisation', () => {
  async function joined() {
    const setup = await setUp();
    const preview = await setup.handlers['staff.org.join.preview'](
      { content: joinFileBytes(keys.publicKeyPem) },
      {},
    );
    await setup.handlers['staff.org.join.confirm']({ token: preview.token }, {});
    await fs.writeFile(path.join(setup.dataDir, 'org', 'figures', '2026-12-01.json'), '{}');
    return setup;
  }

  it('removes the hub and both folders from Syncthing and keeps what was written', async () => {
    const { dataDir, ctx, syncthing, handlers } = await joined();
    const status = await handlers['staff.org.leave']({}, {});
    expect(syncthing.state.devices.size).toBe(0);
    expect(syncthing.state.folders.size).toBe(0);
    expect(status.joined).toBeNull();
    expect(ctx.documents.org.data.joined).toBeNull();
    expect(existsSync(path.join(dataDir, 'org', 'figures', '2026-12-01.json'))).toBe(true);
    expect(ctx.documents.staffLog.data.entries.at(-1)).toMatchObject({
      action: 'org-left',
      params: { organisation: 'Smart Silver' },
    });
  });

  it('joining afresh moves the earlier membership’s figures and pack aside, so the new hub gets none of them', async () => {
    const { dataDir, clock, handlers } = await joined();
    await fs.writeFile(path.join(dataDir, 'org', 'content', 'manifest.json'), '{}');
    await handlers['staff.org.leave']({}, {});
    clock.advance(60_000);
    const other = organisationKeys();
    const preview = await handlers['staff.org.join.preview'](
      { content: joinFileBytes(other.publicKeyPem) },
      {},
    );
    await handlers['staff.org.join.confirm']({ token: preview.token }, {});
    const org = path.join(dataDir, 'org');
    expect(await fs.readdir(path.join(org, 'figures'))).toEqual([]);
    expect(await fs.readdir(path.join(org, 'content'))).toEqual([]);
    const aside = (await fs.readdir(org)).filter((name) => name.includes('-before-')).sort();
    expect(aside).toEqual([
      'content-before-2026-12-02T03-01-00-000Z',
      'figures-before-2026-12-02T03-01-00-000Z',
    ]);
    expect(await fs.readdir(path.join(org, aside[1]!))).toEqual(['2026-12-01.json']);
  });

  it('still leaves when Syncthing is stopped, and the log says it could not be told', async () => {
    const { ctx, syncthing, handlers } = await joined();
    syncthing.state.down = true;
    const status = await handlers['staff.org.leave']({}, {});
    expect(status).toMatchObject({ syncthing: 'not-running', joined: null, sync: null });
    expect(ctx.documents.org.data.joined).toBeNull();
    expect(ctx.documents.staffLog.data.entries.at(-1)).toMatchObject({
      action: 'org-left',
      params: { organisation: 'Smart Silver', syncthingNotTold: 'yes' },
    });
    // Syncthing back: the next status read takes the hub and both folders out of it.
    syncthing.state.down = false;
    syncthing.state.folders.set('someone-else', { id: 'someone-else', path: '/srv/other', devices: [] });
    await handlers['staff.org.status']({}, {});
    expect([...syncthing.state.folders.keys()]).toEqual(['someone-else']);
    expect(syncthing.state.devices.size).toBe(0);
  });
});
