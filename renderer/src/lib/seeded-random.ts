/**
 * Mulberry32: a small, fast, well-mixed generator of numbers in [0, 1) from a 32-bit seed. Seeded,
 * so tests and replays see the same sequence (the shaky-hand taps, a visit's quiz order); good
 * enough for jitter and shuffles, not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
