import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh, empty folder in the system temp folder; every disk-touching test gets its own. */
export async function makeTempDir(prefix = 'kiosk-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeTempDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/**
 * Temp folders that are removed after each test: call `make()` inside a test and register
 * `cleanup` with `afterEach`, so a failing test still leaves nothing behind.
 */
export function tempDirs(prefix = 'kiosk-test-'): {
  make: () => Promise<string>;
  cleanup: () => Promise<void>;
} {
  const made: string[] = [];
  return {
    async make() {
      const dir = await makeTempDir(prefix);
      made.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(made.splice(0).map(removeTempDir));
    },
  };
}

/**
 * Every file in a folder (recursively) with its inode and bytes, for "nothing was written" checks:
 * compare a snapshot taken before a refused call with one taken after. The inode catches a durable
 * rewrite of identical bytes (a new file renamed into place).
 */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  async function walk(current: string): Promise<void> {
    const entries = await fs.readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const stat = await fs.stat(full);
        snapshot[path.relative(dir, full)] = `${stat.ino}:${(await fs.readFile(full)).toString('base64')}`;
      }
    }
  }
  await walk(dir);
  return snapshot;
}
