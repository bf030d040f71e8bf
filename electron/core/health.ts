import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DataHealth } from './contract';
import type { HealthEvent } from './store/document';

const ASIDE_PATTERN = /^(.+)\.corrupt-(.+)\.json$/;

/**
 * Data health for the staff console: this launch's events plus every file ever moved aside
 * (those stay in the data folder until staff remove them, so they survive restarts).
 */
export async function readDataHealth(dataDir: string, launchEvents: readonly HealthEvent[]): Promise<DataHealth> {
  const names = await fs.readdir(dataDir);
  const events = [...launchEvents];
  const documents: DataHealth['documents'] = [];
  for (const name of names.sort()) {
    const stat = await fs.stat(path.join(dataDir, name)).catch(() => null);
    if (!stat?.isFile()) continue;
    const aside = ASIDE_PATTERN.exec(name);
    if (aside) {
      if (!events.some((event) => event.file === name)) {
        events.push({
          time: stat.mtime.toISOString(),
          document: aside[1] ?? name,
          kind: 'moved-aside',
          detail: `${name} could not be read and was kept aside.`,
          file: name,
        });
      }
    } else if (name.endsWith('.json') && !name.endsWith('.bak.json')) {
      documents.push({ name: name.replace(/\.json$/, ''), file: name, bytes: stat.size, modified: stat.mtime.toISOString() });
    }
  }
  events.sort((a, b) => b.time.localeCompare(a.time));
  return { dataDir, events, documents };
}
