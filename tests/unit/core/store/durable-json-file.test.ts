import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DocumentSchema } from '../../../../electron/core/store/document-schema';
import { realFs, type DurableFs } from '../../../../electron/core/store/durable-file';
import { DurableJsonFile } from '../../../../electron/core/store/durable-json-file';
import type { HealthEvent } from '../../../../electron/core/store/health-event';
import { snapshotDir, tempDirs } from '../../../helpers/temp-dir';
import { faultyFs } from './faulty-fs';

// `tone` has a default, so the schema layer's output differs from what it is given.
const NoteSchema = z.object({
  schemaVersion: z.literal(2),
  text: z.string().min(1),
  tone: z.enum(['plain', 'loud']).default('plain'),
});
type Note = z.infer<typeof NoteSchema>;
const defaults = (): Note => ({ schemaVersion: 2, text: 'default', tone: 'plain' });
const schema = new DocumentSchema<Note>(NoteSchema, [
  { from: 1, migrate: (old) => ({ ...old, schemaVersion: 2, text: String(old.words) }) },
]);

const FIXED_NOW = new Date('2025-03-04T05:06:07.890Z');
const STAMP = '2025-03-04T05-06-07-890Z';

const dirs = tempDirs('kiosk-adapter-');
afterEach(dirs.cleanup);

/** A plain lowdb database over the store's adapter, used the way lowdb's README shows. */
function lowOver(dataDir: string, events: HealthEvent[] = [], disk: DurableFs = realFs) {
  const adapter = new DurableJsonFile<Note>(
    path.join(dataDir, 'note.json'),
    path.join(dataDir, 'note.bak.json'),
    schema,
    {
      fs: disk,
      now: () => FIXED_NOW,
      report: (kind, extra) =>
        events.push({ time: FIXED_NOW.toISOString(), document: 'note', kind, ...extra }),
    },
  );
  return { adapter, db: new Low<Note>(adapter, defaults()) };
}

const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as unknown;

describe('DurableJsonFile: a lowdb adapter with the recovery rules', () => {
  it('db.read() on an empty folder keeps the defaults; db.update() writes main and backup', async () => {
    const dataDir = await dirs.make();
    const { adapter, db } = lowOver(dataDir);
    await db.read();
    expect(adapter.origin).toBe('new');
    expect(db.data).toEqual(defaults());
    expect(await fs.readdir(dataDir)).toEqual([]);

    await db.update((note) => {
      note.text = '你好';
    });
    expect(await readJson(path.join(dataDir, 'note.json'))).toEqual({
      schemaVersion: 2,
      text: '你好',
      tone: 'plain',
    });
    expect(await fs.readFile(path.join(dataDir, 'note.bak.json'), 'utf8')).toBe(
      await fs.readFile(path.join(dataDir, 'note.json'), 'utf8'),
    );

    const again = lowOver(dataDir);
    await again.db.read();
    expect(again.adapter.origin).toBe('main');
    expect(again.db.data.text).toBe('你好');
  });

  it('reads through the schema layer: an old version is migrated and defaults filled in', async () => {
    const dataDir = await dirs.make();
    await fs.writeFile(path.join(dataDir, 'note.json'), JSON.stringify({ schemaVersion: 1, words: 'old' }));
    const { adapter, db } = lowOver(dataDir);
    await db.read();
    expect(adapter.origin).toBe('migrated');
    expect(db.data).toEqual({ schemaVersion: 2, text: 'old', tone: 'plain' });
  });

  it('a damaged main file is moved aside and the backup answered; reading writes nothing else', async () => {
    const dataDir = await dirs.make();
    const seeded = lowOver(dataDir);
    seeded.db.data = { schemaVersion: 2, text: 'kept', tone: 'loud' };
    await seeded.db.write();
    await fs.writeFile(path.join(dataDir, 'note.json'), '{"schemaVersion":2,"te');

    const events: HealthEvent[] = [];
    const { adapter, db } = lowOver(dataDir, events);
    await db.read();
    expect(adapter.origin).toBe('backup');
    expect(db.data).toEqual({ schemaVersion: 2, text: 'kept', tone: 'loud' });
    expect((await fs.readdir(dataDir)).sort()).toEqual(['note.bak.json', `note.corrupt-${STAMP}.json`]);
    expect(events).toEqual([
      {
        time: FIXED_NOW.toISOString(),
        document: 'note',
        kind: 'moved-aside',
        reason: 'not-json',
        file: `note.corrupt-${STAMP}.json`,
      },
    ]);
  });

  it('with neither file usable, read() answers null so lowdb keeps its defaults', async () => {
    const dataDir = await dirs.make();
    await fs.writeFile(path.join(dataDir, 'note.json'), JSON.stringify({ schemaVersion: 2, text: '' }));
    await fs.mkdir(path.join(dataDir, 'note.bak.json'));
    const events: HealthEvent[] = [];
    const { adapter, db } = lowOver(dataDir, events);
    expect(await adapter.read()).toBeNull();
    expect(adapter.origin).toBe('reset');
    // Read again, the files are already aside: lowdb keeps what it was given.
    await db.read();
    expect(adapter.origin).toBe('new');
    expect(db.data).toEqual(defaults());
    expect(events.map((e) => [e.kind, e.reason, e.code])).toEqual([
      ['moved-aside', 'not-schema', undefined],
      ['moved-aside', 'unreadable', 'EISDIR'],
    ]);
  });

  it('db.write() rejects when the main file did not land, and leaves the folder byte for byte as it was', async () => {
    const dataDir = await dirs.make();
    const seeded = lowOver(dataDir);
    await seeded.db.write();
    const before = await snapshotDir(dataDir);
    const { db } = lowOver(dataDir, [], faultyFs([{ at: 'rename', file: 'note.json', code: 'ENOSPC' }]));
    db.data.text = 'not on disk';
    await expect(db.write()).rejects.toMatchObject({ landed: false, code: 'ENOSPC' });
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it('a backup that cannot be written is a warning, not a failed write', async () => {
    const dataDir = await dirs.make();
    const events: HealthEvent[] = [];
    const { db } = lowOver(
      dataDir,
      events,
      faultyFs([{ at: 'sync-temp', file: 'note.bak.json', code: 'EIO' }]),
    );
    db.data.text = 'landed';
    await db.write();
    expect(await readJson(path.join(dataDir, 'note.json'))).toMatchObject({ text: 'landed' });
    expect(await fs.readdir(dataDir)).toEqual(['note.json']);
    expect(events.map((e) => [e.kind, e.code])).toEqual([['backup-not-saved', 'EIO']]);
  });
});

describe('DocumentSchema: the thin schema layer', () => {
  it('tells not-json from not-schema, and checks a change to the schema own output', () => {
    expect(schema.parse('{')).toEqual({ ok: false, reason: 'not-json' });
    expect(schema.parse('{"schemaVersion":2}')).toEqual({ ok: false, reason: 'not-schema' });
    expect(schema.parse('{"schemaVersion":2,"text":"a"}')).toEqual({
      ok: true,
      migrated: false,
      data: { schemaVersion: 2, text: 'a', tone: 'plain' },
    });
    expect(schema.check({ schemaVersion: 2, text: '' } as Note)).toBeNull();
    expect(schema.check({ schemaVersion: 2, text: 'b' } as Note)).toEqual({
      schemaVersion: 2,
      text: 'b',
      tone: 'plain',
    });
  });
});
