import { describe, expect, it } from 'vitest';
import { createRecogniser } from '../../../electron/core/handwriting/recognise';
import { distort } from '../../helpers/handwriting-distort';
import { medians, simplifiedSet, templateBytes, traditionalSet } from '../../helpers/handwriting-sets';

/**
 * Writes the 1,000 most common Traditional and 500 most common Simplified characters (Jun Da's
 * list; tests/helpers/handwriting-sets.ts says how the Traditional one is made) with seeded,
 * finger-like distortion (tests/helpers/handwriting-distort.ts) and counts how often the right
 * character is first and in the first five. The templates come from the same medians the test
 * draws from, so real handwriting scores lower than this: the distortion is what keeps it honest.
 */
const SEED = Number(process.env.HANDWRITING_SEED ?? 20261201);

describe('handwriting accuracy', () => {
  const recogniser = createRecogniser(templateBytes());

  for (const [name, chars, prefer] of [
    ['Traditional, 1,000 most common', traditionalSet(1000), 'traditional'],
    ['Simplified, 500 most common', simplifiedSet(500), 'simplified'],
  ] as const) {
    it(`${name}: top-5 at least 90%, top-1 at least 70%`, () => {
      let top1 = 0;
      let top5 = 0;
      const misses: string[] = [];
      chars.forEach((char, n) => {
        const strokes = distort(medians(char), { seed: SEED + n * 7919 + (prefer === 'simplified' ? 1 : 0) });
        const candidates = recogniser.recognise(strokes, { prefer, limit: 5 });
        if (candidates[0] === char) top1++;
        if (candidates.includes(char)) top5++;
        else if (misses.length < 30) misses.push(`${char}→${candidates.slice(0, 3).join('')}`);
      });
      const pct = (k: number) => ((100 * k) / chars.length).toFixed(1);
      console.log(
        `${name} (${chars.length}): top-1 ${pct(top1)}%, top-5 ${pct(top5)}%; missed e.g. ${misses.join(' ')}`,
      );
      expect(chars.length).toBe(prefer === 'traditional' ? 1000 : 500);
      expect(top5 / chars.length).toBeGreaterThanOrEqual(0.9);
      expect(top1 / chars.length).toBeGreaterThanOrEqual(0.7);
      // About 15 s of CPU for both sets; the timeout leaves room for a machine shared with other runs.
    }, 180_000);
  }
});
