import path from 'node:path';
import type { CoreContent, CoreContext } from './core-context';
import { ActivityDocSchema, defaultActivityDoc, type ActivityDoc } from './activity/schema';
import { VisitCounter } from './activity/visits';
import { liveContent, loadContentParts, loadShippedContent } from './content/live-content';
import { DistrictDirectory } from './hotspots/districts';
import { VenuesInUse } from './hotspots/venues-in-use';
import { defaultOrgDoc, OrgDocSchema, type OrgDoc } from './org/org-doc';
import { defaultResumeCodesDoc, ResumeCodesDocSchema, type ResumeCodesDoc } from './lessons/resume-codes';
import {
  defaultSettingsDoc,
  SettingsDocSchema,
  settingsMigrations,
  type SettingsDoc,
} from './settings/schema';
import {
  defaultGroupSessionsDoc,
  GROUP_SESSIONS_MIGRATIONS,
  GroupSessionsDocSchema,
  type GroupSessionsDoc,
} from './staff-console/group-sessions';
import { defaultStaffLogDoc, StaffLogDocSchema, type StaffLogDoc } from './staff-console/staff-log';
import { StoredDocument, type HealthEvent } from './store/document';

export interface WiringOptions {
  dataDir: string;
  contentDir: string;
  now: () => Date;
  onHealthEvent: (event: HealthEvent) => void;
  /**
   * The applied pack tree to start with. Unset: the one org.json's packs.current names (under
   * dataDir/org/packs), else the shipped content. A tree that does not load: the shipped content
   * and a `content-pack-not-loaded` health event.
   */
  contentTree?: string;
}

/**
 * The content to start with: the applied pack tree when there is one and it loads, else the
 * shipped content. A programme error in the shipped content stops the core, as it always has (the
 * content tests catch it before shipping); a pack tree that no longer loads (a damaged disk) must
 * not, so the kiosk starts on the shipped content and Data health says why.
 */
export async function loadCoreContent(
  contentDir: string,
  tree?: string,
  report?: (event: HealthEvent) => void,
  now: () => Date = () => new Date(),
): Promise<CoreContent> {
  const districts = DistrictDirectory.load(contentDir);
  if (tree) {
    const loaded = await loadContentParts(tree).catch((error: Error) => ({
      ok: false as const,
      problems: [{ part: 'pack' as const, file: '', problem: error.message }],
    }));
    if (loaded.ok) return { ...loaded.content, districts, tree };
    const first = loaded.problems[0];
    console.error(`[kiosk] content pack ${path.basename(tree)} not loaded: ${first?.file} ${first?.problem}`);
    report?.({
      time: now().toISOString(),
      document: 'org',
      kind: 'content-pack-not-loaded',
      file: path.basename(tree),
    });
  }
  return loadShippedContent(contentDir, districts);
}

/**
 * Opens every document more than one capability reaches and reads the content, once, for one core.
 * service.ts and the tests both build their context here, so a test's wiring is the kiosk's.
 * Settings open first: openStaffDocuments moves a PIN an older version kept there.
 */
export async function openCoreContext(options: WiringOptions): Promise<CoreContext> {
  const common = { dataDir: options.dataDir, onHealthEvent: options.onHealthEvent, now: options.now };
  const settings = await StoredDocument.open<SettingsDoc>({
    ...common,
    name: 'settings',
    schema: SettingsDocSchema,
    defaults: defaultSettingsDoc,
    migrations: settingsMigrations,
  });
  const activity = await StoredDocument.open<ActivityDoc>({
    ...common,
    name: 'activity',
    schema: ActivityDocSchema,
    defaults: defaultActivityDoc,
  });
  // Before the content: an applied organisation pack, if any, is what the kiosk starts with.
  const org = await StoredDocument.open<OrgDoc>({
    ...common,
    name: 'org',
    schema: OrgDocSchema,
    defaults: defaultOrgDoc,
    // A kiosk that never joins an organisation keeps no org.json at all.
    writeWhenNew: false,
  });
  // The pack applied last, unless the caller names the tree itself.
  const applied = org.data.packs.current;
  const contentTree =
    options.contentTree ?? (applied ? path.join(options.dataDir, 'org', 'packs', applied.tree) : undefined);
  const content = await loadCoreContent(options.contentDir, contentTree, options.onHealthEvent, options.now);
  const resumeCodes = await StoredDocument.open<ResumeCodesDoc>({
    ...common,
    name: 'resume-codes',
    schema: ResumeCodesDocSchema,
    defaults: defaultResumeCodesDoc,
  });
  const groupSessions = await StoredDocument.open<GroupSessionsDoc>({
    ...common,
    name: 'group-sessions',
    schema: GroupSessionsDocSchema,
    migrations: GROUP_SESSIONS_MIGRATIONS,
    defaults: defaultGroupSessionsDoc,
  });
  const staffLog = await StoredDocument.open<StaffLogDoc>({
    ...common,
    name: 'staff-log',
    schema: StaffLogDocSchema,
    defaults: defaultStaffLogDoc,
  });
  // Built before its live half so replaceContent assigns to the very object every handler holds.
  const context = {
    ...common,
    contentDir: options.contentDir,
    settings,
    activity,
    visits: new VisitCounter(activity, options.now),
    content,
    documents: { resumeCodes, groupSessions, staffLog, org },
    venuesInUse: new VenuesInUse(),
  };
  const live: CoreContext = Object.assign(context, liveContent(context));
  return live;
}
