import path from 'node:path';
import type { CoreContent, CoreContext } from './core-context';
import { ActivityDocSchema, defaultActivityDoc, type ActivityDoc } from './activity/schema';
import { VisitCounter } from './activity/visits';
import { DistrictDirectory } from './hotspots/districts';
import { VenuesInUse } from './hotspots/venues-in-use';
import { loadLessons } from './lessons/load-lessons';
import { defaultResumeCodesDoc, ResumeCodesDocSchema, type ResumeCodesDoc } from './lessons/resume-codes';
import { loadProgrammeContent } from './programmes/load';
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
}

/**
 * Shipped content, read and validated once at start-up: it never changes while the kiosk runs, and
 * every capability that needs it (the staff console's report names, the group display) gets this
 * one copy. A programme content error stops the core, as it always has: the content tests catch it
 * before shipping.
 */
export async function loadCoreContent(contentDir: string): Promise<CoreContent> {
  return {
    lessons: await loadLessons(path.join(contentDir, 'lessons')),
    programmes: await loadProgrammeContent(contentDir),
    districts: DistrictDirectory.load(contentDir),
  };
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
  const content = await loadCoreContent(options.contentDir);
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
  return {
    ...common,
    contentDir: options.contentDir,
    settings,
    activity,
    visits: new VisitCounter(activity, options.now),
    content,
    documents: { resumeCodes, groupSessions, staffLog },
    venuesInUse: new VenuesInUse(),
  };
}
