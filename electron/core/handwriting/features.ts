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
 */

export const GRID = 8;

// Math.hypot is several times slower than this in V8, and guards against overflow we cannot have.
function dist(dx: number, dy: number): number {
  return Math.sqrt(dx * dx + dy * dy);
}

export const ORIENTATIONS = 4;
export const FEATURE_LENGTH = GRID * GRID * ORIENTATIONS;
/** Points each stroke is resampled to for the stroke-level comparison. */
export const STROKE_POINTS = 8;

export type Stroke = ArrayLike<number>; // x0, y0, x1, y1, …

export interface Normalised {
  /** Each stroke as x, y pairs in roughly 0..1 (the ink's ±2 spreads), y down. */
  strokes: Float32Array[];
}

export function normalise(strokes: readonly Stroke[]): Normalised {
  let total = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let points = 0;
  let px = 0;
  let py = 0;
  for (const s of strokes) {
    for (let i = 0; i + 1 < s.length; i += 2) {
      const x = s[i]!;
      const y = s[i + 1]!;
      px += x;
      py += y;
      points++;
      if (i + 3 < s.length) {
        const x2 = s[i + 2]!;
        const y2 = s[i + 3]!;
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
  }
  let cx: number;
  let cy: number;
  let dx: number;
  let dy: number;
  if (total > 0) {
    cx = sx / total;
    cy = sy / total;
    dx = Math.sqrt(Math.max(sxx / total - cx * cx, 0));
    dy = Math.sqrt(Math.max(syy / total - cy * cy, 0));
  } else {
    cx = points ? px / points : 0;
    cy = points ? py / points : 0;
    dx = dy = 0;
  }
  const big = Math.max(dx, dy, 1e-6);
  const ex = Math.sqrt(Math.max(dx, big * 0.05) * big);
  const ey = Math.sqrt(Math.max(dy, big * 0.05) * big);
  const out: Float32Array[] = [];
  for (const s of strokes) {
    const n = Math.floor(s.length / 2);
    if (n === 0) continue;
    const f = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      f[i * 2] = (s[i * 2]! - cx) / (4 * ex) + 0.5;
      f[i * 2 + 1] = (s[i * 2 + 1]! - cy) / (4 * ey) + 0.5;
    }
    out.push(f);
  }
  return { strokes: out };
}

function strokeLength(s: Float32Array): number {
  let len = 0;
  for (let i = 2; i < s.length; i += 2) len += dist(s[i]! - s[i - 2]!, s[i + 1]! - s[i - 1]!);
  return len;
}

/** `count` points evenly spaced along the polyline (a dot gives `count` copies of itself). */
export function resample(s: Float32Array, count: number, out = new Float32Array(count * 2)): Float32Array {
  const total = strokeLength(s);
  const n = s.length / 2;
  if (total === 0 || n < 2) {
    for (let i = 0; i < count; i++) {
      out[i * 2] = s[0] ?? 0;
      out[i * 2 + 1] = s[1] ?? 0;
    }
    return out;
  }
  const step = total / (count - 1);
  let seg = 0;
  let segStart = 0;
  let segLen = dist(s[2]! - s[0]!, s[3]! - s[1]!);
  for (let k = 0; k < count; k++) {
    const target = Math.min(k * step, total);
    while (segStart + segLen < target && seg < n - 2) {
      segStart += segLen;
      seg++;
      segLen = dist(s[seg * 2 + 2]! - s[seg * 2]!, s[seg * 2 + 3]! - s[seg * 2 + 1]!);
    }
    const t = segLen > 0 ? Math.min(Math.max((target - segStart) / segLen, 0), 1) : 0;
    out[k * 2] = s[seg * 2]! + t * (s[seg * 2 + 2]! - s[seg * 2]!);
    out[k * 2 + 1] = s[seg * 2 + 1]! + t * (s[seg * 2 + 3]! - s[seg * 2 + 1]!);
  }
  return out;
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

/** The coarse feature of normalised ink, written into `out` (bytes, the largest cell 255). */
export function coarseFeature(ink: Normalised, out: Uint8Array, at = 0): void {
  planes.fill(0);
  const STEP = 0.04;
  for (const s of ink.strokes) {
    const n = s.length / 2;
    if (n === 1 || strokeLength(s) === 0) {
      // A dot: a little ink in every orientation.
      for (let o = 0; o < ORIENTATIONS; o++) splat(s[0]!, s[1]!, o, STEP / ORIENTATIONS);
      continue;
    }
    for (let i = 0; i + 1 < n; i++) {
      const x0 = s[i * 2]!;
      const y0 = s[i * 2 + 1]!;
      const ddx = s[i * 2 + 2]! - x0;
      const ddy = s[i * 2 + 3]! - y0;
      const len = dist(ddx, ddy);
      if (len === 0) continue;
      let angle = Math.atan2(ddy, ddx);
      if (angle < 0) angle += Math.PI;
      if (angle >= Math.PI) angle -= Math.PI;
      const orientation = (angle / Math.PI) * ORIENTATIONS;
      // Long segments are split so the ink lands along them, not only at their middle.
      const pieces = Math.max(1, Math.ceil(len / STEP));
      const w = len / pieces;
      for (let p = 0; p < pieces; p++) {
        const t = (p + 0.5) / pieces;
        splat(x0 + t * ddx, y0 + t * ddy, orientation, w);
      }
    }
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

/** Each stroke resampled to STROKE_POINTS points, one after another. */
export function strokeShapes(ink: Normalised): Float32Array {
  const out = new Float32Array(ink.strokes.length * STROKE_POINTS * 2);
  ink.strokes.forEach((s, i) => resample(s, STROKE_POINTS, out.subarray(i * STROKE_POINTS * 2)));
  return out;
}
