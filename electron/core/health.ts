import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DataHealth } from './contract';
import { diskSpace, sweepTempFiles } from './store/durable-file';
import type { HealthEvent } from './store/document';

const ASIDE_PATTERN = /^(.+)\.corrupt-(.+)\.json$/;

/** Kinds that happen again on every write while the disk stays full: kept once, with a count. */
const REPEATING: ReadonlySet<HealthEvent['kind']> = new Set([
  'not-saved',
  'backup-not-saved',
  'not-synced',
  'org-check-failed',
]);

/**
 * Adds one event to this launch's list. A full disk refuses every visit's write, so repeats of the
 * same problem with the same document collapse into one entry (latest time, how many times), and
 * the list cannot grow without end in a kiosk that runs for months.
 */
export function recordHealthEvent(events: HealthEvent[], event: HealthEvent): void {
  if (REPEATING.has(event.kind)) {
    const same = events.find(
      (e) => e.kind === event.kind && e.document === event.document && e.code === event.code,
    );
    if (same) {
      same.time = event.time;
      same.count = (same.count ?? 1) + 1;
      return;
    }
  }
  events.push({ ...event });
}

/**
 * Start-up housekeeping of the data folder: temp files left by a kill mid-write are removed before
 * any document is opened, and counted for Data health.
 */
export async function sweepDataFolder(
  dataDir: string,
  now: () => Date,
  onHealthEvent: (event: HealthEvent) => void,
): Promise<void> {
  const count = await sweepTempFiles(dataDir);
  if (count > 0)
    onHealthEvent({ time: now().toISOString(), document: '', kind: 'temp-files-removed', count });
}

/**
 * Data health for the staff console: this launch's events plus every file ever moved aside
 * (those stay in the data folder until staff remove them, so they survive restarts), and the free
 * space of the disk under the data folder.
 */
export async function readDataHealth(
  dataDir: string,
  launchEvents: readonly HealthEvent[],
): Promise<Omit<DataHealth, 'staff' | 'org'>> {
  const names = await fs.readdir(dataDir);
  // Only codes and parameters go to the screen, which says them in the reader's language.
  const events: HealthEvent[] = launchEvents.map(({ detail: _english, ...event }) => event);
  const documents: DataHealth['documents'] = [];
  for (const name of names.sort()) {
    const stat = await fs.stat(path.join(dataDir, name)).catch(() => null);
    if (!stat) continue;
    const aside = ASIDE_PATTERN.exec(name);
    if (aside) {
      // A document that was a folder is kept aside as a folder: still something staff must see.
      if (!events.some((event) => event.file === name)) {
        events.push({
          time: stat.mtime.toISOString(),
          document: aside[1] ?? name,
          kind: 'moved-aside',
          file: name,
        });
      }
    } else if (stat.isFile() && name.endsWith('.json') && !name.endsWith('.bak.json')) {
      documents.push({
        name: name.replace(/\.json$/, ''),
        file: name,
        bytes: stat.size,
        modified: stat.mtime.toISOString(),
      });
    }
  }
  events.sort((a, b) => b.time.localeCompare(a.time));
  return { dataDir, disk: await diskSpace(dataDir), events, documents };
}
