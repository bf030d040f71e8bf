import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Durable file replacement: a kiosk is switched off at the wall, so a write must leave either the
 * old file or the new one, never a torn one. Write a temporary file, fsync it, rename it over the
 * target (atomic on POSIX and NTFS), then fsync the folder so the rename itself survives power loss.
 */
export async function writeFileDurably(
  target: string,
  /** The bytes, or a writer for large files written a piece at a time (the Wi-Fi dataset). */
  contents: string | Uint8Array | ((handle: FileHandle) => Promise<void>),
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(temp, 'w', 0o600);
  try {
    try {
      if (typeof contents === 'function') await contents(handle);
      else await handle.writeFile(contents);
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

export async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
