import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import { JsonArrayReader, MAX_JSON_DEPTH } from '../../../../electron/core/hotspots/json-array-reader';

/** Everything the reader hands over for `text` fed in the given pieces. */
function read(pieces: string[]): unknown[] {
  const out: unknown[] = [];
  const reader = new JsonArrayReader((element) => out.push(element));
  for (const piece of pieces) reader.write(piece);
  reader.end();
  return out;
}

function failure(pieces: string[]): KioskError {
  try {
    read(pieces);
  } catch (error) {
    if (error instanceof KioskError) return error;
    throw error;
  }
  throw new Error('expected a KioskError');
}

// Strings holding every character that could fool a boundary finder: quotes, backslashes before
// quotes, brackets, braces and commas, plus Chinese text and a surrogate pair.
const TRICKY = [
  { LocationID: 'a"1', name: 'He said \\"hi\\", then [left]', path: 'C:\\\\', n: 1 },
  { LocationID: '2', name: '{not: "an object"}, [1, 2]', tail: '\\\\\\"', emoji: '香港 😀' },
  'a plain string, with ] and }',
  [1, [2, [3]]],
  42,
  null,
];
const TEXT = `[\n ${TRICKY.map((item) => JSON.stringify(item, null, 1)).join(' ,\n ')}\n]\n`;

describe('reading a JSON list a piece at a time', () => {
  it('gives the same elements as JSON.parse wherever the pieces are cut, even one character at a time', () => {
    expect(read([TEXT])).toEqual(TRICKY);
    expect(read([...TEXT])).toEqual(TRICKY);
    for (let cut = 1; cut < TEXT.length; cut++)
      expect(read([TEXT.slice(0, cut), TEXT.slice(cut)])).toEqual(TRICKY);
  });

  it('refuses a list cut off anywhere as cut off', () => {
    for (let cut = 1; cut < TEXT.length - 2; cut += 7)
      expect(failure([TEXT.slice(0, cut)]).message).toMatch(/cut off/);
  });

  it('says which line a broken element is on, and refuses what is not one list', () => {
    expect(failure(['[\n{"a":1},\n{"b":}\n]']).message).toMatch(/near line 3/);
    expect(failure(['[{"a":1},]']).message).toMatch(/not valid JSON/);
    expect(failure(['[{"a":1} {"b":2}]']).message).toMatch(/not valid JSON/);
    expect(failure(['[{"a":1}]\n[]']).message).toMatch(/more after the end/);
    expect(failure(['{"a":1}']).message).toMatch(/not a list/);
    expect(read(['[]'])).toEqual([]);
  });

  it('refuses nesting deeper than any Wi-Fi.HK record, before parsing it', () => {
    const deep = `[${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}]`;
    expect(failure([deep]).message).toMatch(/nested too deeply/);
    const hostile = `[${'['.repeat(100_000)}`;
    expect(failure([hostile]).code).toBe('invalid_input');
  });
});
