import { z } from 'zod';
import type { CoreContext } from '../core-context';
import { currentStaffActor } from '../staff-access/actor';

/**
 * What staff did and when (staff-log.json): sign-ins, settings, imports, exports, purges, wipes,
 * restores. Details are counts and file names, never a PIN, a participant or anything typed by a
 * visitor. Capped so a kiosk that runs for years keeps a small file.
 */

export const STAFF_ACTIONS = [
  'sign-in',
  'sign-in-locked',
  'settings-changed',
  'pin-changed',
  'hotspots-imported',
  'hotspots-rolled-back',
  'hotspots-previous-removed',
  'retention-changed',
  'purge',
  'wipe',
  'export',
  'backup',
  'restore',
  'session-created',
  'session-closed',
  'account-added',
  'account-changed',
  'account-removed',
  'course-created',
  'course-closed',
  'org-joined',
  'org-left',
  'org-mode-changed',
  'org-pack-applied',
  'org-pack-rolled-back',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const MAX_LOG_ENTRIES = 2000;

/** What an entry says, as values the console puts in its own sentence for the action. */
export const StaffLogParamsSchema = z.record(
  z.string().max(40),
  z.union([z.string().max(200), z.number(), z.array(z.string().max(60)).max(40)]),
);
export type StaffLogParams = z.infer<typeof StaffLogParamsSchema>;

export const StaffLogEntrySchema = z.object({
  time: z.string().datetime(),
  action: z.enum(STAFF_ACTIONS),
  /** English words of entries written before `params`; kept so old logs still read. */
  detail: z.string().max(300),
  params: StaffLogParamsSchema.optional(),
  /** The staff account that did it; absent for the kiosk's own runs (start-up purge, timers). */
  by: z.object({ id: z.string().min(1).max(40), name: z.string().min(1).max(60) }).optional(),
});
export type StaffLogEntry = z.infer<typeof StaffLogEntrySchema>;

export const STAFF_LOG_SCHEMA_VERSION = 1;
export const StaffLogDocSchema = z.object({
  schemaVersion: z.literal(STAFF_LOG_SCHEMA_VERSION),
  entries: z.array(StaffLogEntrySchema).max(MAX_LOG_ENTRIES),
});
export type StaffLogDoc = z.infer<typeof StaffLogDocSchema>;

export function defaultStaffLogDoc(): StaffLogDoc {
  return { schemaVersion: STAFF_LOG_SCHEMA_VERSION, entries: [] };
}

/** Appends in place, dropping the oldest entries beyond the cap. */
export function appendEntry(doc: StaffLogDoc, entry: StaffLogEntry): void {
  doc.entries.push(entry);
  if (doc.entries.length > MAX_LOG_ENTRIES) doc.entries.splice(0, doc.entries.length - MAX_LOG_ENTRIES);
}

/** Both logs' entries once each, oldest first, capped (the newest are kept). */
export function mergeLogs(a: StaffLogDoc, b: StaffLogDoc): StaffLogDoc {
  const seen = new Set<string>();
  const entries = [...a.entries, ...b.entries]
    .filter((entry) => {
      const key = `${entry.time}\u0000${entry.action}\u0000${entry.detail}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((x, y) => x.time.localeCompare(y.time));
  return { schemaVersion: STAFF_LOG_SCHEMA_VERSION, entries: entries.slice(-MAX_LOG_ENTRIES) };
}

/**
 * Records one staff action. A log that cannot be written must not undo or fail the action it
 * describes (the action already happened), so failures are reported on the console only.
 */
export async function logStaffAction(
  ctx: CoreContext,
  action: StaffAction,
  detail = '',
  params?: StaffLogParams,
): Promise<void> {
  const entry: StaffLogEntry = { time: ctx.now().toISOString(), action, detail: detail.slice(0, 300) };
  if (params) entry.params = params;
  const actor = currentStaffActor();
  if (actor) entry.by = { id: actor.id, name: actor.name };
  try {
    await ctx.documents.staffLog.update((draft) => appendEntry(draft, entry));
  } catch (error) {
    // One line, not the error chain: on a full disk every action would print a stack, and the
    // store has already put the failed write in Data health.
    console.error(`[kiosk] staff log: could not record ${action}: ${(error as Error).message}`);
  }
}
