import { seededRandom } from '../../renderer/src/lib/seeded-random';

/**
 * Draws a character as a finger on the kiosk's pad would, from its Make Me a Hanzi medians
 * (a 1024 box, y up). Every distortion is seeded and drawn from ranges of what people do, not
 * from what the recogniser's features happen to tolerate:
 *
 * - the character written at 55–95% of a 360 px pad, off centre, with its own affine: x and y
 *   scale each 0.8–1.2, skew ±0.2, rotation ±6°;
 * - each stroke trimmed by 0–12% at either end (short strokes), its points wobbled by a smooth
 *   drift (up to ~3% of the character) plus per-point jitter (σ 1.5 px);
 * - points where a finger gives them: 4–16 px apart, unevenly, plus the stroke's last point;
 * - with probability 0.35, two consecutive strokes joined into one (the finger did not lift; a
 *   straight connecting line between them), 0.15 a second pair;
 * - with probability 0.5, one stroke written backwards;
 * - with probability 0.4, two neighbouring strokes swapped (slightly out of order), 0.15 twice.
 */
export type Point = [number, number];
export type Medians = [number, number][][];

export interface DistortOptions {
  seed: number;
  /** Pad size in px (square). */
  pad?: number;
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function between(random: () => number, lo: number, hi: number): number {
  return lo + (hi - lo) * random();
}

function polylineLength(points: Point[]): number {
  let len = 0;
  for (let i = 1; i < points.length; i++)
    len += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  return len;
}

/** The part of a polyline between arc lengths a and b. */
function cut(points: Point[], a: number, b: number): Point[] {
  const out: Point[] = [];
  let at = 0;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    const lerp = (t: number): Point => [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
    if (len > 0) {
      if (out.length === 0 && a >= at && a <= at + len) out.push(lerp((a - at) / len));
      if (out.length > 0 && at + len <= b && at + len > a) out.push(q);
      if (b >= at && b < at + len && out.length > 0) {
        out.push(lerp((b - at) / len));
        break;
      }
    }
    at += len;
  }
  return out.length > 0 ? out : [points[0]!];
}

/** Points along a polyline at uneven spacing (what touch events deliver), always ending at its end. */
function sample(points: Point[], random: () => number, lo: number, hi: number): Point[] {
  const total = polylineLength(points);
  if (total === 0) return [points[0]!];
  const out: Point[] = [];
  let next = 0;
  while (next < total) {
    out.push(cut(points, next, next)[0]!);
    next += between(random, lo, hi);
  }
  out.push(points[points.length - 1]!);
  return out;
}

export function distort(medians: Medians, options: DistortOptions): Point[][] {
  const random = seededRandom(options.seed);
  const pad = options.pad ?? 360;
  const size = pad * between(random, 0.55, 0.95);
  const scale = size / 1024;
  const ox = between(random, 0, pad - size);
  const oy = between(random, 0, pad - size);
  const sx = between(random, 0.8, 1.2);
  const sy = between(random, 0.8, 1.2);
  const skew = between(random, -0.2, 0.2);
  const angle = (between(random, -6, 6) * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Into pad pixels (y down) about the box's centre, then the affine.
  const place = ([x, y]: Point): Point => {
    const u = (x - 512) * sx;
    const v = (900 - y - 512) * sy;
    const su = u + skew * v;
    return [ox + size / 2 + (su * cos - v * sin) * scale, oy + size / 2 + (su * sin + v * cos) * scale];
  };

  let strokes: Point[][] = medians.map((median) => {
    const placed = median.map((p) => place(p));
    const len = polylineLength(placed);
    const trimmed = cut(placed, len * between(random, 0, 0.12), len * (1 - between(random, 0, 0.12)));
    // A smooth drift along the stroke plus per-point jitter.
    const driftX = gaussian(random) * size * 0.015;
    const driftY = gaussian(random) * size * 0.015;
    return sample(trimmed, random, 4, 16).map(([x, y], i, all) => {
      const t = all.length > 1 ? i / (all.length - 1) : 0;
      return [
        x + driftX * Math.sin(Math.PI * t) + gaussian(random) * 1.5,
        y + driftY * Math.sin(Math.PI * t) + gaussian(random) * 1.5,
      ];
    });
  });

  if (strokes.length > 1 && random() < 0.5) {
    const i = Math.floor(random() * strokes.length);
    strokes[i] = [...strokes[i]!].reverse();
  }
  for (const chance of [0.4, 0.15]) {
    if (strokes.length > 2 && random() < chance) {
      const i = Math.floor(random() * (strokes.length - 1));
      [strokes[i], strokes[i + 1]] = [strokes[i + 1]!, strokes[i]!];
    }
  }
  for (const chance of [0.35, 0.15]) {
    if (strokes.length > 2 && random() < chance) {
      const i = Math.floor(random() * (strokes.length - 1));
      const a = strokes[i]!;
      const b = strokes[i + 1]!;
      const from = a[a.length - 1]!;
      const to = b[0]!;
      const bridge = sample([from, to], random, 4, 16).slice(1, -1);
      strokes = [...strokes.slice(0, i), [...a, ...bridge, ...b], ...strokes.slice(i + 2)];
    }
  }
  return strokes.map((s) => s.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as Point));
}
