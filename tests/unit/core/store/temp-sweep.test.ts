import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataHealth } from '../../../../electron/core/contract';
import { createKioskCore } from '../../../../electron/core/service';
import { sweepTempFiles } from '../../../../electron/core/store/durable-file';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-sweep-');
afterEach(dirs.cleanup);

// Above any pid_max, so never a running process: what a SIGKILLed writer leaves.
const DEAD_PID = 99_999_999;
const NOW = new Date('2025-06-01T03:00:00.000Z');

async function leaveDebris(dataDir: string): Promise<{ dead: string[]; kept: string[] }> {
  const dead = [
    `.settings.json.${DEAD_PID}.1748746800000.tmp`,
    `.group-sessions.json.${DEAD_PID - 1}.1748746800001.tmp`,
    `.hotspots.json.${DEAD_PID}.17.tmp`,
  ];
  // This process's own (a write of ours may be under way) and files that only look similar.
  const kept = [
    `.activity.json.${process.pid}.1748746800002.tmp`,
    'notes.tmp',
    '.settings.json.tmp',
    'settings.json.123.456.tmp',
  ];
  for (const name of [...dead, ...kept]) await fs.writeFile(path.join(dataDir, name), '{"half":');
  return { dead, kept };
}

describe('temp files left by a kill mid-write', () => {
  it('sweepTempFiles removes those of processes that are gone and counts them', async () => {
    const dataDir = await dirs.make();
    const { kept } = await leaveDebris(dataDir);
    expect(await sweepTempFiles(dataDir)).toBe(3);
    expect((await fs.readdir(dataDir)).sort()).toEqual([...kept].sort());
    expect(await sweepTempFiles(dataDir)).toBe(0);
  });

  it('are swept when the kiosk starts, and Data health counts them', async () => {
    const dataDir = await dirs.make();
    const { dead, kept } = await leaveDebris(dataDir);
    const core = await createKioskCore({ dataDir, shell: 'browser', now: () => NOW });
    const names = await fs.readdir(dataDir);
    for (const name of dead) expect(names).not.toContain(name);
    for (const name of kept) expect(names).toContain(name);

    const health = (await core.handlers['staff.health']({}, {})) as DataHealth;
    expect(health.events).toContainEqual({
      time: NOW.toISOString(),
      document: '',
      kind: 'temp-files-removed',
      count: 3,
    });
    // Tidying up is not a problem: the kiosk still reports its data as healthy.
    const info = await core.handlers['app.info']({}, {});
    expect(info.dataHealth.ok).toBe(true);
  });
});
