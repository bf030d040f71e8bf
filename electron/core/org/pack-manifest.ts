import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { createReadStream, promises as fs, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PackPart } from './org-doc';

/**
 * A content pack's manifest and its signature. The hub's tool writes `manifest.json` (every file
 * with its size and SHA-256) and `manifest.sig` (base64 Ed25519 over the manifest's exact bytes);
 * the kiosk checks both against the public key it pinned at joining before it reads anything
 * else from the folder. Syncthing brings files one at a time and in no set order, so a file
 * missing or not yet matching is "incomplete" (wait), never a refusal on its own: the caller
 * decides when the folder has settled (see incompleteRefusal).
 */

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const MAX_PACK_FILES = 2000;
export const MAX_PACK_BYTES = 100 * 1024 * 1024;
/** 2,000 entries of a long path and a hash each stay well under this; more is not a manifest. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_SIGNATURE_BYTES = 1024;

/** Dotted non-negative integers, no leading zeros ("3", "2026.12.2"): one spelling per version. */
const VERSION_PATTERN = /^(0|[1-9]\d{0,8})(\.(0|[1-9]\d{0,8})){0,5}$/;
/** A file name inside a part folder: no separators, no leading dot (Syncthing's own files). */
const NAME = '[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*';
const PART_PATTERNS: readonly (readonly [PackPart, RegExp])[] = [
  ['lessons', new RegExp(`^lessons/${NAME}\\.json$`)],
  ['programmes', new RegExp(`^programmes/${NAME}\\.json$`)],
  ['accessibility', /^accessibility-demos\.json$/],
  ['wifi', new RegExp(`^wifi/${NAME}\\.(json|csv)$`)],
];
const MAX_PATH_LENGTH = 200;

/** Why a manifest path is not allowed, or null. The order matters only for the message. */
export function pathProblem(file: string): string | null {
  if (file.length === 0 || file.length > MAX_PATH_LENGTH) return 'length';
  if (file.includes('\\')) return 'backslash';
  if (file.includes('\0')) return 'nul';
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file)) return 'absolute';
  if (file.split('/').some((segment) => segment === '..' || segment === '.' || segment === ''))
    return 'traversal';
  if (partOfPath(file) === null) return 'not-a-part';
  return null;
}

/** The part a pack path belongs to, or null when it is outside the four part locations. */
export function partOfPath(file: string): PackPart | null {
  for (const [part, pattern] of PART_PATTERNS) if (pattern.test(file)) return part;
  return null;
}

export const VersionSchema = z.string().max(40).regex(VERSION_PATTERN);

export const PackFileSchema = z
  .object({
    path: z
      .string()
      .max(MAX_PATH_LENGTH)
      .refine((file) => pathProblem(file) === null, { message: 'path not allowed in a pack' }),
    size: z.number().int().min(0).max(MAX_PACK_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type PackFile = z.infer<typeof PackFileSchema>;

export const PackManifestSchema = z
  .object({
    kind: z.literal('kiosk-content-pack'),
    format: z.literal(1),
    organisation: z.string().trim().min(1).max(120),
    version: VersionSchema,
    created: z.string().datetime(),
    files: z.array(PackFileSchema).min(1).max(MAX_PACK_FILES),
  })
  .strict()
  .superRefine((manifest, context) => {
    const seen = new Set<string>();
    for (const file of manifest.files) {
      // Case-folded: two names one letter-case apart are one file on a Windows or macOS disk.
      const key = file.path.toLowerCase();
      if (seen.has(key)) context.addIssue({ code: 'custom', message: `${file.path} listed twice` });
      seen.add(key);
    }
    const total = manifest.files.reduce((sum, file) => sum + file.size, 0);
    if (total > MAX_PACK_BYTES) context.addIssue({ code: 'custom', message: 'pack larger than 100 MB' });
    const wifi = manifest.files.filter((file) => partOfPath(file.path) === 'wifi');
    if (wifi.length > 1) context.addIssue({ code: 'custom', message: 'more than one Wi-Fi file' });
  });
export type PackManifest = z.infer<typeof PackManifestSchema>;

/** The parts a pack carries, in the fixed order; a part present replaces the shipped one wholly. */
export function partsOf(manifest: PackManifest): PackPart[] {
  const present = new Set(manifest.files.map((file) => partOfPath(file.path)));
  return PART_PATTERNS.map(([part]) => part).filter((part) => present.has(part));
}

/**
 * -1, 0 or 1: part by part as numbers, a missing part counting as 0 ("10" > "9", "2026.12.2" >
 * "2026.2.10", "3" = "3.0"). Both must be versions (VersionSchema); anything else throws.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  if (!VERSION_PATTERN.test(a) || !VERSION_PATTERN.test(b))
    throw new Error(`not a pack version: ${JSON.stringify(VERSION_PATTERN.test(a) ? b : a)}`);
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference > 0 ? 1 : -1;
  }
  return 0;
}

/** The hub's key pair: Ed25519, private as PKCS#8 PEM (stays on the hub), public as SPKI PEM. */
export function makeKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** base64 of the Ed25519 signature over `bytes`, the exact bytes written as manifest.json. */
export function signManifest(bytes: Buffer, privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the organisation key is not an Ed25519 key');
  return sign(null, bytes, key).toString('base64');
}

/** Whether `sigBase64` is the pinned key's signature over `bytes`. Never throws: a bad key or signature is false. */
export function verifyManifestSignature(bytes: Buffer, sigBase64: string, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    const text = sigBase64.trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return false;
    const signature = Buffer.from(text, 'base64');
    if (signature.length !== 64) return false;
    return verify(null, bytes, key, signature);
  } catch {
    return false;
  }
}

/** SHA-256 of the key's SPKI DER, first 16 hex digits in groups of 4 ("3F2A 9C01 …"), for reading aloud. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** SHA-256 hex of a file, read as a stream: a Wi-Fi dataset can be tens of MB. */
export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** A short, stable id of a manifest's contents: names the applied tree folder. */
export function manifestDigest(manifest: PackManifest): string {
  return createHash('sha256').update(JSON.stringify(manifest)).digest('hex');
}

export type PackFileProblem = { path: string; problem: 'missing' | 'size' | 'hash' };

export type PackCheck =
  | { state: 'none' }
  /** `problems` lists each file still missing or not yet matching (manifest.sig counts as one when absent). */
  | { state: 'incomplete'; manifest: PackManifest; missing: number; problems: PackFileProblem[] }
  | { state: 'refused'; version?: string; reason: string; params: Record<string, string | number> }
  | { state: 'ready'; manifest: PackManifest; files: PackFile[] };

function refused(reason: string, params: Record<string, string | number> = {}, version?: string): PackCheck {
  // The version goes in the params too: the sentence names it.
  return version === undefined
    ? { state: 'refused', reason: `org.refusals.${reason}`, params }
    : { state: 'refused', version, reason: `org.refusals.${reason}`, params: { version, ...params } };
}

async function readCapped(file: string, max: number): Promise<Buffer | 'absent' | 'too-large'> {
  let stats;
  try {
    stats = await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  if (stats.size > max) return 'too-large';
  return fs.readFile(file);
}

/** The version a manifest claims, for the refusal's line, only when it is a version at all. */
function claimedVersion(raw: unknown): string | undefined {
  const version = (raw as { version?: unknown } | null)?.version;
  return typeof version === 'string' && VERSION_PATTERN.test(version) ? version : undefined;
}

/**
 * The hash of each file last read, by where and what it is on disk. The loop looks at the same pack
 * every poll; a file whose inode, size and change times (nanoseconds, and ctime cannot be set back
 * by hand) are as they were is the same bytes, so it is not read again. Applying still re-hashes
 * every copied file, so this only saves the look.
 */
const hashesSeen = new Map<string, { stamp: string; sha256: string }>();
const MAX_HASHES_SEEN = 4096;

async function hashOnce(absolute: string, stats: BigIntStats): Promise<string> {
  const stamp = `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
  const seen = hashesSeen.get(absolute);
  if (seen?.stamp === stamp) return seen.sha256;
  const sha256 = await hashFile(absolute);
  if (hashesSeen.size >= MAX_HASHES_SEEN) hashesSeen.clear();
  hashesSeen.set(absolute, { stamp, sha256 });
  return sha256;
}

/** Where a listed file stands on disk: a plain file matching, still coming, or not a file at all. */
async function checkFile(
  folder: string,
  file: PackFile,
): Promise<PackFileProblem['problem'] | 'ok' | 'not-a-file'> {
  const absolute = path.join(folder, ...file.path.split('/'));
  let stats: BigIntStats;
  try {
    stats = await fs.lstat(absolute, { bigint: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw error;
  }
  // A link could point outside the folder; the pack's files are plain files the hub wrote.
  if (!stats.isFile()) return 'not-a-file';
  if (stats.size !== BigInt(file.size)) return 'size';
  return (await hashOnce(absolute, stats)) === file.sha256 ? 'ok' : 'hash';
}

/** Whether Syncthing has a temporary file open for one of `names` (`.syncthing.<name>.tmp`, `~syncthing~<name>.tmp` on Windows). */
async function syncthingIsWriting(folder: string, names: readonly string[]): Promise<boolean> {
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  return names.some(
    (name) => entries.includes(`.syncthing.${name}.tmp`) || entries.includes(`~syncthing~${name}.tmp`),
  );
}

/**
 * The pack in `folder` as the pinned key sees it: none (no manifest), refused (manifest unreadable
 * or invalid, signature not the organisation's, a listed path that is not a plain file), incomplete
 * (files missing or not matching yet), or ready with its files. Files not in the manifest are
 * ignored (Syncthing's .stfolder, temp files). Read errors other than "not there" are thrown.
 */
export async function checkPackFolder(folder: string, publicKeyPem: string): Promise<PackCheck> {
  let bytes: Buffer | 'absent' | 'too-large';
  try {
    bytes = await readCapped(path.join(folder, MANIFEST_FILE), MAX_MANIFEST_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return { state: 'none' };
    return refused('badManifest');
  }
  if (bytes === 'absent') return { state: 'none' };
  if (bytes === 'too-large') return refused('badManifest');
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return refused('badManifest');
  }
  const version = claimedVersion(raw);
  const parsed = PackManifestSchema.safeParse(raw);
  let signature: Buffer | 'absent' | 'too-large';
  try {
    signature = await readCapped(path.join(folder, SIGNATURE_FILE), MAX_SIGNATURE_BYTES);
  } catch {
    return refused('badSignature', {}, version);
  }
  if (signature === 'absent') {
    // The signature may simply not have arrived yet; nothing is read from an unsigned manifest but its size.
    if (!parsed.success) return refused('badManifest', {}, version);
    return {
      state: 'incomplete',
      manifest: parsed.data,
      missing: parsed.data.files.length + 1,
      problems: [{ path: SIGNATURE_FILE, problem: 'missing' }],
    };
  }
  if (
    signature === 'too-large' ||
    !verifyManifestSignature(bytes, signature.toString('utf8'), publicKeyPem)
  ) {
    // A new manifest beside the old signature while Syncthing is still writing the new one is a
    // pack arriving, not a forgery: wait for it.
    if (parsed.success && (await syncthingIsWriting(folder, [MANIFEST_FILE, SIGNATURE_FILE])))
      return {
        state: 'incomplete',
        manifest: parsed.data,
        missing: 1,
        problems: [{ path: SIGNATURE_FILE, problem: 'hash' }],
      };
    return refused('badSignature', {}, version);
  }
  if (!parsed.success) return refused('badManifest', {}, version);
  const manifest = parsed.data;
  const problems: PackFileProblem[] = [];
  for (const file of manifest.files) {
    const state = await checkFile(folder, file);
    if (state === 'not-a-file') return refused('badPath', { file: file.path }, manifest.version);
    if (state !== 'ok') problems.push({ path: file.path, problem: state });
  }
  if (problems.length > 0) return { state: 'incomplete', manifest, missing: problems.length, problems };
  return { state: 'ready', manifest, files: manifest.files };
}

/**
 * The refusal for a pack that stays incomplete once Syncthing has nothing more to bring: a hash
 * that differs is fileHashMismatch, a size that differs or a file that never came is
 * fileSizeMismatch, each naming the first such file.
 */
export function incompleteRefusal(check: Extract<PackCheck, { state: 'incomplete' }>): {
  version: string;
  reason: string;
  params: Record<string, string | number>;
} {
  const version = check.manifest.version;
  const hash = check.problems.find((problem) => problem.problem === 'hash');
  const other = check.problems[0];
  if (other?.path === SIGNATURE_FILE)
    return { version, reason: 'org.refusals.badSignature', params: { version } };
  const first = hash ?? other;
  return {
    version,
    reason: hash ? 'org.refusals.fileHashMismatch' : 'org.refusals.fileSizeMismatch',
    params: { version, file: first?.path ?? '' },
  };
}

/**
 * The hub's side: every part file under `folder` (lessons/*.json, programmes/*.json,
 * accessibility-demos.json, wifi/<one file>), with size and hash, as a manifest's `files`.
 * Other files are left out, so the manifest lists exactly what the kiosk will use.
 */
export async function describePackFiles(folder: string): Promise<PackFile[]> {
  const candidates: string[] = [];
  for (const sub of ['lessons', 'programmes', 'wifi']) {
    let names: string[];
    try {
      names = (await fs.readdir(path.join(folder, sub), { withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
    } catch {
      continue;
    }
    for (const name of names) candidates.push(`${sub}/${name}`);
  }
  candidates.push('accessibility-demos.json');
  const files: PackFile[] = [];
  for (const relative of candidates.sort()) {
    if (pathProblem(relative) !== null) continue;
    const absolute = path.join(folder, ...relative.split('/'));
    const stats = await fs.lstat(absolute).catch(() => null);
    if (!stats?.isFile()) continue;
    files.push({ path: relative, size: stats.size, sha256: await hashFile(absolute) });
  }
  return files;
}
