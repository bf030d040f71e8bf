import { KioskError } from '../errors';
import { FIRST_COORDINATOR, type StaffAccount } from './credential-schema';
import type { GuessPolicy } from './guess-limit';
import type { SecretHash } from './credential-schema';
import { PIN_PATTERN } from './pin';
import { weakPinReason } from './weak-pin';

/** The numbers of staff entry (README.md in this folder says why) and the refusals StaffAuth throws. */
export const MAX_FAILED_ATTEMPTS = 5;
/** The first lock; each further lock in a row (no right PIN in between) lasts twice as long… */
export const LOCKOUT_MS = 5 * 60 * 1000;
/** …up to this. README.md in this folder says why. */
export const MAX_LOCKOUT_MS = 4 * 60 * 60 * 1000;
export const MAX_RECOVERY_ATTEMPTS = 10;
export const RECOVERY_LOCKOUT_MS = 15 * 60 * 1000;
export const SESSION_IDLE_MS = 10 * 60 * 1000;
export const SESSION_MAX_MS = 2 * 60 * 60 * 1000;

export const PIN_POLICY: GuessPolicy = {
  maxAttempts: MAX_FAILED_ATTEMPTS,
  lockMs: (lockCount) => Math.min(LOCKOUT_MS * 2 ** Math.max(0, lockCount - 1), MAX_LOCKOUT_MS),
};
export const RECOVERY_POLICY: GuessPolicy = {
  maxAttempts: MAX_RECOVERY_ATTEMPTS,
  lockMs: () => RECOVERY_LOCKOUT_MS,
};

/**
 * A PIN being chosen (set-up, change, reset, recovery): six digits, the same twice, and not one
 * a passer-by would try first. Checked before anything is counted or written.
 */
export function assertNewPin(pin: string, confirm: string, centrePhone: string | null): void {
  assertPinShape(pin);
  if (pin !== confirm)
    throw new KioskError('invalid_input', 'The two PINs are not the same.', {
      reason: 'staff.accounts.errors.pinsDiffer',
    });
  const weak = weakPinReason(pin, centrePhone);
  if (weak)
    throw new KioskError('invalid_input', `That PIN is too easy to guess (${weak}).`, {
      reason: `staff.accounts.errors.weak.${weak}`,
    });
}

/**
 * The account a sign-in is for: the one named, or the only one. With several accounts the name
 * is needed, so that one guess is checked against one PIN, never against every account's.
 */
export function accountToCheck(
  accounts: readonly StaffAccount[],
  accountId: string | undefined,
): StaffAccount {
  if (accounts.length === 0)
    throw new KioskError('conflict', 'No staff PIN is set yet. Set one up first.', {
      reason: 'staff.errors.noPinYet',
    });
  const account = accountId
    ? accounts.find((a) => a.id === accountId)
    : accounts.length === 1
      ? accounts[0]
      : undefined;
  if (!account)
    throw new KioskError('invalid_input', 'Choose whose sign-in this is.', {
      reason: 'staff.accounts.errors.chooseName',
    });
  return account;
}

/**
 * The coordinator account a recovery sets the new PIN of (changed in place): the one named, else
 * the first coordinator, else (every account lost) a new coordinator, added to `accounts`.
 */
export function recoveryTarget(
  accounts: StaffAccount[],
  accountId: string | undefined,
  pinHash: SecretHash,
  now: Date,
): StaffAccount {
  let chosen =
    accounts.find((a) => a.id === accountId && a.role === 'coordinator') ??
    accounts.find((a) => a.role === 'coordinator');
  if (!chosen) {
    chosen = {
      id: accounts.some((a) => a.id === FIRST_COORDINATOR.id)
        ? `coordinator-${now.getTime()}`
        : FIRST_COORDINATOR.id,
      name: FIRST_COORDINATOR.name,
      role: 'coordinator',
      pinHash,
      createdAt: now.toISOString(),
    };
    accounts.push(chosen);
  }
  chosen.pinHash = pinHash;
  return chosen;
}

export function assertPinShape(pin: string): void {
  if (!PIN_PATTERN.test(pin))
    throw new KioskError('invalid_input', 'A staff PIN is exactly 6 digits.', {
      reason: 'staff.errors.pinShape',
    });
}

export function wrongPinError(attempts: number): KioskError {
  const left = MAX_FAILED_ATTEMPTS - attempts;
  if (left <= 0)
    return new KioskError('unauthorized', 'Wrong PIN. Staff entry is now locked.', {
      reason: 'staff.errors.wrongPinLocked',
    });
  return new KioskError(
    'unauthorized',
    `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before staff entry locks.`,
    { reason: 'staff.errors.wrongPin', params: { left } },
  );
}

export function alreadySetError(): KioskError {
  return new KioskError('conflict', 'A staff PIN is already set. Sign in to change it.', {
    reason: 'staff.errors.pinAlreadySet',
  });
}

export function recoveryNeededError(): KioskError {
  return new KioskError(
    'forbidden',
    'The staff PIN cannot be read and personal data is on this kiosk: a new PIN needs the recovery code.',
    { reason: 'staff.errors.recoveryNeeded' },
  );
}

export function lockedError(until: string): KioskError {
  return new KioskError('locked', `Too many wrong PINs. Staff entry is locked until ${until}.`, {
    reason: 'staff.errors.pinLocked',
  });
}

export function recoveryLockedError(until: string): KioskError {
  return new KioskError('locked', `Too many wrong recovery codes. Recovery is locked until ${until}.`, {
    reason: 'staff.errors.recoveryLocked',
  });
}

export function noRecoveryCodeError(): KioskError {
  return new KioskError(
    'forbidden',
    'There is no recovery code on this kiosk that can be read. A technician must check it.',
    { reason: 'staff.errors.noRecoveryCode' },
  );
}

export function recoveryUnderWayError(): KioskError {
  return new KioskError('conflict', 'A recovery is already under way. Try again in a moment.', {
    reason: 'staff.errors.recoveryUnderWay',
  });
}

export function wrongRecoveryCodeError(left: number): KioskError {
  return new KioskError(
    'unauthorized',
    left > 0
      ? `That recovery code is not right. ${left} tries left.`
      : 'That recovery code is not right. Recovery is locked for 15 minutes.',
    left > 0
      ? { reason: 'staff.errors.wrongRecoveryCode', params: { left } }
      : { reason: 'staff.errors.wrongRecoveryCodeLocked' },
  );
}
