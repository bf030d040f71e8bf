import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { IdleWatch } from '../../../../renderer/src/lib/idle.svelte';

/** A touch as the kiosk's screen sends it: the watch listens on window in the capture phase. */
const touch = () => window.dispatchEvent(new Event('pointerdown'));

describe('IdleWatch', () => {
  let enabled: boolean;
  let onTimeout: Mock<() => void>;
  let watch: IdleWatch;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T10:00:00+08:00'));
    enabled = true;
    onTimeout = vi.fn<() => void>();
    watch = new IdleWatch({
      idleSeconds: () => 60,
      countdownSeconds: () => 20,
      enabled: () => enabled,
      onTimeout,
    });
    stop = watch.start();
  });
  afterEach(() => {
    stop();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('asks "are you still there?" after the idle time without a touch, not before', () => {
    vi.advanceTimersByTime(59_750);
    expect(watch.asking).toBe(false);
    vi.advanceTimersByTime(250);
    expect(watch.asking).toBe(true);
    expect(watch.secondsLeft).toBe(20);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('a touch before then starts the idle time again', () => {
    vi.advanceTimersByTime(50_000);
    touch();
    vi.advanceTimersByTime(50_000);
    expect(watch.asking).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(watch.asking).toBe(true);
  });

  it('counts down, and wipes once at zero; a stray touch while asking does not cancel it', () => {
    vi.advanceTimersByTime(60_000);
    vi.advanceTimersByTime(5_000);
    expect(watch.secondsLeft).toBe(15);
    touch();
    expect(watch.asking).toBe(true);
    vi.advanceTimersByTime(14_750);
    expect(onTimeout).not.toHaveBeenCalled();
    expect(watch.secondsLeft).toBe(1);
    vi.advanceTimersByTime(250);
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(watch.asking).toBe(false);
    // The next visitor gets the whole idle time again.
    vi.advanceTimersByTime(59_750);
    expect(watch.asking).toBe(false);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('"still here" ends the question and gives the whole idle time again', () => {
    vi.advanceTimersByTime(70_000);
    watch.stillHere();
    expect(watch.asking).toBe(false);
    vi.advanceTimersByTime(59_750);
    expect(watch.asking).toBe(false);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('counts from the clock, so a main thread that misses ticks cannot stretch the countdown', () => {
    vi.advanceTimersByTime(60_000);
    expect(watch.asking).toBe(true);
    // 25 s pass while no timer runs (a long task, a suspended tab), then one tick.
    vi.setSystemTime(Date.now() + 25_000);
    vi.advanceTimersByTime(250);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('never asks while disabled (the attract screen), and counts from when it is enabled', () => {
    enabled = false;
    vi.advanceTimersByTime(300_000);
    expect(watch.asking).toBe(false);
    enabled = true;
    vi.advanceTimersByTime(59_500);
    expect(watch.asking).toBe(false);
    vi.advanceTimersByTime(500);
    expect(watch.asking).toBe(true);
  });

  it('stops watching when stopped: no question, no wipe, every listener it added removed', () => {
    stop();
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const other = new IdleWatch({
      idleSeconds: () => 60,
      countdownSeconds: () => 20,
      enabled: () => true,
      onTimeout,
    });
    other.start()();
    const pairs = (spy: typeof added | typeof removed) =>
      spy.mock.calls.map(([name, listener]) => [name, listener]);
    expect(pairs(added).length).toBeGreaterThan(0);
    expect(pairs(removed)).toEqual(pairs(added));
    vi.advanceTimersByTime(600_000);
    expect(watch.asking || other.asking).toBe(false);
    expect(onTimeout).not.toHaveBeenCalled();
    stop = () => undefined;
  });
});
