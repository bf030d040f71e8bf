import { createHash, createPublicKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MANIFEST_FILE,
  PackManifestSchema,
  SIGNATURE_FILE,
  VersionSchema,
  checkPackFolder,
  compareVersions,
  incompleteRefusal,
  keyFingerprint,
  makeKeyPair,
  partsOf,
  signManifest,
  verifyManifestSignature,
  type PackCheck,
} from '../../../../electron/core/org/pack-manifest';
import { tempDirs } from '../../../helpers/temp-dir';
import { CREATED, writePack, writeSignedManifest } from './pack-fixture';

const dirs = tempDirs('kiosk-pack-');
afterEach(dirs.cleanup);

const organisation = makeKeyPair();
const stranger = makeKeyPair();

const LESSON = JSON.stringify({ id: 'free-wifi', title: { 'zh-HK': '免費 Wi-Fi', en: 'Free Wi-Fi' } });
const WIFI = 'LocationID,Name\r\n1,Library\r\n';

async function samplePack(version = '3') {
  const folder = await dirs.make();
  const written = await writePack(
    folder,
    { 'lessons/free-wifi.json': LESSON, 'wifi/wifi-hk.csv': WIFI, 'accessibility-demos.json': '{}' },
    { version, privateKeyPem: organisation.privateKeyPem },
  );
  return { folder, ...written };
}

function expectState<S extends PackCheck['state']>(
  check: PackCheck,
  state: S,
): Extract<PackCheck, { state: S }> {
  expect(check.state).toBe(state);
  return check as Extract<PackCheck, { state: S }>;
}

describe('a pack folder as the pinned key sees it', () => {
  it('a signed pack with every file in place is ready, its files as the manifest lists them', async () => {
    const { folder, manifest } = await samplePack();
    // Syncthing's own files beside the pack are not the pack's business.
    await fs.mkdir(path.join(folder, '.stfolder'));
    await fs.writeFile(path.join(folder, '~syncthing~lessons.tmp'), 'partial');

    const ready = expectState(await checkPackFolder(folder, organisation.publicKeyPem), 'ready');
    expect(ready.manifest).toEqual(manifest);
    expect(ready.files.map((file) => file.path)).toEqual([
      'accessibility-demos.json',
      'lessons/free-wifi.json',
      'wifi/wifi-hk.csv',
    ]);
    expect(ready.files[1]).toEqual({
      path: 'lessons/free-wifi.json',
      size: Buffer.byteLength(LESSON),
      sha256: createHash('sha256').update(LESSON).digest('hex'),
    });
    expect(partsOf(ready.manifest)).toEqual(['lessons', 'accessibility', 'wifi']);
  });

  it('no manifest (an empty or absent folder) is no pack at all', async () => {
    const folder = await dirs.make();
    expect(await checkPackFolder(folder, organisation.publicKeyPem)).toEqual({ state: 'none' });
    expect(await checkPackFolder(path.join(folder, 'absent'), organisation.publicKeyPem)).toEqual({
      state: 'none',
    });
  });

  it('one byte changed in a file, same size, is a pack still arriving (hash), not a refusal on its own', async () => {
    const { folder } = await samplePack();
    await fs.writeFile(path.join(folder, 'wifi/wifi-hk.csv'), WIFI.replace('Library', 'Librarz'));

    const waiting = expectState(await checkPackFolder(folder, organisation.publicKeyPem), 'incomplete');
    expect(waiting.missing).toBe(1);
    expect(waiting.problems).toEqual([{ path: 'wifi/wifi-hk.csv', problem: 'hash' }]);
    // Once the folder has settled, the caller refuses it with the file named.
    expect(incompleteRefusal(waiting)).toEqual({
      version: '3',
      reason: 'org.refusals.fileHashMismatch',
      params: { version: '3', file: 'wifi/wifi-hk.csv' },
    });
  });

  it('a file already checked is still caught when changed behind the check, its modified time put back', async () => {
    const { folder } = await samplePack();
    const file = path.join(folder, 'wifi/wifi-hk.csv');
    expectState(await checkPackFolder(folder, organisation.publicKeyPem), 'ready');
    const before = await fs.stat(file);
    await fs.writeFile(file, WIFI.replace('Library', 'Librarz'));
    await fs.utimes(file, before.atime, before.mtime);

    const waiting = expectState(await checkPackFolder(folder, organisation.publicKeyPem), 'incomplete');
    expect(waiting.problems).toEqual([{ path: 'wifi/wifi-hk.csv', problem: 'hash' }]);
  });

  it('a file of another size or not there yet counts as missing, and settles as a size refusal', async () => {
    const { folder } = await samplePack();
    await fs.appendFile(path.join(folder, 'lessons/free-wifi.json'), ' ');
    await fs.rm(path.join(folder, 'accessibility-demos.json'));

    const waiting = expectState(await checkPackFolder(folder, organisation.publicKeyPem), 'incomplete');
    expect(waiting.missing).toBe(2);
    expect(waiting.problems).toEqual([
      { path: 'accessibility-demos.json', problem: 'missing' },
      { path: 'lessons/free-wifi.json', problem: 'size' },
    ]);
    expect(incompleteRefusal(waiting).reason).toBe('org.refusals.fileSizeMismatch');
  });

  it('a signature not yet arrived is waited for', async () => {
    const { folder } = await samplePack();
    await fs.rm(path.join(folder, SIGNATURE_FILE));
    const waiting = expectState(await checkPackFolder(folder, organisation.publicKeyPem), 'incomplete');
    expect(waiting.problems).toEqual([{ path: SIGNATURE_FILE, problem: 'missing' }]);
    expect(incompleteRefusal(waiting).reason).toBe('org.refusals.badSignature');
  });

  it('one byte changed in the manifest (a file listed with the hash of the changed file) breaks the signature', async () => {
    const { folder } = await samplePack();
    const file = path.join(folder, MANIFEST_FILE);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('"version": "3"', '"version": "4"'));

    expect(await checkPackFolder(folder, organisation.publicKeyPem)).toEqual({
      state: 'refused',
      version: '4',
      reason: 'org.refusals.badSignature',
      params: { version: '4' },
    });
  });

  it('a new manifest beside the old signature while Syncthing writes the new one is waited for', async () => {
    const { folder } = await samplePack('3');
    const oldSignature = await fs.readFile(path.join(folder, SIGNATURE_FILE));
    await writePack(
      folder,
      { 'lessons/free-wifi.json': LESSON },
      { version: '4', privateKeyPem: organisation.privateKeyPem },
    );
    await fs.writeFile(path.join(folder, SIGNATURE_FILE), oldSignature);
    await fs.writeFile(path.join(folder, `.syncthing.${SIGNATURE_FILE}.tmp`), 'half a signat');

    const waiting = expectState(await checkPackFolder(folder, organisation.publicKeyPem), 'incomplete');
    expect(waiting.manifest.version).toBe('4');
    expect(waiting.problems).toEqual([{ path: SIGNATURE_FILE, problem: 'hash' }]);
    // Syncthing done and the signature still the old one: that is a refusal.
    await fs.rm(path.join(folder, `.syncthing.${SIGNATURE_FILE}.tmp`));
    expect(expectState(await checkPackFolder(folder, organisation.publicKeyPem), 'refused').reason).toBe(
      'org.refusals.badSignature',
    );
  });

  it('a pack signed by another key is refused, whatever it says', async () => {
    const folder = await dirs.make();
    await writePack(
      folder,
      { 'lessons/free-wifi.json': LESSON },
      { version: '9', privateKeyPem: stranger.privateKeyPem },
    );
    const refused = expectState(await checkPackFolder(folder, organisation.publicKeyPem), 'refused');
    expect(refused.reason).toBe('org.refusals.badSignature');
  });

  it.each([
    ['a step out of the folder', '../outside.json'],
    ['a traversal inside a part', 'lessons/../../etc/passwd.json'],
    ['an absolute path', '/etc/lessons/free-wifi.json'],
    ['a drive letter', 'C:/lessons/free-wifi.json'],
    ['a backslash', 'lessons\\free-wifi.json'],
    ['a folder inside a part', 'lessons/deep/free-wifi.json'],
    ['a place that is not a part', 'settings.json'],
    ['a hidden file', 'lessons/.stignore.json'],
  ])('a manifest with %s, even signed, is refused as a bad manifest', async (_name, badPath) => {
    const folder = await dirs.make();
    await writeSignedManifest(
      folder,
      {
        kind: 'kiosk-content-pack',
        format: 1,
        organisation: 'Smart Silver',
        version: '3',
        created: CREATED,
        files: [{ path: badPath, size: 2, sha256: 'a'.repeat(64) }],
      },
      organisation.privateKeyPem,
    );
    expect(await checkPackFolder(folder, organisation.publicKeyPem)).toEqual({
      state: 'refused',
      version: '3',
      reason: 'org.refusals.badManifest',
      params: { version: '3' },
    });
  });

  it('a manifest that is not JSON is refused as a bad manifest', async () => {
    const folder = await dirs.make();
    await fs.writeFile(path.join(folder, MANIFEST_FILE), '{"kind": "kiosk-content-pack",');
    await fs.writeFile(path.join(folder, SIGNATURE_FILE), 'AAAA');
    expect(await checkPackFolder(folder, organisation.publicKeyPem)).toEqual({
      state: 'refused',
      reason: 'org.refusals.badManifest',
      params: {},
    });
  });

  it('a listed file that is a link (it could point anywhere) is refused as a bad path', async () => {
    const { folder } = await samplePack();
    const target = path.join(folder, 'lessons/free-wifi.json');
    await fs.rename(target, path.join(folder, 'real.json'));
    await fs.symlink(path.join(folder, 'real.json'), target);
    expect(await checkPackFolder(folder, organisation.publicKeyPem)).toEqual({
      state: 'refused',
      version: '3',
      reason: 'org.refusals.badPath',
      params: { version: '3', file: 'lessons/free-wifi.json' },
    });
  });
});

describe('the manifest schema', () => {
  const base = {
    kind: 'kiosk-content-pack',
    format: 1,
    organisation: 'Smart Silver',
    version: '3',
    created: CREATED,
  };
  const file = (filePath: string, size = 1) => ({ path: filePath, size, sha256: '0'.repeat(64) });

  it('takes the four part locations and refuses what is not a pack', () => {
    expect(
      PackManifestSchema.safeParse({
        ...base,
        files: [
          file('lessons/a.json'),
          file('programmes/b.json'),
          file('accessibility-demos.json'),
          file('wifi/c.csv'),
        ],
      }).success,
    ).toBe(true);
    expect(PackManifestSchema.safeParse({ ...base, files: [] }).success).toBe(false);
    expect(PackManifestSchema.safeParse({ ...base, files: [file('lessons/a.json')], extra: 1 }).success).toBe(
      false,
    );
    // Two names one letter-case apart are one file on some disks.
    expect(
      PackManifestSchema.safeParse({ ...base, files: [file('lessons/a.json'), file('lessons/A.json')] })
        .success,
    ).toBe(false);
    expect(
      PackManifestSchema.safeParse({ ...base, files: [file('wifi/a.csv'), file('wifi/b.json')] }).success,
    ).toBe(false);
    expect(
      PackManifestSchema.safeParse({
        ...base,
        files: [file('lessons/a.json', 60 * 1024 * 1024), file('wifi/b.csv', 60 * 1024 * 1024)],
      }).success,
    ).toBe(false);
  });

  it('versions are dotted whole numbers spelt one way', () => {
    for (const good of ['3', '0', '2026.12.2', '10.0.1'])
      expect(VersionSchema.safeParse(good).success).toBe(true);
    for (const bad of ['', '03', 'v3', '1..2', '1.', '-1', '1.2.3.4.5.6.7', '1e3'])
      expect(VersionSchema.safeParse(bad).success).toBe(false);
  });
});

describe('version order', () => {
  it('compares part by part as numbers, not as text', () => {
    expect(compareVersions('10', '9')).toBe(1);
    expect(compareVersions('9', '10')).toBe(-1);
    expect(compareVersions('2026.12.2', '2026.2.10')).toBe(1);
    expect(compareVersions('2026.2.10', '2026.12.2')).toBe(-1);
    expect(compareVersions('3', '3.0')).toBe(0);
    expect(compareVersions('3.0.1', '3')).toBe(1);
    expect(compareVersions('4', '4')).toBe(0);
  });

  it('refuses to order something that is not a version', () => {
    expect(() => compareVersions('v3', '2')).toThrow(/not a pack version/);
  });
});

describe('keys and signatures', () => {
  it('a signature checks only against the same bytes and the same key', () => {
    const bytes = Buffer.from('{"version":"3"}');
    const signature = signManifest(bytes, organisation.privateKeyPem);
    expect(verifyManifestSignature(bytes, signature, organisation.publicKeyPem)).toBe(true);
    expect(
      verifyManifestSignature(Buffer.from('{"version":"4"}'), signature, organisation.publicKeyPem),
    ).toBe(false);
    expect(verifyManifestSignature(bytes, signature, stranger.publicKeyPem)).toBe(false);
    // Garbage never throws: it is simply not the organisation's signature.
    expect(verifyManifestSignature(bytes, 'not base64!', organisation.publicKeyPem)).toBe(false);
    expect(verifyManifestSignature(bytes, signature, 'not a key')).toBe(false);
    expect(
      verifyManifestSignature(bytes, Buffer.alloc(64).toString('base64'), organisation.publicKeyPem),
    ).toBe(false);
  });

  it('the private key is PKCS#8 and the public SPKI, both PEM', () => {
    expect(organisation.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(organisation.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPublicKey(organisation.publicKeyPem).asymmetricKeyType).toBe('ed25519');
  });

  it('the fingerprint is the SPKI DER hash, 16 hex digits in groups of 4, the same from either key', () => {
    const fingerprint = keyFingerprint(organisation.publicKeyPem);
    expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    const der = createPublicKey(organisation.privateKeyPem).export({ type: 'spki', format: 'der' });
    expect(fingerprint.replaceAll(' ', '')).toBe(
      createHash('sha256').update(der).digest('hex').slice(0, 16).toUpperCase(),
    );
    expect(keyFingerprint(stranger.publicKeyPem)).not.toBe(fingerprint);
  });
});
