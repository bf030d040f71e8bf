/**
 * How long a kiosk takes to hear from its hub again after the hub's Syncthing restarts, at
 * Syncthing's default redial interval (60 s) and at the one joining sets (HUB_REDIAL_SECONDS).
 * Discovery is off, as in the organisation's set-up, so only the kiosk dials: the hub has no
 * address for it. The first restart or two can be quick at either interval (Syncthing dials
 * often just after it starts), so each is measured over 6 restarts.
 */
import { performance } from 'node:perf_hooks';
import { HUB_REDIAL_SECONDS } from '../../electron/core/org/join';
import { startSyncthing, waitUntil, type SyncthingInstance } from '../helpers/syncthing-instance';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir';
import { median, round } from './stats';

async function connected(from: SyncthingInstance, to: SyncthingInstance): Promise<boolean> {
  const answer = await from.client.connections();
  return answer.connections[to.deviceId]?.connected === true;
}

/** Seconds from the hub answering again to the kiosk connected to it, once per restart. */
async function redialSeconds(kioskIntervalS: number, restarts: number): Promise<number[]> {
  const root = await makeTempDir('kiosk-org-redial-');
  const instances: SyncthingInstance[] = [];
  try {
    const hub = await startSyncthing({ name: 'hub', root });
    const kiosk = await startSyncthing({ name: 'kiosk', root });
    instances.push(hub, kiosk);
    await hub.client.setOptions({ reconnectionIntervalS: 60 });
    await kiosk.client.setOptions({ reconnectionIntervalS: kioskIntervalS });
    await hub.client.putDevice({ deviceID: kiosk.deviceId, name: 'kiosk', addresses: ['dynamic'] });
    await kiosk.client.putDevice({ deviceID: hub.deviceId, name: 'hub', addresses: [hub.listenAddress] });
    await waitUntil(() => connected(kiosk, hub), 120_000, 'the kiosk to reach the hub');
    const seconds: number[] = [];
    for (let i = 0; i < restarts; i += 1) {
      await hub.stop();
      await waitUntil(async () => !(await connected(kiosk, hub)), 30_000, 'the kiosk to see the hub gone');
      await hub.start();
      const back = performance.now();
      await waitUntil(() => connected(kiosk, hub), 180_000, 'the kiosk to reach the restarted hub', 200);
      seconds.push((performance.now() - back) / 1000);
    }
    return seconds;
  } finally {
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await removeTempDir(root);
  }
}

export async function runOrgRedialBench(): Promise<Record<string, string | number>> {
  const atDefault = await redialSeconds(60, 6);
  const asJoined = await redialSeconds(HUB_REDIAL_SECONDS, 6);
  const say = (seconds: number[]) => `${round(median(seconds), 1)} / ${round(Math.max(...seconds), 1)}`;
  return {
    'kiosk back in touch after the hub restarts, Syncthing default 60 s (s, median / max of 6)':
      say(atDefault),
    [`kiosk back in touch after the hub restarts, as joined (${HUB_REDIAL_SECONDS} s) (s, median / max of 6)`]:
      say(asJoined),
  };
}
