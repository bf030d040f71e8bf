import { describe, expect, it } from 'vitest';
import {
  jsonTextTooDeep,
  MAX_JSON_DEPTH,
  parseGuardedJson,
  valueTooDeep,
} from '../../../electron/core/json-guard';

const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const objects = (depth: number) => `${'{"k":'.repeat(depth)}0${'}'.repeat(depth)}`;

function nestedValue(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { k: value };
  return value;
}

describe('jsonTextTooDeep', () => {
  it.each([
    ['arrays', arrays],
    ['objects', objects],
  ])('allows %s nested exactly to the limit and refuses one more', (_label, make) => {
    for (const input of [make(MAX_JSON_DEPTH), Buffer.from(make(MAX_JSON_DEPTH))])
      expect(jsonTextTooDeep(input)).toBe(false);
    for (const input of [make(MAX_JSON_DEPTH + 1), Buffer.from(make(MAX_JSON_DEPTH + 1))])
      expect(jsonTextTooDeep(input)).toBe(true);
    expect(jsonTextTooDeep(make(100_000))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const tricky = JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[[" and \\\\', c: ['"]]]]', '\\'] });
    const many = JSON.stringify({ text: `${'['.repeat(10_000)}"\\"${'{'.repeat(10_000)}` });
    for (const text of [tricky, many]) {
      expect(jsonTextTooDeep(text, 3)).toBe(false);
      expect(jsonTextTooDeep(Buffer.from(text), 3)).toBe(false);
    }
    // An escaped backslash before a quote ends the string; the bracket after it counts.
    expect(jsonTextTooDeep('["\\\\",[[]]]', 2)).toBe(true);
    expect(jsonTextTooDeep('["\\\\",[[]]]', 3)).toBe(false);
  });

  it('counts nesting in UTF-8 bytes as in text', () => {
    const text = JSON.stringify({ 名稱: ['深水埗', { 區: ['「[」', '😀'] }] });
    expect(jsonTextTooDeep(text, 4)).toBe(false);
    expect(jsonTextTooDeep(Buffer.from(text), 4)).toBe(false);
    expect(jsonTextTooDeep(text, 3)).toBe(true);
    expect(jsonTextTooDeep(Buffer.from(text), 3)).toBe(true);
  });
});

describe('parseGuardedJson', () => {
  it('parses ordinary JSON from text or bytes', () => {
    expect(parseGuardedJson('{"a":[1,{"b":"]"}]}')).toEqual({ ok: true, value: { a: [1, { b: ']' }] } });
    expect(parseGuardedJson(Buffer.from('{"名":"深水埗"}'))).toEqual({ ok: true, value: { 名: '深水埗' } });
  });

  it('answers too_deep for 10,000 levels and not_json for broken text, never throwing', () => {
    expect(parseGuardedJson(arrays(10_000))).toEqual({ ok: false, reason: 'too_deep' });
    expect(parseGuardedJson(`{"a":${objects(10_000)}}`)).toEqual({ ok: false, reason: 'too_deep' });
    for (const broken of ['{', '"unterminated', '[1,]', '', '\u0000'])
      expect(parseGuardedJson(broken)).toEqual({ ok: false, reason: 'not_json' });
  });
});

describe('valueTooDeep', () => {
  it('measures a parsed value without recursion, to 100,000 levels', () => {
    expect(valueTooDeep(nestedValue(MAX_JSON_DEPTH))).toBe(false);
    expect(valueTooDeep(nestedValue(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(valueTooDeep(nestedValue(100_000))).toBe(true);
    expect(valueTooDeep('a string')).toBe(false);
    expect(valueTooDeep(null)).toBe(false);
  });

  it('takes bytes (a file over IPC) as one leaf value, not a level to walk', () => {
    expect(valueTooDeep({ file: new Uint8Array(50 * 1024 * 1024) })).toBe(false);
    expect(valueTooDeep([Buffer.alloc(10), new ArrayBuffer(10)], 1)).toBe(false);
  });

  it('finds a cycle too deep, and walks shared references in bounded time', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(valueTooDeep(cycle)).toBe(true);
    // 60 levels each holding the next one twice: 2^60 paths, but each node is walked a few times.
    let shared: unknown = {};
    for (let i = 0; i < 60; i++) shared = { left: shared, right: shared };
    expect(valueTooDeep(shared)).toBe(false);
  });
});
