import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJoinFile } from '../../../electron/core/org/join-file';
import { keyFingerprint } from '../../../electron/core/org/pack-manifest';
import { acceptKiosks, watchKiosks } from '../../../electron/hub/accept';
import { HubError, hubPaths, readHubFile } from '../../../electron/hub/home';
import { writeJoinFile } from '../../../electron/hub/join';
import { makeKeys } from '../../../electron/hub/keys';
import { deviceIdOf, fakeHubSyncthing, HUB_DEVICE_ID } from '../../helpers/fake-hub-syncthing';
import { manualClock } from '../../helpers/manual-clock';
import { tempDirs } from '../../helpers/temp-dir';

const dirs = tempDirs('hub-join-');
afterEach(dirs.cleanup);
const clock = manualClock('2026-12-02T03:00:00.000Z');

async function hubWithKey(): Promise<string> {
  const home = await dirs.make();
  await makeKeys({ home, organisation: 'Smart Silver' });
  return home;
}

describe('hub join', () => {
  it('writes a join file the kiosk accepts, with the hub device, the key and the kiosk’s folders', async () => {
    const home = await hubWithKey();
    const syncthing = fakeHubSyncthing({
      listenAddresses: ['default', 'tcp://0.0.0.0:22000', 'tcp://192.168.1.20:22000'],
    });
    const result = await writeJoinFile({
      home,
      kioskId: 'ssw-kt-01',
      centre: 'Smart Silver Kwun Tong',
      district: 'kwun-tong',
      syncthing,
      now: clock.now,
    });
    expect(result.file).toBe(path.join(hubPaths(home).joins, 'ssw-kt-01.kiosk-join.json'));
    const join = parseJoinFile(await fs.readFile(result.file));
    const publicKey = await fs.readFile(hubPaths(home).publicKey, 'utf8');
    expect(join).toEqual({
      kind: 'kiosk-join',
      format: 1,
      kioskId: 'ssw-kt-01',
      created: '2026-12-02T03:00:00.000Z',
      organisation: { name: 'Smart Silver', publicKey },
      hub: { deviceId: HUB_DEVICE_ID, name: 'smart-silver-hub', addresses: ['tcp://192.168.1.20:22000'] },
      folders: { content: 'content', figures: 'figures-ssw-kt-01' },
      centre: { name: 'Smart Silver Kwun Tong', district: 'J' },
    });
    expect(result.addressesFrom).toBe('listen');
    expect(keyFingerprint(join.organisation.publicKey)).toBe(keyFingerprint(publicKey));
    expect(syncthing.config.folders).toEqual([
      expect.objectContaining({ id: 'content', type: 'sendonly', path: hubPaths(home).content }),
    ]);
    expect((await readHubFile(hubPaths(home)))?.kiosks).toEqual([
      {
        kioskId: 'ssw-kt-01',
        centre: { name: 'Smart Silver Kwun Tong', district: 'J' },
        joinedAt: '2026-12-02T03:00:00.000Z',
      },
    ]);
  });

  it('takes --address over the listen addresses, and refuses when neither gives one a kiosk can dial', async () => {
    const home = await hubWithKey();
    const syncthing = fakeHubSyncthing({ listenAddresses: ['default'] });
    const base = { home, kioskId: 'ssw-kt-02', centre: 'Centre', district: 'J', syncthing };
    await expect(writeJoinFile(base)).rejects.toMatchObject({ exitCode: 1, key: 'errors.noAddress' });
    const result = await writeJoinFile({ ...base, addresses: ['tcp://hub.example.org:22000'] });
    expect(result.join.hub.addresses).toEqual(['tcp://hub.example.org:22000']);
    expect(result.addressesFrom).toBe('option');
    await expect(writeJoinFile({ ...base, addresses: ['hub.example.org'] })).rejects.toMatchObject({
      key: 'errors.badAddress',
    });
  });

  it('refuses a bad kiosk id or district before touching anything', async () => {
    const home = await hubWithKey();
    const syncthing = fakeHubSyncthing();
    await expect(
      writeJoinFile({ home, kioskId: 'SSW KT', centre: 'Centre', district: 'J', syncthing }),
    ).rejects.toMatchObject({ key: 'errors.badKioskId' });
    await expect(
      writeJoinFile({ home, kioskId: 'ssw-kt-01', centre: 'Centre', district: 'atlantis', syncthing }),
    ).rejects.toMatchObject({ key: 'errors.badDistrict' });
    expect(syncthing.config.folders).toEqual([]);
    await expect(fs.readdir(hubPaths(home).joins)).rejects.toThrow();
  });
});

describe('hub accept', () => {
  async function joined(kioskIds: string[]) {
    const home = await hubWithKey();
    const syncthing = fakeHubSyncthing();
    for (const kioskId of kioskIds)
      await writeJoinFile({
        home,
        kioskId,
        centre: `Centre ${kioskId}`,
        district: 'J',
        syncthing,
        now: clock.now,
      });
    return { home, syncthing };
  }
  const seen = (name: string, time = '2026-12-02T03:05:00Z') => ({ time, name, address: '127.0.0.1:40000' });

  it('binds the first device named kiosk-<id>, shares content with it and receives its figures folder', async () => {
    const { home, syncthing } = await joined(['ssw-kt-01']);
    const kiosk = deviceIdOf('K');
    syncthing.pending[kiosk] = seen('kiosk-ssw-kt-01');
    syncthing.pending[deviceIdOf('Z')] = seen('someone-else');

    const result = await acceptKiosks({ home, syncthing });
    expect(result.accepted).toEqual([{ kioskId: 'ssw-kt-01', deviceId: kiosk, bound: true }]);
    expect(result.refused).toEqual([]);
    expect(result.unknown).toEqual([{ deviceId: deviceIdOf('Z'), name: 'someone-else' }]);
    expect(syncthing.config.devices.map((d) => d.deviceID)).toContain(kiosk);
    const content = syncthing.config.folders.find((f) => f.id === 'content');
    expect(content?.devices.map((d) => d.deviceID)).toContain(kiosk);
    const figures = syncthing.config.folders.find((f) => f.id === 'figures-ssw-kt-01');
    expect(figures).toMatchObject({
      type: 'receiveonly',
      path: path.join(hubPaths(home).figures, 'ssw-kt-01'),
      devices: [{ deviceID: kiosk }],
    });
    await expect(fs.stat(path.join(hubPaths(home).figures, 'ssw-kt-01'))).resolves.toBeTruthy();
    expect((await readHubFile(hubPaths(home)))?.kiosks[0]?.deviceId).toBe(kiosk);
  });

  it('refuses a second device claiming a bound kiosk id and shares nothing with it', async () => {
    const { home, syncthing } = await joined(['ssw-kt-01']);
    const first = deviceIdOf('K');
    syncthing.pending[first] = seen('kiosk-ssw-kt-01');
    await acceptKiosks({ home, syncthing });

    const impostor = deviceIdOf('X');
    syncthing.pending[impostor] = seen('kiosk-ssw-kt-01', '2026-12-02T03:10:00Z');
    const result = await acceptKiosks({ home, syncthing });
    expect(result.accepted).toEqual([]);
    expect(result.refused).toEqual([
      { kioskId: 'ssw-kt-01', deviceId: impostor, address: '127.0.0.1:40000', boundTo: first },
    ]);
    expect(syncthing.config.devices.map((d) => d.deviceID)).not.toContain(impostor);
    for (const folder of syncthing.config.folders)
      expect(folder.devices.map((d) => d.deviceID)).not.toContain(impostor);
    expect((await readHubFile(hubPaths(home)))?.kiosks[0]?.deviceId).toBe(first);
  });

  it('join --replace moves a bound kiosk to a new computer: the old device is removed, the next one bound', async () => {
    const { home, syncthing } = await joined(['ssw-kt-01']);
    const old = deviceIdOf('K');
    syncthing.pending[old] = seen('kiosk-ssw-kt-01');
    await acceptKiosks({ home, syncthing });
    const again = { home, kioskId: 'ssw-kt-01', centre: 'Centre ssw-kt-01', district: 'J', syncthing };
    await expect(writeJoinFile(again)).rejects.toMatchObject({ key: 'errors.kioskAlreadyBound' });

    const result = await writeJoinFile({ ...again, replace: true });
    expect(result.replaced).toBe(old);
    expect(syncthing.config.devices.map((d) => d.deviceID)).not.toContain(old);
    for (const folder of syncthing.config.folders)
      expect(folder.devices.map((d) => d.deviceID)).not.toContain(old);
    expect((await readHubFile(hubPaths(home)))?.kiosks[0]?.deviceId).toBeUndefined();

    const replacement = deviceIdOf('N');
    syncthing.pending[replacement] = seen('kiosk-ssw-kt-01', '2026-12-02T04:00:00Z');
    expect((await acceptKiosks({ home, syncthing })).accepted).toEqual([
      { kioskId: 'ssw-kt-01', deviceId: replacement, bound: true },
    ]);
    expect(syncthing.config.folders.find((f) => f.id === 'figures-ssw-kt-01')?.devices).toEqual([
      { deviceID: replacement },
    ]);
  });

  it('of two devices claiming the same unbound kiosk at once, binds the one that came first', async () => {
    const { home, syncthing } = await joined(['ssw-kt-01']);
    syncthing.pending[deviceIdOf('B')] = seen('kiosk-ssw-kt-01', '2026-12-02T03:06:00Z');
    syncthing.pending[deviceIdOf('A')] = seen('kiosk-ssw-kt-01', '2026-12-02T03:05:00Z');
    const result = await acceptKiosks({ home, syncthing });
    expect(result.accepted.map((k) => k.deviceId)).toEqual([deviceIdOf('A')]);
    expect(result.refused.map((k) => k.deviceId)).toEqual([deviceIdOf('B')]);
  });

  it('leaves a device alone when no join file was written for its kiosk id', async () => {
    const { home, syncthing } = await joined(['ssw-kt-01']);
    syncthing.pending[deviceIdOf('Q')] = seen('kiosk-ssw-sp-09');
    const result = await acceptKiosks({ home, syncthing });
    expect(result).toEqual({
      accepted: [],
      refused: [],
      unknown: [{ deviceId: deviceIdOf('Q'), name: 'kiosk-ssw-sp-09' }],
    });
    expect(syncthing.config.devices).toHaveLength(1);
  });

  it('watch accepts in rounds until stopped, and waits out a Syncthing that is down', async () => {
    const { home, syncthing } = await joined(['ssw-kt-01', 'ssw-kt-02']);
    const controller = new AbortController();
    const rounds: unknown[] = [];
    let round = 0;
    const broken = {
      ...syncthing,
      pendingDevices: async () => {
        round += 1;
        if (round === 2) throw new HubError(2, 'errors.syncthingNotRunning');
        return syncthing.pendingDevices();
      },
    };
    await watchKiosks({
      home,
      syncthing: broken,
      signal: controller.signal,
      onRound: (result) => rounds.push(result),
      sleep: async () => {
        if (round === 1) syncthing.pending[deviceIdOf('K')] = seen('kiosk-ssw-kt-02');
        if (round === 3) controller.abort();
      },
    });
    expect(rounds).toHaveLength(3);
    expect(rounds[0]).toMatchObject({ accepted: [] });
    expect(rounds[1]).toBeInstanceOf(HubError);
    expect(rounds[2]).toMatchObject({ accepted: [{ kioskId: 'ssw-kt-02', bound: true }] });
  });
});
