import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { parseJoinFile } from '../../../../electron/core/org/join-file';
import { defaultOrgDoc } from '../../../../electron/core/org/org-doc';
import { createOrgService } from '../../../../electron/core/org/org-handlers';
import { createKioskCore } from '../../../../electron/core/service';
import {
  fakeKioskSyncthing,
  HUB_DEVICE_ID,
  joinFileBytes,
  organisationKeys,
} from '../../../helpers/fake-kiosk-syncthing';
import { contentDir, makeCoreContext } from '../../../helpers/hotspots-context';
import { manualClock } from '../../../helpers/manual-clock';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-org-status-');
afterEach(async () => {
  vi.useRealTimers();
  await dirs.cleanup();
});
const keys = organisationKeys();

async function kiosk() {
  const dataDir = await dirs.make();
  const clock = manualClock('2026-12-02T03:00:00.000Z');
  const ctx = await makeCoreContext(dataDir, clock.now);
  const syncthing = fakeKioskSyncthing();
  const checks: string[] = [];
  const service = createOrgService(ctx, {
    syncthing: syncthing.factory,
    orgPollMs: 1000,
    loopParts: {
      checkPack: async (folder) => {
        checks.push(folder);
        return { state: 'none' };
      },
    },
  });
  onTestFinished(() => service.loop.stop());
  return { dataDir, clock, ctx, syncthing, checks, ...service };
}

async function join(k: Awaited<ReturnType<typeof kiosk>>) {
  const preview = await k.handlers['staff.org.join.preview'](
    { content: joinFileBytes(keys.publicKeyPem) },
    {},
  );
  return k.handlers['staff.org.join.confirm']({ token: preview.token }, {});
}

describe('organisation status', () => {
  it('says Syncthing is not found when it is not set up, and not running when it does not answer', async () => {
    const dataDir = await dirs.make();
    const ctx = await makeCoreContext(dataDir, () => new Date('2026-12-02T03:00:00.000Z'));
    const absent = createOrgService(ctx, { syncthingHome: path.join(dataDir, 'no-syncthing') });
    expect(await absent.handlers['staff.org.status']({}, {})).toEqual({
      syncthing: 'not-found',
      joined: null,
      sync: null,
      packs: { current: null, previous: null, waiting: null, refused: [], pending: null, held: [] },
      figures: { lastDayWritten: null },
    });
    // A config.xml whose GUI port nothing listens on: Syncthing set up but stopped.
    const home = path.join(dataDir, 'syncthing');
    await fs.mkdir(home);
    await fs.writeFile(
      path.join(home, 'config.xml'),
      '<configuration><gui enabled="true" tls="false"><address>127.0.0.1:9</address><apikey>k</apikey></gui></configuration>',
    );
    const stopped = createOrgService(ctx, { syncthingHome: home });
    expect((await stopped.handlers['staff.org.status']({}, {})).syncthing).toBe('not-running');
  });

  it('reads the hub connection, last contact, folder states and errors, each failure a state', async () => {
    const k = await kiosk();
    await join(k);
    k.syncthing.state.folderStatus.set('content', { state: 'syncing', needBytes: 2048 });
    k.syncthing.state.folderStatus.set('figures-ssw-kt-01', { state: 'idle', needBytes: 0 });
    k.syncthing.state.folderErrors.set('content', [{ path: 'lessons/a.json', error: 'permission denied' }]);
    k.syncthing.state.connected.add(HUB_DEVICE_ID);
    let status = await k.handlers['staff.org.status']({}, {});
    expect(status.sync).toEqual({
      connected: true,
      lastContact: '2026-12-02T03:00:00.000Z',
      content: { state: 'syncing', needBytes: 2048 },
      figures: { state: 'idle', needBytes: 0 },
      errors: [{ folder: 'content', message: 'permission denied', path: 'lessons/a.json' }],
    });

    k.syncthing.state.connected.clear();
    k.syncthing.state.lastSeen.set(HUB_DEVICE_ID, '2026-12-01T22:15:00.5+08:00');
    status = await k.handlers['staff.org.status']({}, {});
    expect(status.sync).toMatchObject({ connected: false, lastContact: '2026-12-01T14:15:00.500Z' });

    k.syncthing.state.lastSeen.delete(HUB_DEVICE_ID);
    k.syncthing.state.folderStatus.delete('content');
    k.syncthing.state.failing = 'folderErrors';
    status = await k.handlers['staff.org.status']({}, {});
    expect(status.sync).toMatchObject({
      connected: false,
      lastContact: null,
      content: { state: 'unknown', needBytes: 0 },
      errors: [],
    });

    k.syncthing.state.down = true;
    status = await k.handlers['staff.org.status']({}, {});
    expect(status).toMatchObject({
      syncthing: 'not-running',
      joined: { kioskId: 'ssw-kt-01', deviceId: null, hubDeviceId: HUB_DEVICE_ID },
      sync: null,
    });
  });

  it('runs its loop only while joined', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const k = await kiosk();
    vi.advanceTimersByTime(10_000);
    expect(k.checks).toEqual([]);
    expect(k.loop.started).toBe(false);
    await join(k);
    expect(k.loop.started).toBe(true);
    const afterJoin = k.checks.length;
    vi.advanceTimersByTime(3000);
    expect(k.checks.length).toBeGreaterThan(afterJoin);
    await k.handlers['staff.org.leave']({}, {});
    expect(k.loop.started).toBe(false);
    const afterLeave = k.checks.length;
    vi.advanceTimersByTime(10_000);
    expect(k.checks.length).toBe(afterLeave);
  });
});

describe('a kiosk that never joined', () => {
  it('starts no loop, writes no organisation folders and works as before', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const options = {
      shell: 'browser' as const,
      contentDir,
      syncthingHome: path.join(await dirs.make(), 'no-syncthing'),
      orgPollMs: 1000,
      now: () => new Date('2026-12-02T03:00:00.000Z'),
    };
    const timers = () => vi.getTimerCount();
    const before = timers();
    const dataDir = await dirs.make();
    const never = await createKioskCore({ ...options, dataDir });
    const neverTimers = timers() - before;
    vi.advanceTimersByTime(60_000);
    expect((await never.invoke('app.info', {})).ok).toBe(true);
    expect(existsSync(path.join(dataDir, 'org'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'org.json'))).toBe(false);

    // The same core on a data folder whose org.json says it joined: one timer more, the loop's.
    const joinedDir = await dirs.make();
    const doc = defaultOrgDoc();
    doc.joined = {
      joinedAt: '2026-12-01T03:00:00.000Z',
      join: parseJoinFile(joinFileBytes(keys.publicKeyPem)),
      applyMode: 'preview',
    };
    const refusal = {
      version: '4',
      at: '2026-12-01T05:00:00.000Z',
      reason: 'org.refusals.badSignature',
      params: { version: '4' },
    };
    doc.packs.refused = [refusal];
    await fs.writeFile(path.join(joinedDir, 'org.json'), JSON.stringify(doc));
    const middle = timers();
    const joined = await createKioskCore({ ...options, dataDir: joinedDir });
    expect(timers() - middle).toBe(neverTimers + 1);
    // Data health lists the refused pack as the console's Organisation section does.
    const setup = await joined.invoke('staff.setup', { pin: '482915', confirm: '482915' });
    const session = setup.ok ? (setup.value as { session: string }).session : '';
    const health = await joined.invoke('staff.health', {}, { staffSession: session });
    expect(health.ok && (health.value as { org: unknown }).org).toEqual({
      refused: [refusal],
      waiting: null,
    });
    joined.close?.();
    expect(timers() - middle).toBe(neverTimers);
    never.close?.();
  });
});
