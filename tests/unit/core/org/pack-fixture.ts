import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  MANIFEST_FILE,
  SIGNATURE_FILE,
  describePackFiles,
  signManifest,
  type PackManifest,
} from '../../../../electron/core/org/pack-manifest';

/** A fixed creation time: tests never read the wall clock. */
export const CREATED = '2026-12-02T03:00:00.000Z';

/**
 * Writes a signed pack into `folder` the way the hub lays one out: the part files, then
 * manifest.json (sizes and hashes read back from disk) and manifest.sig over its exact bytes.
 */
export async function writePack(
  folder: string,
  files: Record<string, string | Buffer>,
  options: { version: string; privateKeyPem: string; organisation?: string },
): Promise<{ manifest: PackManifest; bytes: Buffer }> {
  for (const [relative, contents] of Object.entries(files)) {
    const target = path.join(folder, ...relative.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, contents);
  }
  const manifest: PackManifest = {
    kind: 'kiosk-content-pack',
    format: 1,
    organisation: options.organisation ?? 'Smart Silver',
    version: options.version,
    created: CREATED,
    files: await describePackFiles(folder),
  };
  const bytes = await writeSignedManifest(folder, manifest, options.privateKeyPem);
  return { manifest, bytes };
}

/** Writes any manifest object (valid or not) and signs its bytes with the key given. */
export async function writeSignedManifest(
  folder: string,
  manifest: unknown,
  privateKeyPem: string,
): Promise<Buffer> {
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(path.join(folder, MANIFEST_FILE), bytes);
  await fs.writeFile(path.join(folder, SIGNATURE_FILE), signManifest(bytes, privateKeyPem));
  return bytes;
}
