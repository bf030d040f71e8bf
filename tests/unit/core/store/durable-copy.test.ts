import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileDurably, DurableWriteError } from '../../../../electron/core/store/durable-file';
import { snapshotDir, tempDirs } from '../../../helpers/temp-dir';
import { faultyFs, type FaultPoint } from './faulty-fs';

const dirs = tempDirs('kiosk-copy-');
afterEach(dirs.cleanup);

/** Bytes that differ at every position, longer than two copy pieces, so a dropped or repeated piece shows. */
function patterned(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed + (i >> 8)) & 0xff;
  return bytes;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function setUp(): Promise<{ dir: string; source: string; target: string; bytes: Buffer }> {
  const dir = await dirs.make();
  const source = path.join(dir, 'hotspots.json');
  const target = path.join(dir, 'hotspots.bak.json');
  const bytes = patterned(2.5 * 1024 * 1024 + 17, 7);
  await fs.writeFile(source, bytes);
  await fs.writeFile(target, 'the older backup\n');
  return { dir, source, target, bytes };
}

describe('copyFileDurably: the Wi-Fi backup goes through the store routine', () => {
  it('copies a file larger than one piece byte for byte over the old copy, leaving no temp file', async () => {
    const { dir, source, target, bytes } = await setUp();
    await copyFileDurably(source, target);
    expect(sha(await fs.readFile(target))).toBe(sha(bytes));
    expect((await fs.readdir(dir)).sort()).toEqual(['hotspots.bak.json', 'hotspots.json']);
    // A separate file, not a link: damage to one in place leaves the other whole.
    expect((await fs.stat(target)).ino).not.toBe((await fs.stat(source)).ino);
  });

  const notLanded: FaultPoint[] = ['create-temp', 'sync-temp', 'rename'];
  for (const at of notLanded) {
    it(`a failure at ${at} leaves the old copy as it was and says it did not land`, async () => {
      const { dir, source, target } = await setUp();
      const before = await snapshotDir(dir);
      const disk = faultyFs([{ at, file: 'hotspots.bak.json', code: 'ENOSPC' }]);
      const error = await copyFileDurably(source, target, { fs: disk }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DurableWriteError);
      expect(error).toMatchObject({ landed: false, code: 'ENOSPC' });
      expect(disk.tripped).toEqual([`${at}:hotspots.bak.json`]);
      expect(await snapshotDir(dir)).toEqual(before);
    });
  }

  it('a folder that cannot be synced after the rename answers landed: the new copy is in place', async () => {
    const { source, target, bytes } = await setUp();
    const disk = faultyFs([{ at: 'sync-folder', code: 'EIO' }]);
    const error = await copyFileDurably(source, target, { fs: disk }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ landed: true, code: 'EIO' });
    expect(sha(await fs.readFile(target))).toBe(sha(bytes));
  });

  it('a source that cannot be opened leaves the old copy and no temp file', async () => {
    const { dir, target } = await setUp();
    const before = await snapshotDir(dir);
    const error = await copyFileDurably(path.join(dir, 'missing.json'), target).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ landed: false, code: 'ENOENT' });
    expect(await snapshotDir(dir)).toEqual(before);
  });
});
