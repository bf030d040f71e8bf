import { z } from 'zod';

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

/**
 * staff-credential.json: the PIN hash and its lock-out, apart from settings.json so that recovering
 * settings can never take the PIN with it. `lostAt` records that a credential existed but neither
 * the file nor its backup could be read: the kiosk remembers the loss until a new PIN is set.
 */
export const STAFF_CREDENTIAL_SCHEMA_VERSION = 1;
export const StaffCredentialDocSchema = z.object({
  schemaVersion: z.literal(STAFF_CREDENTIAL_SCHEMA_VERSION),
  pin: PinHashSchema.nullable(),
  ...GuessCounterShape,
  lostAt: z.string().datetime().nullable(),
});
export type StaffCredentialDoc = z.infer<typeof StaffCredentialDocSchema>;

export function defaultStaffCredentialDoc(): StaffCredentialDoc {
  return {
    schemaVersion: STAFF_CREDENTIAL_SCHEMA_VERSION,
    pin: null,
    failedAttempts: 0,
    lockedUntil: null,
    lockCount: 0,
    lostAt: null,
  };
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
