import { createHash } from 'node:crypto';
import { Parser as CsvParser } from 'csv-parse';
import { KioskError } from '../errors';
import type { SourceFormat } from './dataset';
import { JsonArrayReader } from './json-array-reader';
import {
  checkSourceSize,
  CSV_OPTIONS,
  csvError,
  CsvRecords,
  JsonRecords,
  sourceKind,
  type RecordSink,
  type RejectedRow,
} from './source-file';

/** A file to import: whole (the Electron transport) or as it streams in (the HTTP transport). */
export type SourceContent = Uint8Array | AsyncIterable<Uint8Array>;

export function isSourceContent(value: unknown): value is SourceContent {
  return (
    value instanceof Uint8Array ||
    (typeof value === 'object' && value !== null && Symbol.asyncIterator in value)
  );
}

export interface SourceRead {
  format: SourceFormat;
  /** Records that could not even be read as a record. */
  rejected: RejectedRow[];
  /** Records handed to the sink plus those rejected here. */
  records: number;
  bytes: number;
  sha256: string;
}

const bad = (message: string, reason: string) => new KioskError('invalid_input', message, { reason });
/** Slices of a whole file handed on at a time, so a 50 MB file is never one 100 MB string. */
const SLICE_BYTES = 1024 * 1024;

async function* chunksOf(content: SourceContent): AsyncGenerator<Uint8Array> {
  if (content instanceof Uint8Array) {
    for (let start = 0; start < content.byteLength; start += SLICE_BYTES)
      yield content.subarray(start, start + SLICE_BYTES);
    return;
  }
  yield* content;
}

/**
 * Reads an official Wi-Fi.HK file a chunk at a time and hands each record to the sink as soon as
 * it is read: strict UTF-8 (decoded as it streams), the format from the content, the size checked
 * as the bytes arrive (so an oversized upload is refused at 100 MB, not after), the SHA-256 of the
 * bytes. The file's text and parsed tree are never held whole; the messages are parseSourceFile's.
 */
export async function readSource(
  content: SourceContent,
  declared: 'json' | 'csv' | undefined,
  sink: RecordSink,
): Promise<SourceRead> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let records = 0;
  const counting: RecordSink = {
    begin: (format) => sink.begin(format),
    record: (record) => {
      records += 1;
      sink.record(record);
    },
  };
  let head = '';
  // One of the two, once the first character has told which (an object: closures assign it).
  const reading: { json: { reader: JsonArrayReader; records: JsonRecords } | null; csv: CsvState | null } = {
    json: null,
    csv: null,
  };

  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw bad(
        'The file is not UTF-8 text, so its Chinese names would be garbled. Save it as UTF-8 (in Excel: "CSV UTF-8") and try again.',
        'hotspots.errors.notUtf8',
      );
    }
  };
  const feed = async (text: string): Promise<void> => {
    if (!reading.json && !reading.csv) {
      head += text;
      const kind = sourceKind(head, declared);
      if (kind === null) return;
      text = head;
      head = '';
      if (kind === 'json') {
        const collector = new JsonRecords(counting);
        reading.json = {
          reader: new JsonArrayReader((element, index) => collector.element(element, index)),
          records: collector,
        };
      } else {
        reading.csv = { parser: new CsvParser(CSV_OPTIONS), records: new CsvRecords(counting) };
      }
    }
    if (reading.json) reading.json.reader.write(text);
    else if (reading.csv && text) await writeCsv(reading.csv, text);
  };

  for await (const chunk of chunksOf(content)) {
    bytes += chunk.byteLength;
    checkSourceSize(bytes);
    hash.update(chunk);
    await feed(decode(chunk));
  }
  await feed(decode());
  const { json, csv } = reading;
  if (bytes === 0 || (!json && !csv)) throw bad('The file is empty.', 'hotspots.errors.emptyFile');

  let format: SourceFormat;
  let rejected: RejectedRow[];
  if (json) {
    json.reader.end();
    format = json.records.finish();
    rejected = json.records.rejected;
  } else {
    await endCsv(csv!);
    format = csv!.records.finish();
    rejected = csv!.records.rejected;
  }
  return { format, rejected, records: records + rejected.length, bytes, sha256: hash.digest('hex') };
}

interface CsvState {
  parser: CsvParser;
  records: CsvRecords;
}

/** Gives csv-parse one piece of text and takes every row it has finished, before the next piece. */
function writeCsv(csv: CsvState, text: string): Promise<void> {
  return pump(csv, (done) => csv.parser.write(text, done));
}

function endCsv(csv: CsvState): Promise<void> {
  return pump(csv, (done) => csv.parser.end(done));
}

function pump(csv: CsvState, start: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const { parser, records } = csv;
    let failed = false;
    const fail = (error: unknown) => {
      failed = true;
      cleanup();
      reject(csvError(error));
    };
    const drain = () => {
      try {
        for (let row = parser.read() as string[] | null; row !== null; row = parser.read() as string[] | null)
          records.row(row);
      } catch (error) {
        fail(error);
      }
    };
    const cleanup = () => {
      parser.off('readable', drain);
      parser.off('error', fail);
    };
    parser.on('readable', drain);
    parser.on('error', fail);
    start(() => {
      if (failed) return;
      drain();
      cleanup();
      if (!failed) resolve();
    });
  });
}
