import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPackFolder } from '../../../electron/core/org/pack-manifest';
import { hubPaths } from '../../../electron/hub/home';
import { makeKeys } from '../../../electron/hub/keys';
import { buildPack, PackContentError } from '../../../electron/hub/pack';
import { fakeHubSyncthing } from '../../helpers/fake-hub-syncthing';
import { manualClock } from '../../helpers/manual-clock';
import { snapshotDir, tempDirs } from '../../helpers/temp-dir';

const DATA = path.resolve(import.meta.dirname, '../../../data');
const dirs = tempDirs('hub-pack-');
afterEach(dirs.cleanup);

const clock = manualClock('2026-12-02T03:00:00.000Z');
/** A Syncthing home with no config: the hub's Syncthing is not set up (pack goes out later). */
async function noSyncthing(): Promise<string> {
  return dirs.make();
}

async function hubWithKey(): Promise<string> {
  const home = await dirs.make();
  await makeKeys({ home, organisation: 'Smart Silver' });
  return home;
}

/** A pack folder with the shipped lessons (all of them: lessons name each other as related). */
async function lessonsPack(): Promise<string> {
  const folder = await dirs.make();
  await fs.cp(path.join(DATA, 'lessons'), path.join(folder, 'lessons'), { recursive: true });
  return folder;
}

describe('hub pack', () => {
  it('signs a good pack into content/ that the kiosk-side check reads as ready, and asks Syncthing to rescan', async () => {
    const home = await hubWithKey();
    const folder = await lessonsPack();
    const syncthing = fakeHubSyncthing();
    const result = await buildPack({ home, folder, version: '3', syncthing, now: clock.now });
    const lessons = await fs.readdir(path.join(DATA, 'lessons'));
    expect(result).toMatchObject({
      version: '3',
      organisation: 'Smart Silver',
      parts: ['lessons'],
      files: lessons.length,
    });
    expect(result.rescan).toBe('done');
    expect(syncthing.scans).toEqual(['content']);
    expect(syncthing.config.folders.find((f) => f.id === 'content')).toMatchObject({
      type: 'sendonly',
      path: hubPaths(home).content,
    });

    const publicKey = await fs.readFile(hubPaths(home).publicKey, 'utf8');
    const check = await checkPackFolder(hubPaths(home).content, publicKey);
    expect(check.state).toBe('ready');
    if (check.state === 'ready') {
      expect(check.manifest).toMatchObject({
        organisation: 'Smart Silver',
        version: '3',
        created: '2026-12-02T03:00:00.000Z',
      });
      expect(check.files.map((f) => f.path).sort()).toEqual(lessons.map((name) => `lessons/${name}`).sort());
    }
  });

  it('writes the manifest last: its signature and every data file are older or as old', async () => {
    const home = await hubWithKey();
    await buildPack({ home, folder: await lessonsPack(), version: '1', syncthing: fakeHubSyncthing() });
    const content = hubPaths(home).content;
    const manifest = (await fs.stat(path.join(content, 'manifest.json'))).mtimeMs;
    const sig = (await fs.stat(path.join(content, 'manifest.sig'))).mtimeMs;
    expect(sig).toBeLessThanOrEqual(manifest);
    for (const name of await fs.readdir(path.join(content, 'lessons')))
      expect((await fs.stat(path.join(content, 'lessons', name))).mtimeMs).toBeLessThanOrEqual(sig);
  });

  it('refuses a pack with a bad lesson, naming the file and the problem, and publishes nothing', async () => {
    const home = await hubWithKey();
    const folder = await lessonsPack();
    const file = path.join(folder, 'lessons', 'free-wifi.json');
    const lesson = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    delete lesson.steps;
    await fs.writeFile(file, JSON.stringify(lesson));
    await fs.mkdir(hubPaths(home).content, { recursive: true });
    const before = await snapshotDir(hubPaths(home).content);

    const error = await buildPack({ home, folder, version: '3', syncthing: fakeHubSyncthing() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PackContentError);
    const refusal = error as PackContentError;
    expect(refusal.exitCode).toBe(1);
    expect(refusal.problems.length).toBeGreaterThan(0);
    expect(refusal.problems[0]).toMatchObject({ part: 'lessons' });
    expect(refusal.problems.some((p) => p.file.includes('free-wifi'))).toBe(true);
    expect(await snapshotDir(hubPaths(home).content)).toEqual(before);
  });

  it('refuses a version that is not newer than the pack already published, leaving it in place', async () => {
    const home = await hubWithKey();
    const folder = await lessonsPack();
    await buildPack({ home, folder, version: '2026.12.2', syncthing: fakeHubSyncthing() });
    const before = await snapshotDir(hubPaths(home).content);
    for (const version of ['2026.12.2', '2026.2.10', '5'])
      await expect(buildPack({ home, folder, version, syncthing: fakeHubSyncthing() })).rejects.toMatchObject(
        {
          exitCode: 1,
          key: 'errors.versionNotNewer',
          params: { version, current: '2026.12.2' },
        },
      );
    expect(await snapshotDir(hubPaths(home).content)).toEqual(before);
  });

  it('replaces the previous pack: files it no longer carries are removed', async () => {
    const home = await hubWithKey();
    const first = await lessonsPack();
    await fs.cp(path.join(DATA, 'accessibility-demos.json'), path.join(first, 'accessibility-demos.json'));
    await buildPack({ home, folder: first, version: '1', syncthing: fakeHubSyncthing() });
    const content = hubPaths(home).content;
    await expect(fs.stat(path.join(content, 'accessibility-demos.json'))).resolves.toBeTruthy();

    const second = await dirs.make();
    await fs.cp(path.join(DATA, 'programmes'), path.join(second, 'programmes'), { recursive: true });
    const result = await buildPack({ home, folder: second, version: '2', syncthing: fakeHubSyncthing() });
    expect(result).toMatchObject({ previous: '1', parts: ['programmes'] });
    expect(result.removed).toBe((await fs.readdir(path.join(DATA, 'lessons'))).length + 1);
    await expect(fs.stat(path.join(content, 'accessibility-demos.json'))).rejects.toThrow();
    await expect(fs.stat(path.join(content, 'lessons'))).rejects.toThrow();
    const publicKey = await fs.readFile(hubPaths(home).publicKey, 'utf8');
    expect((await checkPackFolder(content, publicKey)).state).toBe('ready');
  });

  it('without a key refuses with exit 3; with Syncthing absent the pack is still made', async () => {
    const bare = await dirs.make();
    await expect(buildPack({ home: bare, folder: await lessonsPack(), version: '1' })).rejects.toMatchObject({
      exitCode: 3,
      key: 'errors.noKey',
    });
    const home = await hubWithKey();
    const result = await buildPack({
      home,
      folder: await lessonsPack(),
      version: '1',
      syncthingHome: await noSyncthing(),
    });
    expect(result.rescan).toBe('not-running');
    const publicKey = await fs.readFile(hubPaths(home).publicKey, 'utf8');
    expect((await checkPackFolder(hubPaths(home).content, publicKey)).state).toBe('ready');
  });

  it('refuses a part file a manifest could not list (the kiosk would never get it), but not a hidden one', async () => {
    const home = await hubWithKey();
    const folder = await lessonsPack();
    await fs.writeFile(path.join(folder, 'lessons', '.DS_Store'), 'mac');
    await fs.copyFile(
      path.join(folder, 'lessons', 'free-wifi.json'),
      path.join(folder, 'lessons', 'free wifi copy.json'),
    );
    await expect(
      buildPack({ home, folder, version: '1', syncthing: fakeHubSyncthing() }),
    ).rejects.toMatchObject({
      exitCode: 1,
      key: 'errors.packBadName',
      params: { file: 'lessons/free wifi copy.json' },
    });
    await fs.rm(path.join(folder, 'lessons', 'free wifi copy.json'));
    const result = await buildPack({ home, folder, version: '1', syncthing: fakeHubSyncthing() });
    expect(result.files).toBe((await fs.readdir(path.join(DATA, 'lessons'))).length);
  });

  it('refuses a folder with no part a kiosk uses, and a version that is not one', async () => {
    const home = await hubWithKey();
    const empty = await dirs.make();
    await fs.writeFile(path.join(empty, 'notes.txt'), 'hello');
    await expect(
      buildPack({ home, folder: empty, version: '1', syncthing: fakeHubSyncthing() }),
    ).rejects.toMatchObject({
      key: 'errors.packEmpty',
    });
    await expect(
      buildPack({ home, folder: await lessonsPack(), version: 'v1', syncthing: fakeHubSyncthing() }),
    ).rejects.toMatchObject({ key: 'errors.badVersion' });
  });
});
