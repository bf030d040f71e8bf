import { describe, expect, it } from 'vitest';
import { createCrashTracker } from '../../../electron/recovery';

describe('createCrashTracker', () => {
  function trackerWithClock() {
    let time = 1_000_000;
    const tracker = createCrashTracker({ limit: 3, windowMs: 60_000, now: () => time });
    return { tracker, advance: (ms: number) => (time += ms) };
  }

  it('reloads for up to three crashes in a minute, then rests', () => {
    const { tracker, advance } = trackerWithClock();
    expect(tracker.record()).toBe('reload');
    advance(10_000);
    expect(tracker.record()).toBe('reload');
    advance(10_000);
    expect(tracker.record()).toBe('reload');
    advance(10_000);
    expect(tracker.record()).toBe('rest');
    expect(tracker.recent()).toBe(4);
  });

  it('forgets crashes older than the window', () => {
    const { tracker, advance } = trackerWithClock();
    tracker.record();
    tracker.record();
    tracker.record();
    advance(60_001);
    expect(tracker.recent()).toBe(0);
    expect(tracker.record()).toBe('reload');
  });
});
