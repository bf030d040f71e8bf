/**
 * When the kiosk's renderer dies or hangs, main reloads it; a renderer that keeps dying would reload
 * forever and flicker at visitors, so past a limit the kiosk rests on a calm page for a while and
 * then tries again. The clock is injected so tests never depend on wall-clock time.
 */

export type RecoveryAction = 'reload' | 'rest';

export interface CrashTrackerOptions {
  /** Crashes allowed inside the window before resting; the next one rests. */
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

export interface CrashTracker {
  /** Notes one crash and says what to do about it. */
  record(): RecoveryAction;
  /** Crashes inside the current window. */
  recent(): number;
}

export const DEFAULT_CRASH_LIMIT = 3;
export const DEFAULT_CRASH_WINDOW_MS = 60_000;
/** How long the resting page shows before the kiosk tries again. */
export const RESTING_RETRY_MS = 2 * 60_000;
/** How long a hung page gets before its renderer is killed (and then reloaded). */
export const UNRESPONSIVE_GRACE_MS = 10_000;

export function createCrashTracker(options: CrashTrackerOptions = {}): CrashTracker {
  const limit = options.limit ?? DEFAULT_CRASH_LIMIT;
  const windowMs = options.windowMs ?? DEFAULT_CRASH_WINDOW_MS;
  const now = options.now ?? Date.now;
  let times: number[] = [];

  const prune = () => {
    const cutoff = now() - windowMs;
    times = times.filter((time) => time > cutoff);
  };

  return {
    record() {
      prune();
      times.push(now());
      return times.length > limit ? 'rest' : 'reload';
    },
    recent() {
      prune();
      return times.length;
    },
  };
}
