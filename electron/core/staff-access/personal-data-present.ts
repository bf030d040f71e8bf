import type { CoreContext } from '../core-context';
import type { StaffAction } from '../staff-console/staff-log';

/** Entries the kiosk writes by itself or that anyone can cause: they say nothing staff did. */
const NOT_BY_STAFF: ReadonlySet<StaffAction> = new Set(['purge', 'sign-in-locked']);

/**
 * Whether the kiosk holds personal data that only staff may see: what data care's wipe removes
 * (participant lists, resume codes) plus session notes and the staff log's record of what staff
 * did. While any is here, a kiosk that cannot read its staff PIN asks for the recovery code
 * instead of letting whoever stands there choose a new PIN.
 */
export async function personalDataOnKiosk(ctx: CoreContext): Promise<boolean> {
  const { groupSessions: groups, resumeCodes: codes, staffLog: log } = ctx.documents;
  if (groups.data.sessions.some((session) => session.participants.length > 0 || session.notes.trim() !== ''))
    return true;
  if (groups.data.courses.some((course) => course.members.length > 0)) return true;
  if (codes.data.codes.length > 0) return true;
  return log.data.entries.some((entry) => !NOT_BY_STAFF.has(entry.action));
}
