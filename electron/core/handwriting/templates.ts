/**
 * The compact template file: every character's stroke medians, quantised to bytes in a 256 box
 * (y down), with its script and a frequency rank. Little-endian throughout:
 *
 *   "KHW2"  uint32 count
 *   per character: uint32 code point, uint8 script, uint16 rank, uint8 strokes,
 *                  uint32 the other script's form (0: none),
 *                  per stroke: uint8 points, then points × (uint8 x, uint8 y)
 *
 * About 1.5 MB for the 9.5k characters of Make Me a Hanzi. Plain bytes, no DOM, no Node.
 */

/** Which script a character belongs to only: `both` for the (many) characters the two share. */
export const SCRIPT_BOTH = 0;
export const SCRIPT_TRADITIONAL_ONLY = 1;
export const SCRIPT_SIMPLIFIED_ONLY = 2;
export type ScriptFlag = typeof SCRIPT_BOTH | typeof SCRIPT_TRADITIONAL_ONLY | typeof SCRIPT_SIMPLIFIED_ONLY;

/** Rank of a character missing from the frequency list. */
export const UNRANKED = 0xffff;

export interface CharacterTemplate {
  char: string;
  script: ScriptFlag;
  /** 0 = most common (Jun Da's list, through the Simplified form); UNRANKED when not listed. */
  rank: number;
  /** The other script's form of a Traditional-only or Simplified-only character, when drawn too (發 ↔ 发). */
  counterpart?: string;
  /** Each stroke as x0, y0, x1, y1, … in 0..255, y down, in writing order. */
  strokes: Uint8Array[];
}

const MAGIC = [0x4b, 0x48, 0x57, 0x32]; // "KHW2"
const HEAD = 12;

export function encodeTemplates(templates: readonly CharacterTemplate[]): Uint8Array {
  let size = 8;
  for (const t of templates) {
    size += HEAD;
    for (const s of t.strokes) size += 1 + s.length;
  }
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, templates.length, true);
  let at = 8;
  for (const t of templates) {
    view.setUint32(at, t.char.codePointAt(0) ?? 0, true);
    view.setUint8(at + 4, t.script);
    view.setUint16(at + 5, Math.min(t.rank, UNRANKED), true);
    if (t.strokes.length > 255) throw new Error(`${t.char} has too many strokes`);
    view.setUint8(at + 7, t.strokes.length);
    view.setUint32(at + 8, t.counterpart?.codePointAt(0) ?? 0, true);
    at += HEAD;
    for (const s of t.strokes) {
      const points = s.length / 2;
      if (points > 255 || !Number.isInteger(points)) throw new Error(`${t.char}: bad stroke`);
      bytes[at++] = points;
      bytes.set(s, at);
      at += s.length;
    }
  }
  return bytes;
}

export function decodeTemplates(bytes: Uint8Array): CharacterTemplate[] {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b))
    throw new Error('Not a handwriting template file (no KHW2 header).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const out: CharacterTemplate[] = [];
  let at = 8;
  for (let n = 0; n < count; n++) {
    if (at + HEAD > bytes.length) throw new Error('The handwriting template file is cut short.');
    const char = String.fromCodePoint(view.getUint32(at, true));
    const script = view.getUint8(at + 4) as ScriptFlag;
    const rank = view.getUint16(at + 5, true);
    const strokeCount = view.getUint8(at + 7);
    const other = view.getUint32(at + 8, true);
    at += HEAD;
    const strokes: Uint8Array[] = [];
    for (let s = 0; s < strokeCount; s++) {
      const points = bytes[at++] ?? 0;
      if (at + points * 2 > bytes.length) throw new Error('The handwriting template file is cut short.');
      strokes.push(bytes.slice(at, at + points * 2));
      at += points * 2;
    }
    out.push({ char, script, rank, ...(other ? { counterpart: String.fromCodePoint(other) } : {}), strokes });
  }
  return out;
}

/**
 * The templates without an object per stroke: where each character starts in the file, so the
 * recogniser can read one at a time into a reused buffer (indexing allocates almost nothing).
 */
export interface TemplateSource {
  count: number;
  char(i: number): string;
  script(i: number): ScriptFlag;
  rank(i: number): number;
  counterpart(i: number): string | undefined;
  strokeCount(i: number): number;
  /** Calls add(points, x, y) for each stroke of character i, x(k) and y(k) its k-th point. */
  strokes(i: number, add: (points: number, x: (k: number) => number, y: (k: number) => number) => void): void;
}

export function templateSource(input: Uint8Array | readonly CharacterTemplate[]): TemplateSource {
  if (!(input instanceof Uint8Array)) {
    return {
      count: input.length,
      char: (i) => input[i]!.char,
      script: (i) => input[i]!.script,
      rank: (i) => input[i]!.rank,
      counterpart: (i) => input[i]!.counterpart,
      strokeCount: (i) => input[i]!.strokes.length,
      strokes(i, add) {
        for (const s of input[i]!.strokes)
          add(
            s.length / 2,
            (k) => s[k * 2]!,
            (k) => s[k * 2 + 1]!,
          );
      },
    };
  }
  const bytes = input;
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b))
    throw new Error('Not a handwriting template file (no KHW2 header).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const offsets = new Uint32Array(count);
  let at = 8;
  for (let n = 0; n < count; n++) {
    if (at + HEAD > bytes.length) throw new Error('The handwriting template file is cut short.');
    offsets[n] = at;
    const strokeCount = bytes[at + 7]!;
    at += HEAD;
    for (let s = 0; s < strokeCount; s++) {
      at += 1 + (bytes[at] ?? 0) * 2;
      if (at > bytes.length) throw new Error('The handwriting template file is cut short.');
    }
  }
  return {
    count,
    char: (i) => String.fromCodePoint(view.getUint32(offsets[i]!, true)),
    script: (i) => bytes[offsets[i]! + 4] as ScriptFlag,
    rank: (i) => view.getUint16(offsets[i]! + 5, true),
    counterpart: (i) => {
      const other = view.getUint32(offsets[i]! + 8, true);
      return other ? String.fromCodePoint(other) : undefined;
    },
    strokeCount: (i) => bytes[offsets[i]! + 7]!,
    strokes(i, add) {
      let p = offsets[i]! + HEAD;
      const strokeCount = bytes[offsets[i]! + 7]!;
      for (let s = 0; s < strokeCount; s++) {
        const points = bytes[p]!;
        const first = p + 1;
        add(
          points,
          (k) => bytes[first + k * 2]!,
          (k) => bytes[first + k * 2 + 1]!,
        );
        p = first + points * 2;
      }
    },
  };
}
