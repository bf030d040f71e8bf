import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { IdleWatch, idleHold } from '../../../../renderer/src/lib/idle.svelte';

/**
 * A held screen (the facilitator's class view) is never wiped by the visitor idle rule: it warns
 * before its own long limit and then closes itself. The page clock is faked: no wall clock.
 */
describe('idle hold', () => {
  let onTimeout: Mock<() => void>;
  let onLimit: Mock<() => void>;
  let stop: () => void;
  let watch: IdleWatch;
  const releases: (() => void)[] = [];
  const MINUTE = 60_000;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T10:00:00+08:00'));
    onTimeout = vi.fn<() => void>();
    onLimit = vi.fn<() => void>();
    watch = new IdleWatch({
      idleSeconds: () => 600,
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

  function hold(limitMinutes = 180) {
    const held = idleHold({ limitSeconds: () => limitMinutes * 60, warnSeconds: 300, onLimit });
    releases.push(held.release);
    return held.hold;
  }

  it('never asks or wipes while held, warns 5 minutes before the limit, then ends the held screen', () => {
    const held = hold();
    vi.advanceTimersByTime(15 * MINUTE);
    expect(watch.asking, 'no "Are you still there?" after 15 minutes').toBe(false);
    expect(onTimeout).not.toHaveBeenCalled();
    expect(held.warning).toBe(false);
    vi.advanceTimersByTime(160 * MINUTE);
    expect(held.warning, 'warned at 175 minutes').toBe(true);
    expect(held.secondsLeft).toBe(300);
    expect(onLimit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5 * MINUTE);
    expect(onLimit).toHaveBeenCalledTimes(1);
    expect(held.warning).toBe(false);
    expect(onTimeout, 'the visit is never wiped by the hold').not.toHaveBeenCalled();
  });

  it('"keep it open" takes the warning away and restarts the limit', () => {
    const held = hold(30);
    vi.advanceTimersByTime(26 * MINUTE);
    expect(held.warning).toBe(true);
    held.keep();
    vi.advanceTimersByTime(1_000);
    expect(held.warning).toBe(false);
    vi.advanceTimersByTime(24 * MINUTE);
    expect(held.warning).toBe(false);
    expect(onLimit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(6 * MINUTE);
    expect(onLimit).toHaveBeenCalledTimes(1);
  });

  it('a touch restarts the limit too', () => {
    const held = hold(30);
    vi.advanceTimersByTime(20 * MINUTE);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(20 * MINUTE);
    expect(held.warning).toBe(false);
    expect(onLimit).not.toHaveBeenCalled();
  });

  it('follows the limit staff set while it is held', () => {
    let minutes = 180;
    const held = idleHold({ limitSeconds: () => minutes * 60, warnSeconds: 300, onLimit });
    releases.push(held.release);
    vi.advanceTimersByTime(40 * MINUTE);
    expect(onLimit).not.toHaveBeenCalled();
    minutes = 30;
    vi.advanceTimersByTime(1_000);
    expect(onLimit).toHaveBeenCalledTimes(1);
  });

  it('released, the visitor rule applies again from the last touch', () => {
    const held = idleHold({ limitSeconds: () => 180 * 60, warnSeconds: 300, onLimit });
    vi.advanceTimersByTime(15 * MINUTE);
    held.release();
    vi.advanceTimersByTime(250);
    expect(watch.asking, 'asked at once: nobody touched for 15 minutes').toBe(true);
    vi.advanceTimersByTime(21_000);
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(onLimit).not.toHaveBeenCalled();
  });

  it('withdraws a visitor question already asked when the hold begins', () => {
    vi.advanceTimersByTime(10 * MINUTE + 1_000);
    expect(watch.asking).toBe(true);
    hold();
    vi.advanceTimersByTime(60_000);
    expect(watch.asking).toBe(false);
    expect(onTimeout).not.toHaveBeenCalled();
  });
});
