import { describe, expect, it } from 'vitest';
import { NO_TAPS, nextTarget, scoreTap, tremorOffset } from '../../../../renderer/src/accessibility/tremor';
import { seededRandom } from '../../../../renderer/src/lib/seeded-random';

describe('shaky hand', () => {
  it('the same seed gives the same taps', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, () => tremorOffset(a, 30));
    const second = Array.from({ length: 5 }, () => tremorOffset(b, 30));
    expect(first).toEqual(second);
    expect(seededRandom(43)()).not.toBe(seededRandom(42)());
  });

  it('offsets stay within the radius and at least the minimum', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i += 1) {
      const { dx, dy } = tremorOffset(random, 28, 10);
      const distance = Math.hypot(dx, dy);
      expect(distance).toBeLessThanOrEqual(28 + 1e-9);
      expect(distance).toBeGreaterThanOrEqual(10 - 1e-9);
    }
  });

  it('random numbers stay in [0, 1)', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i += 1) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('counts hits and misses', () => {
    let score = NO_TAPS;
    score = scoreTap(score, '5', '5');
    score = scoreTap(score, '4', '5');
    score = scoreTap(score, null, '5');
    expect(score).toEqual({ hits: 1, misses: 2 });
    expect(NO_TAPS).toEqual({ hits: 0, misses: 0 });
  });

  it('asks for a different key each time', () => {
    const random = seededRandom(3);
    const keys = ['1', '2', '3'];
    let current = '1';
    for (let i = 0; i < 20; i += 1) {
      const next = nextTarget(random, keys, current);
      expect(keys).toContain(next);
      expect(next).not.toBe(current);
      current = next;
    }
  });
});
