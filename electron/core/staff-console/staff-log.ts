import { z } from 'zod';
import type { CoreContext } from '../core-context';

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
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const MAX_LOG_ENTRIES = 2000;

export const StaffLogEntrySchema = z.object({
  time: z.string().datetime(),
  action: z.enum(STAFF_ACTIONS),
  detail: z.string().max(300),
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
export async function logStaffAction(ctx: CoreContext, action: StaffAction, detail = ''): Promise<void> {
  try {
    await ctx.documents.staffLog.update((draft) =>
      appendEntry(draft, { time: ctx.now().toISOString(), action, detail: detail.slice(0, 300) }),
    );
  } catch (error) {
    // One line, not the error chain: on a full disk every action would print a stack, and the
    // store has already put the failed write in Data health.
    console.error(`[kiosk] staff log: could not record ${action}: ${(error as Error).message}`);
  }
}
