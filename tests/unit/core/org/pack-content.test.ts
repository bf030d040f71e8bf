import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContentTree, validateContentTree } from '../../../../electron/core/org/pack-content';
import { contentDir } from '../../../helpers/hotspots-context';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-pack-content-');
afterEach(dirs.cleanup);

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await dirs.make();
  for (const [relative, contents] of Object.entries(files)) {
    const target = path.join(folder, ...relative.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, contents);
  }
  return folder;
}

const shipped = (relative: string) => fs.readFile(path.join(contentDir, relative), 'utf8');
const json = async (relative: string) => JSON.parse(await shipped(relative)) as Record<string, unknown>;

async function shippedFolder(part: 'lessons' | 'programmes'): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await fs.readdir(path.join(contentDir, part)))
    if (name.endsWith('.json')) files[`${part}/${name}`] = await shipped(`${part}/${name}`);
  return files;
}

async function sampleVenues(count: number): Promise<string> {
  const records = JSON.parse((await shipped('hotspots-sample.json')).replace(/^\uFEFF/, '')) as unknown[];
  return JSON.stringify(records.slice(0, count));
}

describe('validateContentTree: the schemas data/ passes, strictly', () => {
  it('passes the shipped parts, each as a pack would carry it', async () => {
    const pack = await folderWith({
      ...(await shippedFolder('lessons')),
      ...(await shippedFolder('programmes')),
      'accessibility-demos.json': await shipped('accessibility-demos.json'),
      'wifi/venues.json': await sampleVenues(5),
    });
    expect(await validateContentTree(pack, contentDir)).toEqual([]);
  });

  it('refuses a lesson with a bad step, which the shipped loader would only leave out', async () => {
    const lesson = await json('lessons/free-wifi.json');
    (lesson.steps as unknown[])[1] = { kind: 'nothing-like-a-step' };
    const pack = await folderWith({
      ...(await shippedFolder('lessons')),
      'lessons/free-wifi.json': JSON.stringify(lesson),
    });
    const problems = await validateContentTree(pack, contentDir);
    expect(problems[0]).toMatchObject({ part: 'lessons', file: 'lessons/free-wifi.json' });
    expect(problems[0]!.problem).toMatch(/steps/);
    // The lessons that name it as related are refused with it, not quietly changed.
    expect(problems.slice(1).every((p) => /related lessons free-wifi/.test(p.problem))).toBe(true);
  });

  it('refuses a lesson pointing at a lesson the pack does not have', async () => {
    const lesson = await json('lessons/free-wifi.json');
    const pack = await folderWith({
      'lessons/free-wifi.json': JSON.stringify({ ...lesson, startHere: undefined }),
    });
    const problems = await validateContentTree(pack, contentDir);
    expect(problems.some((p) => p.part === 'lessons' && /related lessons/.test(p.problem))).toBe(true);
  });

  it('refuses a programme rule that fails its schema, and one that reads a question not asked', async () => {
    const programmes = await shippedFolder('programmes');
    const badRule = JSON.parse(programmes['programmes/wifi-hk.json']!) as {
      rules: { outcomes: { when: unknown }[] };
    };
    badRule.rules.outcomes[0]!.when = { op: 'sometimes' };
    const schema = await validateContentTree(
      await folderWith({ ...programmes, 'programmes/wifi-hk.json': JSON.stringify(badRule) }),
      contentDir,
    );
    expect(schema).toHaveLength(1);
    expect(schema[0]).toMatchObject({ part: 'programmes', file: 'programmes/wifi-hk.json' });

    const unknownQuestion = JSON.parse(programmes['programmes/wifi-hk.json']!) as {
      rules: { outcomes: { when: unknown }[] };
    };
    const rule = unknownQuestion.rules.outcomes[0]!.when as Record<string, unknown>;
    const met = (rule.reason as { met: unknown }).met;
    unknownQuestion.rules.outcomes[0]!.when = {
      op: 'equals',
      question: 'shoe-size',
      value: 'large',
      reason: { met, notMet: met },
    };
    const cross = await validateContentTree(
      await folderWith({ ...programmes, 'programmes/wifi-hk.json': JSON.stringify(unknownQuestion) }),
      contentDir,
    );
    expect(cross).toHaveLength(1);
    expect(cross[0]!.part).toBe('programmes');
    expect(cross[0]!.problem).toMatch(/shoe-size/);
  });

  it('refuses a broken accessibility file', async () => {
    const problems = await validateContentTree(
      await folderWith({ 'accessibility-demos.json': '{"demos": []}' }),
      contentDir,
    );
    expect(problems).toEqual([
      expect.objectContaining({ part: 'accessibility', file: 'accessibility-demos.json' }),
    ]);
  });

  it('refuses a Wi-Fi file the importer rejects, one with no usable venue, and two Wi-Fi files', async () => {
    const notWifi = await validateContentTree(
      await folderWith({ 'wifi/venues.json': '{"hello": 1' }),
      contentDir,
    );
    expect(notWifi).toEqual([expect.objectContaining({ part: 'wifi', file: 'wifi/venues.json' })]);

    const [record] = JSON.parse(await sampleVenues(1)) as Record<string, string>[];
    const noVenue = JSON.stringify([{ ...record, Latitude: 'north', Longitude: 'east' }]);
    const none = await validateContentTree(await folderWith({ 'wifi/venues.json': noVenue }), contentDir);
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({ part: 'wifi', file: 'wifi/venues.json' });
    expect(none[0]!.problem).toMatch(/None of the 1 records/);

    const two = await validateContentTree(
      await folderWith({ 'wifi/a.json': await sampleVenues(2), 'wifi/b.json': await sampleVenues(2) }),
      contentDir,
    );
    expect(two).toEqual([expect.objectContaining({ part: 'wifi', file: 'wifi' })]);
  });

  it('refuses a folder that carries no part at all', async () => {
    const problems = await validateContentTree(await folderWith({ 'notes.txt': 'hello' }), contentDir);
    expect(problems).toEqual([expect.objectContaining({ part: 'pack' })]);
  });
});

describe('buildContentTree: the whole content in one folder', () => {
  it("takes the pack's parts as listed in its manifest and the rest from data/, leaving Syncthing's files behind", async () => {
    const lesson = { ...(await json('lessons/free-wifi.json')), startHere: undefined, related: [] };
    const pack = await folderWith({
      'lessons/free-wifi.json': JSON.stringify(lesson),
      'wifi/venues.json': await sampleVenues(3),
      '.stfolder/marker': '',
      'lessons/~syncthing~extra.json.tmp': 'half',
      'lessons/unlisted.json': '{}',
    });
    const into = path.join(await dirs.make(), '3-0a1b2c3d');
    const { parts } = await buildContentTree(
      pack,
      { files: [{ path: 'lessons/free-wifi.json' }, { path: 'wifi/venues.json' }] },
      contentDir,
      into,
    );

    expect(parts.sort()).toEqual(['lessons', 'wifi']);
    expect(await fs.readdir(path.join(into, 'lessons'))).toEqual(['free-wifi.json']);
    expect((await fs.readdir(path.join(into, 'programmes'))).sort()).toEqual(
      (await fs.readdir(path.join(contentDir, 'programmes'))).filter((name) => name.endsWith('.json')).sort(),
    );
    expect(await fs.readFile(path.join(into, 'accessibility-demos.json'), 'utf8')).toBe(
      await shipped('accessibility-demos.json'),
    );
    expect(await fs.readdir(path.join(into, 'wifi'))).toEqual(['venues.json']);
    await expect(fs.stat(path.join(into, '.stfolder'))).rejects.toThrow();
    // What was built is content the kiosk can load.
    expect(await validateContentTree(into, contentDir)).toEqual([]);
  });
});
