/**
 * The kiosk's one clock. Everything that asks "what day is it" (tallies, report periods, resume-code
 * expiry, the staff lock-out) reads the core's `now`, and the renderer takes its offset from the
 * core (app.info), so a test or a demonstration can set the date for the whole kiosk in one place.
 * Plain TypeScript, no imports.
 */

export type Clock = () => Date;

/** The environment variable that sets the clock's start (unpackaged builds and the browser kiosk). */
export const CLOCK_VARIABLE = 'KIOSK_NOW';

/**
 * An ISO 8601 instant with a zone (`2026-12-01T00:30:00+08:00` or `...Z`), as milliseconds, or null.
 * A zone is required: without one the same text would mean different days on different machines.
 */
export function parseClockStart(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * A clock that reads `start` at the moment it is made and then runs on in real time, so session
 * expiry and idle timers behave as they would on that day. Without `start`, the machine's clock.
 */
export function clockStartingAt(start: number | null, realNow: () => number = Date.now): Clock {
  if (start === null) return () => new Date(realNow());
  const offset = start - realNow();
  return () => new Date(realNow() + offset);
}

/**
 * The clock a launcher passes to the core: from KIOSK_NOW when set. Throws a plain message when
 * the value is not an instant with a zone, so a mistyped date stops the kiosk instead of being
 * silently ignored.
 */
export function clockFromEnvironment(value: string | undefined, realNow: () => number = Date.now): Clock {
  if (value === undefined || value === '') return clockStartingAt(null, realNow);
  const start = parseClockStart(value);
  if (start === null)
    throw new Error(
      `${CLOCK_VARIABLE} must be an ISO instant with a zone, such as 2026-12-01T00:30:00+08:00 (got "${value}").`,
    );
  return clockStartingAt(start, realNow);
}
