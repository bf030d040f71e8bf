import { FEATURE_LENGTH, STROKE_POINTS, coarseFeature, normalise, resample, strokeShapes } from './features';
import {
  SCRIPT_SIMPLIFIED_ONLY,
  SCRIPT_TRADITIONAL_ONLY,
  UNRANKED,
  decodeTemplates,
  type CharacterTemplate,
} from './templates';

/**
 * Two passes. A coarse one compares a 256-byte feature (features.ts) against every template in
 * one typed-array loop; the best SHORTLIST go on to a stroke-level comparison (each written
 * stroke against the template's strokes, either way round, in any order, one written stroke
 * allowed to stand for two joined ones), mixed with the coarse distance, a small prior for
 * common characters and a smaller one for the visitor's script.
 */
export interface RecogniseOptions {
  prefer: 'traditional' | 'simplified';
  limit?: number;
}

export interface Recogniser {
  /** Strokes as [x, y] points in any units, y down, in the order written. Best first. */
  recognise(
    strokes: readonly (readonly (readonly [number, number])[])[],
    options: RecogniseOptions,
  ): string[];
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

export function createRecogniser(input: Uint8Array | readonly CharacterTemplate[]): Recogniser {
  const templates = input instanceof Uint8Array ? decodeTemplates(input) : input;
  const count = templates.length;
  const features = new Uint8Array(count * FEATURE_LENGTH);
  const shapes: Float32Array[] = [];
  const inks: Float32Array[][] = [];
  const prior = new Float32Array(count);
  const scripts = new Uint8Array(count);
  templates.forEach((t, i) => {
    const ink = normalise(t.strokes);
    coarseFeature(ink, features, i * FEATURE_LENGTH);
    shapes.push(strokeShapes(ink));
    inks.push(ink.strokes);
    // log-rank: the 10th and the 100th most common differ more than the 3,000th and the 3,090th.
    prior[i] = Math.log1p((t.rank === UNRANKED ? 20000 : t.rank) / 50) / Math.log1p(20000 / 50);
    scripts[i] = t.script;
  });
  const chars = templates.map((t) => t.char);
  const coarse = new Float32Array(count);
  const query = new Uint8Array(FEATURE_LENGTH);

  function recognise(
    strokes: readonly (readonly (readonly [number, number])[])[],
    options: RecogniseOptions,
  ): string[] {
    const limit = options.limit ?? 10;
    const flat = strokes.filter((s) => s.length > 0).map((s) => Float64Array.from(s.flat()));
    if (flat.length === 0 || count === 0) return [];
    const ink = normalise(flat);
    coarseFeature(ink, query);
    for (let i = 0; i < count; i++) {
      let d = 0;
      const base = i * FEATURE_LENGTH;
      for (let k = 0; k < FEATURE_LENGTH; k++) {
        const v = query[k]! - features[base + k]!;
        d += v < 0 ? -v : v;
      }
      coarse[i] = d;
    }
    const shortlist = smallest(coarse, Math.min(SHORTLIST, count));
    const written = strokeShapes(ink);
    const writtenCount = ink.strokes.length;
    const unwanted = options.prefer === 'traditional' ? SCRIPT_SIMPLIFIED_ONLY : SCRIPT_TRADITIONAL_ONLY;
    const scored = shortlist.map((i) => {
      const c = coarse[i]! / (255 * FEATURE_LENGTH * 0.25);
      const s = strokeDistance(written, writtenCount, shapes[i]!, inks[i]!);
      const score =
        COARSE_WEIGHT * c +
        STROKE_WEIGHT * s +
        PRIOR_WEIGHT * prior[i]! +
        (scripts[i] === unwanted ? SCRIPT_PENALTY : 0);
      return { i, score };
    });
    scored.sort((a, b) => a.score - b.score);
    return scored.slice(0, limit).map(({ i }) => chars[i]!);
  }

  return { recognise, size: count };
}

/** Indices of the k smallest values, in no particular order. */
function smallest(values: Float32Array, k: number): number[] {
  const idx: number[] = [];
  let worst = -1;
  for (let i = 0; i < values.length; i++) {
    if (idx.length < k) {
      idx.push(i);
      if (idx.length === k) worst = argWorst(values, idx);
    } else if (values[i]! < values[idx[worst]!]!) {
      idx[worst] = i;
      worst = argWorst(values, idx);
    }
  }
  return idx;
}

function argWorst(values: Float32Array, idx: number[]): number {
  let w = 0;
  for (let j = 1; j < idx.length; j++) if (values[idx[j]!]! > values[idx[w]!]!) w = j;
  return w;
}

const P = STROKE_POINTS * 2;

/** Mean point distance between two resampled strokes, the better of both directions. */
function pairCost(a: Float32Array, ao: number, b: Float32Array, bo: number): number {
  let forward = 0;
  let backward = 0;
  for (let k = 0; k < STROKE_POINTS; k++) {
    const ax = a[ao + k * 2]!;
    const ay = a[ao + k * 2 + 1]!;
    forward += Math.hypot(ax - b[bo + k * 2]!, ay - b[bo + k * 2 + 1]!);
    const r = STROKE_POINTS - 1 - k;
    backward += Math.hypot(ax - b[bo + r * 2]!, ay - b[bo + r * 2 + 1]!);
  }
  return Math.min(forward, backward + REVERSED_PENALTY * STROKE_POINTS) / STROKE_POINTS;
}

const joinedScratch = new Float32Array(P);

function joined(ink: Float32Array[], j: number): Float32Array {
  const a = ink[j]!;
  const b = ink[j + 1]!;
  const both = new Float32Array(a.length + b.length);
  both.set(a, 0);
  both.set(b, a.length);
  return both;
}

/**
 * Written strokes against template strokes, greedily cheapest first, each used once. A written
 * stroke may also take two consecutive template strokes joined (a finger that did not lift).
 */
function strokeDistance(
  written: Float32Array,
  writtenCount: number,
  template: Float32Array,
  templateInk: Float32Array[],
): number {
  const templateCount = template.length / P;
  const options: { cost: number; w: number; t: number; span: number }[] = [];
  for (let w = 0; w < writtenCount; w++) {
    for (let t = 0; t < templateCount; t++)
      options.push({ cost: pairCost(written, w * P, template, t * P), w, t, span: 1 });
  }
  if (writtenCount < templateCount) {
    for (let t = 0; t + 1 < templateCount; t++) {
      resampleInto(joined(templateInk, t));
      for (let w = 0; w < writtenCount; w++)
        options.push({ cost: pairCost(written, w * P, joinedScratch, 0) + JOINED_PENALTY, w, t, span: 2 });
    }
  }
  options.sort((a, b) => a.cost - b.cost);
  const usedW = new Uint8Array(writtenCount);
  const usedT = new Uint8Array(templateCount);
  let total = 0;
  let matchedW = 0;
  let matchedT = 0;
  for (const o of options) {
    if (usedW[o.w] || usedT[o.t] || (o.span === 2 && usedT[o.t + 1])) continue;
    usedW[o.w] = 1;
    usedT[o.t] = 1;
    if (o.span === 2) usedT[o.t + 1] = 1;
    total += o.cost * o.span;
    matchedW++;
    matchedT += o.span;
    if (matchedW === writtenCount || matchedT === templateCount) break;
  }
  total += UNMATCHED * (writtenCount - matchedW + templateCount - matchedT);
  return total / Math.max(templateCount, 1);
}

function resampleInto(s: Float32Array): void {
  resample(s, STROKE_POINTS, joinedScratch);
}
