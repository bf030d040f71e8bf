import { describe, expect, it } from 'vitest';
import { clampSelection, deleteBefore, insertAt } from '../../../../renderer/src/lib/text-edit';

// 𠮷 (U+20BB7, CJK Extension B) and 👍 are two UTF-16 units each, one character to a person.
const EXT_B = '𠮷';
const EMOJI = '👍';

describe('insertAt', () => {
  it('inserts at the caret and puts the caret after what went in', () => {
    expect(insertAt('陳太', '太', 2, 2)).toEqual({ value: '陳太太', caret: 3 });
    expect(insertAt('陳太', '老', 1, 1)).toEqual({ value: '陳老太', caret: 2 });
    expect(insertAt('abc', 'X', 0, 0)).toEqual({ value: 'Xabc', caret: 1 });
  });

  it('replaces a selection, in whichever direction it was made', () => {
    expect(insertAt('沙頭角', '田', 1, 3)).toEqual({ value: '沙田', caret: 2 });
    expect(insertAt('沙頭角', '田', 3, 1)).toEqual({ value: '沙田', caret: 2 });
  });

  it('inserts only what fits in maxLength, whole characters only', () => {
    expect(insertAt('abcd', 'XYZ', 2, 2, 5)).toEqual({ value: 'abXcd', caret: 3 });
    expect(insertAt('abcde', 'X', 2, 2, 5)).toEqual({ value: 'abcde', caret: 2 });
    // A selection frees its room for what replaces it.
    expect(insertAt('abcde', 'XY', 1, 3, 5)).toEqual({ value: 'aXYde', caret: 3 });
    // One unit of room does not take half of a two-unit character.
    expect(insertAt('abcd', EXT_B, 4, 4, 5)).toEqual({ value: 'abcd', caret: 4 });
    expect(insertAt('abc', `${EXT_B}x`, 3, 3, 5)).toEqual({ value: `abc${EXT_B}`, caret: 5 });
  });

  it('never lands inside a surrogate pair', () => {
    // Offset 1 is between the two halves of 𠮷: the caret is taken to be before it.
    expect(insertAt(EXT_B, 'a', 1, 1)).toEqual({ value: `a${EXT_B}`, caret: 1 });
  });
});

describe('deleteBefore', () => {
  it('removes the one character before the caret', () => {
    expect(deleteBefore('陳太太', 2, 2)).toEqual({ value: '陳太', caret: 1 });
    expect(deleteBefore('abc', 3, 3)).toEqual({ value: 'ab', caret: 2 });
  });

  it('does nothing at the start of the text', () => {
    expect(deleteBefore('abc', 0, 0)).toEqual({ value: 'abc', caret: 0 });
  });

  it('removes a selection, and nothing more', () => {
    expect(deleteBefore('沙頭角田', 1, 3)).toEqual({ value: '沙田', caret: 1 });
  });

  it('removes an Extension B character or an emoji whole', () => {
    expect(deleteBefore(`a${EXT_B}b`, 3, 3)).toEqual({ value: 'ab', caret: 1 });
    expect(deleteBefore(`${EMOJI}${EMOJI}`, 4, 4)).toEqual({ value: EMOJI, caret: 2 });
    // A caret reported between the halves deletes the character before the pair, not half of it.
    expect(deleteBefore(`a${EXT_B}`, 2, 2)).toEqual({ value: EXT_B, caret: 0 });
  });
});

describe('clampSelection', () => {
  it('keeps offsets inside the text', () => {
    expect(clampSelection('abc', -4, 99)).toEqual([0, 3]);
    expect(clampSelection('abc', Number.NaN, Number.NaN)).toEqual([3, 3]);
  });
});
