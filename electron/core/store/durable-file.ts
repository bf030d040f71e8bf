import { promises as nodeFs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * The file-system calls the store makes, so tests can put a disk that fills up part-way (ENOSPC
 * after the temp file, at the rename, at the backup) or a file that cannot be opened (EACCES as
 * root) between the store and the disk. Production passes node's own `fs.promises`.
 */
export type DurableFs = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'rm' | 'readFile' | 'readdir' | 'mkdir' | 'stat' | 'statfs'
>;

export const realFs: DurableFs = nodeFs;

export interface DurableWriteOptions {
  fs?: DurableFs;
}

/**
 * A durable write that failed. `landed` says whether the new file is in place: true only when the
 * rename succeeded and the folder's fsync did not, so readers already see the new contents and the
 * write must be treated as done. When false the target is exactly as it was before.
 */
export class DurableWriteError extends Error {
  /** The errno code (ENOSPC, EACCES, …) of what went wrong, as on the error node itself throws. */
  readonly code: string | undefined;

  constructor(
    cause: unknown,
    readonly landed: boolean,
  ) {
    super(
      `${landed ? 'written but not synced' : 'not written'}: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
    this.name = 'DurableWriteError';
    this.code = errnoOf(cause);
  }
}

/** The errno code behind an error (ENOSPC, EACCES, …), following `cause` through the errors that wrap it. */
export function errnoOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `{ code }` for a health event, or nothing when the error has no errno code. */
export function errnoField(error: unknown): { code?: string } {
  const code = errnoOf(error);
  return code ? { code } : {};
}

/** ENOSPC and its quota twin: what "the kiosk's disk is full" means to a person. */
export function isDiskFull(error: unknown): boolean {
  const code = errnoOf(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** `.<target name>.<pid>.<ms>.tmp`: the one place this naming lives, so the start-up sweep matches it. */
const TEMP_PATTERN = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/;

function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Durable file replacement: a kiosk is switched off at the wall, so a write must leave either the
 * old file or the new one, never a torn one. Write a temporary file, fsync it, rename it over the
 * target (atomic on POSIX and NTFS), then fsync the folder so the rename itself survives power loss.
 * Throws DurableWriteError; its `landed` tells the caller what the disk now holds.
 */
export async function writeFileDurably(
  target: string,
  /** The bytes, or a writer for large files written a piece at a time (the Wi-Fi dataset). */
  contents: string | Uint8Array | ((handle: FileHandle) => Promise<void>),
  options: DurableWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? realFs;
  const dir = path.dirname(target);
  const temp = tempNameFor(target);
  try {
    const handle = await fs.open(temp, 'w', 0o600);
    try {
      if (typeof contents === 'function') await contents(handle);
      else await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    // The cleaning must not hide why the write failed; a temp file left behind is swept at start-up.
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new DurableWriteError(error, false);
  }
  try {
    await syncFolder(dir, fs);
  } catch (error) {
    throw new DurableWriteError(error, true);
  }
}

/** Bytes read and written at a time by copyFileDurably: a 50 MB Wi-Fi dataset never sits in memory whole. */
const COPY_CHUNK_BYTES = 1 << 20;

/**
 * A separate, durable copy of `source` at `target` (the Wi-Fi dataset's backup), made by the same
 * temp-fsync-rename routine as every write, a piece at a time. Not a hard link: a link shares the
 * inode, so damage done to the file in place would ruin both copies. Throws DurableWriteError.
 */
export async function copyFileDurably(
  source: string,
  target: string,
  options: DurableWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? realFs;
  await writeFileDurably(
    target,
    async (output) => {
      const input = await fs.open(source, 'r');
      try {
        const buffer = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
        for (;;) {
          const { bytesRead } = await input.read(buffer, 0, buffer.length, null);
          if (bytesRead === 0) break;
          for (let done = 0; done < bytesRead;)
            done += (await output.write(buffer, done, bytesRead - done)).bytesWritten;
        }
      } finally {
        await input.close();
      }
    },
    options,
  );
}

export async function syncFolder(dir: string, fs: DurableFs = realFs): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function readTextIfExists(file: string, fs: DurableFs = realFs): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files a kill mid-write left in `dir` and returns how many went. Files of a
 * process still running (this one, or another kiosk writing to the same folder) are left alone:
 * their rename may yet come. Failures to remove are not fatal; the file is tried again next start.
 */
export async function sweepTempFiles(dir: string, options: DurableWriteOptions = {}): Promise<number> {
  const fs = options.fs ?? realFs;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match || processIsAlive(Number(match[2]))) continue;
    try {
      await fs.rm(path.join(dir, name), { force: true });
      removed += 1;
    } catch {
      // Left for the next start.
    }
  }
  return removed;
}

/** Free and total bytes of the file system holding `dir`, or null where statfs is not available. */
export async function diskSpace(
  dir: string,
  options: DurableWriteOptions = {},
): Promise<{ freeBytes: number; totalBytes: number } | null> {
  const fs = options.fs ?? realFs;
  try {
    const stats = await fs.statfs(dir);
    // bavail, not bfree: the blocks an unprivileged writer may still use.
    return {
      freeBytes: Number(stats.bavail) * Number(stats.bsize),
      totalBytes: Number(stats.blocks) * Number(stats.bsize),
    };
  } catch {
    return null;
  }
}
