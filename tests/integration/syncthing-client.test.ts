import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskError } from '../../electron/core/errors';
import {
  SyncthingClient,
  defaultSyncthingHome,
  readGuiSettings,
} from '../../electron/core/org/syncthing-client';
import { freePort, isRunning, startSyncthing, type SyncthingInstance } from '../helpers/syncthing-instance';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir';

/** Processes whose parent is `pid`, from /proc: Syncthing's monitor would show its real process here. */
async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The field after the command (which may hold spaces, hence the last ')') is the state, then the parent.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(entry));
  }
  return children;
}

async function reasonOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KioskError) return `${error.code}:${error.reason}`;
    throw error;
  }
  return undefined;
}

function reasonOfSync(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    if (error instanceof KioskError) return `${error.code}:${error.reason}`;
    throw error;
  }
  return undefined;
}

describe('Syncthing client and test instance (real Syncthing)', () => {
  let root: string;
  let instance: SyncthingInstance;

  beforeAll(async () => {
    root = await makeTempDir('kiosk-st-client-');
    instance = await startSyncthing({ name: 'solo', root });
  });

  afterAll(async () => {
    await instance?.stop();
    await removeTempDir(root);
  });

  it('starts closed to the outside and answers on loopback with its key', async () => {
    expect(await instance.client.ping()).toBe(true);
    expect(await instance.client.myDeviceId()).toBe(instance.deviceId);
    expect(instance.deviceId).toMatch(/^[A-Z0-9]{7}(-[A-Z0-9]{7}){7}$/);
    const config = await instance.client.getConfig();
    expect(config.options['globalAnnounceEnabled']).toBe(false);
    expect(config.options['localAnnounceEnabled']).toBe(false);
    expect(config.options['relaysEnabled']).toBe(false);
    expect(config.options['natEnabled']).toBe(false);
    expect(config.options['urAccepted']).toBe(-1);
    expect(config.options['listenAddresses']).toEqual([instance.listenAddress]);
    expect(config.gui['address']).toBe(new URL(instance.apiUrl).host);
    expect(instance.rssKiB()).toBeGreaterThan(1000);
  });

  it('adds, reads and removes a folder and a device, and names itself', async () => {
    const folderPath = path.join(root, 'content');
    await fs.mkdir(folderPath, { recursive: true });
    await instance.client.putFolder({
      id: 'content',
      label: 'Content',
      path: folderPath,
      type: 'receiveonly',
      devices: [{ deviceID: instance.deviceId }],
      rescanIntervalS: 3600,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1,
      ignorePerms: true,
    });
    let config = await instance.client.getConfig();
    const folder = config.folders.find((one) => one.id === 'content');
    expect(folder?.type).toBe('receiveonly');
    expect(folder?.path).toBe(folderPath);
    expect(folder?.ignorePerms).toBe(true);
    const status = await instance.client.folderStatus('content');
    expect(typeof status.state).toBe('string');
    expect(status.needBytes).toBe(0);
    expect(await instance.client.folderErrors('content')).toEqual([]);
    await instance.client.scan('content');

    // Another test instance's id stands in for a hub: any valid device id will do.
    const other = 'UYVCJKD-HV5OKI2-IIH4F7P-4YZOON2-SJRXVOW-QTDU6L7-6KAPWKF-SVT26QZ';
    await instance.client.putDevice({
      deviceID: other,
      name: 'hub',
      addresses: ['tcp://127.0.0.1:1'],
      autoAcceptFolders: false,
      introducer: false,
    });
    config = await instance.client.getConfig();
    expect(config.devices.find((one) => one.deviceID === other)?.addresses).toEqual(['tcp://127.0.0.1:1']);
    expect((await instance.client.connections()).connections[other]?.connected).toBe(false);
    expect(await instance.client.deviceStats()).toHaveProperty(other);
    expect(await instance.client.pendingDevices()).toEqual({});
    expect(await instance.client.pendingFolders()).toEqual({});

    await instance.client.setDeviceName('kiosk-ssw-kt-01');
    await instance.client.removeFolder('content');
    await instance.client.removeDevice(other);
    config = await instance.client.getConfig();
    expect(config.folders.map((one) => one.id)).toEqual([]);
    expect(config.devices.map((one) => one.deviceID)).toEqual([instance.deviceId]);
    expect(config.devices[0]?.name).toBe('kiosk-ssw-kt-01');
  });

  it('changes one option and leaves the rest as they were', async () => {
    const before = (await instance.client.getConfig()).options;
    await instance.client.setOptions({ reconnectionIntervalS: 10 });
    const after = (await instance.client.getConfig()).options;
    expect(after['reconnectionIntervalS']).toBe(10);
    expect({ ...after, reconnectionIntervalS: before['reconnectionIntervalS'] }).toEqual(before);
    await instance.client.setOptions({ reconnectionIntervalS: before['reconnectionIntervalS'] });
  });

  it('says a wrong key is refused and a stopped Syncthing is not running', async () => {
    const wrongKey = new SyncthingClient({ baseUrl: instance.apiUrl, apiKey: 'not-the-key' });
    expect(await reasonOf(wrongKey.ping())).toBe('unavailable:org.errors.syncthingRefused');
    const nobody = new SyncthingClient({ baseUrl: `http://127.0.0.1:${await freePort()}`, apiKey: 'x' });
    expect(await reasonOf(nobody.myDeviceId())).toBe('unavailable:org.errors.syncthingNotRunning');
  });

  it('reads only a loopback, configured home', async () => {
    const empty = await makeTempDir('kiosk-st-none-');
    try {
      expect(reasonOfSync(() => SyncthingClient.fromHome(empty))).toBe(
        'unavailable:org.errors.syncthingNotConfigured',
      );
      const config = await fs.readFile(path.join(instance.home, 'config.xml'), 'utf8');
      const open = config.replace(/<address>127\.0\.0\.1:/, '<address>0.0.0.0:');
      await fs.writeFile(path.join(empty, 'config.xml'), open);
      expect(reasonOfSync(() => SyncthingClient.fromHome(empty))).toBe(
        'unavailable:org.errors.syncthingNotLoopback',
      );
      expect(
        reasonOfSync(() => new SyncthingClient({ baseUrl: 'http://192.168.1.5:8384', apiKey: 'k' })),
      ).toBe('unavailable:org.errors.syncthingNotLoopback');
    } finally {
      await removeTempDir(empty);
    }
    expect(
      readGuiSettings('<gui tls="false"><address>[::1]:8384</address><apikey>a&amp;b</apikey></gui>'),
    ).toEqual({
      address: '[::1]:8384',
      apiKey: 'a&b',
      tls: false,
    });
  });

  it('finds the home from the environment, the state folder, else ~/.config', async () => {
    const fakeHome = await makeTempDir('kiosk-st-home-');
    try {
      expect(defaultSyncthingHome({ KIOSK_SYNCTHING_HOME: '/x/y' }, fakeHome)).toBe('/x/y');
      expect(defaultSyncthingHome({}, fakeHome)).toBe(path.join(fakeHome, '.config', 'syncthing'));
      const state = path.join(fakeHome, '.local', 'state', 'syncthing');
      await fs.mkdir(state, { recursive: true });
      await fs.writeFile(path.join(state, 'config.xml'), '<configuration/>');
      expect(defaultSyncthingHome({}, fakeHome)).toBe(state);
    } finally {
      await removeTempDir(fakeHome);
    }
  });

  it('stops, starts again on the same home with the same id, and leaves no process behind', async () => {
    const pid = instance.pid;
    expect(pid).toBeGreaterThan(0);
    // One process, the real Syncthing (no monitor parent whose kill would leave it running).
    expect(await childrenOf(pid as number)).toEqual([]);
    await instance.stop();
    expect(isRunning(pid as number)).toBe(false);
    expect(instance.pid).toBeUndefined();
    expect(instance.rssKiB()).toBe(0);
    expect(await reasonOf(instance.client.ping())).toBe('unavailable:org.errors.syncthingNotRunning');
    await instance.start();
    expect(await instance.client.myDeviceId()).toBe(instance.deviceId);
    const second = instance.pid as number;
    expect(second).not.toBe(pid);
    await instance.stop();
    expect(isRunning(second)).toBe(false);
  });
});
