import type { CoreContext } from '../core-context';
import type { HandlerContext, HandlersOf } from '../contract-method';
import { KioskError } from '../errors';
import { logStaffAction } from '../staff-console/staff-log';
import { StaffAccounts } from './accounts';
import type { staffAccessMethods } from './contract';
import type { StaffAuth } from './staff-auth';

function signedIn(call: HandlerContext) {
  if (!call.staffAccount)
    throw new KioskError('unauthorized', 'Staff sign-in is needed (or has expired).', {
      reason: 'staff.errors.signInNeeded',
    });
  return call.staffAccount;
}

/** The staff accounts panel's methods and the browser print's record, each logged under who did it. */
export function createStaffAccessHandlers(
  ctx: CoreContext,
  auth: StaffAuth,
  documents: ConstructorParameters<typeof StaffAccounts>[1],
): HandlersOf<typeof staffAccessMethods> {
  const accounts = new StaffAccounts(auth, documents, ctx.now);
  return {
    'staff.whoami': async (_input, call) => signedIn(call),
    'staff.accounts.list': async () => ({ accounts: accounts.list() }),
    'staff.accounts.add': async (input) => {
      const added = await accounts.add(input);
      await logStaffAction(ctx, 'account-added', `${added.name} (${added.role})`, {
        name: added.name,
        role: added.role,
      });
      return added;
    },
    'staff.accounts.update': async ({ id, name, role }) => {
      const before = accounts.list().find((a) => a.id === id);
      let after = before;
      if (name !== undefined) after = await accounts.rename(id, name);
      if (role !== undefined) after = await accounts.setRole(id, role);
      if (!after || !before)
        throw new KioskError('not_found', 'That staff account is no longer on this kiosk.', {
          reason: 'staff.accounts.errors.notFound',
        });
      const params: Record<string, string> = { name: after.name };
      if (before.name !== after.name) params.previousName = before.name;
      if (before.role !== after.role) params.role = after.role;
      await logStaffAction(ctx, 'account-changed', `${before.name} → ${after.name} (${after.role})`, params);
      return after;
    },
    'staff.accounts.resetPin': async ({ id, pin, confirm }) => {
      const account = await accounts.resetPin(id, pin, confirm);
      await logStaffAction(ctx, 'pin-changed', `PIN of ${account.name} reset`, { name: account.name });
      return account;
    },
    'staff.accounts.remove': async ({ id }) => {
      const removed = await accounts.remove(id);
      await logStaffAction(ctx, 'account-removed', removed.name, { name: removed.name });
      return removed;
    },
    'staff.log.print': async ({ kind, name }) => {
      await logStaffAction(ctx, 'export', `printed: ${kind}${name ? ` ${name}` : ''}`, {
        format: 'print',
        document: kind,
        ...(name ? { name } : {}),
      });
      return { logged: true };
    },
  };
}
