import { parse as parseCsv } from 'csv-parse/sync';
import { KioskError, type ErrorParams } from '../errors';
import type { SourceFormat } from './dataset';
import { JsonArrayReader } from './json-array-reader';

/** The largest file staff may import; the official fixed file is about 5 MB. */
export const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

/** One record as published, every value as text ('' where the source has null or nothing). */
export interface RawRecord {
  /** 1-based position among the file's records (the header row is not counted). */
  record: number;
  fields: Record<string, string>;
}

export interface RejectedRow {
  record: number;
  locationId?: string;
  /** English, for logs and tests. */
  reason: string;
  /** What the preview says: `hotspots.rejected.<code>` with `params`, in the console's language. */
  code: string;
  params?: Record<string, string | number>;
}

export interface ParsedSource {
  format: SourceFormat;
  records: RawRecord[];
  /** Records that could not even be read as a record (a CSV row with the wrong number of fields). */
  rejected: RejectedRow[];
}

/** The fields without which a fixed-location record means nothing. */
const FIXED_REQUIRED = ['LocationID', 'Latitude', 'Longitude'] as const;
const NAME_FIELDS = ['LocationNameEN', 'LocationNameTC', 'LocationNameSC'] as const;

const bad = (message: string, reason: string, params?: ErrorParams) =>
  new KioskError('invalid_input', message, { reason, params });

export function checkSourceSize(bytes: number): void {
  if (bytes > MAX_SOURCE_BYTES) {
    throw new KioskError(
      'too_large',
      'The file is larger than 100 MB, so it was not read. The official Wi-Fi.HK file is about 5 MB: check that this is the right file.',
      {
        reason: 'hotspots.errors.tooLarge',
        params: { megabytes: Math.round(MAX_SOURCE_BYTES / 1024 / 1024) },
      },
    );
  }
}

/** Strict UTF-8: a file saved in Big5 or another code page must be refused, not silently garbled. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM: false (the default) drops a leading BOM, which the official files carry.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bad(
      'The file is not UTF-8 text, so its Chinese names would be garbled. Save it as UTF-8 (in Excel: "CSV UTF-8") and try again.',
      'hotspots.errors.notUtf8',
    );
  }
}

/**
 * Reads an official Wi-Fi.HK file held whole in memory (the shipped sample, tests): fixed-location
 * JSON, non-fixed (on-vehicle) JSON, or a CSV export of the fixed file. Imports stream through
 * readSource (source-stream.ts) instead, with the same record handling and messages.
 */
export function parseSourceFile(bytes: Uint8Array, declared?: 'json' | 'csv'): ParsedSource {
  checkSourceSize(bytes.byteLength);
  if (bytes.byteLength === 0) throw bad('The file is empty.', 'hotspots.errors.emptyFile');
  const text = decodeUtf8(bytes).replace(/^\uFEFF/, '');
  const kind = sourceKind(text, declared);
  if (kind === null) throw bad('The file is empty.', 'hotspots.errors.emptyFile');
  const records: RawRecord[] = [];
  const sink: RecordSink = { begin: () => undefined, record: (record) => records.push(record) };
  if (kind === 'json') {
    const collector = new JsonRecords(sink);
    const reader = new JsonArrayReader((element, index) => collector.element(element, index));
    reader.write(text);
    reader.end();
    return { format: collector.finish(), records, rejected: collector.rejected };
  }
  let rows: string[][];
  try {
    rows = parseCsv(text, CSV_OPTIONS) as string[][];
  } catch (error) {
    throw csvError(error);
  }
  const collector = new CsvRecords(sink);
  for (const row of rows) collector.row(row);
  return { format: collector.finish(), records, rejected: collector.rejected };
}

/**
 * JSON or CSV, from the first character that is not white space (never from the file name); null
 * while there is none. A declared format that does not match is refused.
 */
export function sourceKind(text: string, declared?: 'json' | 'csv'): 'json' | 'csv' | null {
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return null;
  const looksJson = first === '[' || first === '{';
  if (declared === 'csv' && looksJson)
    throw bad(
      'This file holds JSON, not CSV. Choose JSON or pick the CSV file.',
      'hotspots.errors.jsonNotCsv',
    );
  if (declared === 'json' && !looksJson)
    throw bad('This file is not JSON. If it is a CSV export, choose CSV.', 'hotspots.errors.notJson');
  return looksJson ? 'json' : 'csv';
}

/** Where records go as they are read; `begin` comes once, before the first record. */
export interface RecordSink {
  begin(format: SourceFormat): void;
  record(record: RawRecord): void;
}

/**
 * The elements of a JSON file → records. The format is decided by the first record (the official
 * files give every record the same fields): coordinates make it the fixed file. The fields it
 * needs are checked at the end against every field seen.
 */
export class JsonRecords {
  readonly rejected: RejectedRow[] = [];
  private readonly keys = new Set<string>();
  private format: SourceFormat | null = null;
  private count = 0;

  constructor(private readonly sink: RecordSink) {}

  element(item: unknown, index: number): void {
    this.count += 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      this.rejected.push({
        record: index + 1,
        reason: 'Not a record (expected an object with named fields).',
        code: 'notARecord',
      });
      return;
    }
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      this.keys.add(key);
      if (typeof value === 'string') fields[key] = value;
      else if (typeof value === 'number' && Number.isFinite(value)) fields[key] = String(value);
      else fields[key] = '';
    }
    if (this.format === null) {
      this.format = 'Latitude' in fields || 'Longitude' in fields ? 'fixed-json' : 'non-fixed-json';
      this.sink.begin(this.format);
    }
    this.sink.record({ record: index + 1, fields });
  }

  finish(): SourceFormat {
    if (this.count === 0) throw bad('The file has no records.', 'hotspots.errors.noRecords');
    const keys = this.keys;
    const hasName = NAME_FIELDS.some((field) => keys.has(field));
    if (this.format === 'fixed-json') {
      requireFields(keys, [...FIXED_REQUIRED], hasName, 'JSON');
      return this.format;
    }
    if (this.format === 'non-fixed-json' && hasName && keys.has('LocationID')) return this.format;
    throw bad(
      'The file does not look like Wi-Fi.HK data: it has no LocationID, LocationNameEN, Latitude or Longitude fields. Use fixed-wi-fi-hk-locations.json or non-fixed-wi-fi-hk-locations.json from DATA.GOV.HK.',
      'hotspots.errors.notWifiData',
    );
  }
}

export const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true } as const;

export function csvError(error: unknown): KioskError {
  if (error instanceof KioskError) return error;
  // By its code, not instanceof: the sync and streaming entry points may each bundle their own CsvError.
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return bad(
      'The file stops part-way through a quoted field: it looks cut off (perhaps an interrupted download). Export or download it again.',
      'hotspots.errors.csvCutOff',
    );
  }
  const lines = (error as { lines?: unknown } | null)?.lines;
  const line =
    typeof code === 'string' && code.startsWith('CSV_') && typeof lines === 'number' ? lines : undefined;
  return bad(
    `The CSV file could not be read${line ? ` near line ${line}` : ''}: check that it is a plain comma-separated file.`,
    line ? 'hotspots.errors.csvUnreadableAt' : 'hotspots.errors.csvUnreadable',
    line ? { line } : undefined,
  );
}

/**
 * CSV rows → records: the header is checked as soon as it arrives; a row with the wrong number of
 * fields is rejected, and said to be perhaps cut off when it turns out to be the last one.
 */
export class CsvRecords {
  readonly rejected: RejectedRow[] = [];
  private header: string[] | null = null;
  private index = 0;
  private lastShort: RejectedRow | null = null;

  constructor(private readonly sink: RecordSink) {}

  row(row: string[]): void {
    if (this.header === null) {
      this.header = row.map((name) => name.trim());
      const keys = new Set(this.header);
      requireFields(
        keys,
        [...FIXED_REQUIRED],
        NAME_FIELDS.some((field) => keys.has(field)),
        'CSV',
      );
      this.sink.begin('fixed-csv');
      return;
    }
    this.index += 1;
    const header = this.header;
    if (this.lastShort) this.rejected.push({ ...this.lastShort, reason: `${this.lastShort.reason}.` });
    this.lastShort = null;
    if (row.length !== header.length) {
      const locationId = row[header.indexOf('LocationID')]?.trim();
      this.lastShort = {
        record: this.index,
        ...(locationId ? { locationId } : {}),
        reason: `Has ${row.length} fields where the header has ${header.length}`,
        code: 'fieldCount',
        params: { found: row.length, expected: header.length },
      };
      return;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, column) => (fields[name] = row[column]!));
    this.sink.record({ record: this.index, fields });
  }

  finish(): SourceFormat {
    if (this.header === null || this.index === 0)
      throw bad('The CSV file has a header but no records.', 'hotspots.errors.csvNoRecords');
    if (this.lastShort)
      this.rejected.push({
        ...this.lastShort,
        reason: `${this.lastShort.reason} (the file may be cut off).`,
        code: 'fieldCountCutOff',
      });
    this.lastShort = null;
    return 'fixed-csv';
  }
}

function requireFields(keys: Set<string>, required: string[], hasName: boolean, kind: 'CSV' | 'JSON'): void {
  const missing = required.filter((field) => !keys.has(field));
  if (!hasName) missing.push('LocationNameEN');
  if (missing.length === 0) return;
  const noun = kind === 'CSV' ? 'columns' : 'fields';
  throw bad(
    `The ${kind} file does not have the Wi-Fi.HK ${noun} it needs. Missing: ${missing.join(', ')}. Found: ${[...keys].slice(0, 12).join(', ') || 'none'}.`,
    // The missing names stay as the file writes them: they are what staff look for in the file.
    'hotspots.errors.missingFields',
    { missing: missing.join(', ') },
  );
}
