import { z } from 'zod';
import type { Migration } from '../store/document-schema';
import { UNNAMED_FIRST_COORDINATOR } from '../../shared/staff-names';

/** Only what is needed to check a secret (the PIN, the recovery code): never the secret itself. */
export const SecretHashSchema = z.object({
  algorithm: z.literal('scrypt'),
  salt: z.string().min(16),
  hash: z.string().min(32),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  keyLength: z.number().int().positive(),
});
export type SecretHash = z.infer<typeof SecretHashSchema>;
export const PinHashSchema = SecretHashSchema;
export type PinHash = SecretHash;

/** The failure count and lock of one secret, kept on disk so a restart does not unlock it. */
const GuessCounterShape = {
  failedAttempts: z.number().int().min(0),
  /** ISO time until which entry is locked. */
  lockedUntil: z.string().datetime().nullable(),
  /** Locks in a row without a right guess in between (the PIN's locks grow longer with it). */
  lockCount: z.number().int().min(0),
};

export const STAFF_ROLES = ['coordinator', 'facilitator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const MAX_STAFF_ACCOUNTS = 40;
export const MAX_STAFF_NAME = 40;

/**
 * One staff member: the name the entry screen shows and the staff log records, a role, and the
 * hash of their own PIN. Coordinators set up accounts and keep the kiosk's data; facilitators run
 * group sessions and courses, see reports and change their own PIN.
 */
export const StaffAccountSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(MAX_STAFF_NAME),
  role: z.enum(STAFF_ROLES),
  pinHash: PinHashSchema,
  createdAt: z.string().datetime(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

/** The account version 1's shared PIN becomes (renamable); also the first account a new kiosk makes. */
export const FIRST_COORDINATOR = { id: 'coordinator', name: UNNAMED_FIRST_COORDINATOR } as const;

/**
 * staff-credential.json: the staff accounts and the kiosk's one wrong-PIN count and lock (per
 * kiosk, not per account, so more accounts do not mean more guesses), apart from settings.json so
 * that recovering settings can never take a PIN with it. `lostAt` records that a credential existed
 * but neither the file nor its backup could be read: the kiosk remembers the loss until a new PIN
 * is set.
 */
export const STAFF_CREDENTIAL_SCHEMA_VERSION = 2;
export const StaffCredentialDocSchema = z.object({
  schemaVersion: z.literal(STAFF_CREDENTIAL_SCHEMA_VERSION),
  accounts: z.array(StaffAccountSchema).max(MAX_STAFF_ACCOUNTS),
  ...GuessCounterShape,
  lostAt: z.string().datetime().nullable(),
});
export type StaffCredentialDoc = z.infer<typeof StaffCredentialDocSchema>;

export function defaultStaffCredentialDoc(): StaffCredentialDoc {
  return {
    schemaVersion: STAFF_CREDENTIAL_SCHEMA_VERSION,
    accounts: [],
    failedAttempts: 0,
    lockedUntil: null,
    lockCount: 0,
    lostAt: null,
  };
}

/**
 * Version 1 held one shared PIN: it becomes one coordinator account, so a kiosk keeps signing in
 * with the PIN it had. The lock and the count carry over as they were.
 */
export function credentialMigrations(now: () => Date): Migration[] {
  return [
    {
      from: 1,
      migrate: ({ pin, ...rest }) => ({
        ...rest,
        schemaVersion: 2,
        accounts: pin
          ? [{ ...FIRST_COORDINATOR, role: 'coordinator', pinHash: pin, createdAt: now().toISOString() }]
          : [],
      }),
    },
  ];
}

/**
 * staff-recovery.json: the recovery code's hash and its own guess limit, in a document apart from
 * the credential so that one damaged file cannot lose both.
 */
export const STAFF_RECOVERY_SCHEMA_VERSION = 1;
export const StaffRecoveryDocSchema = z.object({
  schemaVersion: z.literal(STAFF_RECOVERY_SCHEMA_VERSION),
  code: SecretHashSchema.nullable(),
  createdAt: z.string().datetime().nullable(),
  ...GuessCounterShape,
  lostAt: z.string().datetime().nullable(),
});
export type StaffRecoveryDoc = z.infer<typeof StaffRecoveryDocSchema>;

export function defaultStaffRecoveryDoc(): StaffRecoveryDoc {
  return {
    schemaVersion: STAFF_RECOVERY_SCHEMA_VERSION,
    code: null,
    createdAt: null,
    failedAttempts: 0,
    lockedUntil: null,
    lockCount: 0,
    lostAt: null,
  };
}

/** How settings.json kept the staff credential before it had its own document (read once, to move it). */
export const LegacyStaffAuthSchema = z.object({
  pin: PinHashSchema.nullable(),
  failedAttempts: z.number().int().min(0),
  lockedUntil: z.string().datetime().nullable(),
});
export type LegacyStaffAuth = z.infer<typeof LegacyStaffAuthSchema>;
