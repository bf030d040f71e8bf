import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HubError, hubPaths, requireHubFile, writeHubFile, type HubFile } from './home';
import {
  ensureContentFolder,
  figuresFolderId,
  hubSyncthingHome,
  withSyncthing,
  type HubSyncthing,
} from './syncthing';

/** The Syncthing device name a kiosk gives itself at joining (design: `kiosk-<kioskId>`). */
const KIOSK_DEVICE_NAME = /^kiosk-([a-z0-9][a-z0-9-]{1,39})$/;

export interface AcceptOptions {
  home: string;
  syncthingHome?: string;
  syncthing?: HubSyncthing;
}

export interface AcceptedKiosk {
  kioskId: string;
  deviceId: string;
  /** True the first time (trust on first use); false when a bound kiosk's device was set up again. */
  bound: boolean;
}

export interface RefusedClaim {
  kioskId: string;
  deviceId: string;
  address: string;
  /** The device the kiosk id is bound to. */
  boundTo: string;
}

export interface AcceptResult {
  accepted: AcceptedKiosk[];
  refused: RefusedClaim[];
  /** Pending devices that name no kiosk this hub issued a join file for: left alone. */
  unknown: { deviceId: string; name: string }[];
}

/**
 * `hub accept`: the devices waiting at the hub's Syncthing that call themselves `kiosk-<id>` for a
 * kiosk this hub wrote a join file for. The first device to come for a kiosk id is bound to it
 * (recorded in hub.json before Syncthing is told, so a failure half-way is finished by the next
 * run), shares `content` and gets its own receive-only `figures-<id>` at figures/<id>. Another
 * device claiming a bound kiosk id is refused and reported, never shared with.
 */
export async function acceptKiosks(options: AcceptOptions): Promise<AcceptResult> {
  const paths = hubPaths(options.home);
  let hub: HubFile = await requireHubFile(paths);
  const syncthingHome = hubSyncthingHome(options.syncthingHome, hub);
  const result: AcceptResult = { accepted: [], refused: [], unknown: [] };

  await withSyncthing(syncthingHome, options.syncthing, async (client) => {
    const pending = await client.pendingDevices();
    for (const [deviceId, seen] of Object.entries(pending).sort(([, a], [, b]) =>
      a.time.localeCompare(b.time),
    )) {
      const kioskId = KIOSK_DEVICE_NAME.exec(seen.name)?.[1];
      const kiosk = kioskId ? hub.kiosks.find((k) => k.kioskId === kioskId) : undefined;
      if (!kioskId || !kiosk) {
        result.unknown.push({ deviceId, name: seen.name });
        continue;
      }
      if (kiosk.deviceId && kiosk.deviceId !== deviceId) {
        result.refused.push({ kioskId, deviceId, address: seen.address, boundTo: kiosk.deviceId });
        continue;
      }
      const bound = !kiosk.deviceId;
      if (bound) {
        hub = {
          ...hub,
          kiosks: hub.kiosks.map((k) => (k.kioskId === kioskId ? { ...k, deviceId } : k)),
        };
        await writeHubFile(paths, hub);
      }
      await client.putDevice({ deviceID: deviceId, name: seen.name, addresses: ['dynamic'] });
      await ensureContentFolder(client, paths, [deviceId]);
      const figures = path.join(paths.figures, kioskId);
      await fs.mkdir(figures, { recursive: true });
      await client.putFolder({
        id: figuresFolderId(kioskId),
        label: `Figures ${kioskId}`,
        path: figures,
        type: 'receiveonly',
        devices: [{ deviceID: deviceId }],
      });
      result.accepted.push({ kioskId, deviceId, bound });
    }
  });
  return result;
}

export interface WatchOptions extends AcceptOptions {
  /** 10 s by default. */
  intervalMs?: number;
  signal: AbortSignal;
  /** Each round's result (the CLI prints what changed); a Syncthing that is down is reported, not fatal. */
  onRound: (round: AcceptResult | HubError) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** `hub watch`: accept every 10 s until the signal aborts (Ctrl-C); a Syncthing down for a while is waited out. */
export async function watchKiosks(options: WatchOptions): Promise<void> {
  const sleep = options.sleep ?? sleepFor;
  while (!options.signal.aborted) {
    try {
      options.onRound(await acceptKiosks(options));
    } catch (error) {
      if (error instanceof HubError && error.exitCode === 2) options.onRound(error);
      else throw error;
    }
    if (options.signal.aborted) break;
    await sleep(options.intervalMs ?? 10_000, options.signal);
  }
}
