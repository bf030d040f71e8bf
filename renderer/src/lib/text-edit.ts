/**
 * What a key does to a text box's value at its caret, as a hardware keyboard would: insert replaces
 * the selection, backspace removes the selection or the one character before the caret. Positions
 * are UTF-16 offsets, as `selectionStart` and `maxlength` count them; a character outside the Basic
 * Multilingual Plane (a CJK Extension B character, an emoji) is never split in two.
 */

export interface TextEdit {
  value: string;
  /** Where the caret goes after the edit: just after what was inserted, or where the deletion was. */
  caret: number;
}

/** A selection in `value`: clamped into it, ordered, and moved off the middle of a surrogate pair. */
export function clampSelection(value: string, start: number, end: number): [number, number] {
  const inside = (at: number) => {
    const n = Math.max(0, Math.min(value.length, Math.trunc(Number.isFinite(at) ? at : value.length)));
    return splitsPair(value, n) ? n - 1 : n;
  };
  const [a, b] = [inside(start), inside(end)];
  return a <= b ? [a, b] : [b, a];
}

function splitsPair(value: string, at: number): boolean {
  return at > 0 && at < value.length && isHigh(value.charCodeAt(at - 1)) && isLow(value.charCodeAt(at));
}
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * `text` in place of value[start, end): as much of it as fits in `maxLength` (whole characters
 * only), so a two-character suggestion in a box with room for one inserts its first.
 */
export function insertAt(
  value: string,
  text: string,
  start: number,
  end: number,
  maxLength = Infinity,
): TextEdit {
  const [from, to] = clampSelection(value, start, end);
  let room = maxLength - (value.length - (to - from));
  let fitted = '';
  for (const character of text) {
    if (character.length > room) break;
    fitted += character;
    room -= character.length;
  }
  return { value: value.slice(0, from) + fitted + value.slice(to), caret: from + fitted.length };
}

/** Backspace: the selection if there is one, else the one character before the caret (none at the start). */
export function deleteBefore(value: string, start: number, end: number): TextEdit {
  const [from, to] = clampSelection(value, start, end);
  if (from !== to) return { value: value.slice(0, from) + value.slice(to), caret: from };
  if (from === 0) return { value, caret: 0 };
  const width = isLow(value.charCodeAt(from - 1)) && from >= 2 && isHigh(value.charCodeAt(from - 2)) ? 2 : 1;
  return { value: value.slice(0, from - width) + value.slice(from), caret: from - width };
}
