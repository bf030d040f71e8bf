import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/clock';
import { JoinFileSchema, KioskIdSchema, type JoinFile } from '../core/org/join-file';
import { writeFileDurably } from '../core/store/durable-file';
import {
  districtChoices,
  HubError,
  hubPaths,
  isoNow,
  requireHubFile,
  resolveDistrict,
  writeHubFile,
  type HubKiosk,
} from './home';
import { readPublicKey } from './keys';
import {
  CONTENT_FOLDER_ID,
  ensureContentFolder,
  figuresFolderId,
  hubSyncthingHome,
  withSyncthing,
  type HubSyncthing,
} from './syncthing';

export interface JoinOptions {
  home: string;
  kioskId: string;
  centre: string;
  /** A district code ("J") or English name ("kwun-tong"). */
  district: string;
  /** Where kiosks reach the hub; empty: the hub's own listen addresses that name a host. */
  addresses?: string[];
  /**
   * The kiosk moves to a new computer: its bound device is removed from the hub's Syncthing and
   * forgotten, so the next device that comes as `kiosk-<kioskId>` is accepted.
   */
  replace?: boolean;
  syncthingHome?: string;
  syncthing?: HubSyncthing;
  now?: Clock;
}

export interface JoinResult {
  file: string;
  join: JoinFile;
  /** Where the addresses came from: the admin's --address, or the hub's Syncthing settings. */
  addressesFrom: 'option' | 'listen';
  /** The device --replace removed, or null. */
  replaced: string | null;
}

const ADDRESS = /^(tcp|tcp4|tcp6|quic|quic4|quic6):\/\/[^\s/]+:\d{1,5}$/;
/** Listen addresses that say "every interface" or "find me": no use to a kiosk dialling in. */
const UNUSABLE_HOST = /^(tcp|tcp4|tcp6|quic|quic4|quic6):\/\/(0\.0\.0\.0|\[::\]|::|):/;

/** The hub's listen addresses a kiosk can dial (not default, dynamic, relays or 0.0.0.0). */
export function usableListenAddresses(listen: unknown): string[] {
  if (!Array.isArray(listen)) return [];
  return listen.filter(
    (address): address is string =>
      typeof address === 'string' && ADDRESS.test(address) && !UNUSABLE_HOST.test(address),
  );
}

/**
 * `hub join <kioskId> --centre <name> --district <id>`: a join file for one kiosk, written to
 * joins/<kioskId>.kiosk-join.json for a USB stick, and the kiosk registered in hub.json so that
 * `hub accept` binds the first device that comes as `kiosk-<kioskId>`. Needs the hub's Syncthing
 * (its device id, and the content folder made sure of); refuses a kiosk already bound to a device.
 */
export async function writeJoinFile(options: JoinOptions): Promise<JoinResult> {
  if (!KioskIdSchema.safeParse(options.kioskId).success)
    throw new HubError(1, 'errors.badKioskId', { kioskId: options.kioskId });
  const centre = options.centre.trim();
  if (centre.length === 0 || centre.length > 120) throw new HubError(1, 'errors.badCentre', { max: 120 });
  const district = resolveDistrict(options.district);
  if (!district)
    throw new HubError(1, 'errors.badDistrict', { district: options.district, choices: districtChoices() });
  const wanted = options.addresses ?? [];
  const badAddress = wanted.find((address) => !ADDRESS.test(address));
  if (badAddress) throw new HubError(1, 'errors.badAddress', { address: badAddress });

  const paths = hubPaths(options.home);
  const hub = await requireHubFile(paths);
  const publicKey = await readPublicKey(options.home);
  const existing = hub.kiosks.find((kiosk) => kiosk.kioskId === options.kioskId);
  const replacing = (options.replace && existing?.deviceId) || null;
  if (existing?.deviceId && !replacing)
    throw new HubError(1, 'errors.kioskAlreadyBound', {
      kioskId: options.kioskId,
      deviceId: existing.deviceId,
    });

  const syncthingHome = hubSyncthingHome(options.syncthingHome, hub);
  const { deviceId, name, listen } = await withSyncthing(syncthingHome, options.syncthing, async (client) => {
    const myId = await client.myDeviceId();
    await ensureContentFolder(client, paths);
    const config = await client.getConfig();
    const self = config.devices.find((device) => device.deviceID === myId);
    // Removing the device also takes it off every folder it shared: the old computer gets nothing more.
    if (replacing && config.devices.some((device) => device.deviceID === replacing))
      await client.removeDevice(replacing);
    return { deviceId: myId, name: self?.name, listen: config.options.listenAddresses };
  });

  const addresses = wanted.length > 0 ? wanted : usableListenAddresses(listen);
  if (addresses.length === 0)
    throw new HubError(1, 'errors.noAddress', { listen: Array.isArray(listen) ? listen.join(', ') : '' });

  const created = isoNow(options.now);
  const join = JoinFileSchema.parse({
    kind: 'kiosk-join',
    format: 1,
    kioskId: options.kioskId,
    created,
    organisation: { name: hub.organisation, publicKey },
    hub: { deviceId, name: (name?.trim() || 'hub').slice(0, 80), addresses },
    folders: { content: CONTENT_FOLDER_ID, figures: figuresFolderId(options.kioskId) },
    centre: { name: centre, district },
  } satisfies JoinFile);

  await fs.mkdir(paths.joins, { recursive: true });
  const file = path.join(paths.joins, `${options.kioskId}.kiosk-join.json`);
  await writeFileDurably(file, `${JSON.stringify(join, null, 2)}\n`);

  const kiosk: HubKiosk = { kioskId: options.kioskId, centre: { name: centre, district }, joinedAt: created };
  await writeHubFile(paths, {
    ...hub,
    // Remembered, so accept, watch and pack find the same Syncthing without the flag.
    ...(options.syncthingHome ? { syncthingHome: path.resolve(options.syncthingHome) } : {}),
    kiosks: [...hub.kiosks.filter((k) => k.kioskId !== options.kioskId), kiosk].sort((a, b) =>
      a.kioskId.localeCompare(b.kioskId),
    ),
  });
  return { file, join, addressesFrom: wanted.length > 0 ? 'option' : 'listen', replaced: replacing };
}
