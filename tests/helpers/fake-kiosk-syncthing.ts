import { generateKeyPairSync } from 'node:crypto';
import { KioskError } from '../../electron/core/errors';
import type { JoinFile } from '../../electron/core/org/join-file';
import type { OrgSyncthing } from '../../electron/core/org/sync-state';
import type {
  FolderStatus,
  SyncthingDevice,
  SyncthingFolder,
} from '../../electron/core/org/syncthing-client';
import { deviceIdOf, HUB_DEVICE_ID } from './fake-hub-syncthing';

export const KIOSK_DEVICE_ID = deviceIdOf('K');
export { HUB_DEVICE_ID };

/** The organisation's key pair, as `hub keys` makes it (Ed25519, PEM). */
export function organisationKeys(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * A join file as `hub join ssw-kt-01` writes it, with `edits` applied: each a dotted path and
 * its new value (undefined leaves the field out).
 */
export function joinFileBytes(publicKeyPem: string, edits: Record<string, unknown> = {}): Buffer {
  const file: JoinFile = {
    kind: 'kiosk-join',
    format: 1,
    kioskId: 'ssw-kt-01',
    created: '2026-12-02T03:00:00.000Z',
    organisation: { name: 'Smart Silver', publicKey: publicKeyPem },
    hub: { deviceId: HUB_DEVICE_ID, name: 'smart-silver-hub', addresses: ['tcp://127.0.0.1:22000'] },
    folders: { content: 'content', figures: 'figures-ssw-kt-01' },
    centre: { name: 'Kwun Tong Support Point', district: 'J' },
  };
  const raw = structuredClone(file) as unknown as Record<string, unknown>;
  for (const [where, value] of Object.entries(edits)) {
    const names = where.split('.');
    const last = names.pop() as string;
    let target = raw;
    for (const name of names) target = target[name] as Record<string, unknown>;
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return Buffer.from(JSON.stringify(raw, null, 2));
}

/**
 * The kiosk's Syncthing in memory, behaving as the REST API does for the calls the organisation
 * service makes: it keeps the devices and folders it is given, its own name, and answers folder
 * state, connections and last-seen times the test sets. `down` makes every call fail as a
 * stopped Syncthing does (connection refused).
 */
export function fakeKioskSyncthing() {
  const state = {
    down: false,
    name: 'kiosk-host',
    devices: new Map<string, Partial<SyncthingDevice>>(),
    folders: new Map<string, Partial<SyncthingFolder>>(),
    folderStatus: new Map<string, Partial<FolderStatus>>(),
    folderErrors: new Map<string, { path: string; error: string }[]>(),
    options: { reconnectionIntervalS: 60 } as Record<string, unknown>,
    connected: new Set<string>(),
    lastSeen: new Map<string, string>(),
    calls: [] as string[],
    /** A call name that fails (Syncthing answering an error) while the rest work. */
    failing: null as string | null,
  };
  const call = async <T>(name: string, run: () => T): Promise<T> => {
    state.calls.push(name);
    if (state.down)
      throw new KioskError('unavailable', 'connection refused', { reason: 'org.errors.syncthingNotRunning' });
    if (state.failing === name)
      throw new KioskError('unavailable', `${name} failed`, {
        reason: 'org.errors.syncthingFailed',
        params: { status: 500 },
      });
    return run();
  };
  const client: OrgSyncthing = {
    ping: () => call('ping', () => true),
    myDeviceId: () => call('myDeviceId', () => KIOSK_DEVICE_ID),
    getConfig: () =>
      call('getConfig', () => ({
        version: 37,
        folders: [...state.folders.values()].map(
          (folder) => ({ devices: [], path: '', ...folder }) as SyncthingFolder,
        ),
        devices: [...state.devices.values()] as SyncthingDevice[],
        options: { ...state.options },
        gui: {},
      })),
    setDeviceName: (name) => call('setDeviceName', () => void (state.name = name)),
    putDevice: (device) => call('putDevice', () => void state.devices.set(device.deviceID, device)),
    removeDevice: (id) => call('removeDevice', () => void state.devices.delete(id)),
    putFolder: (folder) => call('putFolder', () => void state.folders.set(folder.id, folder)),
    removeFolder: (id) => call('removeFolder', () => void state.folders.delete(id)),
    folderStatus: (id) =>
      call('folderStatus', () => {
        const status = state.folderStatus.get(id);
        if (!status)
          throw new KioskError('unavailable', 'no such folder', { reason: 'org.errors.syncthingFailed' });
        return { state: 'idle', needBytes: 0, needFiles: 0, errors: 0, ...status } as FolderStatus;
      }),
    connections: () =>
      call('connections', () => ({
        connections: Object.fromEntries(
          [...state.devices.keys()].map((id) => [
            id,
            {
              connected: state.connected.has(id),
              paused: false,
              address: '',
              type: '',
              inBytesTotal: 0,
              outBytesTotal: 0,
            },
          ]),
        ),
        total: {},
      })),
    deviceStats: () =>
      call('deviceStats', () =>
        Object.fromEntries(
          [...state.devices.keys()].map((id) => [
            id,
            { lastSeen: state.lastSeen.get(id) ?? '1970-01-01T00:00:00Z' },
          ]),
        ),
      ),
    folderErrors: (id) => call('folderErrors', () => state.folderErrors.get(id) ?? []),
    setOptions: (partial) => call('setOptions', () => void Object.assign(state.options, partial)),
  };
  return { state, client, factory: () => client };
}
