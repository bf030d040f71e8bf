import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import { JoinFileSchema } from '../../../../electron/core/org/join-file';
import {
  MAX_REFUSALS,
  OrgDocSchema,
  defaultOrgDoc,
  type OrgDoc,
} from '../../../../electron/core/org/org-doc';
import { buildContentTree, validateContentTree } from '../../../../electron/core/org/pack-content';
import { makeKeyPair, type PackManifest } from '../../../../electron/core/org/pack-manifest';
import { PackStore, type ContentProblem, type PackTreeTools } from '../../../../electron/core/org/pack-store';
import { StoredDocument } from '../../../../electron/core/store/document';
import type { DurableFs } from '../../../../electron/core/store/durable-file';
import { manualClock } from '../../../helpers/manual-clock';
import { tempDirs } from '../../../helpers/temp-dir';
import { faultyFs } from '../store/faulty-fs';
import { writePack } from './pack-fixture';

const dirs = tempDirs('kiosk-pack-store-');
afterEach(dirs.cleanup);

const key = makeKeyPair();

function openOrg(dataDir: string, now: () => Date, fs?: DurableFs): Promise<StoredDocument<OrgDoc>> {
  return StoredDocument.open({
    dataDir,
    name: 'org',
    schema: OrgDocSchema,
    defaults: defaultOrgDoc,
    now,
    fs,
  });
}

/**
 * Fake tools: the tree is the pack's files copied as they are (the real builder also fills in the
 * shipped parts), the checks answer what the test says, activation is recorded.
 */
function fakeTools(options: { problems?: ContentProblem[]; activateFails?: boolean } = {}) {
  const activated: (string | null)[] = [];
  const built: string[] = [];
  const tools: PackTreeTools = {
    async buildTree(packFolder: string, manifest: PackManifest, into: string) {
      built.push(manifest.version);
      for (const file of manifest.files) {
        const target = path.join(into, ...file.path.split('/'));
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.copyFile(path.join(packFolder, ...file.path.split('/')), target);
      }
    },
    async validate() {
      return options.problems ?? [];
    },
    async activate(tree: string | null) {
      if (options.activateFails) throw new Error('lessons would not load');
      activated.push(tree);
    },
  };
  return { tools, activated, built };
}

async function setup() {
  const dataDir = await dirs.make();
  const clock = manualClock('2026-12-02T03:00:00.000Z');
  const doc = await openOrg(dataDir, clock.now);
  const store = new PackStore({ dataDir, doc, now: clock.now });
  /** A pack as Syncthing leaves it in org/content (one at a time: each call replaces the last). */
  const pack = async (version: string, lesson = `{"v":"${version}"}`, organisation?: string) => {
    const folder = path.join(dataDir, 'org', 'content');
    await fs.rm(folder, { recursive: true, force: true });
    const { manifest } = await writePack(
      folder,
      { 'lessons/free-wifi.json': lesson },
      { version, privateKeyPem: key.privateKeyPem, organisation },
    );
    return { folder, manifest };
  };
  const trees = async () => (await fs.readdir(store.packsDir).catch(() => [] as string[])).sort();
  return { dataDir, clock, doc, store, pack, trees };
}

describe('applying a pack', () => {
  it('builds the tree, flips current and previous in org.json, then makes it live; keeps only two trees', async () => {
    const { store, doc, pack, trees } = await setup();
    const { tools, activated } = fakeTools();

    const one = await pack('1');
    const first = await store.apply(one.folder, one.manifest, tools);
    expect(first.outcome).toBe('applied');
    const tree1 = PackStore.treeName(one.manifest);
    expect(tree1).toMatch(/^1-[0-9a-f]{8}$/);
    expect(doc.data.packs.current).toEqual({
      version: '1',
      organisation: 'Smart Silver',
      created: one.manifest.created,
      appliedAt: '2026-12-02T03:00:00.000Z',
      tree: tree1,
      parts: ['lessons'],
    });
    expect(doc.data.packs.previous).toBeNull();
    expect(activated).toEqual([path.join(store.packsDir, tree1)]);
    expect(await fs.readFile(path.join(store.packsDir, tree1, 'lessons/free-wifi.json'), 'utf8')).toBe(
      '{"v":"1"}',
    );

    const two = await pack('2');
    await store.apply(two.folder, two.manifest, tools);
    expect(doc.data.packs.current?.version).toBe('2');
    expect(doc.data.packs.previous?.version).toBe('1');

    const three = await pack('3');
    await store.apply(three.folder, three.manifest, tools);
    expect([doc.data.packs.current?.version, doc.data.packs.previous?.version]).toEqual(['3', '2']);
    // Only current and previous stay on disk: the first tree has gone.
    expect(await trees()).toEqual(
      [PackStore.treeName(three.manifest), PackStore.treeName(two.manifest)].sort(),
    );

    // What landed is on disk, not only in memory.
    const reread = JSON.parse(await fs.readFile(doc.file, 'utf8')) as OrgDoc;
    expect(reread.packs.current?.version).toBe('3');
  });

  it('content that fails the kiosk checks is refused with the first problem, and nothing changes', async () => {
    const { store, doc, pack, trees } = await setup();
    const good = fakeTools();
    const one = await pack('1');
    await store.apply(one.folder, one.manifest, good.tools);
    const before = structuredClone(doc.data.packs);
    const treesBefore = await trees();

    const bad = fakeTools({
      problems: [
        { part: 'lessons', file: 'lessons/free-wifi.json', problem: 'steps: too small' },
        { part: 'lessons', file: 'lessons/other.json', problem: 'not JSON' },
      ],
    });
    const two = await pack('2');
    const result = await store.apply(two.folder, two.manifest, bad.tools);
    expect(result).toMatchObject({
      outcome: 'refused',
      recorded: true,
      refusal: {
        version: '2',
        reason: 'org.refusals.contentInvalid',
        params: {
          version: '2',
          part: 'lessons',
          file: 'lessons/free-wifi.json',
          problem: 'steps: too small',
          count: 2,
        },
      },
    });
    expect(doc.data.packs.current).toEqual(before.current);
    expect(doc.data.packs.previous).toEqual(before.previous);
    expect(doc.data.packs.refused.map((refusal) => refusal.reason)).toEqual(['org.refusals.contentInvalid']);
    expect(bad.activated).toEqual([]);
    // The temporary tree went with the refusal.
    expect(await trees()).toEqual(treesBefore);
  });

  it('a pack file that changes while the tree is built is not applied: the tree must hold the signed bytes', async () => {
    const { store, doc, pack, trees } = await setup();
    const { tools, activated } = fakeTools();
    const one = await pack('1');
    const racing: PackTreeTools = {
      ...tools,
      async buildTree(folder, manifest, into) {
        // Syncthing brings a newer file between the check and the copy.
        await fs.writeFile(path.join(folder, 'lessons/free-wifi.json'), '{"v":"other"}');
        await tools.buildTree(folder, manifest, into);
      },
    };
    expect(await store.apply(one.folder, one.manifest, racing)).toEqual({ outcome: 'changed' });
    expect(doc.data.packs.current).toBeNull();
    expect(doc.data.packs.refused).toEqual([]);
    expect(activated).toEqual([]);
    expect(await trees()).toEqual([]);
  });

  it('content that will not go live is flipped back and reported', async () => {
    const { store, doc, pack } = await setup();
    const one = await pack('1');
    await store.apply(one.folder, one.manifest, fakeTools().tools);
    const two = await pack('2');
    const result = await store.apply(two.folder, two.manifest, fakeTools({ activateFails: true }).tools);
    expect(result).toMatchObject({ outcome: 'refused', refusal: { reason: 'org.refusals.notApplied' } });
    expect(doc.data.packs.current?.version).toBe('1');
    expect(doc.data.packs.previous).toBeNull();
    expect(doc.data.packs.refused[0]).toMatchObject({
      version: '2',
      reason: 'org.refusals.notApplied',
      params: { version: '2', problem: 'lessons would not load' },
    });
  });
});

describe('a kiosk switched off part-way through applying', () => {
  it('org.json not written (disk full at its rename): current unchanged, the tree left over swept by prune', async () => {
    const dataDir = await dirs.make();
    const clock = manualClock('2026-12-02T03:00:00.000Z');
    const { tools, activated } = fakeTools();
    const folder = path.join(dataDir, 'org', 'content');
    const one = await writePack(
      folder,
      { 'lessons/a.json': '1' },
      { version: '1', privateKeyPem: key.privateKeyPem },
    );
    const healthy = await openOrg(dataDir, clock.now);
    await new PackStore({ dataDir, doc: healthy, now: clock.now }).apply(folder, one.manifest, tools);

    await fs.rm(folder, { recursive: true });
    const two = await writePack(
      folder,
      { 'lessons/a.json': '2' },
      { version: '2', privateKeyPem: key.privateKeyPem },
    );
    const failing = faultyFs([{ at: 'rename', file: 'org.json', code: 'ENOSPC' }]);
    const doc = await openOrg(dataDir, clock.now, failing);
    const store = new PackStore({ dataDir, doc, now: clock.now });
    await expect(store.apply(folder, two.manifest, tools)).rejects.toMatchObject({ code: 'disk_full' });
    expect(failing.tripped).toContain('rename:org.json');
    expect(activated).toHaveLength(1);

    // Restart: the document on disk still has the first pack current.
    const restarted = await openOrg(dataDir, clock.now);
    expect(restarted.data.packs.current?.version).toBe('1');
    const after = new PackStore({ dataDir, doc: restarted, now: clock.now });
    expect(await after.prune()).toEqual([PackStore.treeName(two.manifest)]);
    expect(await fs.readdir(after.packsDir)).toEqual([PackStore.treeName(one.manifest)]);
  });

  it('killed while the tree is still being written: the restarted kiosk runs the pack it had and sweeps the half tree', async () => {
    const { dataDir, clock, store, pack, doc } = await setup();
    const { tools } = fakeTools();
    const one = await pack('1');
    await store.apply(one.folder, one.manifest, tools);

    const two = await pack('2');
    let written!: () => void;
    const halfWritten = new Promise<void>((resolve) => (written = resolve));
    const dying: PackTreeTools = {
      ...tools,
      async buildTree(folder, manifest, into) {
        await tools.buildTree(folder, manifest, into);
        written();
        // The power goes: this never returns.
        await new Promise(() => undefined);
      },
    };
    void store.apply(two.folder, two.manifest, dying);
    await halfWritten;
    const half = (await fs.readdir(store.packsDir)).filter((name) => name.startsWith('.tmp-'));
    expect(half).toHaveLength(1);
    expect(doc.data.packs.current?.version).toBe('1');

    const restarted = await openOrg(dataDir, clock.now);
    expect(restarted.data.packs.current?.version).toBe('1');
    const after = new PackStore({ dataDir, doc: restarted, now: clock.now });
    expect(await after.prune()).toEqual(half);
    expect(await fs.readdir(after.packsDir)).toEqual([PackStore.treeName(one.manifest)]);
  });

  it('the next apply sweeps a half tree too, even one it refuses', async () => {
    const { store, pack } = await setup();
    const one = await pack('1');
    await fs.mkdir(path.join(store.packsDir, '.tmp-2-0123abcd-1', 'lessons'), { recursive: true });
    const result = await store.apply(
      one.folder,
      one.manifest,
      fakeTools({ problems: [{ part: 'lessons', file: 'x', problem: 'y' }] }).tools,
    );
    expect(result.outcome).toBe('refused');
    expect(await fs.readdir(store.packsDir)).toEqual([]);
  });
});

describe('version rules', () => {
  it('the pack already current is no news; other content claiming its version is said once', async () => {
    const { store, doc, pack } = await setup();
    const { tools, built } = fakeTools();
    const one = await pack('1');
    await store.apply(one.folder, one.manifest, tools);

    const again = await store.apply(one.folder, one.manifest, tools);
    expect(again).toMatchObject({
      outcome: 'refused',
      recorded: false,
      refusal: { reason: 'org.refusals.sameVersion' },
    });
    expect(doc.data.packs.refused).toEqual([]);

    const impostor = await pack('1', '{"v":"different"}');
    for (let poll = 0; poll < 3; poll += 1) await store.apply(impostor.folder, impostor.manifest, tools);
    expect(doc.data.packs.refused.map((refusal) => refusal.reason)).toEqual(['org.refusals.sameVersion']);
    expect(built).toEqual(['1']);
  });

  it('an older pack is refused once with both versions, and nothing changes', async () => {
    const { store, doc, pack } = await setup();
    const { tools } = fakeTools();
    const ten = await pack('10');
    await store.apply(ten.folder, ten.manifest, tools);
    const nine = await pack('9');
    await store.apply(nine.folder, nine.manifest, tools);
    await store.apply(nine.folder, nine.manifest, tools);
    expect(doc.data.packs.current?.version).toBe('10');
    expect(doc.data.packs.refused).toEqual([
      {
        version: '9',
        at: '2026-12-02T03:00:00.000Z',
        reason: 'org.refusals.olderVersion',
        params: { version: '9', current: '10' },
      },
    ]);
  });

  it('a pack from another organisation than the one joined is refused', async () => {
    const { store, doc, pack } = await setup();
    const join = JoinFileSchema.parse({
      kind: 'kiosk-join',
      format: 1,
      kioskId: 'ssw-kt-01',
      created: '2026-12-01T00:00:00.000Z',
      organisation: { name: 'Smart Silver', publicKey: key.publicKeyPem },
      hub: {
        deviceId: Array(8).fill('ABCDEFG').join('-'),
        name: 'hub',
        addresses: ['tcp://127.0.0.1:22000'],
      },
      folders: { content: 'content', figures: 'figures-ssw-kt-01' },
      centre: { name: 'Kwun Tong centre', district: 'J' },
    });
    await doc.update((draft) => {
      draft.joined = { joinedAt: '2026-12-01T00:00:00.000Z', join, applyMode: 'auto' };
    });
    const other = await pack('5', '{}', 'Other Org');
    const result = await store.apply(other.folder, other.manifest, fakeTools().tools);
    expect(result).toMatchObject({
      outcome: 'refused',
      refusal: {
        reason: 'org.refusals.otherOrganisation',
        params: { version: '5', organisation: 'Other Org' },
      },
    });
    expect(doc.data.packs.current).toBeNull();
  });
});

describe('rolling back', () => {
  it('swaps current and previous, twice back to where it was, holding the version left each time', async () => {
    const { store, doc, pack } = await setup();
    const { tools, activated } = fakeTools();
    const one = await pack('1');
    await store.apply(one.folder, one.manifest, tools);
    const two = await pack('2');
    await store.apply(two.folder, two.manifest, tools);
    activated.length = 0;

    expect((await store.rollback(tools.activate))?.version).toBe('1');
    expect([doc.data.packs.current?.version, doc.data.packs.previous?.version]).toEqual(['1', '2']);
    expect(doc.data.packs.held).toEqual(['2']);

    expect((await store.rollback(tools.activate))?.version).toBe('2');
    expect([doc.data.packs.current?.version, doc.data.packs.previous?.version]).toEqual(['2', '1']);
    expect(doc.data.packs.held).toEqual(['1']);
    expect(activated).toEqual([
      path.join(store.packsDir, PackStore.treeName(one.manifest)),
      path.join(store.packsDir, PackStore.treeName(two.manifest)),
    ]);
    // Both trees were kept through it.
    expect((await fs.readdir(store.packsDir)).length).toBe(2);
  });

  it('with no previous pack, goes back to the shipped content, and a second rollback returns to the pack', async () => {
    const { store, doc, pack } = await setup();
    const { tools, activated } = fakeTools();
    const one = await pack('1');
    await store.apply(one.folder, one.manifest, tools);

    expect(await store.rollback(tools.activate)).toBeNull();
    expect(doc.data.packs.current).toBeNull();
    expect(doc.data.packs.previous?.version).toBe('1');
    expect(activated.at(-1)).toBeNull();
    expect(store.currentTree()).toBeNull();

    expect((await store.rollback(tools.activate))?.version).toBe('1');
    expect(doc.data.packs.held).toEqual([]);
  });

  it('a held version is not applied again on its own, only when staff choose it (reusing its kept tree)', async () => {
    const { store, doc, pack } = await setup();
    const { tools, built } = fakeTools();
    const one = await pack('1');
    await store.apply(one.folder, one.manifest, tools);
    const two = await pack('2');
    await store.apply(two.folder, two.manifest, tools);
    await store.rollback(tools.activate);

    const byLoop = await store.apply(two.folder, two.manifest, tools);
    expect(byLoop).toMatchObject({ outcome: 'refused', refusal: { reason: 'org.refusals.heldVersion' } });
    expect(doc.data.packs.current?.version).toBe('1');

    // Staff try it and it will not go live: still held, the kiosk as it was.
    const failing = await store.apply(two.folder, two.manifest, fakeTools({ activateFails: true }).tools, {
      byStaff: true,
    });
    expect(failing.outcome).toBe('refused');
    expect(doc.data.packs.held).toEqual(['2']);
    expect(doc.data.packs.current?.version).toBe('1');

    const byStaff = await store.apply(two.folder, two.manifest, tools, { byStaff: true });
    expect(byStaff.outcome).toBe('applied');
    expect([doc.data.packs.current?.version, doc.data.packs.previous?.version]).toEqual(['2', '1']);
    expect(doc.data.packs.held).toEqual([]);
    expect(built).toEqual(['1', '2']);
  });

  it('nothing applied: nothing to roll back, said as such', async () => {
    const { store } = await setup();
    const error = await store.rollback(fakeTools().tools.activate).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).reason).toBe('org.errors.nothingToRollBack');
  });

  it('a rollback whose content will not go live leaves everything as it was', async () => {
    const { store, doc, pack } = await setup();
    const one = await pack('1');
    await store.apply(one.folder, one.manifest, fakeTools().tools);
    const two = await pack('2');
    await store.apply(two.folder, two.manifest, fakeTools().tools);
    const before = structuredClone(doc.data.packs);
    const error = await store
      .rollback(fakeTools({ activateFails: true }).tools.activate)
      .catch((caught: unknown) => caught);
    expect((error as KioskError).reason).toBe('org.errors.rollbackFailed');
    expect(doc.data.packs).toEqual(before);
  });
});

describe('refusals for Data health', () => {
  it('newest first, at most 20, and the same version and reason never twice', async () => {
    const { store, doc, clock } = await setup();
    for (let version = 1; version <= 25; version += 1) {
      clock.advance(60_000);
      expect(await store.refuse(String(version), 'org.refusals.badSignature')).toBe(true);
    }
    expect(await store.refuse('25', 'org.refusals.badSignature')).toBe(false);
    expect(await store.refuse('25', 'org.refusals.badManifest')).toBe(true);

    const refused = doc.data.packs.refused;
    expect(refused).toHaveLength(MAX_REFUSALS);
    expect(refused.slice(0, 3).map((refusal) => `${refusal.version} ${refusal.reason}`)).toEqual([
      '25 org.refusals.badManifest',
      '25 org.refusals.badSignature',
      '24 org.refusals.badSignature',
    ]);
    expect(refused.at(-1)?.version).toBe('7');
    expect(refused[1]).toEqual({
      version: '25',
      at: '2026-12-02T03:25:00.000Z',
      reason: 'org.refusals.badSignature',
      params: { version: '25' },
    });
  });
});

describe('with the kiosk’s real tree builder and content checks', () => {
  const shippedDir = path.resolve('data');

  async function shippedLessons(): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    for (const name of await fs.readdir(path.join(shippedDir, 'lessons')))
      files[`lessons/${name}`] = await fs.readFile(path.join(shippedDir, 'lessons', name), 'utf8');
    return files;
  }

  function realTools(activated: (string | null)[]): PackTreeTools {
    return {
      buildTree: (folder, manifest, into) =>
        buildContentTree(folder, manifest, shippedDir, into).then(() => undefined),
      validate: (tree) => validateContentTree(tree, shippedDir),
      activate: async (tree) => void activated.push(tree),
    };
  }

  it('applies a pack of lessons over the shipped programmes and demos, and refuses a broken lesson with nothing changed', async () => {
    const { store, doc, dataDir, trees } = await setup();
    const activated: (string | null)[] = [];
    const folder = path.join(dataDir, 'org', 'content');
    const lessons = await shippedLessons();
    const freeWifi = JSON.parse(lessons['lessons/free-wifi.json']!) as { title: Record<string, string> };
    freeWifi.title.en = 'Free Wi-Fi, from the organisation';
    lessons['lessons/free-wifi.json'] = JSON.stringify(freeWifi);
    const one = await writePack(folder, lessons, { version: '2026.12.1', privateKeyPem: key.privateKeyPem });

    expect((await store.apply(folder, one.manifest, realTools(activated))).outcome).toBe('applied');
    const tree = path.join(store.packsDir, PackStore.treeName(one.manifest));
    expect(activated).toEqual([tree]);
    expect(JSON.parse(await fs.readFile(path.join(tree, 'lessons/free-wifi.json'), 'utf8')).title.en).toBe(
      'Free Wi-Fi, from the organisation',
    );
    // The parts the pack does not carry come from the shipped content, so the tree is whole.
    expect(await fs.readFile(path.join(tree, 'accessibility-demos.json'), 'utf8')).toBe(
      await fs.readFile(path.join(shippedDir, 'accessibility-demos.json'), 'utf8'),
    );
    expect((await fs.readdir(path.join(tree, 'programmes'))).sort()).toEqual(
      (await fs.readdir(path.join(shippedDir, 'programmes'))).sort(),
    );

    await fs.rm(folder, { recursive: true });
    const broken = { ...lessons, 'lessons/free-wifi.json': JSON.stringify({ ...freeWifi, steps: [] }) };
    const two = await writePack(folder, broken, { version: '2026.12.2', privateKeyPem: key.privateKeyPem });
    const result = await store.apply(folder, two.manifest, realTools(activated));
    expect(result).toMatchObject({
      outcome: 'refused',
      refusal: { reason: 'org.refusals.contentInvalid', params: { part: 'lessons' } },
    });
    expect(doc.data.packs.current?.version).toBe('2026.12.1');
    expect(activated).toHaveLength(1);
    expect(await trees()).toEqual([PackStore.treeName(one.manifest)]);
  });
});
