import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordHealthEvent } from '../../../../electron/core/health';
import { StoredDocument, type HealthEvent } from '../../../../electron/core/store/document';
import { snapshotDir, tempDirs } from '../../../helpers/temp-dir';
import { faultyFs, type Fault, type FaultPoint } from './faulty-fs';
import {
  ASIDE_STAMP,
  counterDefaults,
  FIXED_NOW,
  openCounter,
  readJson,
  seed,
  type Counter,
} from './counter-document';

const ASIDE = `counter.corrupt-${ASIDE_STAMP}.json`;
const BACKUP_ASIDE = `counter.bak.corrupt-${ASIDE_STAMP}.json`;
const dirs = tempDirs('kiosk-faults-');
afterEach(dirs.cleanup);

/** Opens the seeded document through a file system with these faults (open itself writes nothing). */
async function openWithFaults(
  dataDir: string,
  faults: Fault[],
  events: HealthEvent[],
): Promise<StoredDocument<Counter>> {
  return openCounter(dataDir, events, faultyFs(faults));
}

describe('a write on a failing disk: the answer matches the disk', () => {
  const notLanded: [string, FaultPoint][] = [
    ['the temp file cannot be created', 'create-temp'],
    ['the temp file is half written', 'write-temp'],
    ['the temp file cannot be synced', 'sync-temp'],
    ['the rename into place fails', 'rename'],
  ];

  it.each(notLanded)(
    '%s (ENOSPC): refused as disk_full, memory and disk unchanged, health says not saved',
    async (_label, at) => {
      const dataDir = await dirs.make();
      const good = await seed(dataDir);
      const events: HealthEvent[] = [];
      const doc = await openWithFaults(
        dataDir,
        [{ at, file: 'counter.json', code: 'ENOSPC', times: 1 }],
        events,
      );
      const before = await snapshotDir(dataDir);

      const refused = doc.update((d) => {
        d.counter = 3;
        d.names.push('new notes');
      });
      await expect(refused).rejects.toMatchObject({ code: 'disk_full' });
      expect(doc.data).toEqual(good);
      // Byte for byte and inode for inode: no temp file left, neither file replaced.
      expect(await snapshotDir(dataDir)).toEqual(before);
      expect(events).toEqual([
        { time: FIXED_NOW.toISOString(), document: 'counter', kind: 'not-saved', code: 'ENOSPC' },
      ]);

      // The next change builds on what was acknowledged, not on the refused one.
      await doc.update((d) => {
        d.counter += 1;
      });
      expect(await readJson(doc.file)).toEqual({ ...good, counter: 3 });
      expect((await openCounter(dataDir)).data).toEqual({ ...good, counter: 3 });
    },
  );

  it('main renamed into place, backup fails (ENOSPC): answered as saved, the backup left one write behind', async () => {
    const dataDir = await dirs.make();
    const good = await seed(dataDir);
    const events: HealthEvent[] = [];
    const doc = await openWithFaults(
      dataDir,
      [{ at: 'write-temp', file: 'counter.bak.json', code: 'ENOSPC' }],
      events,
    );

    const result = await doc.update((d) => {
      d.names.push('new notes');
      return 'saved';
    });
    expect(result).toBe('saved');
    const expected = { ...good, names: [...good.names, 'new notes'] };
    expect(doc.data).toEqual(expected);
    expect(await readJson(doc.file)).toEqual(expected);
    expect(await readJson(doc.backupFile)).toEqual(good);
    expect((await fs.readdir(dataDir)).sort()).toEqual(['counter.bak.json', 'counter.json']);
    expect(events).toEqual([
      { time: FIXED_NOW.toISOString(), document: 'counter', kind: 'backup-not-saved', code: 'ENOSPC' },
    ]);
    expect((await openCounter(dataDir)).data).toEqual(expected);
  });

  it('main renamed into place, the folder fsync fails: answered as saved, health says not synced', async () => {
    const dataDir = await dirs.make();
    const good = await seed(dataDir);
    const events: HealthEvent[] = [];
    const doc = await openWithFaults(dataDir, [{ at: 'sync-folder', code: 'EIO', times: 1 }], events);
    await doc.update((d) => {
      d.counter = 9;
    });
    expect(doc.data).toEqual({ ...good, counter: 9 });
    expect(await readJson(doc.file)).toEqual({ ...good, counter: 9 });
    expect(await readJson(doc.backupFile)).toEqual({ ...good, counter: 9 });
    expect(events.map((e) => [e.kind, e.code])).toEqual([['not-synced', 'EIO']]);
  });

  it('a failure that is not a full disk answers storage', async () => {
    const dataDir = await dirs.make();
    const good = await seed(dataDir);
    const events: HealthEvent[] = [];
    const doc = await openWithFaults(
      dataDir,
      [{ at: 'sync-temp', file: 'counter.json', code: 'EIO' }],
      events,
    );
    await expect(doc.update((d) => void (d.counter = 5))).rejects.toMatchObject({ code: 'storage' });
    expect(doc.data).toEqual(good);
    expect(events.map((e) => [e.kind, e.code])).toEqual([['not-saved', 'EIO']]);
  });

  it('on a full disk a change that shrinks the document (a wipe) gives up the backup for room and lands; one that grows is refused', async () => {
    const dataDir = await dirs.make();
    const good = await seed(dataDir);
    const events: HealthEvent[] = [];
    // Every first try of the main file fails for room; a second try after space was freed succeeds.
    const full = faultyFs([{ at: 'write-temp', file: 'counter.json', code: 'ENOSPC', times: 2 }]);
    const doc = await openCounter(dataDir, events, full);

    await expect(doc.update((d) => void d.names.push('more'))).rejects.toMatchObject({ code: 'disk_full' });
    expect(await readJson(doc.backupFile)).toEqual(good);

    await doc.update((d) => {
      d.names = [];
    });
    const wiped = { ...good, names: [] };
    expect(doc.data).toEqual(wiped);
    expect(await readJson(doc.file)).toEqual(wiped);
    // Written again once the main file had landed.
    expect(await readJson(doc.backupFile)).toEqual(wiped);
    expect(events.map((e) => e.kind)).toEqual(['not-saved']);
  });
});

describe('documents that cannot be opened', () => {
  it('a main file that is a directory (EISDIR) is moved aside and restored from its backup', async () => {
    const dataDir = await dirs.make();
    const good = await seed(dataDir);
    const main = path.join(dataDir, 'counter.json');
    await fs.rm(main);
    await fs.mkdir(main);
    await fs.writeFile(path.join(main, 'inside'), 'kept');

    const events: HealthEvent[] = [];
    const doc = await openCounter(dataDir, events);
    expect(doc.data).toEqual(good);
    expect(await readJson(main)).toEqual(good);
    expect(await fs.readFile(path.join(dataDir, ASIDE, 'inside'), 'utf8')).toBe('kept');
    expect(events.map((e) => e.kind)).toEqual(['moved-aside', 'recovered-from-backup']);
    expect(events[0]).toMatchObject({ file: ASIDE, reason: 'unreadable', code: 'EISDIR' });
  });

  it('main and backup both directories: both moved aside, defaults in place, start-up goes on', async () => {
    const dataDir = await dirs.make();
    await fs.mkdir(path.join(dataDir, 'counter.json'));
    await fs.mkdir(path.join(dataDir, 'counter.bak.json'));
    const events: HealthEvent[] = [];
    const doc = await openCounter(dataDir, events);
    expect(doc.data).toEqual(counterDefaults());
    expect(events.map((e) => [e.kind, e.file ?? null])).toEqual([
      ['moved-aside', ASIDE],
      ['moved-aside', BACKUP_ASIDE],
      ['reset-to-defaults', null],
    ]);
    expect((await fs.stat(path.join(dataDir, 'counter.json'))).isFile()).toBe(true);
  });

  it('a main file that cannot be read (EACCES) is moved aside and restored from its backup', async () => {
    const dataDir = await dirs.make();
    const good = await seed(dataDir);
    const brokenBytes = await fs.readFile(path.join(dataDir, 'counter.json'));
    const events: HealthEvent[] = [];
    // Injected: as root (CI), chmod 000 does not stop a read.
    const doc = await openWithFaults(
      dataDir,
      [{ at: 'read', file: 'counter.json', code: 'EACCES', times: 1 }],
      events,
    );
    expect(doc.data).toEqual(good);
    expect(events.map((e) => e.kind)).toEqual(['moved-aside', 'recovered-from-backup']);
    expect(events[0]).toMatchObject({ file: ASIDE, reason: 'unreadable', code: 'EACCES' });
    expect(await fs.readFile(path.join(dataDir, ASIDE))).toEqual(brokenBytes);
    expect(await readJson(path.join(dataDir, 'counter.json'))).toEqual(good);
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot || process.platform === 'win32')(
    'a main file with no read permission (real chmod 000) is moved aside and restored',
    async () => {
      const dataDir = await dirs.make();
      const good = await seed(dataDir);
      await fs.chmod(path.join(dataDir, 'counter.json'), 0o000);
      const events: HealthEvent[] = [];
      const doc = await openCounter(dataDir, events);
      expect(doc.data).toEqual(good);
      expect(events[0]).toMatchObject({ kind: 'moved-aside', file: ASIDE, code: 'EACCES' });
    },
  );

  it('a directory that cannot even be moved aside: start-up goes on with the backup and says what failed', async () => {
    const dataDir = await dirs.make();
    const good = await seed(dataDir);
    const main = path.join(dataDir, 'counter.json');
    await fs.rm(main);
    await fs.mkdir(main);
    const events: HealthEvent[] = [];
    const doc = await openWithFaults(dataDir, [{ at: 'move', file: 'counter.json', code: 'EBUSY' }], events);
    expect(doc.data).toEqual(good);
    expect(events.map((e) => [e.kind, e.code])).toEqual([
      ['could-not-move-aside', 'EBUSY'],
      // The directory is still in the way of the restored file.
      ['not-saved', expect.stringMatching(/^E/)],
      ['recovered-from-backup', undefined],
    ]);
    expect(await readJson(doc.backupFile)).toEqual(good);
  });
});

describe('health events while the disk stays full', () => {
  it('repeats of one problem with one document collapse into one entry with a count and the latest time', () => {
    const events: HealthEvent[] = [];
    const at = (minute: number) => `2025-03-04T05:${String(minute).padStart(2, '0')}:00.000Z`;
    for (let minute = 0; minute < 50; minute += 1)
      recordHealthEvent(events, {
        time: at(minute),
        document: 'activity',
        kind: 'not-saved',
        code: 'ENOSPC',
      });
    recordHealthEvent(events, { time: at(51), document: 'staff-log', kind: 'not-saved', code: 'ENOSPC' });
    recordHealthEvent(events, { time: at(52), document: 'counter', kind: 'moved-aside', file: 'a' });
    recordHealthEvent(events, { time: at(53), document: 'counter', kind: 'moved-aside', file: 'b' });
    expect(events).toEqual([
      { time: at(49), document: 'activity', kind: 'not-saved', code: 'ENOSPC', count: 50 },
      { time: at(51), document: 'staff-log', kind: 'not-saved', code: 'ENOSPC' },
      { time: at(52), document: 'counter', kind: 'moved-aside', file: 'a' },
      { time: at(53), document: 'counter', kind: 'moved-aside', file: 'b' },
    ]);
  });
});
