import { z } from 'zod';

/**
 * Input generators for the HTTP fuzz test: a seeded PRNG, JSON values shaped by each method's
 * schema (then bent out of shape), odd JSON, odd paths and odd headers. Everything comes from the
 * seed, so one seed replays the same requests.
 */

/** mulberry32: small, fast, good enough to spread inputs; the same seed gives the same run. */
export function makeRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** Strings that have broken parsers, path handling, spreadsheets or renderers before. */
export const ODD_STRINGS = [
  '',
  ' ',
  'a',
  '深水埗',
  '數碼共融站 🧓📱',
  '😀'.repeat(50),
  '\u0000',
  '\u202e\u2066abc',
  '\u200b=1+1',
  '＝SUM(A1)',
  '=cmd|" /c calc"!A0',
  '\ud800',
  '\\',
  '"',
  "'; DROP TABLE x; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'null',
  'undefined',
  'true',
  '-1',
  '1e309',
  '0x10',
  '2026-02-29',
  '2028-02-29',
  '2026-12-31',
  '2026-13-01',
  '2026-00-10',
  '2026-12-31T23:59:59.999Z',
  '2026-12-31T15:59:59+08:00',
  'zh-HK',
  'en',
  'zh-CN',
  'centre',
  '000000',
  '123456',
  'ABCD-EFGH',
  'wipe-personal-data',
  'x'.repeat(65),
  'y'.repeat(257),
  'z'.repeat(2001),
  'w'.repeat(70_000),
];

/** Real-looking dates around the fixed test date, and the edges of months and years. */
const DATES = [
  '2026-12-31',
  '2026-12-30',
  '2026-12-01',
  '2026-11-30',
  '2026-02-28',
  '2026-01-01',
  '2025-12-31',
  '2027-01-01',
];

export const ODD_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  7,
  42,
  500,
  501,
  10_000,
  2 ** 31,
  2 ** 53 + 1,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  5e-324,
  22.3,
  114.2,
];

/** Literal JSON texts JSON.stringify cannot make: huge numbers, duplicates, odd escapes. */
export const ODD_JSON_TEXTS = [
  '{"n":1e999}',
  '{"n":-1e999}',
  '{"n":123456789012345678901234567890}',
  '{"a":1,"a":2}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"s":"\\ud800"}',
  '{"s":"\\u0000"}',
  '\ufeff{}',
  ' \n\t{} ',
  '{}{}',
  '[]',
  'null',
  'true',
  '0',
  '"string"',
  '{"a":',
  '{',
  '}',
  '{"a" 1}',
  '\u0000',
  'not json',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonSchema = {
  type?: string | string[];
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: Json;
};

const schemas = new Map<z.ZodType, JsonSchema>();
/** A method's input as JSON Schema (zod's own conversion), cached. */
export function jsonSchemaOf(input: z.ZodType): JsonSchema {
  let schema = schemas.get(input);
  if (!schema) {
    schema = z.toJSONSchema(input, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
    schemas.set(input, schema);
  }
  return schema;
}

export class InputMaker {
  /** Strings seen in the kiosk's own answers (ids, dates, codes): they reach deeper than noise. */
  private readonly harvested: string[] = [];
  /** The same, by the key they were under (`id`, `previewId`, `date`…), for inputs of that name. */
  private readonly byKey = new Map<string, string[]>();

  constructor(private readonly random: Random) {}

  /** The capability of the method being fuzzed (`staff.groups`): its own top-level ids come first. */
  capability = '';
  /** Keep to the schema (no wrong types, extra keys or missing required keys) to reach the handlers. */
  strict = false;

  /** Remembers the strings in an answer; `from` is the method that gave it. */
  harvest(value: unknown, from = ''): void {
    const capability = from.replace(/\.[^.]+$/, '');
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, field] of Object.entries(value))
        if (typeof field === 'string') this.remember(`${capability}:${key}`, field);
    }
    const stack: [string, unknown][] = [['', value]];
    while (stack.length > 0 && this.harvested.length < 20_000) {
      const [key, current] = stack.pop()!;
      if (typeof current === 'string' && current.length <= 200_000) {
        this.harvested.push(current);
        this.remember(key, current);
      } else if (Array.isArray(current)) {
        for (const item of current) stack.push([key, item]);
      } else if (current && typeof current === 'object') {
        stack.push(...Object.entries(current));
      }
    }
  }

  /** Newest first: an id the kiosk just made (a group session, a preview) is the one to use. */
  private remember(key: string, value: string): void {
    const seen = this.byKey.get(key) ?? [];
    if (!seen.includes(value)) seen.unshift(value);
    if (seen.length > 50) seen.pop();
    this.byKey.set(key, seen);
  }

  string(min = 0, max = 300, key = ''): string {
    const r = this.random;
    const roll = r.next();
    if (/(^date|Date|^from|^to)$/.test(key) && roll < 0.6) return r.pick(DATES);
    const singular = key.replace(/s$/, '');
    const sameKey =
      this.byKey.get(`${this.capability}:${singular}`) ??
      this.byKey.get(singular) ??
      this.byKey.get(singular.replace(/^.*(Id|Code)$/, (_m, end: string) => end.toLowerCase()));
    if (sameKey?.length && roll < (this.strict ? 0.85 : 0.5))
      return r.chance(0.5) ? sameKey[0]! : r.pick(sameKey);
    if (roll < 0.3 && this.harvested.length > 0) return r.pick(this.harvested);
    if (roll < 0.6 && !this.strict) return r.pick(ODD_STRINGS);
    const length = r.int(min, Math.min(max, min + 40));
    const alphabets = [
      'abcdefghijklmnopqrstuvwxyz0123456789-_',
      '深水埗區長者中心數碼共融站',
      '\u0000\u001f\u007f\u200b\u202e\ufeff\ud83d',
      ' !"#$%&\'()*+,./:;<=>?@[\\]^`{|}~',
    ];
    const alphabet = r.pick(alphabets);
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[r.int(0, alphabet.length - 1)];
    return out;
  }

  number(schema: JsonSchema & { type?: unknown } = {}): number {
    const r = this.random;
    const { minimum: min, maximum: max } = schema;
    if (r.chance(0.6) && min !== undefined && max !== undefined) {
      const inside = schema.type === 'integer' ? r.int(min, max) : min + r.next() * (max - min);
      return r.chance(0.5) ? inside : r.pick([min, max, min - 1, max + 1]);
    }
    return r.pick(ODD_NUMBERS);
  }

  /** Any JSON value, nested up to `depth`. */
  anyJson(depth = 3): Json {
    const r = this.random;
    switch (r.int(0, depth > 0 ? 6 : 4)) {
      case 0:
        return null;
      case 1:
        return r.chance(0.5);
      case 2:
        return this.number();
      case 3:
      case 4:
        return this.string();
      case 5:
        return Array.from({ length: r.int(0, 4) }, () => this.anyJson(depth - 1));
      default: {
        const out: Record<string, Json> = {};
        for (let i = r.int(0, 4); i > 0; i--) out[this.string(0, 12)] = this.anyJson(depth - 1);
        return out;
      }
    }
  }

  /** A value for the schema: mostly valid-looking, sometimes wrong in one place. */
  fromSchema(schema: JsonSchema, depth = 0, key = ''): Json | undefined {
    const r = this.random;
    const bend = this.strict ? 0 : 0.1;
    if (depth > 8 || r.chance(bend / 2)) return this.anyJson(2);
    if (schema.const !== undefined) return r.chance(1 - bend) ? schema.const : this.anyJson(1);
    if (schema.enum) return r.chance(1 - bend) ? r.pick(schema.enum) : this.string();
    const options = schema.anyOf ?? schema.oneOf;
    if (options?.length) return this.fromSchema(r.pick(options), depth + 1, key);
    const type = Array.isArray(schema.type) ? r.pick(schema.type) : schema.type;
    switch (type) {
      case 'object':
        return this.objectFor(schema, depth);
      case 'array': {
        const min = schema.minItems ?? 0;
        const max = Math.min(schema.maxItems ?? 6, min + 6);
        const length = r.chance(this.strict ? 1 : 0.9) ? r.int(min, max) : r.int(0, 60);
        return Array.from({ length }, () =>
          schema.items ? (this.fromSchema(schema.items, depth + 1, key) ?? null) : this.anyJson(1),
        );
      }
      case 'string':
        return this.string(schema.minLength ?? 0, schema.maxLength ?? 300, key);
      case 'integer':
      case 'number':
        return this.number(schema);
      case 'boolean':
        return r.chance(0.5);
      case 'null':
        return null;
      default:
        return this.anyJson(2);
    }
  }

  private objectFor(schema: JsonSchema, depth: number): Json {
    const r = this.random;
    const out: Record<string, Json> = {};
    const required = new Set(schema.required ?? []);
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      // Required keys are mostly there, optional ones half the time.
      if (r.chance(required.has(key) ? (this.strict ? 1 : 0.93) : 0.5)) {
        const value = this.fromSchema(property, depth + 1, key);
        if (value !== undefined) out[key] = value;
      }
    }
    if (!this.strict && r.chance(0.05))
      out[r.pick(['extra', '__proto__', 'constructor', this.string(1, 10)])] = this.anyJson(1);
    if (typeof schema.additionalProperties === 'object' && r.chance(0.8)) {
      for (let i = r.int(0, 3); i > 0; i--)
        out[this.string(0, 20)] = this.fromSchema(schema.additionalProperties, depth + 1) ?? null;
    }
    return out;
  }
}

/** Text nested `depth` levels, as arrays, objects or both. */
export function nestedText(random: Random, depth: number): string {
  const kind = random.int(0, 2);
  if (kind === 0) return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  if (kind === 1) return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}`;
}

/** Request targets that are not a plain file or method name. */
export function oddPath(random: Random, methodName: string): string {
  const r = random;
  const bytes = () =>
    Array.from({ length: r.int(1, 6) }, () => `%${r.int(0, 255).toString(16).padStart(2, '0')}`).join('');
  return r.pick([
    '/',
    '//',
    '///',
    '//[',
    '//]',
    '//%',
    '//@',
    '//a:b@c/',
    '//?x=%',
    '//#',
    '/api',
    '/api/',
    '/api//',
    `/api/${methodName}/`,
    `/api/${methodName}/extra`,
    `/api/${methodName}?x=1`,
    `/api/${methodName}#frag`,
    `/api/${encodeURIComponent(methodName)}`,
    `/api/${methodName.toUpperCase()}`,
    `/api/${methodName}%00`,
    `/api/${bytes()}`,
    `/${bytes()}`,
    '/api/%E0%A4%A',
    '/%',
    '/%%',
    '/index.html',
    '/assets/app.js',
    '/assets/../index.html',
    '/assets/%2e%2e/index.html',
    '/..%2f..%2fpackage.json',
    '/healthz',
    '/healthz/',
    '/api/__proto__',
    '/api/constructor',
    `/${'a'.repeat(r.int(100, 8000))}`,
    `/${'%2f'.repeat(r.int(1, 200))}`,
    `/深水埗`,
  ]);
}

export const HTTP_METHODS = [
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'HEAD',
  'TRACE',
  'PROPFIND',
  'FOO',
];

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'APPLICATION/OCTET-STREAM; x=1',
  '',
  '*/*',
];
