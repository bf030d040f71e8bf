import { describe, expect, it } from 'vitest';
import { clockFromEnvironment, clockStartingAt, parseClockStart } from '../../../electron/core/clock';

describe('the kiosk clock', () => {
  it('starts at KIOSK_NOW and runs on in real time', () => {
    let real = 1_000_000;
    const clock = clockFromEnvironment('2026-12-01T00:30:00+08:00', () => real);
    expect(clock().toISOString()).toBe('2026-11-30T16:30:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2026-11-30T16:31:30.000Z');
  });

  it('is the machine clock when KIOSK_NOW is not set', () => {
    const clock = clockFromEnvironment(undefined, () => 42);
    expect(clock().getTime()).toBe(42);
    expect(clockStartingAt(null, () => 7)().getTime()).toBe(7);
  });

  it('refuses an instant without a zone or a date that is not one, saying what it wants', () => {
    expect(parseClockStart('2026-12-01T00:30:00')).toBeNull();
    expect(parseClockStart('2026-12-01')).toBeNull();
    expect(parseClockStart('2026-13-45T00:00:00Z')).toBeNull();
    expect(parseClockStart('2028-02-29T12:00:00.500+08:00')).toBe(Date.parse('2028-02-29T04:00:00.500Z'));
    expect(() => clockFromEnvironment('tomorrow')).toThrow(/KIOSK_NOW must be an ISO instant with a zone/);
  });
});
