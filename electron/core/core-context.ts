import type { ActivityDoc } from './activity/schema';
import type { VisitCounter } from './activity/visits';
import type { DistrictDirectory } from './hotspots/districts';
import type { VenuesInUse } from './hotspots/venues-in-use';
import type { LoadedLessons } from './lessons/load-lessons';
import type { ResumeCodesDoc } from './lessons/resume-codes';
import type { ProgrammeContent } from './programmes/load';
import type { SettingsDoc } from './settings/schema';
import type { GroupSessionsDoc } from './staff-console/group-sessions';
import type { StaffLogDoc } from './staff-console/staff-log';
import type { HealthEvent, StoredDocument } from './store/document';

/** Shipped content, read once at start-up (wiring.ts). */
export interface CoreContent {
  lessons: LoadedLessons;
  programmes: ProgrammeContent;
  districts: DistrictDirectory;
}

/** Documents more than one capability works on: one in-memory copy each, so no two race on a file. */
export interface SharedDocuments {
  /** Lessons create and resume them; data care wipes, purges, backs up and restores them. */
  resumeCodes: StoredDocument<ResumeCodesDoc>;
  /** The staff console's group sessions; staff entry asks whether participants or notes are here. */
  groupSessions: StoredDocument<GroupSessionsDoc>;
  /** What staff did: written by the service and every capability, read by data care. */
  staffLog: StoredDocument<StaffLogDoc>;
}

/**
 * What every capability's handler factory is given: the shared documents, content, folders and
 * clock, built once by wiring.ts. A capability still opens the documents only it uses
 * (hotspots.json) from `dataDir`.
 */
export interface CoreContext {
  dataDir: string;
  /** The shipped content folder (the repo's data/). */
  contentDir: string;
  now: () => Date;
  settings: StoredDocument<SettingsDoc>;
  activity: StoredDocument<ActivityDoc>;
  /** The one visit counter: every anonymous counter counts under its current visit. */
  visits: VisitCounter;
  content: CoreContent;
  documents: SharedDocuments;
  /** The Wi-Fi venues in use now, provided by the hotspot handlers (handwriting suggests their names). */
  venuesInUse: VenuesInUse;
  onHealthEvent: (event: HealthEvent) => void;
}
