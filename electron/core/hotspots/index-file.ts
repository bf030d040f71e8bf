import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../store/durable-file';
import type { SavedIndex } from './search-index';

export const INDEX_FILE = 'hotspots.index.json';
/**
 * Goes up whenever the index's build changes (folding, categories, layout), so an index saved by an
 * older kiosk is rebuilt rather than trusted. The byte order is part of it: typed arrays are saved
 * as they lie in memory.
 */
export const INDEX_VERSION = `4-${os.endianness()}`;

/**
 * The saved search index (hotspots.index.json): what HotspotIndex takes longest to build for 54k
 * venues (folded words and their postings, the Chinese text column, district and venue type per
 * venue), written durably at each import or rollback and read at start instead of building it
 * again. Two lines: a small header, then the payload. The header names the exact hotspots.json it
 * was built from (its SHA-256) and the payload's own SHA-256, so an index that is stale (other
 * venues), damaged or from an older build is not used: the kiosk builds the index from the venues
 * as before and saves it again. It is only ever a cache: losing it costs one slower start.
 */
const HeaderSchema = z
  .object({
    version: z.string(),
    dataset: z.string().regex(/^[0-9a-f]{64}$/),
    venues: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

const PayloadSchema = z
  .object({
    categories: z.string(),
    districts: z.string(),
    vocabulary: z.array(z.string()),
    postings: z.string(),
    wordStarts: z.string(),
    han: z.string(),
    hanStarts: z.string(),
    nameEnds: z.string(),
  })
  .strict();

const bytesOf = (array: Uint8Array | Int32Array): string =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

/** A copy into a fresh, aligned buffer (a decoded Buffer may sit at any offset of a shared pool). */
function int32s(base64: string): Int32Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new Error('not whole 32-bit numbers');
  const out = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

const uint8s = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

export async function writeIndexFile(
  dataDir: string,
  dataset: string,
  venues: number,
  index: SavedIndex,
): Promise<void> {
  const payload = JSON.stringify({
    categories: bytesOf(index.categories),
    districts: bytesOf(index.districts),
    vocabulary: index.words.vocabulary,
    postings: bytesOf(index.words.postings),
    wordStarts: bytesOf(index.words.starts),
    han: index.han.text,
    hanStarts: bytesOf(index.han.starts),
    nameEnds: bytesOf(index.han.nameEnds),
  } satisfies z.infer<typeof PayloadSchema>);
  const header = {
    version: INDEX_VERSION,
    dataset,
    venues,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  await writeFileDurably(path.join(dataDir, INDEX_FILE), `${JSON.stringify(header)}\n${payload}\n`);
}

/** The saved index for exactly this dataset, or null (missing, stale, damaged: the caller rebuilds). */
export async function readIndexFile(
  dataDir: string,
  dataset: string,
  venues: number,
): Promise<SavedIndex | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dataDir, INDEX_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const split = text.indexOf('\n');
    const header = HeaderSchema.safeParse(JSON.parse(text.slice(0, split)));
    if (
      !header.success ||
      header.data.version !== INDEX_VERSION ||
      header.data.dataset !== dataset ||
      header.data.venues !== venues
    )
      return null;
    const payloadText = text.slice(split + 1).trimEnd();
    if (createHash('sha256').update(payloadText).digest('hex') !== header.data.sha256) return null;
    const payload = PayloadSchema.parse(JSON.parse(payloadText));
    const saved: SavedIndex = {
      categories: uint8s(payload.categories),
      districts: uint8s(payload.districts),
      words: {
        vocabulary: payload.vocabulary,
        postings: int32s(payload.postings),
        starts: int32s(payload.wordStarts),
      },
      han: { text: payload.han, starts: int32s(payload.hanStarts), nameEnds: int32s(payload.nameEnds) },
    };
    const consistent =
      saved.categories.length === venues &&
      saved.districts.length === venues &&
      saved.han.starts.length === venues &&
      saved.han.nameEnds.length === venues &&
      saved.words.starts.length === saved.words.vocabulary.length + 1 &&
      saved.words.starts[saved.words.vocabulary.length] === saved.words.postings.length;
    return consistent ? saved : null;
  } catch {
    return null;
  }
}

/**
 * The hotspots.json the saved index was built for, from its header alone: that file was written by
 * this kiosk from checked venues, so identical bytes need not be checked venue by venue again.
 */
export async function indexedDataset(dataDir: string): Promise<string | null> {
  try {
    const handle = await fs.open(path.join(dataDir, INDEX_FILE), 'r');
    try {
      const buffer = Buffer.alloc(1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      const header = HeaderSchema.safeParse(JSON.parse(text.slice(0, text.indexOf('\n'))));
      return header.success && header.data.version === INDEX_VERSION ? header.data.dataset : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

export async function removeIndexFile(dataDir: string): Promise<void> {
  await fs.rm(path.join(dataDir, INDEX_FILE), { force: true });
}
