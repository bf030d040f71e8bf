import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import {
  defaultSettingsDoc,
  SettingsDocSchema,
  settingsMigrations,
  type SettingsDoc,
} from '../../../../electron/core/settings/schema';
import { StoredDocument, type HealthEvent } from '../../../../electron/core/store/document';
import { snapshotDir, tempDirs } from '../../../helpers/temp-dir';
import { ASIDE_STAMP, counterDefaults, FIXED_NOW, openCounter, readJson, seed } from './counter-document';

const dirs = tempDirs('kiosk-doc-');
afterEach(dirs.cleanup);

/** Files in the folder that are not temp files (temp files are named `.…tmp` / `….tmp`). */
async function dataFiles(dataDir: string): Promise<string[]> {
  return (await fs.readdir(dataDir)).filter((name) => !name.endsWith('.tmp')).sort();
}

describe('StoredDocument: durable writes', () => {
  it('creates the file with defaults when the folder is empty, reporting nothing', async () => {
    const dataDir = await dirs.make();
    const events: HealthEvent[] = [];
    const doc = await openCounter(dataDir, events);
    expect(doc.data).toEqual(counterDefaults());
    expect(await readJson(path.join(dataDir, 'counter.json'))).toEqual(counterDefaults());
    expect(events).toEqual([]);
  });

  it('returns from update only once the change is on disk, and a reopen sees it', async () => {
    const dataDir = await dirs.make();
    const doc = await openCounter(dataDir);
    const result = await doc.update((d) => {
      d.counter = 7;
      d.names.push('七');
      return 'done';
    });
    expect(result).toBe('done');
    // Read straight after the promise resolved: no flush, no close.
    expect(await readJson(doc.file)).toEqual({ schemaVersion: 1, counter: 7, names: ['七'] });

    const reopened = await openCounter(dataDir);
    expect(reopened.data).toEqual({ schemaVersion: 1, counter: 7, names: ['七'] });
  });

  it('keeps <name>.bak.json as a good copy matching the last write', async () => {
    const dataDir = await dirs.make();
    const expected = await seed(dataDir);
    const backup = path.join(dataDir, 'counter.bak.json');
    expect(await readJson(backup)).toEqual(expected);
    expect(await fs.readFile(backup, 'utf8')).toBe(
      await fs.readFile(path.join(dataDir, 'counter.json'), 'utf8'),
    );
    expect(await dataFiles(dataDir)).toEqual(['counter.bak.json', 'counter.json']);
  });

  it('replace() swaps the whole document and persists it', async () => {
    const dataDir = await dirs.make();
    const doc = await openCounter(dataDir);
    await doc.replace({ schemaVersion: 1, counter: 3, names: ['a', 'b', 'c'] });
    expect((await openCounter(dataDir)).data).toEqual({
      schemaVersion: 1,
      counter: 3,
      names: ['a', 'b', 'c'],
    });
  });
});

describe('StoredDocument: corrupt files', () => {
  const corruptions: [string, (file: string) => Promise<void>][] = [
    ['garbage written over it', (file) => fs.writeFile(file, 'this is not { json')],
    [
      'truncated half way (in place)',
      async (file) => fs.truncate(file, Math.floor((await fs.stat(file)).size / 2)),
    ],
    ['emptied (zero length, as after a bad power cut)', (file) => fs.truncate(file, 0)],
    [
      'replaced by a different broken file',
      async (file) => {
        await fs.writeFile(`${file}.new`, '{"schemaVersion":1,"counter":');
        await fs.rename(`${file}.new`, file);
      },
    ],
  ];

  it.each(corruptions)(
    'main file %s: moved aside with its content kept, backup restored',
    async (_label, corrupt) => {
      const dataDir = await dirs.make();
      const good = await seed(dataDir);
      const main = path.join(dataDir, 'counter.json');
      await corrupt(main);
      const brokenBytes = await fs.readFile(main);

      const events: HealthEvent[] = [];
      const doc = await openCounter(dataDir, events);

      expect(doc.data).toEqual(good);
      expect(await readJson(main)).toEqual(good);
      const aside = `counter.corrupt-${ASIDE_STAMP}.json`;
      expect(await dataFiles(dataDir)).toEqual(['counter.bak.json', aside, 'counter.json'].sort());
      expect(await fs.readFile(path.join(dataDir, aside))).toEqual(brokenBytes);
      expect(events.map((e) => e.kind)).toEqual(['moved-aside', 'recovered-from-backup']);
      expect(events[0]).toMatchObject({ document: 'counter', file: aside, time: FIXED_NOW.toISOString() });
      expect(events[1]).toMatchObject({ document: 'counter' });

      // The restored document is a working one: it takes writes and refreshes its backup.
      await doc.update((d) => {
        d.counter += 1;
      });
      expect(await readJson(path.join(dataDir, 'counter.bak.json'))).toMatchObject({
        counter: good.counter + 1,
      });
    },
  );

  it('treats valid JSON of the wrong shape as corrupt', async () => {
    const dataDir = await dirs.make();
    const good = await seed(dataDir);
    const main = path.join(dataDir, 'counter.json');
    // Written by rename so the backup is untouched whatever way the store keeps it.
    await fs.writeFile(`${main}.new`, JSON.stringify({ schemaVersion: 1, counter: 'lots', names: null }));
    await fs.rename(`${main}.new`, main);

    const events: HealthEvent[] = [];
    const doc = await openCounter(dataDir, events);
    expect(doc.data).toEqual(good);
    expect(events.map((e) => e.kind)).toEqual(['moved-aside', 'recovered-from-backup']);
    expect(events[0]).toMatchObject({ reason: 'not-schema' });
    expect(await readJson(path.join(dataDir, `counter.corrupt-${ASIDE_STAMP}.json`))).toEqual({
      schemaVersion: 1,
      counter: 'lots',
      names: null,
    });
  });

  it('restores from the backup when the main file is missing', async () => {
    const dataDir = await dirs.make();
    const good = await seed(dataDir);
    await fs.rm(path.join(dataDir, 'counter.json'));
    const events: HealthEvent[] = [];
    const doc = await openCounter(dataDir, events);
    expect(doc.data).toEqual(good);
    expect(events.map((e) => e.kind)).toEqual(['recovered-from-backup']);
  });

  it('with both main and backup bad: both moved aside, defaults written, events reported', async () => {
    const dataDir = await dirs.make();
    await seed(dataDir);
    const main = path.join(dataDir, 'counter.json');
    const backup = path.join(dataDir, 'counter.bak.json');
    // Separate files (rename), so this holds however the backup is kept.
    await fs.writeFile(`${main}.new`, 'garbage main');
    await fs.rename(`${main}.new`, main);
    await fs.writeFile(`${backup}.new`, JSON.stringify({ wrong: 'shape' }));
    await fs.rename(`${backup}.new`, backup);

    const events: HealthEvent[] = [];
    const doc = await openCounter(dataDir, events);
    expect(doc.data).toEqual(counterDefaults());
    expect(await readJson(main)).toEqual(counterDefaults());
    expect(events.map((e) => e.kind)).toEqual(['moved-aside', 'moved-aside', 'reset-to-defaults']);

    const mainAside = `counter.corrupt-${ASIDE_STAMP}.json`;
    const backupAside = `counter.bak.corrupt-${ASIDE_STAMP}.json`;
    expect(
      events
        .map((e) => e.file)
        .filter(Boolean)
        .sort(),
    ).toEqual([backupAside, mainAside].sort());
    expect(await fs.readFile(path.join(dataDir, mainAside), 'utf8')).toBe('garbage main');
    expect(await readJson(path.join(dataDir, backupAside))).toEqual({ wrong: 'shape' });
  });
});

describe('StoredDocument: migrations', () => {
  const V1_SETTINGS = {
    schemaVersion: 1,
    public: {
      centreName: 'Some Centre',
      idleTimeoutMs: 60000,
      district: 'A',
      location: { latitude: 22.28, longitude: 114.15 },
      countdownSeconds: 30,
      defaultLanguage: 'en',
    },
    staff: { pin: null, failedAttempts: 2, lockedUntil: null },
  };

  async function openSettings(dataDir: string, events: HealthEvent[]): Promise<StoredDocument<SettingsDoc>> {
    return StoredDocument.open<SettingsDoc>({
      dataDir,
      name: 'settings',
      schema: SettingsDocSchema,
      defaults: defaultSettingsDoc,
      migrations: settingsMigrations,
      onHealthEvent: (event) => events.push(event),
      now: () => FIXED_NOW,
    });
  }

  it('migrates settings from schemaVersion 1 to 2 and writes the result back', async () => {
    const dataDir = await dirs.make();
    await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(V1_SETTINGS));

    const events: HealthEvent[] = [];
    const doc = await openSettings(dataDir, events);
    const expected: SettingsDoc = {
      schemaVersion: 2,
      public: {
        centreName: { 'zh-HK': 'Some Centre', en: 'Some Centre', 'zh-CN': 'Some Centre' },
        district: 'A',
        location: { latitude: 22.28, longitude: 114.15 },
        idleSeconds: 60,
        countdownSeconds: 30,
        defaultLanguage: 'en',
        phoneStyle: 'android',
        mapLink: 'google',
        groupViewLimitMinutes: 180,
        centrePhone: null,
      },
      staff: { pin: null, failedAttempts: 2, lockedUntil: null },
    };
    expect(doc.data).toEqual(expected);

    const onDisk = await readJson(path.join(dataDir, 'settings.json'));
    expect(onDisk).toEqual(expected);
    expect(JSON.stringify(onDisk)).not.toContain('idleTimeoutMs');
    expect(events.map((e) => e.kind)).toEqual(['migrated']);
    // A migration is not corruption: nothing moved aside.
    expect((await dataFiles(dataDir)).filter((n) => n.includes('corrupt'))).toEqual([]);

    // Reopening finds version 2 and has nothing left to do.
    const again: HealthEvent[] = [];
    expect((await openSettings(dataDir, again)).data).toEqual(expected);
    expect(again).toEqual([]);
  });

  it('loads a version 2 file written before the phone style setting, with the default style, as it is', async () => {
    const dataDir = await dirs.make();
    const { phoneStyle: _added, ...before } = defaultSettingsDoc().public;
    const older = { schemaVersion: 2, public: { ...before, idleSeconds: 45 } };
    await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(older));

    const events: HealthEvent[] = [];
    const doc = await openSettings(dataDir, events);
    expect(doc.data.public.phoneStyle).toBe('android');
    expect(doc.data.public.idleSeconds).toBe(45);
    // Not damaged: nothing moved aside, no reset to defaults.
    expect(events.map((e) => e.kind)).not.toContain('reset-to-defaults');
    expect((await dataFiles(dataDir)).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('loads a version 2 file written before the map link setting, with Google Maps, as it is', async () => {
    const dataDir = await dirs.make();
    const { mapLink: _added, ...before } = defaultSettingsDoc().public;
    const older = { schemaVersion: 2, public: { ...before, phoneStyle: 'iphone' } };
    await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(older));

    const events: HealthEvent[] = [];
    const doc = await openSettings(dataDir, events);
    expect(doc.data.public.mapLink).toBe('google');
    expect(doc.data.public.phoneStyle).toBe('iphone');
    expect(events.map((e) => e.kind)).not.toContain('reset-to-defaults');
    expect((await dataFiles(dataDir)).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('loads a version 2 file written before the class view limit, with 3 hours, as it is', async () => {
    const dataDir = await dirs.make();
    const { groupViewLimitMinutes: _added, ...before } = defaultSettingsDoc().public;
    const older = { schemaVersion: 2, public: { ...before, idleSeconds: 45 } };
    await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(older));

    const events: HealthEvent[] = [];
    const doc = await openSettings(dataDir, events);
    expect(doc.data.public.groupViewLimitMinutes).toBe(180);
    expect(doc.data.public.idleSeconds).toBe(45);
    expect(events.map((e) => e.kind)).not.toContain('reset-to-defaults');
    expect((await dataFiles(dataDir)).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('fills defaults for what a version 1 file did not have', async () => {
    const dataDir = await dirs.make();
    await fs.writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({
        schemaVersion: 1,
        public: {},
        staff: { pin: null, failedAttempts: 0, lockedUntil: null },
      }),
    );
    const doc = await openSettings(dataDir, []);
    expect(doc.data.public).toEqual(defaultSettingsDoc().public);
  });
});

describe('StoredDocument: update rules', () => {
  it('refuses a change that fails the schema, leaving memory and disk as they were', async () => {
    const dataDir = await dirs.make();
    const doc = await openCounter(dataDir);
    await doc.update((d) => {
      d.counter = 5;
    });
    const before = await snapshotDir(dataDir);
    const memoryBefore = structuredClone(doc.data);

    const refused = doc.update((d) => {
      d.counter = -1;
      d.names.push('should not stay');
    });
    await expect(refused).rejects.toBeInstanceOf(KioskError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input' });
    expect(doc.data).toEqual(memoryBefore);
    expect(await snapshotDir(dataDir)).toEqual(before);

    // The queue is not stuck after a refusal.
    await doc.update((d) => {
      d.counter = 6;
    });
    expect((await openCounter(dataDir)).data.counter).toBe(6);
  });

  it('a change function that throws changes nothing and passes its error on', async () => {
    const dataDir = await dirs.make();
    const doc = await openCounter(dataDir);
    const before = await snapshotDir(dataDir);
    await expect(
      doc.update((d) => {
        d.counter = 99;
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(doc.data.counter).toBe(0);
    expect(await snapshotDir(dataDir)).toEqual(before);
  });

  it('serialises concurrent updates: 50 parallel increments all land', async () => {
    const dataDir = await dirs.make();
    const doc = await openCounter(dataDir);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        doc.update((d) => {
          d.counter += 1;
          d.names.push(`n${i}`);
          return d.counter;
        }),
      ),
    );
    // Each change saw the one before it: the counters handed back are 1..50 in call order.
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(doc.data.counter).toBe(50);
    const reopened = await openCounter(dataDir);
    expect(reopened.data.counter).toBe(50);
    expect(reopened.data.names).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}`));
    expect(await readJson(path.join(dataDir, 'counter.bak.json'))).toEqual(reopened.data);
  });
});
