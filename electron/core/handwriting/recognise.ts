import {
  FEATURE_LENGTH,
  STROKE_POINTS,
  addStroke,
  clearInk,
  coarseFeature,
  makeInk,
  normalise,
  resample,
} from './features';
import {
  SCRIPT_SIMPLIFIED_ONLY,
  SCRIPT_TRADITIONAL_ONLY,
  UNRANKED,
  templateSource,
  type CharacterTemplate,
  type TemplateSource,
} from './templates';

/**
 * Two passes. A coarse one compares a 256-byte feature (features.ts) against every template in
 * one typed-array loop; the best SHORTLIST go on to a stroke-level comparison (each written
 * stroke against the template's strokes, either way round, in any order, one written stroke
 * allowed to stand for two joined ones), mixed with the coarse distance, a small prior for
 * common characters and a smaller one for the other script's own forms.
 *
 * Everything per template lives in a few large typed arrays (not one small array per stroke,
 * whose headers alone would cost more than the data): 15.6 MB for 9.5k characters, and
 * indexing reads the file one character at a time into one reused buffer.
 */
export interface RecogniseOptions {
  prefer: 'traditional' | 'simplified';
  limit?: number;
}

export type InkStrokes = readonly (readonly (readonly [number, number])[])[];

export interface Recogniser {
  /** Strokes as [x, y] points in any units, y down, in the order written. Best first. */
  recognise(strokes: InkStrokes, options: RecogniseOptions): string[];
  readonly size: number;
}

const SHORTLIST = 80;
const COARSE_WEIGHT = 1;
const STROKE_WEIGHT = 1;
const PRIOR_WEIGHT = 0.02;
const SCRIPT_PENALTY = 0.03;
/** Cost of a written stroke with no template stroke, or the reverse (in normalised units). */
const UNMATCHED = 0.25;
const JOINED_PENALTY = 0.03;
const REVERSED_PENALTY = 0.02;
/** Floats per resampled stroke. */
const N = STROKE_POINTS;
const P = N * 2;
const MAX_STROKES = 64;

/** The per-template arrays, filled one character at a time through one reused ink buffer. */
function buildIndex(source: TemplateSource) {
  const count = source.count;
  const features = new Uint8Array(count * FEATURE_LENGTH);
  // Template i's strokes are shapes[strokeStart[i] .. strokeStart[i + 1]) (P floats each); its
  // joined pairs (stroke j with j + 1) the same way in joins, one fewer.
  const strokeStart = new Uint32Array(count + 1);
  const joinStart = new Uint32Array(count + 1);
  let strokesTotal = 0;
  let joinsTotal = 0;
  for (let i = 0; i < count; i++) {
    const n = source.strokeCount(i);
    strokeStart[i] = strokesTotal;
    joinStart[i] = joinsTotal;
    strokesTotal += n;
    joinsTotal += Math.max(n - 1, 0);
  }
  strokeStart[count] = strokesTotal;
  joinStart[count] = joinsTotal;
  const shapes = new Float32Array(strokesTotal * P);
  const joins = new Float32Array(joinsTotal * P);
  const prior = new Float32Array(count);
  const scripts = new Uint8Array(count);
  const chars: string[] = [];
  const ink = makeInk(512, 64);
  const add = (points: number, x: (k: number) => number, y: (k: number) => number) =>
    addStroke(ink, points, x, y);
  for (let i = 0; i < count; i++) {
    clearInk(ink);
    source.strokes(i, add);
    // A template stroke with no points is dropped by addStroke: keep the counts in step.
    if (ink.strokes !== strokeStart[i + 1]! - strokeStart[i]!)
      throw new Error(`The handwriting template of ${source.char(i)} has an empty stroke.`);
    normalise(ink);
    coarseFeature(ink, features, i * FEATURE_LENGTH);
    for (let j = 0; j < ink.strokes; j++) {
      resample(ink.xy, ink.starts[j]!, ink.starts[j + 1]!, N, shapes, (strokeStart[i]! + j) * P);
      if (j + 1 < ink.strokes)
        resample(ink.xy, ink.starts[j]!, ink.starts[j + 2]!, N, joins, (joinStart[i]! + j) * P);
    }
    const rank = source.rank(i);
    // log-rank: the 10th and the 100th most common differ more than the 3,000th and the 3,090th.
    prior[i] = Math.log1p((rank === UNRANKED ? 20000 : rank) / 50) / Math.log1p(20000 / 50);
    scripts[i] = source.script(i);
    chars.push(source.char(i));
  }
  return { count, features, strokeStart, joinStart, shapes, joins, prior, scripts, chars };
}

export function createRecogniser(input: Uint8Array | readonly CharacterTemplate[]): Recogniser {
  const { count, features, strokeStart, joinStart, shapes, joins, prior, scripts, chars } = buildIndex(
    templateSource(input),
  );
  const coarse = new Float32Array(count);
  const query = new Uint8Array(FEATURE_LENGTH);
  const written = new Float32Array(MAX_STROKES * P);
  const ink = makeInk(2048, MAX_STROKES);
  const single = new Float32Array(MAX_STROKES * MAX_STROKES);
  const pairs = new Float32Array(MAX_STROKES * MAX_STROKES);
  const usedW = new Uint8Array(MAX_STROKES);
  const usedT = new Uint8Array(MAX_STROKES);

  /**
   * Written strokes against template strokes, greedily cheapest first, each used once. A written
   * stroke may instead take two consecutive template strokes (a finger that did not lift).
   */
  function strokeDistance(writtenCount: number, i: number): number {
    const t0 = strokeStart[i]!;
    const templateCount = strokeStart[i + 1]! - t0;
    const j0 = joinStart[i]!;
    const canJoin = writtenCount < templateCount;
    for (let w = 0; w < writtenCount; w++) {
      for (let t = 0; t < templateCount; t++) {
        single[w * MAX_STROKES + t] = pairCost(written, w * P, shapes, (t0 + t) * P);
        if (canJoin && t + 1 < templateCount)
          pairs[w * MAX_STROKES + t] = pairCost(written, w * P, joins, (j0 + t) * P) + JOINED_PENALTY;
      }
    }
    usedW.fill(0, 0, writtenCount);
    usedT.fill(0, 0, templateCount);
    let total = 0;
    let matchedW = 0;
    let matchedT = 0;
    while (matchedW < writtenCount && matchedT < templateCount) {
      let best = Infinity;
      let bw = -1;
      let bt = -1;
      let span = 1;
      for (let w = 0; w < writtenCount; w++) {
        if (usedW[w]) continue;
        for (let t = 0; t < templateCount; t++) {
          if (usedT[t]) continue;
          const c = single[w * MAX_STROKES + t]!;
          if (c < best) {
            best = c;
            bw = w;
            bt = t;
            span = 1;
          }
          if (canJoin && t + 1 < templateCount && !usedT[t + 1]) {
            const cj = pairs[w * MAX_STROKES + t]!;
            if (cj < best) {
              best = cj;
              bw = w;
              bt = t;
              span = 2;
            }
          }
        }
      }
      if (bw < 0) break;
      usedW[bw] = 1;
      usedT[bt] = 1;
      if (span === 2) usedT[bt + 1] = 1;
      total += best * span;
      matchedW++;
      matchedT += span;
    }
    total += UNMATCHED * (writtenCount - matchedW + templateCount - matchedT);
    return total / Math.max(templateCount, 1);
  }

  /**
   * The k templates nearest the query by L1 distance. Once k are held, a template is dropped as
   * soon as its partial sum passes the k-th best so far: most are, after a quarter of the bytes.
   */
  function coarsePass(k: number): number[] {
    // A local copy: an imported binding may be a getter (tsx, vitest), far too slow for this loop.
    const length = FEATURE_LENGTH;
    const chunk = length / 4;
    const best: number[] = [];
    let worst = 0;
    let limit = Infinity;
    for (let i = 0; i < count; i++) {
      let d = 0;
      const base = i * length;
      for (let k0 = 0; k0 < length; k0 += chunk) {
        for (let k = k0; k < k0 + chunk; k++) {
          const v = query[k]! - features[base + k]!;
          d += v < 0 ? -v : v;
        }
        if (d >= limit) break;
      }
      if (d >= limit) continue;
      coarse[i] = d;
      if (best.length < k) {
        best.push(i);
        if (best.length === k) {
          worst = argWorst(coarse, best);
          limit = coarse[best[worst]!]!;
        }
      } else {
        best[worst] = i;
        worst = argWorst(coarse, best);
        limit = coarse[best[worst]!]!;
      }
    }
    return best;
  }

  function recognise(strokes: InkStrokes, options: RecogniseOptions): string[] {
    const limit = options.limit ?? 10;
    clearInk(ink);
    for (const stroke of strokes) {
      if (ink.strokes === MAX_STROKES) break;
      addStroke(
        ink,
        stroke.length,
        (k) => stroke[k]![0],
        (k) => stroke[k]![1],
      );
    }
    if (ink.strokes === 0 || count === 0) return [];
    normalise(ink);
    coarseFeature(ink, query);
    const shortlist = coarsePass(Math.min(SHORTLIST, count));
    const writtenCount = ink.strokes;
    for (let w = 0; w < writtenCount; w++)
      resample(ink.xy, ink.starts[w]!, ink.starts[w + 1]!, N, written, w * P);
    const unwanted = options.prefer === 'traditional' ? SCRIPT_SIMPLIFIED_ONLY : SCRIPT_TRADITIONAL_ONLY;
    const scored = shortlist.map((i) => {
      const c = coarse[i]! / (255 * FEATURE_LENGTH * 0.25);
      const score =
        COARSE_WEIGHT * c +
        STROKE_WEIGHT * strokeDistance(writtenCount, i) +
        PRIOR_WEIGHT * prior[i]! +
        (scripts[i] === unwanted ? SCRIPT_PENALTY : 0);
      return { i, score };
    });
    scored.sort((a, b) => a.score - b.score);
    return scored.slice(0, limit).map(({ i }) => chars[i]!);
  }

  return { recognise, size: count };
}

function argWorst(values: Float32Array, idx: number[]): number {
  let w = 0;
  for (let j = 1; j < idx.length; j++) if (values[idx[j]!]! > values[idx[w]!]!) w = j;
  return w;
}

/** Mean point distance between two resampled strokes, the better of both directions. */
function pairCost(a: Float32Array, ao: number, b: Float32Array, bo: number): number {
  let forward = 0;
  let backward = 0;
  for (let k = 0; k < N; k++) {
    const ax = a[ao + k * 2]!;
    const ay = a[ao + k * 2 + 1]!;
    const fx = ax - b[bo + k * 2]!;
    const fy = ay - b[bo + k * 2 + 1]!;
    forward += Math.sqrt(fx * fx + fy * fy);
    const r = N - 1 - k;
    const bx = ax - b[bo + r * 2]!;
    const by = ay - b[bo + r * 2 + 1]!;
    backward += Math.sqrt(bx * bx + by * by);
  }
  return Math.min(forward, backward + REVERSED_PENALTY * N) / N;
}
