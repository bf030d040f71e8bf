import type { AccessibilityContent } from './accessibility/schema';
import type { ActivityDoc } from './activity/schema';
import type { VisitCounter } from './activity/visits';
import type { DistrictDirectory } from './hotspots/districts';
import type { VenuesInUse } from './hotspots/venues-in-use';
import type { LoadedLessons } from './lessons/load-lessons';
import type { OrgDoc } from './org/org-doc';
import type { ResumeCodesDoc } from './lessons/resume-codes';
import type { ProgrammeContent } from './programmes/load';
import type { SettingsDoc } from './settings/schema';
import type { GroupSessionsDoc } from './staff-console/group-sessions';
import type { StaffLogDoc } from './staff-console/staff-log';
import type { HealthEvent, StoredDocument } from './store/document';

/**
 * The content in use: the shipped data/ or an organisation's applied pack tree (org/packs/<dir>).
 * `ctx.content` is replaced whole (ctx.replaceContent) while the kiosk runs, so a reader takes it
 * at call time and memoises what it derives on this object's identity (a WeakMap), never at creation.
 */
export interface CoreContent {
  lessons: LoadedLessons;
  programmes: ProgrammeContent;
  /** null when the file could not be loaded: `accessibility.demos` then answers `internal`. */
  accessibility: AccessibilityContent | null;
  districts: DistrictDirectory;
  /** The applied pack tree this content was read from; null for the shipped content. */
  tree: string | null;
}

/** What a content change tells its listeners. */
export interface ContentReplaced {
  content: CoreContent;
  /** The tree now in use, or null for the shipped content. */
  tree: string | null;
}

/**
 * Installs a pack tree's Wi-Fi file as the visitors' dataset (provided by the hotspot handlers).
 * `prepare` reads and checks the file as a staff import would and changes nothing (it throws the
 * importer's KioskError); the function it answers makes the checked dataset the one in use.
 */
export interface PackWifiInstaller {
  prepare(file: string, pack: { version: string }): Promise<() => Promise<void>>;
  /**
   * Back to the shipped content: when the dataset in use came from a pack, the step that restores
   * the one it replaced (the Wi-Fi panel's rollback); null when there is nothing to undo.
   */
  prepareShipped(): Promise<(() => Promise<void>) | null>;
}

/** Documents more than one capability works on: one in-memory copy each, so no two race on a file. */
export interface SharedDocuments {
  /** Lessons create and resume them; data care wipes, purges, backs up and restores them. */
  resumeCodes: StoredDocument<ResumeCodesDoc>;
  /** The staff console's group sessions; staff entry asks whether participants or notes are here. */
  groupSessions: StoredDocument<GroupSessionsDoc>;
  /** What staff did: written by the service and every capability, read by data care. */
  staffLog: StoredDocument<StaffLogDoc>;
  /** The organisation this kiosk joined and its content packs: the org service, pack store and figures writer. */
  org: StoredDocument<OrgDoc>;
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
  /**
   * Makes a pack tree's content the content in use (null: the shipped content in contentDir).
   * Every part is loaded and checked first; a part that fails throws a KioskError (reason
   * org.refusals.contentInvalid, params part, file, problem) and nothing changes. Then ctx.content
   * is swapped in one assignment, the tree's Wi-Fi file (if any) is installed through the staff
   * import path, and the listeners are told.
   */
  replaceContent: (treeDir: string | null) => Promise<void>;
  /** Called after every content change; returns a function that removes the listener. */
  onContentReplaced: (listener: (change: ContentReplaced) => void) => () => void;
  /** The hotspot handlers provide this once; replaceContent uses it for a tree's wifi/ file. */
  packWifi: { provide(installer: PackWifiInstaller): void };
  documents: SharedDocuments;
  /** The Wi-Fi venues in use now, provided by the hotspot handlers (handwriting suggests their names). */
  venuesInUse: VenuesInUse;
  onHealthEvent: (event: HealthEvent) => void;
}
