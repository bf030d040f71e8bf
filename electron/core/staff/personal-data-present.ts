import type { CoreContext } from '../core-context';
import type { ResumeCodesDoc } from '../lessons/resume-codes';
import type { GroupSessionsDoc } from '../staff-console/group-sessions';
import { sharedDocument } from '../staff-console/shared-documents';
import { staffLogDocument, type StaffAction } from '../staff-console/staff-log';

/** Entries the kiosk writes by itself or that anyone can cause: they say nothing staff did. */
const NOT_BY_STAFF: ReadonlySet<StaffAction> = new Set(['purge', 'sign-in-locked']);

/**
 * Whether the kiosk holds personal data that only staff may see: what data care's wipe removes
 * (participant lists, resume codes) plus session notes and the staff log's record of what staff
 * did. While any is here, a kiosk that cannot read its staff PIN asks for the recovery code
 * instead of letting whoever stands there choose a new PIN.
 */
export async function personalDataOnKiosk(ctx: CoreContext): Promise<boolean> {
  const groups = sharedDocument<GroupSessionsDoc>(ctx, 'group-sessions');
  if (groups?.data.sessions.some((session) => session.participants.length > 0 || session.notes.trim() !== '')) return true;
  const codes = sharedDocument<ResumeCodesDoc>(ctx, 'resume-codes');
  if ((codes?.data.codes.length ?? 0) > 0) return true;
  const log = await staffLogDocument(ctx);
  return log.data.entries.some((entry) => !NOT_BY_STAFF.has(entry.action));
}
