import { describe, expect, it } from 'vitest';
import { followCoreClock, kioskNow, kioskToday } from '../../../../renderer/src/lib/clock';

describe("the renderer's clock follows the core's", () => {
  it("takes the offset from app.info, so the page's day is the core's day", () => {
    const page = Date.parse('2026-06-15T09:00:00Z');
    followCoreClock('2026-11-30T16:30:00.000Z', page);
    expect(kioskNow(page).toISOString()).toBe('2026-11-30T16:30:00.000Z');
    expect(kioskNow(page + 60_000).toISOString()).toBe('2026-11-30T16:31:00.000Z');
    // Whatever the real date, "today" is 1 December in Hong Kong by the core's clock.
    expect(kioskToday(page)).toBe('2026-12-01');
  });

  it('keeps the last good offset when the core sends something that is not a time', () => {
    const page = Date.parse('2026-06-15T09:00:00Z');
    followCoreClock('2026-12-31T16:30:00.000Z', page);
    followCoreClock('not a time', page);
    expect(kioskNow(page).toISOString()).toBe('2026-12-31T16:30:00.000Z');
  });
});
