import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KioskError } from '../core/errors';
import {
  defaultSyncthingHome,
  SYNCTHING_REASONS,
  SyncthingClient,
  type SyncthingFolder,
} from '../core/org/syncthing-client';
import { HubError, type HubFile, type HubPaths } from './home';

/** What the hub's commands ask of its Syncthing; tests pass a fake with the same methods. */
export type HubSyncthing = Pick<
  SyncthingClient,
  'myDeviceId' | 'getConfig' | 'putDevice' | 'removeDevice' | 'putFolder' | 'pendingDevices' | 'scan'
>;

/** The one folder every kiosk receives; its id is in every join file. */
export const CONTENT_FOLDER_ID = 'content';

export function figuresFolderId(kioskId: string): string {
  return `figures-${kioskId}`;
}

/** The hub's Syncthing home: `--syncthing-home`, else hub.json's, else the usual places (H1's rule). */
export function hubSyncthingHome(
  flag: string | undefined,
  hub: HubFile | null,
  env?: NodeJS.ProcessEnv,
): string {
  return flag || hub?.syncthingHome || defaultSyncthingHome(env);
}

const REASON_KEYS: Record<string, string> = {
  [SYNCTHING_REASONS.notRunning]: 'errors.syncthingNotRunning',
  [SYNCTHING_REASONS.notConfigured]: 'errors.syncthingNotConfigured',
  [SYNCTHING_REASONS.refused]: 'errors.syncthingRefused',
  [SYNCTHING_REASONS.notLoopback]: 'errors.syncthingNotLoopback',
  [SYNCTHING_REASONS.failed]: 'errors.syncthingFailed',
};

/** A Syncthing failure as the admin's refusal (exit 2); anything else is passed on unchanged. */
export function asHubError(error: unknown, syncthingHome: string): unknown {
  if (error instanceof KioskError && error.code === 'unavailable') {
    const key = (error.reason && REASON_KEYS[error.reason]) || 'errors.syncthingFailed';
    return new HubError(2, key, { home: syncthingHome, detail: error.message });
  }
  return error;
}

/** Runs `work` against the hub's Syncthing, saying a Syncthing that is absent or refuses as exit 2. */
export async function withSyncthing<T>(
  syncthingHome: string,
  client: HubSyncthing | undefined,
  work: (client: HubSyncthing) => Promise<T>,
): Promise<T> {
  try {
    return await work(client ?? SyncthingClient.fromHome(syncthingHome));
  } catch (error) {
    throw asHubError(error, syncthingHome);
  }
}

/** Syncthing's temp files and this tool's own (durable writes) never go out to kiosks. */
const CONTENT_IGNORES = ['.*.tmp', '~syncthing~*.tmp', ''].join('\n');

/** The content folder on disk with its ignore file; Syncthing needs the folder to exist. */
export async function makeContentFolder(paths: HubPaths): Promise<void> {
  await fs.mkdir(paths.content, { recursive: true });
  const ignore = path.join(paths.content, '.stignore');
  await fs.writeFile(ignore, CONTENT_IGNORES, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/**
 * The hub's `content` folder in Syncthing: send-only at <home>/content, kept with the devices it
 * already shares with. Oldest files first: `hub pack` writes the data files, then manifest.sig,
 * then manifest.json, so a kiosk that pulls in that order meets the manifest last.
 */
export async function ensureContentFolder(
  client: HubSyncthing,
  paths: HubPaths,
  devices?: string[],
): Promise<void> {
  await makeContentFolder(paths);
  const config = await client.getConfig();
  const existing = config.folders.find((f) => f.id === CONTENT_FOLDER_ID);
  const shared = new Set((existing?.devices ?? []).map((d) => d.deviceID));
  for (const device of devices ?? []) shared.add(device);
  if (
    existing &&
    existing.type === 'sendonly' &&
    path.resolve(existing.path) === paths.content &&
    (devices ?? []).every((d) => existing.devices.some((e) => e.deviceID === d))
  )
    return;
  const folder: Partial<SyncthingFolder> & { id: string } = {
    ...(existing ?? {}),
    id: CONTENT_FOLDER_ID,
    label: existing?.label || 'Kiosk content packs',
    path: paths.content,
    type: 'sendonly',
    devices: [...shared].map((deviceID) => ({ deviceID })),
    order: 'oldestFirst',
  };
  await client.putFolder(folder);
}
