import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { writeFileDurably } from '../store/durable-file';
import { StoredVenueSchema, type StoredVenue } from './dataset';
import type { UnusableFile } from '../store/move-aside';

/**
 * The file layout for hotspots.json and hotspots.previous.json: still one JSON document, but laid
 * out one venue per line with the venues last:
 *
 *   {"header":{…},"venues":[
 *   {…venue…},
 *   {…venue…}
 *   ]}
 *
 * so it can be written and parsed a line at a time. With 54k venues, reading it as one string
 * (20–50 MB, twice that as UTF-16, then JSON.parse, then a validated copy) pushed the kiosk's
 * resident memory past its 250 MB budget, and glibc keeps that peak long after the garbage is
 * collected. The bytes are read in one buffer (outside the JS heap, dropped after) and each line
 * decoded and parsed alone, so the peak is the data itself. Writes are durable like every
 * document's: temporary file, fsync, rename, fsync the folder.
 */
const HEAD_PREFIX = '{"header":';
const HEAD_SUFFIX = ',"venues":[';
const TAIL = ']}';
const LINES_PER_WRITE = 2000;

/** Writes the file durably and answers the SHA-256 of what it wrote (the saved index is keyed by it). */
export async function writeVenueFile(
  target: string,
  header: unknown,
  venues: readonly StoredVenue[],
): Promise<string> {
  const hash = createHash('sha256');
  const write = async (handle: FileHandle, text: string) => {
    hash.update(text);
    await handle.write(text);
  };
  await writeFileDurably(target, async (handle) => {
    await write(handle, `${HEAD_PREFIX}${JSON.stringify(header)}${HEAD_SUFFIX}\n`);
    for (let start = 0; start < venues.length; start += LINES_PER_WRITE) {
      const batch = venues.slice(start, start + LINES_PER_WRITE).map((venue, i) => {
        const last = start + i === venues.length - 1;
        return `${JSON.stringify(venue)}${last ? '' : ','}\n`;
      });
      await write(handle, batch.join(''));
    }
    await write(handle, `${TAIL}\n`);
  });
  return hash.digest('hex');
}

// The dataset's backup is copied by the store's one durable-write routine.
export { copyFileDurably } from '../store/durable-file';

export type VenueFileRead =
  | { ok: true; header: unknown; venues: StoredVenue[]; sha256: string }
  | ({ ok: false; missing: boolean; /** For the console log only. */ detail: string } & UnusableFile);

/**
 * Reads and checks every venue line; the caller checks the header against its own schema. The
 * file's bytes are read in one go (a Buffer outside the JS heap, dropped at the end) and each line
 * is decoded and parsed on its own, so the whole text never exists as one string; the bytes are
 * hashed on the way.
 */
export async function readVenueFile(
  file: string,
  options: { trustedSha256?: string | null } = {},
): Promise<VenueFileRead> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, reason: 'unreadable', code, detail: 'missing' };
    // A folder in its place, no permission, a bad sector: recovered like a damaged file.
    return {
      ok: false,
      missing: false,
      reason: 'unreadable',
      ...(code ? { code } : {}),
      detail: `could not be read (${code ?? 'error'})`,
    };
  }
  let header: unknown = undefined;
  let closed = false;
  const venues: StoredVenue[] = [];
  let lineNumber = 0;
  try {
    for (let start = 0; start < bytes.length;) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline < 0 ? bytes.length : newline;
      const line = bytes.toString('utf8', start, end > start && bytes[end - 1] === 0x0d ? end - 1 : end);
      start = end + 1;
      lineNumber += 1;
      if (closed) {
        if (line.trim() !== '') return fail('not-json', `has text after its end (line ${lineNumber})`);
        continue;
      }
      if (lineNumber === 1) {
        if (!line.startsWith(HEAD_PREFIX) || !line.endsWith(HEAD_SUFFIX))
          return fail('not-json', 'does not start like a hotspot dataset');
        header = JSON.parse(line.slice(HEAD_PREFIX.length, -HEAD_SUFFIX.length));
        continue;
      }
      if (line === TAIL) {
        closed = true;
        continue;
      }
      venues.push(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as StoredVenue);
    }
  } catch (error) {
    return fail(
      'not-json',
      error instanceof SyntaxError
        ? `is not valid JSON near line ${lineNumber}`
        : `could not be read (${(error as Error).message})`,
    );
  }
  if (header === undefined) return fail('not-json', 'is empty');
  if (!closed) return fail('not-json', 'is cut off');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Bytes identical to what the kiosk itself wrote from checked venues need no second check; any
  // other file (a restored copy, an older build's, a damaged one) has every venue checked.
  if (sha256 !== options.trustedSha256) {
    for (let i = 0; i < venues.length; i++) {
      // safeParse, keeping the parsed object: zod's own copy would double the peak.
      if (!StoredVenueSchema.safeParse(venues[i]).success)
        return fail('not-schema', `venue on line ${i + 2} does not match its schema`);
    }
  }
  return { ok: true, header, venues, sha256 };
}

function fail(reason: UnusableFile['reason'], detail: string): VenueFileRead {
  return { ok: false, missing: false, reason, detail };
}
