import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import { KioskError } from '../errors';
import type { SourceFormat } from './dataset';

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
  reason: string;
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

const bad = (message: string) => new KioskError('invalid_input', message);

export function checkSourceSize(bytes: number): void {
  if (bytes > MAX_SOURCE_BYTES) {
    throw new KioskError(
      'too_large',
      'The file is larger than 100 MB, so it was not read. The official Wi-Fi.HK file is about 5 MB: check that this is the right file.',
    );
  }
}

/** Strict UTF-8: a file saved in Big5 or another code page must be refused, not silently garbled. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM: false (the default) drops a leading BOM, which the official files carry.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bad('The file is not UTF-8 text, so its Chinese names would be garbled. Save it as UTF-8 (in Excel: "CSV UTF-8") and try again.');
  }
}

/**
 * Reads an official Wi-Fi.HK file: fixed-location JSON, non-fixed (on-vehicle) JSON, or a CSV
 * export of the fixed file. The format is decided by the content, never by the file name. A file
 * that cannot be read at all throws a KioskError with a message staff can act on; single bad
 * records are left for the normaliser to reject one by one.
 */
export function parseSourceFile(bytes: Uint8Array, declared?: 'json' | 'csv'): ParsedSource {
  checkSourceSize(bytes.byteLength);
  if (bytes.byteLength === 0) throw bad('The file is empty.');
  const text = decodeUtf8(bytes).replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  if (trimmed === '') throw bad('The file is empty.');

  const looksJson = trimmed.startsWith('[') || trimmed.startsWith('{');
  if (declared === 'csv' && looksJson) throw bad('This file holds JSON, not CSV. Choose JSON or pick the CSV file.');
  if (declared === 'json' && !looksJson) throw bad('This file is not JSON. If it is a CSV export, choose CSV.');
  return looksJson ? parseJson(trimmed) : parseCsvText(text);
}

function parseJson(text: string): ParsedSource {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (!text.endsWith(']') && !text.endsWith('}')) {
      throw bad('The file stops part-way through: it looks cut off (perhaps an interrupted download). Download it again.');
    }
    const where = /position (\d+)/.exec((error as Error).message);
    const line = where ? text.slice(0, Number(where[1])).split('\n').length : null;
    throw bad(`The file is not valid JSON${line ? ` (the problem is near line ${line})` : ''}.`);
  }
  if (!Array.isArray(data)) throw bad('The file is JSON but not a list of Wi-Fi.HK locations.');
  if (data.length === 0) throw bad('The file has no records.');

  const records: RawRecord[] = [];
  const rejected: RejectedRow[] = [];
  const keys = new Set<string>();
  data.forEach((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      rejected.push({ record: index + 1, reason: 'Not a record (expected an object with named fields).' });
      return;
    }
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      keys.add(key);
      if (typeof value === 'string') fields[key] = value;
      else if (typeof value === 'number' && Number.isFinite(value)) fields[key] = String(value);
      else fields[key] = '';
    }
    records.push({ record: index + 1, fields });
  });

  const hasName = NAME_FIELDS.some((field) => keys.has(field));
  const isFixed = keys.has('Latitude') || keys.has('Longitude');
  if (isFixed) {
    requireFields(keys, [...FIXED_REQUIRED], hasName, 'JSON');
    return { format: 'fixed-json', records, rejected };
  }
  if (hasName && keys.has('LocationID')) return { format: 'non-fixed-json', records, rejected };
  throw bad(
    'The file does not look like Wi-Fi.HK data: it has no LocationID, LocationNameEN, Latitude or Longitude fields. Use fixed-wi-fi-hk-locations.json or non-fixed-wi-fi-hk-locations.json from DATA.GOV.HK.',
  );
}

function parseCsvText(text: string): ParsedSource {
  let rows: string[][];
  try {
    rows = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw bad('The file stops part-way through a quoted field: it looks cut off (perhaps an interrupted download). Export or download it again.');
    }
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    throw bad(`The CSV file could not be read${line ? ` near line ${line}` : ''}: check that it is a plain comma-separated file.`);
  }
  const header = rows[0]?.map((name) => name.trim());
  if (!header || rows.length < 2) throw bad('The CSV file has a header but no records.');
  const keys = new Set(header);
  requireFields(keys, [...FIXED_REQUIRED], NAME_FIELDS.some((field) => keys.has(field)), 'CSV');

  const records: RawRecord[] = [];
  const rejected: RejectedRow[] = [];
  for (let index = 1; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.length !== header.length) {
      const idAt = header.indexOf('LocationID');
      const locationId = row[idAt]?.trim();
      rejected.push({
        record: index,
        ...(locationId ? { locationId } : {}),
        reason: `Has ${row.length} fields where the header has ${header.length}${index === rows.length - 1 ? ' (the file may be cut off)' : ''}.`,
      });
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, column) => (fields[name] = row[column]!));
    records.push({ record: index, fields });
  }
  return { format: 'fixed-csv', records, rejected };
}

function requireFields(keys: Set<string>, required: string[], hasName: boolean, kind: 'CSV' | 'JSON'): void {
  const missing = required.filter((field) => !keys.has(field));
  if (!hasName) missing.push('LocationNameEN');
  if (missing.length === 0) return;
  const noun = kind === 'CSV' ? 'columns' : 'fields';
  throw bad(
    `The ${kind} file does not have the Wi-Fi.HK ${noun} it needs. Missing: ${missing.join(', ')}. Found: ${[...keys].slice(0, 12).join(', ') || 'none'}.`,
  );
}
