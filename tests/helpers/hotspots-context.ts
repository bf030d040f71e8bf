import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActivityDocSchema, defaultActivityDoc, type ActivityDoc } from '../../electron/core/activity/schema';
import type { CoreContext } from '../../electron/core/core-context';
import { defaultSettingsDoc, SettingsDocSchema, type SettingsDoc } from '../../electron/core/settings/schema';
import { StoredDocument, type HealthEvent } from '../../electron/core/store/document';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The real open-data files, read in place: they are never copied into the project. */
export const sharedDataDir = path.resolve(repoRoot, '../shared/data');
export const contentDir = path.join(repoRoot, 'data');

/** A CoreContext over a fresh data folder, as service.ts builds it. */
export async function makeCoreContext(
  dataDir: string,
  now: () => Date = () => new Date(),
): Promise<CoreContext & { healthEvents: HealthEvent[] }> {
  const healthEvents: HealthEvent[] = [];
  const onHealthEvent = (event: HealthEvent) => healthEvents.push(event);
  const settings = await StoredDocument.open<SettingsDoc>({ dataDir, name: 'settings', schema: SettingsDocSchema, defaults: defaultSettingsDoc, onHealthEvent, now });
  const activity = await StoredDocument.open<ActivityDoc>({ dataDir, name: 'activity', schema: ActivityDocSchema, defaults: defaultActivityDoc, onHealthEvent, now });
  return { dataDir, contentDir, now, settings, activity, onHealthEvent, healthEvents };
}
