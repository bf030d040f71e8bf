import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentReplaced } from '../../../../electron/core/core-context';
import { KioskError } from '../../../../electron/core/errors';
import { createAccessibilityHandlers } from '../../../../electron/core/accessibility/handlers';
import { createHotspotHandlers } from '../../../../electron/core/hotspots/handlers';
import { createLessonHandlers } from '../../../../electron/core/lessons/handlers';
import { defaultOrgDoc } from '../../../../electron/core/org/org-doc';
import { buildContentTree } from '../../../../electron/core/org/pack-content';
import { createProgrammeHandlers } from '../../../../electron/core/programmes/handlers';
import { stepCountsOf } from '../../../../electron/core/staff-console/group-handlers';
import { contentDir, makeCoreContext } from '../../../helpers/hotspots-context';
import { manualClock } from '../../../helpers/manual-clock';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-live-content-');
afterEach(dirs.cleanup);

const readJson = async (file: string): Promise<Record<string, unknown>> =>
  JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;

/** A lesson that is not shipped: a copy of a shipped one under a new id and title. */
async function newLesson(id: string, change: (lesson: Record<string, unknown>) => void = () => undefined) {
  const lesson = await readJson(path.join(contentDir, 'lessons', 'free-wifi.json'));
  lesson.id = id;
  lesson.title = { 'zh-HK': '機構新課堂', en: 'A lesson from the organisation' };
  lesson.related = [];
  delete lesson.startHere;
  change(lesson);
  return JSON.stringify(lesson, null, 2);
}

/** The shipped lessons plus the files given, as a pack's lessons part. */
async function shippedLessonsWith(extra: Record<string, string>): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await fs.readdir(path.join(contentDir, 'lessons')))
    if (name.endsWith('.json'))
      files[`lessons/${name}`] = await fs.readFile(path.join(contentDir, 'lessons', name), 'utf8');
  return { ...files, ...extra };
}

/** A pack folder holding `files`, built into an applied tree the way the pack store does. */
async function appliedTree(files: Record<string, string | Buffer>, version = '3'): Promise<string> {
  const pack = await dirs.make();
  for (const [relative, contents] of Object.entries(files)) {
    const target = path.join(pack, ...relative.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, contents);
  }
  const into = path.join(await dirs.make(), `${version}-0a1b2c3d`);
  await buildContentTree(
    pack,
    { files: Object.keys(files).map((file) => ({ path: file })) },
    contentDir,
    into,
  );
  return into;
}

async function kiosk(dataDir?: string) {
  const clock = manualClock('2026-12-02T10:00:00+08:00');
  const ctx = await makeCoreContext(dataDir ?? (await dirs.make()), clock.now);
  const changes: ContentReplaced[] = [];
  ctx.onContentReplaced((change) => changes.push(change));
  return {
    ctx,
    changes,
    lessons: await createLessonHandlers(ctx),
    programmes: await createProgrammeHandlers(ctx),
    hotspots: await createHotspotHandlers(ctx),
    accessibility: await createAccessibilityHandlers(ctx),
  };
}

async function refusal(promise: Promise<unknown>): Promise<KioskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KioskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The first venues of the shipped sample: an official-shape file with fewer venues. */
async function smallWifiFile(count = 3): Promise<string> {
  const text = (await fs.readFile(path.join(contentDir, 'hotspots-sample.json'), 'utf8')).replace(
    /^\uFEFF/,
    '',
  );
  return JSON.stringify((JSON.parse(text) as unknown[]).slice(0, count), null, 1);
}

describe('content replaced while the kiosk runs', () => {
  it('a tree that adds a lesson: the same handlers list it, open it and count its steps', async () => {
    const k = await kiosk();
    const before = (await k.lessons['lessons.list']({}, {})).lessons.length;
    await expect(k.lessons['lessons.get']({ id: 'org-new-lesson' }, {})).rejects.toMatchObject({
      code: 'not_found',
    });
    const tree = await appliedTree(
      await shippedLessonsWith({ 'lessons/org-new-lesson.json': await newLesson('org-new-lesson') }),
    );

    await k.ctx.replaceContent(tree);

    const list = await k.lessons['lessons.list']({}, {});
    expect(list.lessons).toHaveLength(before + 1);
    expect(list.lessons.map((lesson) => lesson.id)).toContain('org-new-lesson');
    const lesson = await k.lessons['lessons.get']({ id: 'org-new-lesson' }, {});
    expect(lesson.title.en).toBe('A lesson from the organisation');
    // zh-CN derived from zh-HK by the same loader as the shipped lessons.
    expect(lesson.title['zh-CN']).toBe('机构新课堂');
    expect(stepCountsOf(k.ctx)['org-new-lesson']).toBe(lesson.steps.length);
    expect(k.changes.map((change) => change.tree)).toEqual([tree]);
    expect(k.ctx.content.tree).toBe(tree);
  });

  it('a programme changed in the pack shows in programmes.list', async () => {
    const k = await kiosk();
    const files: Record<string, string> = {};
    for (const name of await fs.readdir(path.join(contentDir, 'programmes')))
      files[`programmes/${name}`] = await fs.readFile(path.join(contentDir, 'programmes', name), 'utf8');
    const programme = JSON.parse(files['programmes/wifi-hk.json']!) as { title: Record<string, string> };
    programme.title = { 'zh-HK': '機構版免費 Wi-Fi', en: 'Free Wi-Fi, organisation edition' };
    files['programmes/wifi-hk.json'] = JSON.stringify(programme);
    const shippedTitle = (await k.programmes['programmes.list']({}, {})).programmes.find(
      (p) => p.id === 'wifi-hk',
    )?.title.en;
    expect(shippedTitle).not.toBe('Free Wi-Fi, organisation edition');

    await k.ctx.replaceContent(await appliedTree(files));

    const after = (await k.programmes['programmes.list']({}, {})).programmes.find((p) => p.id === 'wifi-hk');
    expect(after?.title.en).toBe('Free Wi-Fi, organisation edition');
    expect((await k.programmes['programmes.get']({ id: 'wifi-hk' }, {})).title.en).toBe(
      'Free Wi-Fi, organisation edition',
    );
  });

  it('a tree with one bad lesson step is refused and changes nothing', async () => {
    const k = await kiosk();
    const content = k.ctx.content;
    const listBefore = await k.lessons['lessons.list']({}, {});
    const bad = await newLesson('org-bad-lesson', (lesson) => {
      (lesson.steps as Record<string, unknown>[])[0] = { nonsense: true };
    });
    const tree = await appliedTree(
      await shippedLessonsWith({
        'lessons/org-new-lesson.json': await newLesson('org-new-lesson'),
        'lessons/org-bad-lesson.json': bad,
      }),
    );

    const error = await refusal(k.ctx.replaceContent(tree));

    expect(error.reason).toBe('org.refusals.contentInvalid');
    expect(error.params).toMatchObject({ part: 'lessons', file: 'lessons/org-bad-lesson.json' });
    expect(k.ctx.content).toBe(content);
    expect(await k.lessons['lessons.list']({}, {})).toEqual(listBefore);
    expect(k.changes).toEqual([]);
  });

  it('a broken accessibility file in the pack is refused; null brings the shipped content back', async () => {
    const k = await kiosk();
    const error = await refusal(
      k.ctx.replaceContent(await appliedTree({ 'accessibility-demos.json': '{"asOf": "nope"}' })),
    );
    expect(error.params).toMatchObject({ part: 'accessibility', file: 'accessibility-demos.json' });

    const tree = await appliedTree(
      await shippedLessonsWith({ 'lessons/org-new-lesson.json': await newLesson('org-new-lesson') }),
    );
    await k.ctx.replaceContent(tree);
    expect((await k.lessons['lessons.list']({}, {})).lessons.map((l) => l.id)).toContain('org-new-lesson');

    await k.ctx.replaceContent(null);

    expect((await k.lessons['lessons.list']({}, {})).lessons.map((l) => l.id)).not.toContain(
      'org-new-lesson',
    );
    await expect(k.lessons['lessons.get']({ id: 'org-new-lesson' }, {})).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(k.ctx.content.tree).toBeNull();
    expect((await k.accessibility['accessibility.demos']({}, {})).demos.length).toBeGreaterThan(0);
    expect(k.changes.map((change) => change.tree)).toEqual([tree, null]);
  });

  it("a tree's Wi-Fi file becomes the visitors' dataset, labelled with the pack, and the previous is kept", async () => {
    const k = await kiosk();
    const sampleTotal = (await k.hotspots['hotspots.facets']({}, {})).total;
    expect((await k.hotspots['staff.hotspots.status']({}, {})).previous).toBeNull();

    await k.ctx.replaceContent(await appliedTree({ 'wifi/hotspots.json': await smallWifiFile() }, '4.1'));

    const facets = await k.hotspots['hotspots.facets']({}, {});
    expect(facets.total).toBe(3);
    expect(facets.total).not.toBe(sampleTotal);
    expect(facets.dataset.kind).toBe('imported');
    const status = await k.hotspots['staff.hotspots.status']({}, {});
    expect(status.fixed).toMatchObject({ kind: 'imported', fileName: 'hotspots.json', packVersion: '4.1' });
    expect(status.previous?.fixed.kind).toBe('sample');
    // The lessons and programmes a Wi-Fi-only pack does not carry stay the shipped ones.
    expect((await k.lessons['lessons.list']({}, {})).lessons.length).toBeGreaterThan(0);

    // Staff can still go back one step, as after an import.
    await k.hotspots['staff.hotspots.rollback']({}, {});
    expect((await k.hotspots['hotspots.facets']({}, {})).total).toBe(sampleTotal);
  });

  it("back to the shipped content undoes a pack's Wi-Fi dataset, but never a staff import made since", async () => {
    const k = await kiosk();
    const sampleTotal = (await k.hotspots['hotspots.facets']({}, {})).total;
    const tree = await appliedTree({ 'wifi/hotspots.json': await smallWifiFile() }, '5');
    await k.ctx.replaceContent(tree);
    expect((await k.hotspots['hotspots.facets']({}, {})).total).toBe(3);
    // The same pack again: the file in use is not imported a second time (the previous stays the sample).
    await k.ctx.replaceContent(tree);
    expect((await k.hotspots['staff.hotspots.status']({}, {})).previous?.fixed.kind).toBe('sample');

    await k.ctx.replaceContent(null);

    expect((await k.hotspots['hotspots.facets']({}, {})).total).toBe(sampleTotal);
    expect((await k.hotspots['staff.hotspots.status']({}, {})).fixed.kind).toBe('sample');

    // A staff import after a pack's dataset is the centre's own: going back to shipped keeps it.
    await k.ctx.replaceContent(tree);
    const preview = await k.hotspots['staff.hotspots.preview'](
      { fileName: 'staff.json', content: Buffer.from(await smallWifiFile(2)) },
      {},
    );
    await k.hotspots['staff.hotspots.confirm']({ previewId: preview.previewId, asOf: '2026-12-01' }, {});
    await k.ctx.replaceContent(null);
    expect((await k.hotspots['hotspots.facets']({}, {})).total).toBe(2);
  });

  it('a Wi-Fi file with no usable venue is refused and the dataset and content stay', async () => {
    const k = await kiosk();
    const content = k.ctx.content;
    const total = (await k.hotspots['hotspots.facets']({}, {})).total;
    const unusable = JSON.stringify([{ LocationID: 'X-1', LocationNameEN: 'Nowhere', Latitude: 'north' }]);

    const error = await refusal(k.ctx.replaceContent(await appliedTree({ 'wifi/hotspots.json': unusable })));

    expect(error.reason).toBe('org.refusals.contentInvalid');
    expect(error.params).toMatchObject({ part: 'wifi', file: 'wifi/hotspots.json' });
    expect(k.ctx.content).toBe(content);
    expect((await k.hotspots['hotspots.facets']({}, {})).total).toBe(total);
    expect((await k.hotspots['staff.hotspots.status']({}, {})).previous).toBeNull();
  });
});

describe('start-up with an applied pack', () => {
  async function dataDirWithCurrent(tree: string): Promise<string> {
    const dataDir = await dirs.make();
    const packs = path.join(dataDir, 'org', 'packs');
    await fs.mkdir(packs, { recursive: true });
    await fs.cp(tree, path.join(packs, path.basename(tree)), { recursive: true });
    const doc = defaultOrgDoc();
    doc.packs.current = {
      version: '3',
      organisation: 'Smart Silver',
      created: '2026-12-02T03:00:00.000Z',
      appliedAt: '2026-12-02T03:05:00.000Z',
      tree: path.basename(tree),
      parts: ['lessons'],
    };
    await fs.writeFile(path.join(dataDir, 'org.json'), JSON.stringify(doc));
    return dataDir;
  }

  it('opens with the tree org.json names', async () => {
    const tree = await appliedTree(
      await shippedLessonsWith({ 'lessons/org-new-lesson.json': await newLesson('org-new-lesson') }),
    );
    const k = await kiosk(await dataDirWithCurrent(tree));
    expect((await k.lessons['lessons.list']({}, {})).lessons.map((l) => l.id)).toContain('org-new-lesson');
    expect(k.ctx.healthEvents.filter((event) => event.kind === 'content-pack-not-loaded')).toEqual([]);
  });

  it('a tree that no longer loads: shipped content and a health event', async () => {
    const tree = await appliedTree(
      await shippedLessonsWith({ 'lessons/org-new-lesson.json': await newLesson('org-new-lesson') }),
    );
    const dataDir = await dataDirWithCurrent(tree);
    await fs.writeFile(
      path.join(dataDir, 'org', 'packs', path.basename(tree), 'accessibility-demos.json'),
      'damaged',
    );
    const k = await kiosk(dataDir);
    expect((await k.lessons['lessons.list']({}, {})).lessons.map((l) => l.id)).not.toContain(
      'org-new-lesson',
    );
    expect(k.ctx.content.tree).toBeNull();
    expect(k.ctx.healthEvents).toContainEqual(
      expect.objectContaining({ kind: 'content-pack-not-loaded', document: 'org', file: '3-0a1b2c3d' }),
    );
  });
});
