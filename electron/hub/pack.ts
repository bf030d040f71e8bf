import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/clock';
import { validateContentTree, type ContentProblem } from '../core/org/pack-content';
import {
  compareVersions,
  describePackFiles,
  hashFile,
  MANIFEST_FILE,
  MAX_PACK_BYTES,
  MAX_PACK_FILES,
  PackManifestSchema,
  partsOf,
  SIGNATURE_FILE,
  signManifest,
  VersionSchema,
  type PackManifest,
} from '../core/org/pack-manifest';
import type { PackPart } from '../core/org/org-doc';
import { copyFileDurably, syncFolder, writeFileDurably } from '../core/store/durable-file';
import { HubError, hubPaths, isoNow, requireHubFile, type HubPaths } from './home';
import { readPrivateKey } from './keys';
import {
  CONTENT_FOLDER_ID,
  ensureContentFolder,
  hubSyncthingHome,
  makeContentFolder,
  withSyncthing,
  type HubSyncthing,
} from './syncthing';

/** The content the kiosk ships with: a pack's parts are checked against the same loaders and rules. */
export const SHIPPED_DATA_DIR = path.resolve(import.meta.dirname, '../../data');

export interface PackOptions {
  home: string;
  folder: string;
  version: string;
  syncthingHome?: string;
  /** Tests pass a fake; otherwise the hub's Syncthing from its home. */
  syncthing?: HubSyncthing;
  shippedDir?: string;
  now?: Clock;
}

export interface PackResult {
  version: string;
  organisation: string;
  parts: PackPart[];
  files: number;
  bytes: number;
  /** The previous pack's version, or null for the first. */
  previous: string | null;
  /** Files of the previous pack the new one does not carry, removed from content/. */
  removed: number;
  /** Whether the hub's Syncthing was asked to rescan; 'not-running' means the pack goes out when it runs. */
  rescan: 'done' | 'not-running';
}

/** The pack in content/ now, if its manifest reads; a damaged one counts as none. */
export async function currentPack(paths: HubPaths): Promise<PackManifest | null> {
  try {
    const parsed = PackManifestSchema.safeParse(
      JSON.parse(await fs.readFile(path.join(paths.content, MANIFEST_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const PART_FOLDERS = ['lessons', 'programmes', 'wifi'] as const;

async function removeEmptyFolders(folder: string): Promise<void> {
  for (const sub of PART_FOLDERS) {
    const dir = path.join(folder, sub);
    const left = await fs.readdir(dir).catch(() => null);
    if (left && left.length === 0) await fs.rmdir(dir).catch(() => undefined);
  }
}

/**
 * An entry in a part folder the manifest could not list (a space in its name, a sub-folder, another
 * extension): the kiosk would never get it, though the content check read it. Hidden files (a
 * desktop's .DS_Store) are left out quietly.
 */
async function unlistable(folder: string, listed: ReadonlySet<string>): Promise<string | null> {
  for (const sub of PART_FOLDERS) {
    const names = await fs.readdir(path.join(folder, sub)).catch(() => [] as string[]);
    for (const name of names.sort())
      if (!name.startsWith('.') && !listed.has(`${sub}/${name}`)) return `${sub}/${name}`;
  }
  return null;
}

/**
 * `hub pack <folder> --version <v>`: checks the folder's parts with the kiosk's own loaders,
 * signs a manifest of them and writes the pack into content/. The order keeps a kiosk from ever
 * meeting a mix it could apply: the data files first, the old manifest out of the way, then
 * manifest.sig, then manifest.json (a kiosk checks every hash, so a pack still arriving is only
 * "incomplete"); files of the previous pack the new one lacks go last.
 */
export async function buildPack(options: PackOptions): Promise<PackResult> {
  const paths = hubPaths(options.home);
  const hub = await requireHubFile(paths);
  const privateKeyPem = await readPrivateKey(options.home);

  if (!VersionSchema.safeParse(options.version).success)
    throw new HubError(1, 'errors.badVersion', { version: options.version });
  const folder = path.resolve(options.folder);
  const stats = await fs.stat(folder).catch(() => null);
  if (!stats?.isDirectory()) throw new HubError(1, 'errors.noPackFolder', { folder });
  if (folder === paths.content || folder.startsWith(paths.content + path.sep))
    throw new HubError(1, 'errors.packFolderIsContent', { folder });

  const previous = await currentPack(paths);
  if (previous && compareVersions(options.version, previous.version) <= 0)
    throw new HubError(1, 'errors.versionNotNewer', { version: options.version, current: previous.version });

  const files = await describePackFiles(folder);
  const stray = await unlistable(folder, new Set(files.map((file) => file.path)));
  if (stray) throw new HubError(1, 'errors.packBadName', { file: stray });
  if (files.length === 0) throw new HubError(1, 'errors.packEmpty', { folder });
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  if (files.length > MAX_PACK_FILES || bytes > MAX_PACK_BYTES)
    throw new HubError(1, 'errors.packTooLarge', { files: files.length, bytes, maxFiles: MAX_PACK_FILES });
  if (files.filter((file) => file.path.startsWith('wifi/')).length > 1)
    throw new HubError(1, 'errors.packTwoWifiFiles', { folder });

  const problems: ContentProblem[] = await validateContentTree(
    folder,
    options.shippedDir ?? SHIPPED_DATA_DIR,
  );
  if (problems.length > 0) throw new PackContentError(problems);

  const manifest = PackManifestSchema.parse({
    kind: 'kiosk-content-pack',
    format: 1,
    organisation: hub.organisation,
    version: options.version,
    created: isoNow(options.now),
    files,
  });
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const signature = signManifest(manifestBytes, privateKeyPem);

  await makeContentFolder(paths);
  for (const file of manifest.files) {
    const target = path.join(paths.content, ...file.path.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await copyFileDurably(path.join(folder, ...file.path.split('/')), target);
    // A file edited while the pack was being made would be signed with bytes no kiosk ever gets.
    if ((await hashFile(target)) !== file.sha256)
      throw new HubError(1, 'errors.packChanged', { file: file.path });
  }
  // An old manifest beside a new signature would read as a forged pack; without one it is "no pack yet".
  await fs.rm(path.join(paths.content, MANIFEST_FILE), { force: true });
  await syncFolder(paths.content);
  await writeFileDurably(path.join(paths.content, SIGNATURE_FILE), `${signature}\n`);
  await writeFileDurably(path.join(paths.content, MANIFEST_FILE), manifestBytes);

  const keep = new Set(manifest.files.map((file) => file.path));
  let removed = 0;
  for (const file of previous?.files ?? []) {
    if (keep.has(file.path)) continue;
    await fs.rm(path.join(paths.content, ...file.path.split('/')), { force: true });
    removed += 1;
  }
  await removeEmptyFolders(paths.content);

  const syncthingHome = hubSyncthingHome(options.syncthingHome, hub);
  let rescan: PackResult['rescan'] = 'done';
  try {
    await withSyncthing(syncthingHome, options.syncthing, async (client) => {
      await ensureContentFolder(client, paths);
      await client.scan(CONTENT_FOLDER_ID);
    });
  } catch (error) {
    // The pack is whole on disk; Syncthing scans its folders when it starts, so it goes out then.
    if (error instanceof HubError && error.exitCode === 2) rescan = 'not-running';
    else throw error;
  }
  return {
    version: manifest.version,
    organisation: manifest.organisation,
    parts: partsOf(manifest),
    files: manifest.files.length,
    bytes,
    previous: previous?.version ?? null,
    removed,
    rescan,
  };
}

/** A pack whose content fails the kiosk's schemas: every problem, for the admin to fix (exit 1). */
export class PackContentError extends HubError {
  constructor(readonly problems: ContentProblem[]) {
    super(1, 'errors.packContentInvalid', { count: problems.length });
    this.name = 'PackContentError';
  }
}
