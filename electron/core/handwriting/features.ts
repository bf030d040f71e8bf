/**
 * Ink → numbers the recogniser compares. The same code runs on a visitor's strokes (pad pixels,
 * y down) and on the templates (0..255, y down), so both are normalised the same way:
 *
 * - position and size from the ink's own moments (length-weighted centroid and spread), which a
 *   stray flick moves far less than it moves a bounding box; each axis keeps part of its own
 *   spread (geometric mean with the larger), so 一 stays flat and 川 stays narrow without a
 *   thin character being blown up to a square;
 * - a coarse feature: an 8×8 grid × 4 orientations (0°, 45°, 90°, 135°, folded mod 180° so a
 *   stroke written backwards looks the same), ink length splatted bilinearly in space and
 *   linearly between the two nearest orientations, blurred, scaled to bytes. It ignores stroke
 *   order, direction and count, so joined strokes cost only their short connecting line;
 * - per stroke, N points evenly spaced along it, for the stroke-level re-ranking.
 *
 * Ink is flat (all points in one array, each stroke a range of it) so that indexing 9.5k
 * templates allocates nothing per stroke; two consecutive strokes are one range, which is how a
 * joined pair is compared.
 */

export const GRID = 8;
export const ORIENTATIONS = 4;
export const FEATURE_LENGTH = GRID * GRID * ORIENTATIONS;
/** Points each stroke is resampled to for the stroke-level comparison. */
export const STROKE_POINTS = 8;

export interface Ink {
  /** x, y of every point, stroke after stroke. */
  xy: Float64Array;
  /** Stroke s is points starts[s] .. starts[s + 1] - 1; starts has strokes + 1 entries. */
  starts: Int32Array;
  strokes: number;
}

/** An empty ink with room for `points` points and `strokes` strokes; grown by `addStroke`. */
export function makeInk(points = 1024, strokes = 64): Ink {
  return { xy: new Float64Array(points * 2), starts: new Int32Array(strokes + 1), strokes: 0 };
}

export function clearInk(ink: Ink): void {
  ink.strokes = 0;
  ink.starts[0] = 0;
}

function ensure(ink: Ink, points: number): void {
  const used = ink.starts[ink.strokes]!;
  if ((used + points) * 2 > ink.xy.length) {
    const bigger = new Float64Array(Math.max(ink.xy.length * 2, (used + points) * 2));
    bigger.set(ink.xy.subarray(0, used * 2));
    ink.xy = bigger;
  }
  if (ink.strokes + 2 > ink.starts.length) {
    const bigger = new Int32Array(ink.starts.length * 2);
    bigger.set(ink.starts);
    ink.starts = bigger;
  }
}

/** Appends a stroke of `points` points read by `read(i)` → [x, y]. */
export function addStroke(
  ink: Ink,
  points: number,
  x: (i: number) => number,
  y: (i: number) => number,
): void {
  if (points === 0) return;
  ensure(ink, points);
  let at = ink.starts[ink.strokes]! * 2;
  for (let i = 0; i < points; i++) {
    ink.xy[at++] = x(i);
    ink.xy[at++] = y(i);
  }
  ink.strokes++;
  ink.starts[ink.strokes] = at / 2;
}

// Math.hypot is several times slower than this in V8, and guards against overflow we cannot have.
function dist(dx: number, dy: number): number {
  return Math.sqrt(dx * dx + dy * dy);
}

/** Moves and scales the ink in place to roughly 0..1 (its ±2 spreads), y down. */
export function normalise(ink: Ink): void {
  const { xy, starts } = ink;
  const end = starts[ink.strokes]!;
  let total = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let px = 0;
  let py = 0;
  for (let s = 0; s < ink.strokes; s++) {
    const last = starts[s + 1]! - 1;
    for (let p = starts[s]!; p <= last; p++) {
      const x = xy[p * 2]!;
      const y = xy[p * 2 + 1]!;
      px += x;
      py += y;
      if (p === last) continue;
      const x2 = xy[p * 2 + 2]!;
      const y2 = xy[p * 2 + 3]!;
      const len = dist(x2 - x, y2 - y);
      const mx = (x + x2) / 2;
      const my = (y + y2) / 2;
      total += len;
      sx += len * mx;
      sy += len * my;
      // A segment's own spread (len²/12) counts too: a single straight stroke has one.
      sxx += len * (mx * mx + ((x2 - x) * (x2 - x)) / 12);
      syy += len * (my * my + ((y2 - y) * (y2 - y)) / 12);
    }
  }
  let cx = end ? px / end : 0;
  let cy = end ? py / end : 0;
  let dx = 0;
  let dy = 0;
  if (total > 0) {
    cx = sx / total;
    cy = sy / total;
    dx = Math.sqrt(Math.max(sxx / total - cx * cx, 0));
    dy = Math.sqrt(Math.max(syy / total - cy * cy, 0));
  }
  const big = Math.max(dx, dy, 1e-6);
  const ex = 4 * Math.sqrt(Math.max(dx, big * 0.05) * big);
  const ey = 4 * Math.sqrt(Math.max(dy, big * 0.05) * big);
  for (let p = 0; p < end; p++) {
    xy[p * 2] = (xy[p * 2]! - cx) / ex + 0.5;
    xy[p * 2 + 1] = (xy[p * 2 + 1]! - cy) / ey + 0.5;
  }
}

/**
 * `count` points evenly spaced along points from .. to - 1 of `xy` (a dot gives `count` copies
 * of itself), written to out[at ..].
 */
export function resample(
  xy: Float64Array,
  from: number,
  to: number,
  count: number,
  out: Float32Array,
  at: number,
): void {
  let total = 0;
  for (let p = from + 1; p < to; p++)
    total += dist(xy[p * 2]! - xy[p * 2 - 2]!, xy[p * 2 + 1]! - xy[p * 2 - 1]!);
  if (total === 0 || to - from < 2) {
    for (let k = 0; k < count; k++) {
      out[at + k * 2] = xy[from * 2] ?? 0;
      out[at + k * 2 + 1] = xy[from * 2 + 1] ?? 0;
    }
    return;
  }
  const step = total / (count - 1);
  let seg = from;
  let segStart = 0;
  let segLen = dist(xy[seg * 2 + 2]! - xy[seg * 2]!, xy[seg * 2 + 3]! - xy[seg * 2 + 1]!);
  for (let k = 0; k < count; k++) {
    const target = Math.min(k * step, total);
    while (segStart + segLen < target && seg < to - 2) {
      segStart += segLen;
      seg++;
      segLen = dist(xy[seg * 2 + 2]! - xy[seg * 2]!, xy[seg * 2 + 3]! - xy[seg * 2 + 1]!);
    }
    const t = segLen > 0 ? Math.min(Math.max((target - segStart) / segLen, 0), 1) : 0;
    out[at + k * 2] = xy[seg * 2]! + t * (xy[seg * 2 + 2]! - xy[seg * 2]!);
    out[at + k * 2 + 1] = xy[seg * 2 + 1]! + t * (xy[seg * 2 + 3]! - xy[seg * 2 + 1]!);
  }
}

const planes = new Float32Array(FEATURE_LENGTH);
const blurred = new Float32Array(FEATURE_LENGTH);

function splat(x: number, y: number, orientation: number, weight: number): void {
  // Cell centres at (i + 0.5) / GRID; ink outside the grid goes to the edge cells.
  const gx = Math.min(Math.max(x * GRID - 0.5, 0), GRID - 1);
  const gy = Math.min(Math.max(y * GRID - 0.5, 0), GRID - 1);
  const x0 = Math.min(Math.floor(gx), GRID - 2);
  const y0 = Math.min(Math.floor(gy), GRID - 2);
  const fx = gx - x0;
  const fy = gy - y0;
  const o0 = Math.floor(orientation) % ORIENTATIONS;
  const o1 = (o0 + 1) % ORIENTATIONS;
  const fo = orientation - Math.floor(orientation);
  const base0 = o0 * GRID * GRID;
  const base1 = o1 * GRID * GRID;
  const cell = y0 * GRID + x0;
  const w00 = weight * (1 - fx) * (1 - fy);
  const w10 = weight * fx * (1 - fy);
  const w01 = weight * (1 - fx) * fy;
  const w11 = weight * fx * fy;
  const a = 1 - fo;
  planes[base0 + cell]! += a * w00;
  planes[base0 + cell + 1]! += a * w10;
  planes[base0 + cell + GRID]! += a * w01;
  planes[base0 + cell + GRID + 1]! += a * w11;
  if (fo > 0) {
    planes[base1 + cell]! += fo * w00;
    planes[base1 + cell + 1]! += fo * w10;
    planes[base1 + cell + GRID]! += fo * w01;
    planes[base1 + cell + GRID + 1]! += fo * w11;
  }
}

/** The coarse feature of normalised ink, written into out[at ..] (bytes, the largest cell 255). */
export function coarseFeature(ink: Ink, out: Uint8Array, at = 0): void {
  planes.fill(0);
  const STEP = 0.04;
  const { xy, starts } = ink;
  for (let s = 0; s < ink.strokes; s++) {
    const from = starts[s]!;
    const to = starts[s + 1]!;
    let inked = false;
    for (let p = from; p + 1 < to; p++) {
      const x0 = xy[p * 2]!;
      const y0 = xy[p * 2 + 1]!;
      const ddx = xy[p * 2 + 2]! - x0;
      const ddy = xy[p * 2 + 3]! - y0;
      const len = dist(ddx, ddy);
      if (len === 0) continue;
      inked = true;
      let angle = Math.atan2(ddy, ddx);
      if (angle < 0) angle += Math.PI;
      if (angle >= Math.PI) angle -= Math.PI;
      const orientation = (angle / Math.PI) * ORIENTATIONS;
      // Long segments are split so the ink lands along them, not only at their middle.
      const pieces = Math.max(1, Math.ceil(len / STEP));
      const w = len / pieces;
      for (let k = 0; k < pieces; k++) {
        const t = (k + 0.5) / pieces;
        splat(x0 + t * ddx, y0 + t * ddy, orientation, w);
      }
    }
    // A dot: a little ink in every orientation.
    if (!inked)
      for (let o = 0; o < ORIENTATIONS; o++) splat(xy[from * 2]!, xy[from * 2 + 1]!, o, STEP / ORIENTATIONS);
  }
  // 3×3 blur [1 2 1] within each plane, so ink one cell off still overlaps.
  let max = 0;
  for (let o = 0; o < ORIENTATIONS; o++) {
    const base = o * GRID * GRID;
    for (let y = 0; y < GRID; y++)
      for (let x = 0; x < GRID; x++) {
        let sum = 0;
        let wsum = 0;
        for (let j = -1; j <= 1; j++) {
          const yy = y + j;
          if (yy < 0 || yy >= GRID) continue;
          for (let i = -1; i <= 1; i++) {
            const xx = x + i;
            if (xx < 0 || xx >= GRID) continue;
            const w = (2 - Math.abs(i)) * (2 - Math.abs(j));
            sum += w * planes[base + yy * GRID + xx]!;
            wsum += w;
          }
        }
        const v = sum / wsum;
        blurred[base + y * GRID + x] = v;
        if (v > max) max = v;
      }
  }
  const scale = max > 0 ? 255 / max : 0;
  for (let i = 0; i < FEATURE_LENGTH; i++) out[at + i] = Math.round(blurred[i]! * scale);
}
