import { execFileSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHotspotHandlers } from '../../../../electron/core/hotspots/handlers';
import { tempDirs } from '../../../helpers/temp-dir';
import { makeCoreContext, sharedDataDir } from '../../../helpers/hotspots-context';
import { rejection } from '../../../helpers/results';

const temp = tempDirs('kiosk-hotspots-free-');
afterEach(temp.cleanup);

const staff = { staffSession: 'test' };
const realJson = readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'));
const realCsv = readFileSync(path.join(sharedDataDir, 'wifi-hk-hotspots.csv'));
const now = () => new Date('2026-11-28T02:00:00Z');

async function start(dir: string) {
  const ctx = await makeCoreContext(dir, now);
  return { ctx, handlers: await createHotspotHandlers(ctx) };
}

/** The real JSON file imported, then the real CSV over it: the JSON's 5k venues are the rollback copy. */
async function twoImports(dir: string) {
  const { handlers } = await start(dir);
  for (const [fileName, content] of [
    ['fixed.json', realJson],
    ['fixed.csv', realCsv],
  ] as const) {
    const preview = await handlers['staff.hotspots.preview']({ fileName, content }, staff);
    await handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
  }
  return handlers;
}

describe('removing the earlier Wi-Fi dataset to free space', () => {
  it('deletes the rollback copy, says how many bytes it freed, and the data in use stays', async () => {
    const dir = await temp.make();
    const handlers = await twoImports(dir);
    const previousFile = path.join(dir, 'hotspots.previous.json');
    const size = (await fs.stat(previousFile)).size;
    expect(size).toBeGreaterThan(1_000_000);
    const before = await handlers['staff.hotspots.status']({}, staff);
    expect(before.previous).toMatchObject({ fixed: { fileName: 'fixed.json' }, bytes: size });
    const search = {
      near: 'centre' as const,
      page: 1,
      pageSize: 10,
      language: 'en' as const,
      text: 'library',
    };
    const results = await handlers['hotspots.search'](search, {});

    const removed = await handlers['staff.hotspots.removePrevious']({}, staff);
    expect(removed.freedBytes).toBe(size);
    expect(removed.status.previous).toBeNull();
    expect(removed.status.fixed).toEqual(before.fixed);
    await expect(fs.access(previousFile)).rejects.toThrow();
    expect(await handlers['hotspots.search'](search, {})).toEqual(results);
    expect((await rejection(handlers['staff.hotspots.rollback']({}, staff))).code).toBe('conflict');
    expect((await rejection(handlers['staff.hotspots.removePrevious']({}, staff))).code).toBe('conflict');

    // After a restart too: nothing to roll back to, the same data in use.
    const again = await start(dir);
    const status = await again.handlers['staff.hotspots.status']({}, staff);
    expect(status.previous).toBeNull();
    expect(status.fixed).toEqual(before.fixed);
    expect(again.ctx.healthEvents).toEqual([]);
  });

  it('is refused when there is no earlier dataset', async () => {
    const { handlers } = await start(await temp.make());
    expect((await rejection(handlers['staff.hotspots.removePrevious']({}, staff))).code).toBe('conflict');
  });
});

/**
 * A real full disk: a 12 MB tmpfs, filled to the last block after the two imports. Needs root (CI
 * runs as root); elsewhere it is skipped with the reason.
 */
async function mountTmpfs(): Promise<{ dir: string } | { skip: string }> {
  if (process.platform !== 'linux') return { skip: 'tmpfs is Linux only' };
  if (process.getuid?.() !== 0) return { skip: 'mounting a tmpfs needs root' };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-wifi-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m,mode=0700', 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    return {
      skip: `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`,
    };
  }
}

const mounted = await mountTmpfs();
const fullDir = 'dir' in mounted ? mounted.dir : '';
if ('skip' in mounted) console.warn(`[remove-previous.test] full-disk case skipped: ${mounted.skip}`);
afterAll(async () => {
  if (!fullDir) return;
  execFileSync('umount', [fullDir]);
  await fs.rm(fullDir, { recursive: true, force: true });
});

describe.skipIf(!fullDir)('on a full disk (a real 12 MB tmpfs)', () => {
  it('still frees the space, where a new import cannot even be kept', async () => {
    const dataDir = path.join(fullDir, 'data');
    const handlers = await twoImports(dataDir);
    // Fill to the last block: a file as large as will fit, then single bytes until none fit.
    const filler = await fs.open(path.join(fullDir, 'filler'), 'w');
    try {
      const block = Buffer.alloc(64 * 1024);
      for (;;) await filler.write(block);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    try {
      for (;;) await filler.write(Buffer.alloc(1));
    } catch {
      // full
    }
    await filler.close();
    const preview = await handlers['staff.hotspots.preview'](
      { fileName: 'again.json', content: realJson },
      staff,
    );
    expect(
      (await rejection(handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff))).code,
    ).toMatch(/storage|disk_full/);

    const size = (await fs.stat(path.join(dataDir, 'hotspots.previous.json'))).size;
    const removed = await handlers['staff.hotspots.removePrevious']({}, staff);
    expect(removed.freedBytes).toBe(size);
    expect(removed.status.previous).toBeNull();
    const free = await fs.statfs(fullDir);
    expect(free.bavail * free.bsize).toBeGreaterThanOrEqual(size - 64 * 1024);

    const again = await start(dataDir);
    expect((await again.handlers['staff.hotspots.status']({}, staff)).previous).toBeNull();
  });
});
