import path from 'node:path';
import type { MethodName } from '../../electron/core/contract';
import type { Result } from '../../electron/core/errors';
import { createKioskCore, type KioskCore } from '../../electron/core/service';
import { manualClock } from './manual-clock';
import { tempDirs } from './temp-dir';

// Not `new URL(…, import.meta.url)`: under jsdom, URL is jsdom's, which Node's fileURLToPath refuses.
const CONTENT_DIR = path.resolve(import.meta.dirname, '../../data');

/**
 * A real core in a fresh data folder, put where the Electron preload puts it (`window.kiosk`), so
 * the renderer's state classes talk to the same handlers the kiosk runs. `calls` lists each method
 * called, for checks such as "evaluated once"; the clock moves only when the test moves it.
 */
export async function connectRealCore(start = '2026-12-01T10:00:00+08:00'): Promise<{
  core: KioskCore;
  clock: ReturnType<typeof manualClock>;
  calls: MethodName[];
  disconnect: () => Promise<void>;
}> {
  const dirs = tempDirs('kiosk-renderer-');
  const clock = manualClock(start);
  const core = await createKioskCore({
    dataDir: await dirs.make(),
    shell: 'electron',
    contentDir: CONTENT_DIR,
    now: clock.now,
  });
  const calls: MethodName[] = [];
  window.kiosk = {
    invoke: (method: string, input: unknown, staffSession?: string): Promise<Result<unknown>> => {
      calls.push(method as MethodName);
      return core.invoke(method, input, staffSession === undefined ? {} : { staffSession });
    },
  };
  return {
    core,
    clock,
    calls,
    disconnect: async () => {
      delete window.kiosk;
      await dirs.cleanup();
    },
  };
}
