import { z } from 'zod';
import { method } from '../contract-method';
import { MAX_STAFF_NAME, STAFF_ROLES } from './credential-schema';
import type { StaffAccountView } from './staff-status';

const Pin = z.string().max(32);
const AccountId = z.string().min(1).max(40);
const Name = z.string().trim().min(1).max(MAX_STAFF_NAME);
const Role = z.enum(STAFF_ROLES);

/**
 * Staff accounts (coordinators only, checked in the core) and the record of a print the core
 * cannot see (the browser kiosk prints with the browser's own dialog).
 */
export const staffAccessMethods = {
  /** Who is signed in on this session: the console shows and hides by role. */
  'staff.whoami': method<StaffAccountView>()({ input: z.object({}).strict(), staff: true }),
  'staff.accounts.list': method<{ accounts: StaffAccountView[] }>()({
    input: z.object({}).strict(),
    staff: true,
    role: 'coordinator',
  }),
  /** The new person enters their own PIN twice; weak PINs are refused with a reason. */
  'staff.accounts.add': method<StaffAccountView>()({
    input: z.object({ name: Name, role: Role, pin: Pin, confirm: Pin }).strict(),
    staff: true,
    role: 'coordinator',
  }),
  'staff.accounts.update': method<StaffAccountView>()({
    input: z.object({ id: AccountId, name: Name.optional(), role: Role.optional() }).strict(),
    staff: true,
    role: 'coordinator',
  }),
  'staff.accounts.resetPin': method<StaffAccountView>()({
    input: z.object({ id: AccountId, pin: Pin, confirm: Pin }).strict(),
    staff: true,
    role: 'coordinator',
  }),
  /** Never the last coordinator. */
  'staff.accounts.remove': method<StaffAccountView>()({
    input: z.object({ id: AccountId }).strict(),
    staff: true,
    role: 'coordinator',
  }),
  /** The console printed a page with the browser's print (the desktop kiosk's PDFs are logged by the core). */
  'staff.log.print': method<{ logged: true }>()({
    input: z
      .object({
        kind: z.enum(['report', 'session-summary', 'sign-in-sheet', 'course']),
        name: z.string().trim().max(120).optional(),
      })
      .strict(),
    staff: true,
  }),
} as const;
