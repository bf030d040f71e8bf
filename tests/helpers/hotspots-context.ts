import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreContext } from '../../electron/core/core-context';
import type { HealthEvent } from '../../electron/core/store/document';
import { openCoreContext } from '../../electron/core/wiring';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The real open-data files, read in place: they are never copied into the project. */
export const sharedDataDir = path.resolve(repoRoot, '../shared/data');
export const contentDir = path.join(repoRoot, 'data');

/** A CoreContext over a data folder, built by the same wiring service.ts uses; health events are kept in order. */
export async function makeCoreContext(
  dataDir: string,
  now: () => Date = () => new Date(),
): Promise<CoreContext & { healthEvents: HealthEvent[] }> {
  const healthEvents: HealthEvent[] = [];
  const ctx = await openCoreContext({
    dataDir,
    contentDir,
    now,
    onHealthEvent: (event) => healthEvents.push(event),
  });
  return { ...ctx, healthEvents };
}
