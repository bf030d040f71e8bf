import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { syncFolder, writeFileDurably } from '../store/durable-file';
import { StoredVenueSchema, type StoredVenue } from './dataset';

/**
 * The file layout for hotspots.json and hotspots.previous.json: still one JSON document, but laid
 * out one venue per line with the venues last:
 *
 *   {"header":{…},"venues":[
 *   {…venue…},
 *   {…venue…}
 *   ]}
 *
 * so it can be written and read a line at a time. With 54k venues, reading it whole (a 20–50 MB
 * string, then JSON.parse, then a validated copy) pushed the kiosk's resident memory past its
 * 250 MB budget, and glibc keeps that peak long after the garbage is collected. Line by line, the
 * peak is the data itself. Writes are durable like every document's: temporary file, fsync,
 * rename, fsync the folder.
 */
const HEAD_PREFIX = '{"header":';
const HEAD_SUFFIX = ',"venues":[';
const TAIL = ']}';
const LINES_PER_WRITE = 2000;

export async function writeVenueFile(target: string, header: unknown, venues: readonly StoredVenue[]): Promise<void> {
  await writeFileDurably(target, async (handle) => {
    await handle.write(`${HEAD_PREFIX}${JSON.stringify(header)}${HEAD_SUFFIX}\n`);
    for (let start = 0; start < venues.length; start += LINES_PER_WRITE) {
      const batch = venues.slice(start, start + LINES_PER_WRITE).map((venue, i) => {
        const last = start + i === venues.length - 1;
        return `${JSON.stringify(venue)}${last ? '' : ','}\n`;
      });
      await handle.write(batch.join(''));
    }
    await handle.write(`${TAIL}\n`);
  });
}

/**
 * A separate, durable copy (not a hard link, as StoredDocument also does: a link would share the
 * inode, so damage done to the file in place would ruin both copies).
 */
export async function copyFileDurably(source: string, target: string): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.copyFile(source, temp);
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

export type VenueFileRead =
  | { ok: true; header: unknown; venues: StoredVenue[] }
  | { ok: false; reason: string; missing: boolean };

/** Reads and checks every venue line; the caller checks the header against its own schema. */
export async function readVenueFile(file: string): Promise<VenueFileRead> {
  try {
    await fs.access(file);
  } catch {
    return { ok: false, reason: 'missing', missing: true };
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: unknown = undefined;
  let closed = false;
  const venues: StoredVenue[] = [];
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (closed) {
        if (line.trim() !== '') return fail(`has text after its end (line ${lineNumber})`);
        continue;
      }
      if (lineNumber === 1) {
        if (!line.startsWith(HEAD_PREFIX) || !line.endsWith(HEAD_SUFFIX)) return fail('does not start like a hotspot dataset');
        header = JSON.parse(line.slice(HEAD_PREFIX.length, -HEAD_SUFFIX.length));
        continue;
      }
      if (line === TAIL) {
        closed = true;
        continue;
      }
      const venue: unknown = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      // Checked one by one, keeping the parsed object: zod's own copy would double the peak.
      if (!StoredVenueSchema.safeParse(venue).success) return fail(`venue on line ${lineNumber} does not match its schema`);
      venues.push(venue as StoredVenue);
    }
  } catch (error) {
    return fail(error instanceof SyntaxError ? `is not valid JSON near line ${lineNumber}` : `could not be read (${(error as Error).message})`);
  } finally {
    lines.close();
  }
  if (header === undefined) return fail('is empty');
  if (!closed) return fail('is cut off');
  return { ok: true, header, venues };
}

function fail(reason: string): VenueFileRead {
  return { ok: false, reason, missing: false };
}
