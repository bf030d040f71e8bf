import { randomBytes, createPublicKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import type { SourceContent } from '../hotspots/source-stream';
import { logStaffAction } from '../staff-console/staff-log';
import { MAX_JOIN_FILE_BYTES, parseJoinFile, type JoinFile } from './join-file';
import type { JoinPreview } from './org-contract';
import { keyFingerprint } from './pack-manifest';
import { reachSyncthing, type OrgSyncthing, type SyncthingFactory } from './sync-state';

/** A preview's token lasts this long: enough to read the screen aloud and check the fingerprint. */
export const JOIN_TOKEN_MS = 10 * 60_000;

/** Where the two Syncthing folders live in the data folder. */
/**
 * A kiosk joining afresh may still hold an earlier membership's folders (leaving keeps what was
 * written). Shared again as they are, the old day files would go to the new hub and be counted
 * there, and the old pack would be refused under the new key. Both are moved aside, next to the
 * folders and outside Syncthing's reach, so nothing is lost and the new membership starts empty.
 */
export async function setAsideEarlierMembership(dataDir: string, now: Date): Promise<string[]> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const moved: string[] = [];
  for (const folder of Object.values(orgFolders(dataDir))) {
    const entries = await fs.readdir(folder).catch(() => [] as string[]);
    // Syncthing's own marker alone is an empty folder.
    if (entries.every((name) => name === '.stfolder')) continue;
    const aside = `${folder}-before-${stamp}`;
    await fs.rename(folder, aside);
    moved.push(aside);
  }
  return moved;
}

export function orgFolders(dataDir: string): { content: string; figures: string } {
  return { content: path.join(dataDir, 'org', 'content'), figures: path.join(dataDir, 'org', 'figures') };
}

/** The sentences (i18n keys) the preview shows for what confirming does, in order. */
export const JOIN_WILL_DO = [
  'org.willDo.deviceName',
  'org.willDo.addHub',
  'org.willDo.receiveContent',
  'org.willDo.sendFigures',
  'org.willDo.pinKey',
  'org.willDo.previewFirst',
] as const;

const tooLarge = () =>
  new KioskError('invalid_input', 'The file is too large to be a join file.', {
    reason: 'org.errors.joinFileTooLarge',
    params: { max: MAX_JOIN_FILE_BYTES },
  });

/** The upload's bytes, refused as soon as they pass the join file's limit. */
async function readUpTo(content: SourceContent, max: number): Promise<Uint8Array> {
  if (content instanceof Uint8Array) {
    if (content.byteLength > max) throw tooLarge();
    return content;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of content) {
    total += chunk.byteLength;
    if (total > max) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The organisation's key must be an Ed25519 public key: packs are checked against it. */
function checkKey(pem: string): void {
  let type: string | undefined;
  try {
    type = createPublicKey({ key: pem, format: 'pem', type: 'spki' }).asymmetricKeyType;
  } catch {
    type = undefined;
  }
  if (type !== 'ed25519')
    throw new KioskError('invalid_input', 'The join file’s organisation key is not an Ed25519 public key.', {
      reason: 'org.errors.joinKeyInvalid',
    });
}

/** Joined already: the same organisation and kiosk may join again (a new hub address); another must leave first. */
function checkNotJoinedElsewhere(ctx: CoreContext, file: JoinFile): void {
  const joined = ctx.documents.org.data.joined;
  if (!joined) return;
  if (joined.join.organisation.publicKey.trim() !== file.organisation.publicKey.trim())
    throw new KioskError('conflict', 'This kiosk belongs to another organisation: leave it first.', {
      reason: 'org.errors.joinOtherOrganisation',
      params: { organisation: joined.join.organisation.name },
    });
  if (joined.join.kioskId !== file.kioskId)
    throw new KioskError('conflict', 'This kiosk joined under another kiosk id: leave first.', {
      reason: 'org.errors.joinOtherKiosk',
      params: { kioskId: joined.join.kioskId },
    });
}

interface PendingJoin {
  token: string;
  file: JoinFile;
  expires: number;
}

/**
 * Joining an organisation in two steps: preview reads and checks a join file and says what
 * confirming would do; confirm, with the preview's token, tells Syncthing (this device's name, the
 * hub, the two folders) and only then records the join in org.json with the key pinned. A refusal
 * at any point records nothing; what Syncthing was already told is taken back.
 */
/**
 * How often the kiosk's Syncthing dials a hub it has lost. At Syncthing's default 60 s a kiosk
 * took 57.6 s (median of 6) to hear from a hub that restarted, at 10 s it took 7.6 s
 * (`npm run bench`, org-redial.ts); a dial is one small TCP connection, cheap at this pace even
 * for a few hundred kiosks on one hub.
 */
export const HUB_REDIAL_SECONDS = 10;

/** Brings the redial interval down to HUB_REDIAL_SECONDS; a faster one the centre set is kept. */
async function redialSoon(client: OrgSyncthing): Promise<void> {
  const { options } = await client.getConfig();
  const now = Number(options['reconnectionIntervalS'] ?? 60);
  if (!(now <= HUB_REDIAL_SECONDS)) await client.setOptions({ reconnectionIntervalS: HUB_REDIAL_SECONDS });
}

export class OrgJoin {
  private pending: PendingJoin | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly syncthing: SyncthingFactory,
  ) {}

  async preview(content: SourceContent): Promise<JoinPreview> {
    const file = parseJoinFile(await readUpTo(content, MAX_JOIN_FILE_BYTES));
    checkKey(file.organisation.publicKey);
    checkNotJoinedElsewhere(this.ctx, file);
    const token = randomBytes(16).toString('hex');
    // One preview at a time: a newer file replaces the one on screen.
    this.pending = { token, file, expires: this.ctx.now().getTime() + JOIN_TOKEN_MS };
    return {
      token,
      kioskId: file.kioskId,
      organisation: file.organisation.name,
      centre: file.centre,
      hubDeviceId: file.hub.deviceId,
      hubAddresses: file.hub.addresses,
      keyFingerprint: keyFingerprint(file.organisation.publicKey),
      folders: file.folders,
      willDo: [...JOIN_WILL_DO],
    };
  }

  async confirm(token: string): Promise<void> {
    const pending = this.pending;
    if (!pending || pending.token !== token || pending.expires <= this.ctx.now().getTime())
      throw new KioskError('not_found', 'That join preview has expired: load the join file again.', {
        reason: 'org.errors.joinPreviewExpired',
      });
    const { file } = pending;
    checkNotJoinedElsewhere(this.ctx, file);
    const reached = await reachSyncthing(this.syncthing);
    if (reached.state !== 'running') {
      const reason =
        reached.state === 'not-found'
          ? 'org.errors.syncthingNotConfigured'
          : 'org.errors.syncthingNotRunning';
      throw new KioskError('unavailable', 'Syncthing is not running on this kiosk: nothing was changed.', {
        reason,
      });
    }
    const previous = this.ctx.documents.org.data.joined;
    if (!previous) await setAsideEarlierMembership(this.ctx.dataDir, this.ctx.now());
    await this.tellSyncthing(reached.client, file);
    await this.ctx.documents.org.update((doc) => {
      doc.joined = {
        joinedAt: this.ctx.now().toISOString(),
        join: file,
        applyMode: previous?.applyMode ?? 'preview',
      };
    });
    this.pending = null;
    await logStaffAction(this.ctx, 'org-joined', `joined ${file.organisation.name} as ${file.kioskId}`, {
      organisation: file.organisation.name,
      kioskId: file.kioskId,
    });
  }

  private async tellSyncthing(client: OrgSyncthing, file: JoinFile): Promise<void> {
    const folders = orgFolders(this.ctx.dataDir);
    const hub = file.hub.deviceId;
    const added: string[] = [];
    try {
      await fs.mkdir(folders.content, { recursive: true });
      await fs.mkdir(folders.figures, { recursive: true });
      await client.setDeviceName(`kiosk-${file.kioskId}`);
      await client.putDevice({
        deviceID: hub,
        name: file.hub.name,
        addresses: file.hub.addresses,
        autoAcceptFolders: false,
        introducer: false,
      });
      added.push(`device:${hub}`);
      await redialSoon(client);
      const common = {
        devices: [{ deviceID: hub }],
        rescanIntervalS: 3600,
        fsWatcherEnabled: true,
        fsWatcherDelayS: 10,
        ignorePerms: true,
      };
      await client.putFolder({
        ...common,
        id: file.folders.content,
        label: `${file.organisation.name} content`,
        path: folders.content,
        type: 'receiveonly',
      });
      added.push(`folder:${file.folders.content}`);
      await client.putFolder({
        ...common,
        id: file.folders.figures,
        label: `${file.organisation.name} figures`,
        path: folders.figures,
        type: 'sendonly',
      });
    } catch (error) {
      // Take back what this confirm added, so a refused join leaves Syncthing as it was.
      for (const item of added.reverse()) {
        const [kind, id] = item.split(/:(.*)/s) as [string, string];
        await (kind === 'device' ? client.removeDevice(id) : client.removeFolder(id)).catch(() => undefined);
      }
      if (error instanceof KioskError) throw error;
      throw new KioskError('storage', `The kiosk could not make its organisation folders: ${String(error)}`, {
        reason: 'errors.codes.storage',
      });
    }
  }

  /**
   * Stops syncing: both folders and the hub device leave Syncthing (when it answers; if not, the
   * kiosk still leaves and the log says Syncthing was not told), and `joined` is cleared. Content
   * already applied and figures already written stay where they are.
   */
  async leave(): Promise<{ told: boolean }> {
    const joined = this.ctx.documents.org.data.joined;
    if (!joined) return { told: true };
    const reached = await reachSyncthing(this.syncthing);
    let told = false;
    if (reached.state === 'running') {
      const { client } = reached;
      const results = await Promise.allSettled([
        client.removeFolder(joined.join.folders.content),
        client.removeFolder(joined.join.folders.figures),
      ]);
      const device = await client.removeDevice(joined.join.hub.deviceId).then(
        () => true,
        () => false,
      );
      told = device && results.every((result) => result.status === 'fulfilled');
    }
    await this.ctx.documents.org.update((doc) => {
      doc.joined = null;
      doc.packs.waiting = null;
    });
    this.pending = null;
    await logStaffAction(
      this.ctx,
      'org-left',
      `left ${joined.join.organisation.name}${told ? '' : ' (Syncthing could not be told)'}`,
      told
        ? { organisation: joined.join.organisation.name }
        : { organisation: joined.join.organisation.name, syncthingNotTold: 'yes' },
    );
    return { told };
  }

  /**
   * After a leave Syncthing did not hear of (it was stopped), once it answers again: the folders it
   * still keeps on this kiosk's org folders, and the devices only they named, are removed, so
   * nothing syncs with the hub any more. Only while not joined; never throws (tried again later).
   */
  async tidyAfterLeave(): Promise<void> {
    if (this.ctx.documents.org.data.joined) return;
    const reached = await reachSyncthing(this.syncthing);
    if (reached.state !== 'running') return;
    const { client } = reached;
    try {
      const folders = orgFolders(this.ctx.dataDir);
      const mine = new Set([folders.content, folders.figures]);
      const config = await client.getConfig();
      const ours = config.folders.filter((folder) => mine.has(path.resolve(folder.path)));
      if (ours.length === 0) return;
      const others = config.folders.filter((folder) => !ours.includes(folder));
      const stillUsed = new Set(others.flatMap((folder) => folder.devices.map((device) => device.deviceID)));
      const myId = await client.myDeviceId();
      for (const folder of ours) await client.removeFolder(folder.id);
      const named = new Set(ours.flatMap((folder) => folder.devices.map((device) => device.deviceID)));
      for (const id of named) if (id !== myId && !stillUsed.has(id)) await client.removeDevice(id);
    } catch {
      // Syncthing stopped again part-way: the next status read tries again.
    }
  }
}
