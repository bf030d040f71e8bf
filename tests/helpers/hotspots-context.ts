import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreContext } from '../../electron/core/core-context';
import { DistrictDirectory } from '../../electron/core/hotspots/districts';
import { normaliseVenues } from '../../electron/core/hotspots/normalise';
import { HotspotIndex } from '../../electron/core/hotspots/search-index';
import { parseSourceFile } from '../../electron/core/hotspots/source-file';
import type { HealthEvent } from '../../electron/core/store/document';
import { openCoreContext } from '../../electron/core/wiring';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The real open-data files, read in place: they are never copied into the project. */
export const sharedDataDir = path.resolve(repoRoot, '../shared/data');
export const contentDir = path.join(repoRoot, 'data');

/** The shipped districts, and an index over the real official Wi-Fi.HK file as an import makes it. */
export function officialIndex(directory = DistrictDirectory.load(contentDir)): HotspotIndex {
  const file = readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'));
  return new HotspotIndex(normaliseVenues(parseSourceFile(file).records, directory).venues, directory);
}

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
  // The same object, not a copy: ctx.replaceContent swaps the content on the context it was made with.
  return Object.assign(ctx, { healthEvents });
}
