/**
 * Organisation sync benchmark: one hub and N kiosks (N = 2 and 10), each a real Syncthing on
 * loopback and a real kiosk core in this process (auto apply, the loop looking every 100 ms). For
 * each of two packs (the shipped lessons, programmes and accessibility demos plus a new lesson):
 * the time from `hub pack` starting to each kiosk having the pack applied (its org.json flipped),
 * beside the time Syncthing alone took to bring the same bytes (the kiosk's copy of the manifest is
 * the hub's and its folder has nothing left to fetch), and each Syncthing's resident memory
 * afterwards. Both times run from `hub pack` starting, so they include its own checking, signing and
 * writing (printed too); the kiosks' loop looks every 100 ms, this bench every 50 ms. Prints
 * figures; asserts nothing.
 * `npx tsx -e "import('./tests/bench/org-sync.ts').then(m=>m.runOrgSyncBench()).then(console.log)"`
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { acceptKiosks } from '../../electron/hub/accept';
import { hubPaths } from '../../electron/hub/home';
import { writeJoinFile } from '../../electron/hub/join';
import { makeKeys } from '../../electron/hub/keys';
import { buildPack } from '../../electron/hub/pack';
import { manualClock } from '../helpers/manual-clock';
import { lessonPackSource, openOrgKiosk, SHIPPED_DATA, type OrgKiosk } from '../helpers/org-kiosk';
import { startSyncthing, waitUntil, type SyncthingInstance } from '../helpers/syncthing-instance';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir';
import { median, round } from './stats';

const PACKS = ['2', '3'];
const TIMEOUT_MS = 180_000;

interface Kiosk {
  id: string;
  syncthing: SyncthingInstance;
  core: OrgKiosk;
}

async function readOrNull(file: string): Promise<Buffer | null> {
  return fs.readFile(file).catch(() => null);
}

async function appliedVersion(dataDir: string): Promise<string | null> {
  const text = await readOrNull(path.join(dataDir, 'org.json'));
  if (!text) return null;
  try {
    const doc = JSON.parse(text.toString('utf8')) as { data?: unknown; packs?: unknown };
    // StoredDocument keeps its data at the top level or under `data`, whichever; look in both.
    const packs = ((doc.data as { packs?: unknown } | undefined)?.packs ?? doc.packs) as
      { current?: { version?: string } | null } | undefined;
    return packs?.current?.version ?? null;
  } catch {
    return null;
  }
}

async function packSourceWithAll(root: string, name: string, extra: string[]): Promise<string> {
  const folder = await lessonPackSource(root, name, extra);
  await fs.cp(path.join(SHIPPED_DATA, 'programmes'), path.join(folder, 'programmes'), { recursive: true });
  await fs.copyFile(
    path.join(SHIPPED_DATA, 'accessibility-demos.json'),
    path.join(folder, 'accessibility-demos.json'),
  );
  return folder;
}

async function folderBytes(folder: string): Promise<number> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
  let total = 0;
  for (const entry of entries)
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

async function runFleet(count: number): Promise<Record<string, string | number>> {
  const root = await makeTempDir(`kiosk-org-bench-${count}-`);
  const clock = manualClock('2026-12-01T02:00:00.000Z');
  const now = clock.now;
  const hubHome = path.join(root, 'hub-home');
  const instances: SyncthingInstance[] = [];
  const kiosks: Kiosk[] = [];
  try {
    const hub = await startSyncthing({ name: 'hub', root });
    instances.push(hub);
    await makeKeys({ home: hubHome, organisation: 'Smart Silver', now });
    // Started a few at a time: two cores, and each Syncthing hashes its keys on first start.
    for (let i = 0; i < count; i += 4) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(4, count - i) }, (_, j) =>
          startSyncthing({ name: `kiosk-${i + j + 1}`, root }),
        ),
      );
      instances.push(...batch);
      for (const [j, syncthing] of batch.entries()) {
        const id = `bench-${String(i + j + 1).padStart(2, '0')}`;
        const core = await openOrgKiosk({
          name: id,
          dataDir: path.join(root, id),
          syncthingHome: syncthing.home,
          now,
          orgPollMs: 100,
        });
        kiosks.push({ id, syncthing, core });
      }
    }
    for (const kiosk of kiosks) {
      const join = await writeJoinFile({
        home: hubHome,
        kioskId: kiosk.id,
        centre: `Centre ${kiosk.id}`,
        district: 'kwun-tong',
        syncthingHome: hub.home,
        now,
      });
      const preview = await kiosk.core.call<{ token: string }>('staff.org.join.preview', {
        content: new Uint8Array(await fs.readFile(join.file)),
      });
      await kiosk.core.call('staff.org.join.confirm', { token: preview.token });
      await kiosk.core.call('staff.org.mode', { applyMode: 'auto' });
    }
    await waitUntil(
      async () => {
        const pending = await hub.client.pendingDevices();
        return kiosks.every((kiosk) => pending[kiosk.syncthing.deviceId]);
      },
      TIMEOUT_MS,
      'every kiosk to knock at the hub',
    );
    await acceptKiosks({ home: hubHome, syncthingHome: hub.home });
    await waitUntil(
      async () => {
        const connections = (await hub.client.connections()).connections;
        return kiosks.every((kiosk) => connections[kiosk.syncthing.deviceId]?.connected);
      },
      TIMEOUT_MS,
      'every kiosk connected',
    );

    const transfer: number[] = [];
    const applied: number[] = [];
    const overhead: number[] = [];
    const packing: number[] = [];
    let bytes = 0;
    const extra = ['org-welcome'];
    for (const version of PACKS) {
      extra.push(`org-news-${version}`);
      const source = await packSourceWithAll(root, `v${version}`, extra);
      bytes = await folderBytes(source);
      const started = performance.now();
      await buildPack({ home: hubHome, folder: source, version, syncthingHome: hub.home, now });
      packing.push(performance.now() - started);
      const hubManifest = await fs.readFile(path.join(hubPaths(hubHome).content, 'manifest.json'));
      await Promise.all(
        kiosks.map(async (kiosk) => {
          let transferredAt: number | null = null;
          await waitUntil(
            async () => {
              if (transferredAt === null) {
                const copy = await readOrNull(
                  path.join(kiosk.core.dataDir, 'org', 'content', 'manifest.json'),
                );
                if (copy?.equals(hubManifest)) {
                  const status = await kiosk.syncthing.client.folderStatus('content');
                  if (status.needFiles === 0 && status.needBytes === 0) transferredAt = performance.now();
                }
              }
              return (await appliedVersion(kiosk.core.dataDir)) === version;
            },
            TIMEOUT_MS,
            `${kiosk.id} to apply pack ${version}`,
            50,
          );
          const done = performance.now();
          // Applied before the check above saw the folder settle: the transfer ended no later than that.
          const moved = transferredAt ?? done;
          transfer.push(moved - started);
          applied.push(done - started);
          overhead.push(done - moved);
        }),
      );
    }
    const rss = instances.map((instance) => instance.rssKiB() / 1024);
    const kioskRss = rss.slice(1);
    return {
      [`N=${count}: pack size`]: `${round(bytes / 1024)} KiB`,
      [`N=${count}: hub pack itself (check, sign, write), median`]: `${round(median(packing), 0)} ms`,
      [`N=${count}: hub pack → applied, median / max (${applied.length} kiosk-packs)`]: `${round(median(applied), 0)} / ${round(Math.max(...applied), 0)} ms`,
      [`N=${count}: Syncthing alone brought the bytes, median / max`]: `${round(median(transfer), 0)} / ${round(Math.max(...transfer), 0)} ms`,
      [`N=${count}: verify + apply on top, median / max`]: `${round(median(overhead), 0)} / ${round(Math.max(...overhead), 0)} ms`,
      [`N=${count}: applied ÷ transfer (medians)`]: `${round(median(applied) / median(transfer), 2)}×`,
      [`N=${count}: kiosk Syncthing RSS, median / max`]: `${round(median(kioskRss))} / ${round(Math.max(...kioskRss))} MiB`,
      [`N=${count}: hub Syncthing RSS`]: `${round(rss[0] ?? 0)} MiB`,
    };
  } finally {
    for (const kiosk of kiosks) kiosk.core.core.close?.();
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await removeTempDir(root);
  }
}

export async function runOrgSyncBench(): Promise<Record<string, string | number>> {
  return { ...(await runFleet(2)), ...(await runFleet(10)) };
}
