import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { StoredDocument, type HealthEvent } from '../../../../electron/core/store/document';
import type { DurableFs } from '../../../../electron/core/store/durable-file';

/** A small document for the store's tests: a number and a list, so a change is easy to see on disk. */
export const CounterSchema = z.object({
  schemaVersion: z.literal(1),
  counter: z.number().int().min(0),
  names: z.array(z.string()),
});
export type Counter = z.infer<typeof CounterSchema>;
export const counterDefaults = (): Counter => ({ schemaVersion: 1, counter: 0, names: [] });

// A fixed clock makes the moved-aside file names predictable.
export const FIXED_NOW = new Date('2025-03-04T05:06:07.890Z');
export const ASIDE_STAMP = '2025-03-04T05-06-07-890Z';

/** `counter.json` in the folder, its health events pushed to `events`, optionally over a faulty file system. */
export function openCounter(
  dataDir: string,
  events: HealthEvent[] = [],
  fs?: DurableFs,
): Promise<StoredDocument<Counter>> {
  return StoredDocument.open<Counter>({
    dataDir,
    name: 'counter',
    schema: CounterSchema,
    defaults: counterDefaults,
    onHealthEvent: (event) => events.push(event),
    now: () => FIXED_NOW,
    ...(fs ? { fs } : {}),
  });
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
}

/** Writes a good document with two changes, so the main file and its backup both hold real data. */
export async function seed(dataDir: string): Promise<Counter> {
  const doc = await openCounter(dataDir);
  await doc.update((d) => {
    d.counter = 1;
    d.names.push('first');
  });
  await doc.update((d) => {
    d.counter = 2;
    d.names.push('second');
  });
  return structuredClone(doc.data) as Counter;
}
