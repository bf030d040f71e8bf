import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/clock';
import { keyFingerprint, makeKeyPair } from '../core/org/pack-manifest';
import { syncFolder, writeFileDurably } from '../core/store/durable-file';
import { HubError, hubPaths, isoNow, readHubFile, writeHubFile } from './home';

export interface KeysOptions {
  home: string;
  organisation: string;
  /** Replace an existing key pair (the old one is kept under keys/retired-<time>/). */
  force?: boolean;
  now?: Clock;
}

export interface KeysResult {
  organisation: string;
  privateKey: string;
  publicKey: string;
  fingerprint: string;
  /** Where the replaced pair now lies, when --force replaced one. */
  retired: string | null;
}

async function exists(file: string): Promise<boolean> {
  return fs
    .access(file)
    .then(() => true)
    .catch(() => false);
}

/**
 * `hub keys`: the organisation's Ed25519 key pair. The private key is written 0600 and is never
 * copied by this tool (join files carry the public key only). An existing key is refused without
 * --force: every joined kiosk pinned its public half, so a new pair means a new join file for each.
 */
export async function makeKeys(options: KeysOptions): Promise<KeysResult> {
  const organisation = options.organisation.trim();
  if (organisation.length === 0 || organisation.length > 120)
    throw new HubError(1, 'errors.badOrganisation', { max: 120 });
  const paths = hubPaths(options.home);
  const hub = await readHubFile(paths);
  const had = (await exists(paths.privateKey)) || (await exists(paths.publicKey));
  if (had && !options.force) throw new HubError(1, 'errors.keyExists', { file: paths.privateKey });

  await fs.mkdir(paths.keys, { recursive: true, mode: 0o700 });
  let retired: string | null = null;
  if (had) {
    // The time keeps each retired pair apart when a key is replaced more than once in a day.
    retired = path.join(paths.keys, `retired-${isoNow(options.now).replace(/[:.]/g, '-')}`);
    await fs.mkdir(retired, { mode: 0o700 });
    for (const file of [paths.privateKey, paths.publicKey])
      if (await exists(file)) await fs.rename(file, path.join(retired, path.basename(file)));
    await syncFolder(paths.keys);
  }

  const pair = makeKeyPair();
  await writeFileDurably(paths.privateKey, pair.privateKeyPem);
  // writeFileDurably creates 0600 files; this says so where it matters most, whatever it does later.
  await fs.chmod(paths.privateKey, 0o600);
  await writeFileDurably(paths.publicKey, pair.publicKeyPem);
  await fs.chmod(paths.publicKey, 0o644);

  await writeHubFile(paths, {
    format: 1,
    organisation,
    ...(hub?.syncthingHome ? { syncthingHome: hub.syncthingHome } : {}),
    kiosks: hub?.kiosks ?? [],
  });
  return {
    organisation,
    privateKey: paths.privateKey,
    publicKey: paths.publicKey,
    fingerprint: keyFingerprint(pair.publicKeyPem),
    retired,
  };
}

/** The private key or the refusal that says how to make one (exit 3). */
export async function readPrivateKey(home: string): Promise<string> {
  const paths = hubPaths(home);
  try {
    return await fs.readFile(paths.privateKey, 'utf8');
  } catch {
    throw new HubError(3, 'errors.noKey', { home });
  }
}

export async function readPublicKey(home: string): Promise<string> {
  const paths = hubPaths(home);
  try {
    return await fs.readFile(paths.publicKey, 'utf8');
  } catch {
    throw new HubError(3, 'errors.noKey', { home });
  }
}
