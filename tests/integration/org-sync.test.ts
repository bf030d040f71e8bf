import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgStatus } from '../../electron/core/org/org-contract';
import {
  makeKeyPair,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  signManifest,
} from '../../electron/core/org/pack-manifest';
import { acceptKiosks } from '../../electron/hub/accept';
import { hubPaths } from '../../electron/hub/home';
import { writeJoinFile } from '../../electron/hub/join';
import { makeKeys } from '../../electron/hub/keys';
import { runReport } from '../../electron/hub/report-command';
import { buildPack } from '../../electron/hub/pack';
import { manualClock } from '../helpers/manual-clock';
import {
  allFiles,
  lessonIds,
  lessonPackSource,
  openOrgKiosk,
  orgStatus,
  waitForStatus,
  type OrgKiosk,
} from '../helpers/org-kiosk';
import { startSyncthing, waitUntil, type SyncthingInstance } from '../helpers/syncthing-instance';
import { makeTempDir, removeTempDir, snapshotDir } from '../helpers/temp-dir';

/**
 * The organisation journey on real Syncthing: one hub and two kiosks, each its own Syncthing on
 * loopback. The hub is driven through the hub tool's command functions, the kiosks through their
 * contract, as staff would. Content packs go out, are checked and applied; a kiosk that was off
 * catches up; forged, damaged and older packs are refused without touching what is live; pooled
 * figures reach the hub without a nickname, a note or a resume code; a kiosk that never joined
 * is untouched. Syncthing moves files on its own time, so the waits are real (polled), while the
 * kiosks' clock is a manual one.
 */

const START = '2026-12-01T02:00:00.000Z'; // 10:00 in Hong Kong
const DAY = 24 * 60 * 60 * 1000;
const NICKNAME = '陳太太';
const NOTES = 'Mrs Chan brought her grandson; call back about the tablet loan';
const WAIT = 60_000;

const clock = manualClock(START);
type Kiosk = OrgKiosk;
const openKiosk = (name: string, dataDir: string, syncthingHome: string): Promise<Kiosk> =>
  openOrgKiosk({ name, dataDir, syncthingHome, now: clock.now });
const status = orgStatus;

/**
 * The visitor's lesson list becomes `ids`. org.json names the new pack current a moment before
 * its content goes live (the durable flip comes first), so the list is given a few seconds.
 */
async function expectLessons(kiosk: Kiosk, ids: string[]): Promise<void> {
  let last: string[] = [];
  await waitUntil(
    async () => {
      last = await lessonIds(kiosk);
      return JSON.stringify(last) === JSON.stringify(ids);
    },
    5000,
    `${kiosk.name}'s lessons to be the pack's`,
  ).catch(() => undefined);
  expect(last).toEqual(ids);
}
const packSource = lessonPackSource;

describe('organisation sync on real Syncthing: hub, two kiosks and one that never joined', () => {
  let root: string;
  let hubHome: string;
  let hub: SyncthingInstance;
  let stA: SyncthingInstance;
  let stB: SyncthingInstance;
  let kioskA: Kiosk;
  let kioskB: Kiosk;
  let kioskD: Kiosk;
  let shippedLessons: string[];
  const instances: SyncthingInstance[] = [];

  beforeAll(async () => {
    root = await makeTempDir('kiosk-org-sync-');
    hubHome = path.join(root, 'hub-home');
    [hub, stA, stB] = await Promise.all([
      startSyncthing({ name: 'hub', root }),
      startSyncthing({ name: 'kiosk-a', root }),
      startSyncthing({ name: 'kiosk-b', root }),
    ]);
    instances.push(hub, stA, stB);
    kioskA = await openKiosk('A', path.join(root, 'kiosk-a'), stA.home);
    kioskB = await openKiosk('B', path.join(root, 'kiosk-b'), stB.home);
    // No Syncthing at all for the kiosk that never joins: its home is an empty folder.
    await fs.mkdir(path.join(root, 'no-syncthing'), { recursive: true });
    kioskD = await openKiosk('D', path.join(root, 'kiosk-d'), path.join(root, 'no-syncthing'));
    shippedLessons = await lessonIds(kioskD);
  });

  afterAll(async () => {
    // The loops first, so none looks at a folder being removed; then every Syncthing started.
    for (const kiosk of [kioskA, kioskB, kioskD]) kiosk?.core.close?.();
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    if (root) await removeTempDir(root);
  });

  it('joins two kiosks, sends packs, pools figures, catches up, refuses bad packs and an impostor', async () => {
    const now = clock.now;
    // The hub: keys, and one join file per kiosk.
    await makeKeys({ home: hubHome, organisation: 'Smart Silver', now });
    const joinA = await writeJoinFile({
      home: hubHome,
      kioskId: 'ssw-kt-01',
      centre: 'Kwun Tong centre',
      district: 'kwun-tong',
      syncthingHome: hub.home,
      now,
    });
    const joinB = await writeJoinFile({
      home: hubHome,
      kioskId: 'ssw-st-01',
      centre: 'Sha Tin centre',
      district: 'sha-tin',
      syncthingHome: hub.home,
      now,
    });
    expect(joinA.join.hub.addresses).toEqual([hub.listenAddress]);

    // The kiosks join through their contract, as a coordinator would with the file from a USB stick.
    for (const [kiosk, join] of [
      [kioskA, joinA],
      [kioskB, joinB],
    ] as const) {
      const preview = await kiosk.call<{ token: string; kioskId: string; organisation: string }>(
        'staff.org.join.preview',
        { content: new Uint8Array(await fs.readFile(join.file)) },
      );
      expect(preview).toMatchObject({ kioskId: join.join.kioskId, organisation: 'Smart Silver' });
      const joined = await kiosk.call<OrgStatus>('staff.org.join.confirm', { token: preview.token });
      expect(joined.joined?.kioskId).toBe(join.join.kioskId);
    }
    // A applies packs by itself; B waits for staff to apply each one.
    await kioskA.call('staff.org.mode', { applyMode: 'auto' });

    // The hub accepts both once their Syncthings have knocked (trust on first use).
    await waitUntil(
      async () => {
        const pending = await hub.client.pendingDevices();
        return Boolean(pending[stA.deviceId] && pending[stB.deviceId]);
      },
      WAIT,
      'both kiosks to knock at the hub',
    );
    const accepted = await acceptKiosks({ home: hubHome, syncthingHome: hub.home });
    expect(accepted.accepted.map((one) => one.kioskId).sort()).toEqual(['ssw-kt-01', 'ssw-st-01']);
    expect(accepted.refused).toEqual([]);
    await waitForStatus(kioskA, 'connected to the hub', (s) => s.sync?.connected === true);
    await waitForStatus(kioskB, 'connected to the hub', (s) => s.sync?.connected === true);

    // A visitor and a group session on A: a resume code, a nickname, notes.
    const resume = await kioskA.call<{ code: string }>('lessons.resume.create', {
      lessonId: 'free-wifi',
      stepIndex: 2,
    });
    let session = await kioskA.call<{ id: string }>('staff.groups.create', {
      title: 'Phones for beginners',
      date: '2026-12-01',
      startTime: '10:00',
      endTime: '11:30',
      place: 'Room 1',
      lessonIds: ['free-wifi'],
    });
    session = await kioskA.call('staff.groups.participants.add', {
      id: session.id,
      kind: 'nickname',
      label: NICKNAME,
      picsAgreed: true,
    });
    session = await kioskA.call('staff.groups.participants.add', {
      id: session.id,
      kind: 'resume-code',
      label: resume.code,
      picsAgreed: true,
    });
    await kioskA.call('staff.groups.update', { id: session.id, notes: NOTES });
    await kioskA.call('staff.groups.close', { id: session.id });

    // Pack 2: one lesson added. A applies it itself, B shows it to staff, who apply it.
    const v2 = await buildPack({
      home: hubHome,
      folder: await packSource(root, 'v2', ['org-welcome']),
      version: '2',
      syncthingHome: hub.home,
      now,
    });
    expect(v2.rescan).toBe('done');
    await waitForStatus(kioskA, 'pack 2 applied', (s) => s.packs.current?.version === '2');
    const pendingB = await waitForStatus(kioskB, 'pack 2 pending', (s) => s.packs.pending?.version === '2');
    expect(pendingB.packs.pending?.lessons.added.map((lesson) => lesson.id)).toEqual(['org-welcome']);
    expect(pendingB.packs.current).toBeNull();
    await kioskB.call('staff.org.pack.apply', { version: '2' });
    await waitForStatus(kioskB, 'pack 2 applied', (s) => s.packs.current?.version === '2');
    const withPack2 = [...shippedLessons, 'org-welcome'].sort();
    await expectLessons(kioskA, withPack2);
    await expectLessons(kioskB, withPack2);
    await kioskB.call('staff.org.mode', { applyMode: 'auto' });

    // A visitor on B starts a lesson in English: B's figures carry that count, nothing else.
    const visit = await kioskB.call<{ visit: string }>('visit.start', { language: 'en' });
    await kioskB.call('lessons.progress', {
      lessonId: 'free-wifi',
      event: 'started',
      language: 'en',
      visit: visit.visit,
    });

    // The day ends: each kiosk writes its figures for 1 December, and both reach the hub.
    clock.advance(DAY);
    const figuresOf = (kioskId: string) => path.join(hubPaths(hubHome).figures, kioskId, '2026-12-01.json');
    await waitUntil(
      async () => {
        for (const kioskId of ['ssw-kt-01', 'ssw-st-01']) {
          const text = await fs.readFile(figuresOf(kioskId), 'utf8').catch(() => '');
          if (!text.trim().endsWith('}')) return false;
        }
        return true;
      },
      WAIT,
      "both kiosks' figures for 1 December at the hub",
    );
    interface Figures {
      kioskId: string;
      date: string;
      tallies: { event: string; subject: string; language: string; count: number }[];
      groups: { sessions: number };
    }
    const figuresA = JSON.parse(await fs.readFile(figuresOf('ssw-kt-01'), 'utf8')) as Figures;
    const figuresB = JSON.parse(await fs.readFile(figuresOf('ssw-st-01'), 'utf8')) as Figures;
    expect(figuresA).toMatchObject({ kioskId: 'ssw-kt-01', date: '2026-12-01', groups: { sessions: 1 } });
    expect(figuresB).toMatchObject({ kioskId: 'ssw-st-01', date: '2026-12-01', groups: { sessions: 0 } });
    expect(figuresB.tallies).toContainEqual(
      expect.objectContaining({ event: 'lesson.started', subject: 'free-wifi', language: 'en', count: 1 }),
    );
    // The hub's report pools the two: both centres, their sums, nobody missing.
    const pooled = await runReport({
      home: hubHome,
      from: '2026-12-01',
      to: '2026-12-01',
      language: 'zh-HK',
      now,
    });
    expect(pooled.report.centres.map((centre) => centre.kioskId).sort()).toEqual(['ssw-kt-01', 'ssw-st-01']);
    expect(pooled.report.totals).toMatchObject({ groupSessions: 1, lessonsStarted: 1 });
    expect(pooled.notReported).toEqual([]);
    expect(pooled.skipped).toBe(0);
    // Every byte the hub holds (the report too), its Syncthing's files included: no nickname, note or code.
    const received = [...(await allFiles(hubHome)), ...(await allFiles(hub.home))];
    const secrets = [NICKNAME, NOTES, 'grandson', resume.code, 'Phones for beginners', 'Room 1'];
    for (const file of received) {
      const bytes = await fs.readFile(file);
      for (const secret of secrets) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) in ${file}`).toBe(false);
      }
    }

    // B is off (its Syncthing stopped) while pack 3 goes out; A applies it; B catches up when back.
    await stB.stop();
    await buildPack({
      home: hubHome,
      folder: await packSource(root, 'v3', ['org-welcome', 'org-second']),
      version: '3',
      syncthingHome: hub.home,
      now,
    });
    await waitForStatus(kioskA, 'pack 3 applied', (s) => s.packs.current?.version === '3');
    expect((await status(kioskB)).syncthing).toBe('not-running');
    expect((await status(kioskB)).packs.current?.version).toBe('2');
    await stB.start();
    await waitForStatus(kioskB, 'pack 3 applied after catching up', (s) => s.packs.current?.version === '3');
    const withPack3 = [...shippedLessons, 'org-second', 'org-welcome'].sort();
    await expectLessons(kioskA, withPack3);
    await expectLessons(kioskB, withPack3);

    // Refusals. Each change is made with the hub's content folder paused in its Syncthing, so
    // kiosks only ever see the finished (bad) pack, never the moment in between; unpaused, the
    // hub rescans it and sends it as it is.
    const content = hubPaths(hubHome).content;
    // The tampered lesson is one new in pack 4: org-second is the same bytes in packs 3 and 4, so a
    // kiosk that gets the new manifest before the changed org-second already holds exactly what was
    // signed and rightly applies it.
    const lessonFile = path.join(content, 'lessons', 'org-third.json');
    async function setContentPaused(paused: boolean): Promise<void> {
      const folder = (await hub.client.getConfig()).folders.find((one) => one.id === 'content');
      if (!folder) throw new Error('the hub has no content folder');
      await hub.client.putFolder({ ...folder, paused });
    }
    async function publishBad(change: () => Promise<void>): Promise<void> {
      await setContentPaused(true);
      await change();
      await setContentPaused(false);
    }
    // What a refusal must leave alone: the applied trees on disk (current and previous, byte for byte).
    const appliedTrees = async (kiosk: Kiosk) => snapshotDir(path.join(kiosk.dataDir, 'org', 'packs'));
    const treesBefore = { A: await appliedTrees(kioskA), B: await appliedTrees(kioskB) };
    expect(Object.keys(treesBefore.A).length).toBeGreaterThan(0);
    async function expectRefused(version: string, reasons: string[]): Promise<void> {
      for (const kiosk of [kioskA, kioskB]) {
        const seen = await waitForStatus(kiosk, `pack ${version} refused`, (s) =>
          s.packs.refused.some((r) => r.version === version && reasons.includes(r.reason)),
        );
        expect(seen.packs.current?.version).toBe('3');
        expect(seen.packs.previous?.version).toBe('2');
        expect(await lessonIds(kiosk)).toEqual(withPack3);
        expect(await appliedTrees(kiosk)).toEqual(kiosk === kioskA ? treesBefore.A : treesBefore.B);
        const health = await kiosk.call<{ org: { refused: { version: string; reason: string }[] } }>(
          'staff.health',
        );
        expect(health.org.refused.some((r) => r.version === version && reasons.includes(r.reason))).toBe(
          true,
        );
      }
    }

    // 4: one byte of a lesson changed after signing (same size, so only the hash tells).
    await publishBad(async () => {
      await buildPack({
        home: hubHome,
        folder: await packSource(root, 'v4', ['org-welcome', 'org-second', 'org-third']),
        version: '4',
        syncthingHome: hub.home,
        now,
      });
      const bytes = await fs.readFile(lessonFile);
      const at = bytes.indexOf(Buffer.from('Organisation lesson'));
      bytes[at] = 'X'.charCodeAt(0);
      await fs.writeFile(lessonFile, bytes);
    });
    await expectRefused('4', ['org.refusals.fileHashMismatch']);

    // 5: whole and intact, but signed with a key that is not the organisation's.
    await publishBad(async () => {
      await buildPack({
        home: hubHome,
        folder: await packSource(root, 'v5', ['org-welcome', 'org-second', 'org-fifth']),
        version: '5',
        syncthingHome: hub.home,
        now,
      });
      const manifest = await fs.readFile(path.join(content, MANIFEST_FILE));
      const stranger = makeKeyPair();
      await fs.writeFile(
        path.join(content, SIGNATURE_FILE),
        `${signManifest(manifest, stranger.privateKeyPem)}\n`,
      );
    });
    await expectRefused('5', ['org.refusals.badSignature']);

    // 1: properly signed, but older than what the kiosks have.
    await publishBad(async () => {
      await fs.rm(path.join(content, MANIFEST_FILE));
      await buildPack({
        home: hubHome,
        folder: await packSource(root, 'v1', ['org-old']),
        version: '1',
        syncthingHome: hub.home,
        now,
      });
    });
    await expectRefused('1', ['org.refusals.olderVersion']);

    // Another device calling itself kiosk A knocks: A's id is bound to A's device, so the hub
    // refuses and reports it, and shares nothing with it.
    const impostor = await startSyncthing({ name: 'impostor', root });
    instances.push(impostor);
    await impostor.client.setDeviceName('kiosk-ssw-kt-01');
    await impostor.client.putDevice({
      deviceID: hub.deviceId,
      name: 'hub',
      addresses: [hub.listenAddress],
      autoAcceptFolders: true,
      introducer: false,
    });
    await waitUntil(
      async () => Boolean((await hub.client.pendingDevices())[impostor.deviceId]),
      WAIT,
      'the impostor to knock at the hub',
    );
    const second = await acceptKiosks({ home: hubHome, syncthingHome: hub.home });
    expect(second.accepted).toEqual([]);
    expect(second.refused).toEqual([
      expect.objectContaining({ kioskId: 'ssw-kt-01', deviceId: impostor.deviceId, boundTo: stA.deviceId }),
    ]);
    const hubConfig = await hub.client.getConfig();
    expect(hubConfig.devices.map((device) => device.deviceID)).not.toContain(impostor.deviceId);
    for (const folder of hubConfig.folders)
      expect(folder.devices.map((device) => device.deviceID)).not.toContain(impostor.deviceId);
    await impostor.stop();

    // The kiosk that never joined: shipped lessons, no organisation folders, nothing pending.
    expect(await lessonIds(kioskD)).toEqual(shippedLessons);
    await expect(fs.stat(path.join(kioskD.dataDir, 'org'))).rejects.toMatchObject({ code: 'ENOENT' });
    const statusD = await status(kioskD);
    expect(statusD.joined).toBeNull();
    expect(statusD.packs.current).toBeNull();
  });
});
