import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { IdleWatch, readingTime } from '../../../../renderer/src/lib/idle.svelte';

/**
 * A screen read at length (the programme result) claims more time before "Are you still there?"
 * and a longer countdown, for as long as it is shown. The page clock is faked: no wall clock.
 */
describe('reading time', () => {
  let onTimeout: Mock<() => void>;
  let stop: () => void;
  let watch: IdleWatch;
  const releases: (() => void)[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T10:00:00+08:00'));
    onTimeout = vi.fn<() => void>();
    watch = new IdleWatch({
      idleSeconds: () => 90,
      countdownSeconds: () => 20,
      enabled: () => true,
      onTimeout,
    });
    stop = watch.start();
  });
  afterEach(() => {
    for (const release of releases.splice(0)) release();
    stop();
    vi.useRealTimers();
  });

  it('waits the longer reading time before asking, and counts down longer', () => {
    releases.push(readingTime({ idleSeconds: 240, countdownSeconds: 45 }));
    vi.advanceTimersByTime(90_000);
    expect(watch.asking, 'not asked at the usual 90 s').toBe(false);
    vi.advanceTimersByTime(150_000);
    expect(watch.asking).toBe(true);
    expect(watch.secondsLeft).toBe(45);
    vi.advanceTimersByTime(44_000);
    expect(onTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_250);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('ends with its screen: released, the usual time applies again', () => {
    const release = readingTime({ idleSeconds: 240, countdownSeconds: 45 });
    release();
    vi.advanceTimersByTime(90_000);
    expect(watch.asking).toBe(true);
    expect(watch.secondsLeft).toBe(20);
  });

  it('never shortens what staff set', () => {
    releases.push(readingTime({ idleSeconds: 30, countdownSeconds: 5 }));
    vi.advanceTimersByTime(60_000);
    expect(watch.asking).toBe(false);
    vi.advanceTimersByTime(30_000);
    expect(watch.asking).toBe(true);
    expect(watch.secondsLeft).toBe(20);
  });
});
