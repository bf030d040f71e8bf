import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import { orgFolders } from '../../../../electron/core/org/join';
import { IDLE_TICKS_BEFORE_REFUSAL } from '../../../../electron/core/org/org-loop';
import { createOrgService } from '../../../../electron/core/org/org-handlers';
import { fakeKioskSyncthing, joinFileBytes, organisationKeys } from '../../../helpers/fake-kiosk-syncthing';
import { contentDir, makeCoreContext } from '../../../helpers/hotspots-context';
import { manualClock } from '../../../helpers/manual-clock';
import { tempDirs } from '../../../helpers/temp-dir';
import { writePack } from './pack-fixture';

const dirs = tempDirs('kiosk-org-loop-');
afterEach(dirs.cleanup);
const keys = organisationKeys();

/** Every shipped lesson, with free-wifi's zh-HK title changed: a pack's lessons replace the shipped ones wholly. */
async function lessonFiles(title: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await fs.readdir(path.join(contentDir, 'lessons'))) {
    const text = await fs.readFile(path.join(contentDir, 'lessons', name), 'utf8');
    if (name !== 'free-wifi.json') files[`lessons/${name}`] = text;
    else {
      const lesson = JSON.parse(text);
      lesson.title['zh-HK'] = title;
      files[`lessons/${name}`] = JSON.stringify(lesson, null, 2);
    }
  }
  return files;
}

async function joinedKiosk(applyMode: 'auto' | 'preview' = 'preview') {
  const dataDir = await dirs.make();
  const clock = manualClock('2026-12-02T03:00:00.000Z');
  const ctx = await makeCoreContext(dataDir, clock.now);
  const syncthing = fakeKioskSyncthing();
  const service = createOrgService(ctx, { syncthing: syncthing.factory });
  onTestFinished(() => service.loop.stop());
  const { handlers } = service;
  const preview = await handlers['staff.org.join.preview']({ content: joinFileBytes(keys.publicKeyPem) }, {});
  await handlers['staff.org.join.confirm']({ token: preview.token }, {});
  if (applyMode === 'auto') await handlers['staff.org.mode']({ applyMode: 'auto' }, {});
  // Syncthing has the content folder and reports it idle with nothing to bring unless a test says otherwise.
  syncthing.state.folderStatus.set('content', { state: 'idle', needBytes: 0 });
  syncthing.state.folderStatus.set('figures-ssw-kt-01', { state: 'idle', needBytes: 0 });
  return { dataDir, clock, ctx, syncthing, ...service, content: orgFolders(dataDir).content };
}

const freeWifiTitle = (ctx: {
  content: { lessons: { lessons: { id: string; title: { 'zh-HK'?: string } }[] } };
}) => ctx.content.lessons.lessons.find((lesson) => lesson.id === 'free-wifi')?.title['zh-HK'];

describe('the organisation loop', () => {
  it('applies a newer pack on its own in auto mode and makes it live', async () => {
    const kiosk = await joinedKiosk('auto');
    const shippedTitle = freeWifiTitle(kiosk.ctx);
    await writePack(kiosk.content, await lessonFiles('免費上網（機構版）'), {
      version: '2',
      privateKeyPem: keys.privateKeyPem,
    });
    await kiosk.loop.tick();
    const { packs } = kiosk.ctx.documents.org.data;
    expect(packs.current).toMatchObject({ version: '2', organisation: 'Smart Silver', parts: ['lessons'] });
    expect(freeWifiTitle(kiosk.ctx)).toBe('免費上網（機構版）');
    expect(shippedTitle).not.toBe('免費上網（機構版）');
    expect(packs.refused).toEqual([]);
    expect(kiosk.ctx.documents.staffLog.data.entries.at(-1)).toMatchObject({
      action: 'org-pack-applied',
      params: { version: '2', auto: 'yes' },
    });
    // Seen again on the next look: nothing more happens.
    await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.current?.appliedAt).toBe(packs.current?.appliedAt);
    expect(kiosk.ctx.documents.org.data.packs.refused).toEqual([]);
  });

  it('keeps a pack for staff in preview mode, says what it changes, and applies it when asked', async () => {
    const kiosk = await joinedKiosk('preview');
    await writePack(kiosk.content, await lessonFiles('免費上網（機構版）'), {
      version: '2',
      privateKeyPem: keys.privateKeyPem,
    });
    await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.current).toBeNull();
    const status = await kiosk.handlers['staff.org.status']({}, {});
    expect(status.packs.pending).toMatchObject({
      version: '2',
      organisation: 'Smart Silver',
      parts: ['lessons'],
      accessibility: false,
      wifiVenues: null,
      programmes: { added: [], changed: [], removed: [] },
    });
    expect(status.packs.pending?.lessons.changed).toEqual([
      expect.objectContaining({
        id: 'free-wifi',
        title: expect.objectContaining({ 'zh-HK': '免費上網（機構版）' }),
      }),
    ]);
    expect(status.packs.pending?.lessons.added).toEqual([]);
    expect(status.packs.pending?.lessons.removed).toEqual([]);

    const applied = await kiosk.handlers['staff.org.pack.apply']({ version: '2' }, {});
    expect(applied.packs.current?.version).toBe('2');
    expect(applied.packs.pending).toBeNull();
    expect(freeWifiTitle(kiosk.ctx)).toBe('免費上網（機構版）');
    // A version no longer in the folder cannot be applied.
    const refused = await kiosk.handlers['staff.org.pack.apply']({ version: '3' }, {}).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(KioskError);
    expect((refused as KioskError).reason).toBe('org.errors.packNotPending');
  });

  it('waits for a pack still arriving, and refuses it once Syncthing has been idle three looks in a row', async () => {
    const kiosk = await joinedKiosk('auto');
    await writePack(kiosk.content, await lessonFiles('免費上網（機構版）'), {
      version: '2',
      privateKeyPem: keys.privateKeyPem,
    });
    // One byte changed, same size: the file is not the one signed (or not all of it has arrived).
    const file = path.join(kiosk.content, 'lessons', 'photos.json');
    const bytes = await fs.readFile(file);
    bytes[10] = bytes[10] === 0x20 ? 0x0a : 0x20;
    await fs.writeFile(file, bytes);

    kiosk.syncthing.state.folderStatus.set('content', { state: 'syncing', needBytes: 4096 });
    for (let look = 0; look < 5; look += 1) await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.waiting).toMatchObject({ version: '2', missing: 1 });
    expect(kiosk.ctx.documents.org.data.packs.refused).toEqual([]);

    kiosk.syncthing.state.folderStatus.set('content', { state: 'idle', needBytes: 0 });
    for (let look = 1; look < IDLE_TICKS_BEFORE_REFUSAL; look += 1) await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.refused).toEqual([]);
    await kiosk.loop.tick();
    const { packs } = kiosk.ctx.documents.org.data;
    expect(packs.refused).toEqual([
      expect.objectContaining({
        version: '2',
        reason: 'org.refusals.fileHashMismatch',
        params: expect.objectContaining({ file: 'lessons/photos.json' }),
      }),
    ]);
    expect(packs.waiting).toBeNull();
    expect(packs.current).toBeNull();
    // Refused once, not on every look after.
    for (let look = 0; look < 4; look += 1) await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.refused).toHaveLength(1);
    expect(kiosk.ctx.documents.org.data.packs.waiting).toBeNull();
  });

  it('refuses a pack signed by another key and an older version, each once, changing nothing', async () => {
    const kiosk = await joinedKiosk('auto');
    const other = organisationKeys();
    await writePack(kiosk.content, await lessonFiles('別人'), {
      version: '5',
      privateKeyPem: other.privateKeyPem,
    });
    // While Syncthing still brings files, a signature that does not match may be the old one
    // beside a new manifest: nothing is refused yet.
    kiosk.syncthing.state.folderStatus.set('content', { state: 'syncing', needBytes: 512 });
    for (let look = 0; look < IDLE_TICKS_BEFORE_REFUSAL + 1; look += 1) await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.refused).toEqual([]);
    kiosk.syncthing.state.folderStatus.set('content', { state: 'idle', needBytes: 0 });
    for (let look = 0; look < IDLE_TICKS_BEFORE_REFUSAL; look += 1) await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.refused).toEqual([
      expect.objectContaining({ version: '5', reason: 'org.refusals.badSignature' }),
    ]);
    expect(kiosk.ctx.documents.org.data.packs.current).toBeNull();

    await fs.rm(kiosk.content, { recursive: true });
    await writePack(kiosk.content, await lessonFiles('第三版'), {
      version: '3',
      privateKeyPem: keys.privateKeyPem,
    });
    await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.current?.version).toBe('3');
    await fs.rm(kiosk.content, { recursive: true });
    await writePack(kiosk.content, await lessonFiles('第二版'), {
      version: '2',
      privateKeyPem: keys.privateKeyPem,
    });
    await kiosk.loop.tick();
    await kiosk.loop.tick();
    const { packs } = kiosk.ctx.documents.org.data;
    expect(packs.current?.version).toBe('3');
    expect(freeWifiTitle(kiosk.ctx)).toBe('第三版');
    expect(packs.refused[0]).toMatchObject({
      version: '2',
      reason: 'org.refusals.olderVersion',
      params: { version: '2', current: '3' },
    });
    expect(packs.refused).toHaveLength(2);
  });

  it('lists a manifest that cannot be read, even when it does not say its version', async () => {
    const kiosk = await joinedKiosk('auto');
    await fs.mkdir(kiosk.content, { recursive: true });
    await fs.writeFile(path.join(kiosk.content, 'manifest.json'), '{"kind": "kiosk-content-pack", ');
    await kiosk.loop.tick();
    await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.refused).toEqual([
      expect.objectContaining({ version: '?', reason: 'org.refusals.badManifest' }),
    ]);
    expect(kiosk.ctx.healthEvents.filter((event) => event.kind === 'org-check-failed')).toEqual([]);
  });

  it('never applies a version staff rolled back from on its own, but offers it', async () => {
    const kiosk = await joinedKiosk('auto');
    await writePack(kiosk.content, await lessonFiles('第二版'), {
      version: '2',
      privateKeyPem: keys.privateKeyPem,
    });
    await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.packs.current?.version).toBe('2');

    const rolled = await kiosk.handlers['staff.org.pack.rollback']({}, {});
    expect(rolled.packs.current).toBeNull();
    expect(rolled.packs.held).toEqual(['2']);
    expect(freeWifiTitle(kiosk.ctx)).not.toBe('第二版');
    expect(kiosk.ctx.documents.staffLog.data.entries.at(-1)).toMatchObject({
      action: 'org-pack-rolled-back',
      params: { version: '2' },
    });
    for (let look = 0; look < 3; look += 1) await kiosk.loop.tick();
    const status = await kiosk.handlers['staff.org.status']({}, {});
    expect(status.packs.current).toBeNull();
    expect(status.packs.pending?.version).toBe('2');
    expect(status.packs.refused).toEqual([]);

    const again = await kiosk.handlers['staff.org.pack.apply']({ version: '2' }, {});
    expect(again.packs.current?.version).toBe('2');
    expect(again.packs.held).toEqual([]);
  });

  it('writes each completed day of figures and remembers the last one', async () => {
    const kiosk = await joinedKiosk();
    await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.figures.lastDayWritten).toBeNull();
    kiosk.clock.advance(2 * 24 * 60 * 60_000);
    await kiosk.loop.tick();
    expect(kiosk.ctx.documents.org.data.figures.lastDayWritten).toBe('2026-12-03');
    expect((await fs.readdir(orgFolders(kiosk.dataDir).figures)).sort()).toEqual([
      '2026-12-02.json',
      '2026-12-03.json',
    ]);
  });

  it('turns a failure into a health event and carries on', async () => {
    const kiosk = await joinedKiosk('auto');
    let failing = true;
    const service = createOrgService(kiosk.ctx, {
      syncthing: kiosk.syncthing.factory,
      loopParts: {
        checkPack: async () => {
          if (failing) throw Object.assign(new Error('I/O error'), { code: 'EIO' });
          return { state: 'none' };
        },
        writeFigures: async () => {
          throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        },
      },
    });
    onTestFinished(() => service.loop.stop());
    await expect(service.loop.tick()).resolves.toBeUndefined();
    expect(kiosk.ctx.healthEvents.filter((event) => event.kind === 'org-check-failed')).toEqual([
      expect.objectContaining({ document: 'org', code: 'EIO' }),
      expect.objectContaining({ document: 'org', code: 'ENOSPC' }),
    ]);
    failing = false;
    await expect(service.loop.tick()).resolves.toBeUndefined();
    expect(kiosk.ctx.documents.org.data.packs.current).toBeNull();
  });
});
