import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataHealth } from '../../../../electron/core/contract';
import type { Result } from '../../../../electron/core/errors';
import { createKioskCore, type KioskCore } from '../../../../electron/core/service';
import { snapshotDir } from '../../../helpers/temp-dir';

/**
 * A real full disk: a 64 KB tmpfs mounted for this file, filled to the last block. Needs root
 * (CI runs as root); elsewhere it is skipped with the reason, and disk-faults.test.ts covers the
 * same ground through an injected file system.
 */
const SIZE = '64k';
const NOW = new Date('2025-06-01T03:00:00.000Z');
const PIN = '246813';

async function mountTmpfs(): Promise<{ dir: string } | { skip: string }> {
  if (process.platform !== 'linux') return { skip: 'tmpfs is Linux only' };
  if (process.getuid?.() !== 0) return { skip: 'mounting a tmpfs needs root' };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    return {
      skip: `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`,
    };
  }
}

const mounted = await mountTmpfs();
const dataDir = 'dir' in mounted ? mounted.dir : '';
if ('skip' in mounted) console.warn(`[disk-full.test] skipped: ${mounted.skip}`);

afterAll(async () => {
  if (!dataDir) return;
  execFileSync('umount', [dataDir]);
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Leaves exactly `bytes` free (block-aligned) with one filler file. */
async function leaveFree(dir: string, bytes: number): Promise<void> {
  const stats = await fs.statfs(dir);
  await fs.writeFile(
    path.join(dir, 'filler.bin'),
    Buffer.alloc(Number(stats.bavail) * Number(stats.bsize) - bytes),
  );
}

/** Writes a filler file a block at a time until the disk refuses; returns its path. */
async function fillDisk(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler.bin');
  const handle = await fs.open(filler, 'w');
  try {
    for (;;) await handle.write(Buffer.alloc(4096, 1));
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    await handle.close();
  }
  // A partly written block may still have room for a few bytes: take them too.
  await fs.appendFile(filler, Buffer.alloc(1)).catch(() => undefined);
  return filler;
}

function staffCaller(core: KioskCore, session: string) {
  return (method: string, input: unknown = {}): Promise<Result<unknown>> =>
    core.invoke(method, input, { staffSession: session });
}

interface Session {
  id: string;
  notes: string;
  participants: { label: string }[];
}

describe.skipIf(!dataDir)(
  `a full disk (a real ${SIZE} tmpfs)${'skip' in mounted ? `: skipped, ${mounted.skip}` : ''}`,
  () => {
    it('starts, refuses writes cleanly with disk_full, loses nothing acknowledged, and lets staff free space', async () => {
      const core = await createKioskCore({ dataDir, shell: 'browser', now: () => NOW });
      const setup = await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
      if (!setup.ok) throw new Error(setup.error.message);
      const staff = staffCaller(core, (setup.value as { session: string }).session);
      const created = await staff('staff.groups.create', {
        title: 'Phones',
        date: '2025-06-01',
        place: 'Room 1',
        lessonIds: ['free-wifi'],
      });
      if (!created.ok) throw new Error(created.error.message);
      const id = (created.value as Session).id;
      expect(
        (
          await staff('staff.groups.participants.add', {
            id,
            kind: 'nickname',
            label: 'Ah Mei',
            picsAgreed: true,
          })
        ).ok,
      ).toBe(true);
      expect(
        (await staff('staff.groups.update', { id, notes: 'acknowledged before the disk filled' })).ok,
      ).toBe(true);

      const filler = await fillDisk(dataDir);
      const before = await snapshotDir(dataDir);

      // A write that once answered "Nothing was changed" while the main file held it: now refused, and
      // the disk and memory both still say the old notes.
      const refused = await staff('staff.groups.update', {
        id,
        notes: 'new notes that do not fit '.repeat(20),
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'disk_full' } });
      expect(await snapshotDir(dataDir)).toEqual(before);
      expect(await staff('staff.groups.get', { id })).toMatchObject({
        ok: true,
        value: { notes: 'acknowledged before the disk filled' },
      });

      const health = (await staff('staff.health')) as Result<DataHealth>;
      if (!health.ok) throw new Error(health.error.message);
      expect(health.value.disk).not.toBeNull();
      expect(health.value.disk?.freeBytes).toBeLessThan(4096);
      expect(health.value.disk?.totalBytes).toBeGreaterThan(0);
      expect(health.value.events).toContainEqual(
        expect.objectContaining({ document: 'group-sessions', kind: 'not-saved', code: 'ENOSPC' }),
      );

      // A second kiosk process on the full disk: start-up (with its retention purge) must not fail.
      const restarted = await createKioskCore({ dataDir, shell: 'browser', now: () => NOW });
      const again = (await restarted.handlers['staff.groups.get']({ id }, {})) as Session;
      expect(again.notes).toBe('acknowledged before the disk filled');
      expect(again.participants.map((p) => p.label)).toEqual(['Ah Mei']);
      const restartedHealth = (await restarted.handlers['staff.health']({}, {})) as DataHealth;
      expect(restartedHealth.events).toContainEqual(
        expect.objectContaining({ document: 'group-sessions', kind: 'purge-failed', code: 'ENOSPC' }),
      );

      // Wiping personal data still works on the full disk: deleting must never need free space first.
      const wiped = await staff('staff.datacare.wipe', { confirm: 'wipe-personal-data' });
      expect(wiped).toMatchObject({ ok: true, value: { participantsRemoved: 1, notesCleared: 1 } });
      const onDisk = JSON.parse(await fs.readFile(path.join(dataDir, 'group-sessions.json'), 'utf8')) as {
        sessions: Session[];
      };
      // Notes are personal data: the wipe takes them with the participants.
      expect(onDisk.sessions[0]?.participants).toEqual([]);
      expect(onDisk.sessions[0]?.notes).toBe('');

      // Space freed (staff removed a dataset): writes work again and build on what was acknowledged.
      await fs.rm(filler);
      expect(await staff('staff.groups.update', { id, notes: 'after space was freed' })).toMatchObject({
        ok: true,
      });
      const reopened = await createKioskCore({ dataDir, shell: 'browser', now: () => NOW });
      expect(((await reopened.handlers['staff.groups.get']({ id }, {})) as Session).notes).toBe(
        'after space was freed',
      );
    });

    it('with 8 KB free, a change whose main file lands but whose backup does not answers success, and the disk agrees', async () => {
      for (const name of await fs.readdir(dataDir))
        await fs.rm(path.join(dataDir, name), { recursive: true, force: true });
      const core = await createKioskCore({ dataDir, shell: 'browser', now: () => NOW });
      const setup = await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
      if (!setup.ok) throw new Error(setup.error.message);
      const staff = staffCaller(core, (setup.value as { session: string }).session);
      const ids: string[] = [];
      for (const title of ['Phones', 'Tablets']) {
        const created = await staff('staff.groups.create', {
          title,
          date: '2025-06-01',
          place: 'Room 1',
          lessonIds: ['free-wifi'],
        });
        if (!created.ok) throw new Error(created.error.message);
        ids.push((created.value as Session).id);
      }
      const [first, second] = ids as [string, string];
      expect((await staff('staff.groups.update', { id: second, notes: 'x'.repeat(1500) })).ok).toBe(true);
      const file = path.join(dataDir, 'group-sessions.json');
      const oldBackup = await fs.readFile(path.join(dataDir, 'group-sessions.bak.json'), 'utf8');
      // Under one 4 KB block now, over it after the change: the new main file takes both free blocks,
      // its rename frees one, and the backup's temp file needs two.
      expect((await fs.stat(file)).size).toBeLessThan(4096);
      await leaveFree(dataDir, 8192);

      const notes = 'notes for the session '.repeat(85);
      expect(await staff('staff.groups.update', { id: first, notes })).toMatchObject({
        ok: true,
        value: { notes },
      });
      expect((await fs.stat(file)).size).toBeGreaterThan(4096);
      expect(await fs.readFile(file, 'utf8')).toContain(notes);
      expect(await fs.readFile(path.join(dataDir, 'group-sessions.bak.json'), 'utf8')).toBe(oldBackup);
      expect(await staff('staff.groups.get', { id: first })).toMatchObject({ ok: true, value: { notes } });
      const health = (await staff('staff.health')) as Result<DataHealth>;
      expect(health.ok && health.value.events).toContainEqual(
        expect.objectContaining({ document: 'group-sessions', kind: 'backup-not-saved', code: 'ENOSPC' }),
      );

      const restarted = await createKioskCore({ dataDir, shell: 'browser', now: () => NOW });
      expect(((await restarted.handlers['staff.groups.get']({ id: first }, {})) as Session).notes).toBe(
        notes,
      );
    });
  },
);
