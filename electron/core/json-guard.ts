/**
 * One nesting guard for JSON that comes from outside the kiosk (HTTP bodies, IPC inputs, files staff
 * upload). V8 parses deep JSON fine, but every recursive step after it (zod, JSON.stringify for a
 * checksum, structured clone) throws a RangeError a few thousand levels down, which would surface as
 * a 500. Nothing the kiosk accepts is nested more than a handful of levels, so refuse deep input
 * before it is parsed, and never recurse while checking.
 */

/** Deepest nesting any input may have; the deepest real document (a backup) uses about 6. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * True when JSON text nests arrays and objects deeper than `maxDepth`. Works on the text before
 * JSON.parse, as UTF-8 bytes (every character that matters is ASCII, and no byte of a multi-byte
 * character looks like one): brackets inside strings are not counted, and a long string (a 50 MB
 * base64 file) is skipped with indexOf, so it costs a few ms. Malformed text is left for
 * JSON.parse to refuse.
 */
export function jsonTextTooDeep(text: string | Uint8Array, maxDepth = MAX_JSON_DEPTH): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const length = bytes.length;
  let depth = 0;
  for (let i = 0; i < length; i++) {
    const code = bytes[i];
    if (code === QUOTE) {
      i = stringEnd(bytes, i + 1);
      if (i === -1) return false;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return false;
}

/** Where the string that starts at `from` ends (its closing quote), or -1 if it never does. */
function stringEnd(bytes: Uint8Array, from: number): number {
  // Most strings (keys, short values) are quicker to walk than to hand to indexOf.
  const stop = Math.min(bytes.length, from + 32);
  let i = from;
  for (; i < stop; i++) {
    const code = bytes[i];
    if (code === BACKSLASH) i += 1;
    else if (code === QUOTE) return i;
  }
  for (;;) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote === -1) return -1;
    // A quote after an odd number of backslashes is escaped and does not end the string.
    let backslashes = 0;
    for (let k = quote - 1; k >= from && bytes[k] === BACKSLASH; k--) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}

/**
 * True when an already-parsed value (an IPC input, which arrives structured-cloned rather than as
 * text) nests deeper than `maxDepth`. Iterative, with an explicit stack, so it cannot overflow.
 */
export function valueTooDeep(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  // Structured clone keeps shared references and cycles. Walking a node again only when it is
  // reached deeper bounds the work (nodes × maxDepth) and still finds a cycle too deep, as JSON would.
  const deepestSeen = new Map<object, number>();
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    // Bytes (a file over IPC) are one flat value, however long: never walk them element by element.
    if (
      current === null ||
      typeof current !== 'object' ||
      ArrayBuffer.isView(current) ||
      current instanceof ArrayBuffer
    )
      continue;
    if (depth + 1 > maxDepth) return true;
    if ((deepestSeen.get(current) ?? -1) >= depth) continue;
    deepestSeen.set(current, depth);
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children)
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

export type GuardedJson = { ok: true; value: unknown } | { ok: false; reason: 'too_deep' | 'not_json' };

/** JSON.parse behind the nesting guard; never throws. */
export function parseGuardedJson(text: string | Uint8Array, maxDepth = MAX_JSON_DEPTH): GuardedJson {
  if (jsonTextTooDeep(text, maxDepth)) return { ok: false, reason: 'too_deep' };
  try {
    return {
      ok: true,
      value: JSON.parse(
        typeof text === 'string'
          ? text
          : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'),
      ),
    };
  } catch {
    return { ok: false, reason: 'not_json' };
  }
}
