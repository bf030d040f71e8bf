import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  keyFingerprint,
  signManifest,
  verifyManifestSignature,
} from '../../../electron/core/org/pack-manifest';
import { HubError, hubPaths, readHubFile } from '../../../electron/hub/home';
import { makeKeys } from '../../../electron/hub/keys';
import { manualClock } from '../../helpers/manual-clock';
import { tempDirs } from '../../helpers/temp-dir';

const dirs = tempDirs('hub-keys-');
afterEach(dirs.cleanup);

describe('hub keys', () => {
  it('makes an Ed25519 pair whose private key only its owner can read, and records the organisation', async () => {
    const home = await dirs.make();
    const result = await makeKeys({ home, organisation: 'Smart Silver' });
    const paths = hubPaths(home);
    expect((await fs.stat(paths.privateKey)).mode & 0o777).toBe(0o600);
    const privateKeyPem = await fs.readFile(paths.privateKey, 'utf8');
    const publicKeyPem = await fs.readFile(paths.publicKey, 'utf8');
    expect(privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const bytes = Buffer.from('{"manifest":1}');
    expect(verifyManifestSignature(bytes, signManifest(bytes, privateKeyPem), publicKeyPem)).toBe(true);
    expect(result.fingerprint).toBe(keyFingerprint(publicKeyPem));
    expect(await readHubFile(paths)).toEqual({ format: 1, organisation: 'Smart Silver', kiosks: [] });
  });

  it('refuses to overwrite an existing key, and leaves it as it was', async () => {
    const home = await dirs.make();
    await makeKeys({ home, organisation: 'Smart Silver' });
    const before = await fs.readFile(hubPaths(home).privateKey, 'utf8');
    const refusal = await makeKeys({ home, organisation: 'Smart Silver' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HubError);
    expect(refusal).toMatchObject({ exitCode: 1, key: 'errors.keyExists' });
    expect(await fs.readFile(hubPaths(home).privateKey, 'utf8')).toBe(before);
  });

  it('with --force makes a new pair and keeps the old one under keys/retired-<time>/', async () => {
    const home = await dirs.make();
    const clock = manualClock('2026-12-02T03:00:00.000Z');
    await makeKeys({ home, organisation: 'Smart Silver' });
    const paths = hubPaths(home);
    const oldPrivate = await fs.readFile(paths.privateKey, 'utf8');
    const result = await makeKeys({ home, organisation: 'Smart Silver', force: true, now: clock.now });
    expect(result.retired).toBe(path.join(paths.keys, 'retired-2026-12-02T03-00-00-000Z'));
    expect(await fs.readFile(path.join(result.retired!, 'organisation.key'), 'utf8')).toBe(oldPrivate);
    expect(await fs.readFile(paths.privateKey, 'utf8')).not.toBe(oldPrivate);
    expect((await fs.stat(paths.privateKey)).mode & 0o777).toBe(0o600);
  });

  it('refuses an empty organisation name', async () => {
    const home = await dirs.make();
    await expect(makeKeys({ home, organisation: '  ' })).rejects.toMatchObject({
      key: 'errors.badOrganisation',
    });
  });
});
