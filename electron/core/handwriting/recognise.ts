import {
  FEATURE_LENGTH,
  GRID,
  ORIENTATIONS,
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
 * Two passes. A coarse one compares a 256-byte feature (features.ts) with every template, first
 * pooled to 64 bytes over all of them, then in full for the nearest PREFILTER; the best
 * SHORTLIST go on to a stroke-level comparison (each written stroke against the template's
 * strokes, either way round, in any order, one written stroke allowed to stand for two joined
 * ones), mixed with the coarse distance, a small prior for common characters and a smaller one
 * for the other script's own forms. A candidate of the other script then brings its
 * visitor's-script form in just in front of it.
 *
 * Everything per template lives in a few large typed arrays (not one small array per stroke,
 * whose headers alone would cost more than the data): 16.6 MB for 9.5k characters, and
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

const SHORTLIST = 150;
/** Templates the pooled step passes on to the full feature. */
const PREFILTER = 800;
const COARSE_WEIGHT = 1;
const STROKE_WEIGHT = 2;
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
  const counterparts = new Map<string, string>();
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
    const other = source.counterpart(i);
    if (other) counterparts.set(source.char(i), other);
  }
  return { count, features, strokeStart, joinStart, shapes, joins, prior, scripts, chars, counterparts };
}

export function createRecogniser(input: Uint8Array | readonly CharacterTemplate[]): Recogniser {
  const { count, features, strokeStart, joinStart, shapes, joins, prior, scripts, chars, counterparts } =
    buildIndex(templateSource(input));
  const coarse = new Float32Array(count);
  const query = new Uint8Array(FEATURE_LENGTH);
  const queryPooled = new Uint8Array(POOLED_LENGTH);
  const pooled = new Uint8Array(count * POOLED_LENGTH);
  for (let i = 0; i < count; i++) pool(features, i * FEATURE_LENGTH, pooled, i * POOLED_LENGTH);
  const pooledDistance = new Uint16Array(count);
  const histogram = new Uint32Array(POOLED_LENGTH * 255 + 1);
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
   * The k templates nearest the query by L1 distance, in two steps. First a 64-byte pooled
   * feature (2×2 cells averaged) for every template, and the PREFILTER nearest by it (a
   * histogram of those distances finds the cut without sorting); then the full 256 bytes for
   * those only, dropping a template as soon as its partial sum passes the k-th best so far.
   */
  function coarsePass(k: number): number[] {
    // Local copies: an imported binding may be a getter (tsx, vitest), far too slow for these loops.
    const length = FEATURE_LENGTH;
    const pooledLength = POOLED_LENGTH;
    pool(query, 0, queryPooled, 0);
    histogram.fill(0);
    for (let i = 0; i < count; i++) {
      let d = 0;
      const base = i * pooledLength;
      for (let j = 0; j < pooledLength; j++) {
        const v = queryPooled[j]! - pooled[base + j]!;
        d += v < 0 ? -v : v;
      }
      pooledDistance[i] = d;
      histogram[d]!++;
    }
    let cut = 0;
    for (let seen = 0; cut < histogram.length && seen < PREFILTER; cut++) seen += histogram[cut]!;
    const chunk = length / 4;
    const best: number[] = [];
    let worst = 0;
    let limit = Infinity;
    for (let i = 0; i < count; i++) {
      if (pooledDistance[i]! >= cut) continue;
      let d = 0;
      const base = i * length;
      for (let from = 0; from < length; from += chunk) {
        for (let j = from; j < from + chunk; j++) {
          const v = query[j]! - features[base + j]!;
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
    // The other script's form comes with its own one in front of it (户 brings 戶 for zh-HK, 發
    // brings 发 for zh-CN): written alike or not, the visitor's script is what they asked for,
    // and the form they wrote stays right behind it.
    const out: string[] = [];
    const seen = new Set<string>();
    for (const { i } of scored) {
      if (out.length >= limit) break;
      const char = chars[i]!;
      const own = scripts[i] === unwanted ? counterparts.get(char) : undefined;
      for (const c of own ? [own, char] : [char])
        if (!seen.has(c) && out.length < limit) {
          seen.add(c);
          out.push(c);
        }
    }
    return out;
  }

  return { recognise, size: count };
}

function argWorst(values: Float32Array, idx: number[]): number {
  let w = 0;
  for (let j = 1; j < idx.length; j++) if (values[idx[j]!]! > values[idx[w]!]!) w = j;
  return w;
}

// Local copies: an imported binding may be a getter (tsx, vitest), slow in a loop.
const G = GRID;
const O = ORIENTATIONS;
const HALF = G / 2;
const POOLED_LENGTH = HALF * HALF * O;

/** A feature's 2×2 cells averaged: 64 bytes for the first, cheap step of the coarse pass. */
function pool(from: Uint8Array, at: number, to: Uint8Array, toAt: number): void {
  for (let o = 0; o < O; o++)
    for (let y = 0; y < HALF; y++)
      for (let x = 0; x < HALF; x++) {
        const c = at + o * G * G + y * 2 * G + x * 2;
        to[toAt + o * HALF * HALF + y * HALF + x] =
          (from[c]! + from[c + 1]! + from[c + G]! + from[c + G + 1]! + 2) >> 2;
      }
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
