/**
 * The touch-target demo's "shaky hand": each tap lands a random distance from where the finger
 * touched. The random source is seedable so tests (and a replay) see the same taps.
 */

export interface Offset {
  dx: number;
  dy: number;
}

/**
 * A point spread evenly over a disc of `radius` CSS px (sqrt keeps it even, not bunched at the
 * centre), with at least `minimum` px of wobble so every shaky tap moves noticeably.
 */
export function tremorOffset(random: () => number, radius: number, minimum = 0): Offset {
  const distance = minimum + (radius - minimum) * Math.sqrt(random());
  const angle = 2 * Math.PI * random();
  return { dx: distance * Math.cos(angle), dy: distance * Math.sin(angle) };
}

export interface TapScore {
  hits: number;
  misses: number;
}

export const NO_TAPS: TapScore = { hits: 0, misses: 0 };

/** A tap counts as a hit only when it landed on the button that was asked for. */
export function scoreTap(score: TapScore, landedOn: string | null, wanted: string): TapScore {
  return landedOn === wanted ? { ...score, hits: score.hits + 1 } : { ...score, misses: score.misses + 1 };
}

/** The next key to ask for: any key but the current one, so each request is visibly new. */
export function nextTarget(random: () => number, keys: readonly string[], current?: string): string {
  const choices = keys.filter((key) => key !== current);
  const pool = choices.length > 0 ? choices : keys;
  return pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))] ?? '';
}
