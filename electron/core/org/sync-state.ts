import { KioskError } from '../errors';
import type { FolderSync, OrgStatus } from './org-contract';
import type { OrgDoc } from './org-doc';
import { SYNCTHING_REASONS, type SyncthingClient } from './syncthing-client';

/** What the organisation service asks of Syncthing; tests pass an object with the same methods. */
export type OrgSyncthing = Pick<
  SyncthingClient,
  | 'ping'
  | 'myDeviceId'
  | 'getConfig'
  | 'setDeviceName'
  | 'putDevice'
  | 'removeDevice'
  | 'putFolder'
  | 'removeFolder'
  | 'folderStatus'
  | 'connections'
  | 'deviceStats'
  | 'folderErrors'
  | 'setOptions'
>;

/**
 * Makes a client for the kiosk's Syncthing, or throws KioskError('unavailable') with
 * org.errors.syncthingNotConfigured when there is none set up (SyncthingClient.fromHome).
 */
export type SyncthingFactory = () => OrgSyncthing;

/** Syncthing's "never seen" time. */
const NEVER = '1970-01-01T00:00:00Z';

type SyncthingState = OrgStatus['syncthing'];

function stateOfError(error: unknown): Exclude<SyncthingState, 'running'> {
  const reason = error instanceof KioskError ? error.reason : undefined;
  return reason === SYNCTHING_REASONS.notConfigured || reason === SYNCTHING_REASONS.notLoopback
    ? 'not-found'
    : 'not-running';
}

/** A client that answers, or why not: never throws. */
export async function reachSyncthing(
  factory: SyncthingFactory,
): Promise<{ state: 'running'; client: OrgSyncthing } | { state: Exclude<SyncthingState, 'running'> }> {
  let client: OrgSyncthing;
  try {
    client = factory();
  } catch (error) {
    return { state: stateOfError(error) };
  }
  try {
    if (await client.ping()) return { state: 'running', client };
  } catch {
    // Refused, timed out, wrong key: the console says Syncthing is not running as the kiosk needs it.
  }
  return { state: 'not-running' };
}

async function folderSync(client: OrgSyncthing, folder: string): Promise<FolderSync> {
  try {
    const status = await client.folderStatus(folder);
    return { state: status.state || 'unknown', needBytes: status.needBytes ?? 0 };
  } catch {
    return { state: 'unknown', needBytes: 0 };
  }
}

async function folderErrors(
  client: OrgSyncthing,
  folder: string,
): Promise<NonNullable<OrgStatus['sync']>['errors']> {
  try {
    const errors = await client.folderErrors(folder);
    return errors
      .slice(0, 20)
      .map((e) => ({ folder, message: e.error, ...(e.path ? { path: e.path } : {}) }));
  } catch {
    return [];
  }
}

/**
 * The sync part of the console's status, read from Syncthing: whether the hub is connected, when
 * it was last heard from (now while connected), each folder's state and bytes still to move, and
 * the errors Syncthing reports per file. Each failed question becomes 'unknown' or empty, never
 * an exception, so the console always has something to show.
 */
export async function readSync(
  client: OrgSyncthing,
  joined: NonNullable<OrgDoc['joined']>,
  now: () => Date,
): Promise<NonNullable<OrgStatus['sync']>> {
  const hub = joined.join.hub.deviceId;
  const { content, figures } = joined.join.folders;
  const connected = await client
    .connections()
    .then((answer) => answer.connections?.[hub]?.connected === true)
    .catch(() => false);
  let lastContact: string | null = null;
  if (connected) lastContact = now().toISOString();
  else {
    const seen = await client
      .deviceStats()
      .then((stats) => stats[hub]?.lastSeen ?? null)
      .catch(() => null);
    if (seen && !seen.startsWith(NEVER.slice(0, 10))) {
      const time = new Date(seen);
      lastContact = Number.isNaN(time.getTime()) ? null : time.toISOString();
    }
  }
  return {
    connected,
    lastContact,
    content: await folderSync(client, content),
    figures: await folderSync(client, figures),
    errors: [...(await folderErrors(client, content)), ...(await folderErrors(client, figures))],
  };
}

/** The Syncthing part of the status (everything but packs and figures, which org.json holds). */
export async function readSyncthingStatus(
  factory: SyncthingFactory,
  doc: Readonly<OrgDoc>,
  now: () => Date,
): Promise<Pick<OrgStatus, 'syncthing' | 'joined' | 'sync'>> {
  const reached = await reachSyncthing(factory);
  const client = reached.state === 'running' ? reached.client : null;
  const joined = doc.joined;
  if (!joined) return { syncthing: reached.state, joined: null, sync: null };
  const deviceId = client ? await client.myDeviceId().catch(() => null) : null;
  return {
    syncthing: reached.state,
    joined: {
      kioskId: joined.join.kioskId,
      organisation: joined.join.organisation.name,
      centre: joined.join.centre,
      hubDeviceId: joined.join.hub.deviceId,
      joinedAt: joined.joinedAt,
      applyMode: joined.applyMode,
      deviceId,
    },
    sync: client ? await readSync(client, joined, now) : null,
  };
}
