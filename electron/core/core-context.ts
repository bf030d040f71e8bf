import type { ActivityDoc } from './activity/schema';
import type { SettingsDoc } from './settings/schema';
import type { HealthEvent, StoredDocument } from './store/document';

/**
 * What every capability's handler factory is given by service.ts: the shared documents, folders
 * and clock. A capability opens its own documents (hotspots.json, content.json) from `dataDir`.
 */
export interface CoreContext {
  dataDir: string;
  /** The shipped content folder (the repo's data/). */
  contentDir: string;
  now: () => Date;
  settings: StoredDocument<SettingsDoc>;
  activity: StoredDocument<ActivityDoc>;
  onHealthEvent: (event: HealthEvent) => void;
}
