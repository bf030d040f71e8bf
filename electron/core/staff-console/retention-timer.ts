export const DAILY_MS = 24 * 60 * 60 * 1000;

/**
 * Runs `job` every `intervalMs` (daily) for as long as the process lives. The timer is unref'd,
 * so it never keeps a test run or a closing kiosk alive; a failing run is reported and the next
 * one still happens. Returns a stop function.
 */
export function startDailyJob(job: () => Promise<unknown>, intervalMs = DAILY_MS): () => void {
  const timer = setInterval(() => {
    job().catch((error: unknown) => console.error('[kiosk] daily retention purge failed:', error));
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
