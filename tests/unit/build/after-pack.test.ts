import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { FuseV1Options as FuseOption } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const hook = require('../../../build/after-pack.cjs') as {
  afterPack: (context: unknown) => Promise<void>;
  electronBinaryPath: (context: unknown) => string;
};
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');

/** The marker @electron/fuses looks for, followed by wire version 1, eight fuses, all '1' (on). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
function fakeElectronBinary(): Buffer {
  return Buffer.concat([
    Buffer.from('\x7fELF fake electron '),
    Buffer.from(SENTINEL),
    Buffer.from([1, 8]),
    Buffer.from('11111111'),
    Buffer.from(' rest of the binary'),
  ]);
}

function linuxContext(appOutDir: string) {
  return {
    appOutDir,
    electronPlatformName: 'linux',
    arch: 1,
    packager: {
      executableName: 'digital-inclusion-kiosk',
      appInfo: { productFilename: 'Digital Inclusion Kiosk' },
    },
  };
}

describe('build/after-pack.cjs', () => {
  let appOutDir: string;
  beforeEach(async () => {
    appOutDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-afterpack-'));
  });
  afterEach(async () => {
    await rm(appOutDir, { recursive: true, force: true });
  });

  it('finds the binary for each platform', () => {
    const packager = {
      executableName: 'digital-inclusion-kiosk',
      appInfo: { productFilename: 'Digital Inclusion Kiosk' },
    };
    const where = (electronPlatformName: string) =>
      hook.electronBinaryPath({ appOutDir: '/out', electronPlatformName, packager });
    expect(where('linux')).toBe(path.join('/out', 'digital-inclusion-kiosk'));
    expect(where('win32')).toBe(path.join('/out', 'Digital Inclusion Kiosk.exe'));
    expect(where('darwin')).toBe(path.join('/out', 'Digital Inclusion Kiosk.app'));
    expect(() => where('plan9')).toThrow(/plan9/);
  });

  it('flips the fuses a kiosk needs in the packaged binary', async () => {
    const binary = path.join(appOutDir, 'digital-inclusion-kiosk');
    await writeFile(binary, fakeElectronBinary());
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await hook.afterPack(linuxContext(appOutDir));
    log.mockRestore();

    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    const on = (fuse: FuseOption) => String.fromCharCode(wire[fuse]!) === '1';
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    // Only the wire changed.
    expect((await readFile(binary)).length).toBe(fakeElectronBinary().length);
  });

  it('fails the packaging run when the binary has no fuse wire', async () => {
    await writeFile(path.join(appOutDir, 'digital-inclusion-kiosk'), 'not electron');
    await expect(hook.afterPack(linuxContext(appOutDir))).rejects.toThrow(/sentinel/i);
  });
});
