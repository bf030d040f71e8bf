import type {
  PendingDevices,
  SyncthingConfig,
  SyncthingDevice,
  SyncthingFolder,
} from '../../electron/core/org/syncthing-client';
import type { HubSyncthing } from '../../electron/hub/syncthing';

/** A Syncthing device id in the shape Syncthing prints (8 groups of 7 base32 characters). */
export function deviceIdOf(letter: string): string {
  return Array.from({ length: 8 }, () => letter.repeat(7)).join('-');
}

export const HUB_DEVICE_ID = deviceIdOf('H');

/**
 * The hub tool's view of Syncthing, in memory: the config it reads and writes (devices, folders,
 * listen addresses), the devices waiting to be accepted and the folders it was asked to rescan.
 * Behaves as Syncthing does for these calls: a PUT replaces the whole entry with that id.
 */
export function fakeHubSyncthing(
  options: { listenAddresses?: string[]; pending?: PendingDevices; name?: string } = {},
): HubSyncthing & { config: SyncthingConfig; pending: PendingDevices; scans: string[] } {
  const config: SyncthingConfig = {
    version: 37,
    folders: [],
    devices: [
      {
        deviceID: HUB_DEVICE_ID,
        name: options.name ?? 'smart-silver-hub',
        addresses: ['dynamic'],
        autoAcceptFolders: false,
        introducer: false,
      },
    ],
    options: { listenAddresses: options.listenAddresses ?? ['tcp://127.0.0.1:22000'] },
    gui: {},
  };
  const fake = {
    config,
    pending: { ...(options.pending ?? {}) },
    scans: [] as string[],
    myDeviceId: async () => HUB_DEVICE_ID,
    getConfig: async () => structuredClone(config),
    putDevice: async (device: Partial<SyncthingDevice> & { deviceID: string }) => {
      config.devices = [
        ...config.devices.filter((d) => d.deviceID !== device.deviceID),
        { name: '', addresses: ['dynamic'], autoAcceptFolders: false, introducer: false, ...device },
      ];
      // Syncthing no longer lists a device as pending once it is configured.
      delete fake.pending[device.deviceID];
    },
    removeDevice: async (id: string) => {
      // As Syncthing does: the device leaves the config and every folder it was shared with.
      config.devices = config.devices.filter((d) => d.deviceID !== id);
      for (const folder of config.folders) folder.devices = folder.devices.filter((d) => d.deviceID !== id);
    },
    putFolder: async (folder: Partial<SyncthingFolder> & { id: string }) => {
      config.folders = [
        ...config.folders.filter((f) => f.id !== folder.id),
        {
          label: '',
          path: '',
          type: 'sendreceive',
          devices: [],
          rescanIntervalS: 3600,
          fsWatcherEnabled: true,
          fsWatcherDelayS: 10,
          ignorePerms: false,
          ...folder,
        },
      ];
    },
    pendingDevices: async () => structuredClone(fake.pending),
    scan: async (folderId: string) => {
      if (!config.folders.some((f) => f.id === folderId)) throw new Error(`no folder ${folderId}`);
      fake.scans.push(folderId);
    },
  };
  return fake;
}
