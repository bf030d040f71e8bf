import { KioskError } from '../errors';
import type { StaffCredentialDoc, StaffRecoveryDoc } from './credential-schema';
import type { StaffDocuments } from './credential-store';
import {
  countGuess,
  freshCounter,
  lockHolds,
  sameCounter,
  triesLeft,
  type GuessCounter,
  type GuessPolicy,
} from './guess-limit';
import { hashPin, hashSecret, PIN_PATTERN, verifyPin, verifySecret } from './pin';
import { generateRecoveryCode, normaliseRecoveryCode } from './recovery-code';
import { StaffSessions } from './sessions';
import type {
  StaffEntryMode,
  StaffHealth,
  StaffHealthCode,
  StaffHealthNotice,
  StaffStatus,
} from './staff-status';

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

function counterOf(doc: Readonly<StaffCredentialDoc | StaffRecoveryDoc>): GuessCounter {
  return { failedAttempts: doc.failedAttempts, lockedUntil: doc.lockedUntil, lockCount: doc.lockCount };
}

/**
 * Staff PIN set-up, sign-in with lock-out, PIN change, the recovery code, sessions.
 *
 * The guess counters live in memory first and on disk second: every checked guess changes the
 * counter in memory before anything is written, and a counter that cannot be written (a full
 * disk) is still counted and still locks. The right PIN is never refused because a write failed.
 */
export class StaffAuth {
  readonly sessions: StaffSessions;
  private pinCounter: GuessCounter;
  private recoveryCounter: GuessCounter;
  private readonly notices: StaffHealthNotice[];
  private personalData: () => Promise<boolean> = async () => false;
  private recovering = false;

  constructor(
    private readonly docs: StaffDocuments,
    private readonly now: () => Date,
  ) {
    this.sessions = new StaffSessions({
      idleMs: SESSION_IDLE_MS,
      maxMs: SESSION_MAX_MS,
      now: () => this.now().getTime(),
    });
    this.pinCounter = docs.unmovedLegacy
      ? {
          ...freshCounter(),
          failedAttempts: docs.unmovedLegacy.failedAttempts,
          lockedUntil: docs.unmovedLegacy.lockedUntil,
        }
      : counterOf(docs.credential.data);
    this.recoveryCounter = counterOf(docs.recovery.data);
    this.notices = [...docs.notices];
  }

  /** How to tell whether personal data is on the kiosk (data care's documents, known once they are open). */
  usePersonalDataCheck(check: () => Promise<boolean>): void {
    this.personalData = check;
  }

  private get pinHash() {
    return this.docs.credential.data.pin ?? this.docs.unmovedLegacy?.pin ?? null;
  }

  get pinIsSet(): boolean {
    return this.pinHash !== null;
  }

  /** ISO time until which PIN entry is locked, or null. */
  lockedUntil(): string | null {
    return lockHolds(this.pinCounter, this.now());
  }

  async entry(): Promise<StaffEntryMode> {
    if (this.pinIsSet) return 'sign-in';
    if (!this.docs.everHadPin || !(await this.personalData())) return 'set-up';
    return this.docs.recovery.data.code ? 'recovery' : 'closed';
  }

  async status(): Promise<StaffStatus> {
    const pinLocked = this.lockedUntil();
    return {
      pinSet: this.pinIsSet,
      lockedUntil: pinLocked,
      entry: await this.entry(),
      triesLeft: triesLeft(this.pinCounter, this.now(), PIN_POLICY),
      lockMinutes: PIN_POLICY.lockMs(this.pinCounter.lockCount + (pinLocked ? 0 : 1)) / 60_000,
      recovery: {
        available: this.docs.recovery.data.code !== null,
        lockedUntil: lockHolds(this.recoveryCounter, this.now()),
        triesLeft: triesLeft(this.recoveryCounter, this.now(), RECOVERY_POLICY),
      },
    };
  }

  health(): StaffHealth {
    return {
      pinSet: this.pinIsSet,
      recoveryCode: this.docs.recovery.data.code !== null,
      notices: this.notices.map((n) => ({ ...n })),
    };
  }

  /** First-run set-up. Returns the session and the recovery code, to be shown once (null if it could not be saved). */
  async setup(pin: string, confirm: string): Promise<{ session: string; recoveryCode: string | null }> {
    if (this.pinIsSet) throw alreadySetError();
    assertPinShape(pin);
    if (pin !== confirm) throw new KioskError('invalid_input', 'The two PINs are not the same.');
    if ((await this.entry()) !== 'set-up') throw recoveryNeededError();
    const hash = await hashPin(pin);
    // Another set-up may have finished while this one hashed: decide inside the serialised update.
    await this.docs.credential.update((draft) => {
      if (draft.pin !== null) throw alreadySetError();
      Object.assign(draft, freshCounter(), { pin: hash, lostAt: null });
    });
    this.pinCounter = freshCounter();
    const recoveryCode = await this.renewRecoveryCode();
    return { session: this.sessions.start(), recoveryCode };
  }

  /**
   * Sign-in. A kiosk without a stored recovery code (set up before there were any, or whose record
   * was lost) makes one now, for the signed-in staff to keep.
   */
  async login(pin: string): Promise<{ session: string; recoveryCode: string | null }> {
    const attempts = await this.checkPin(pin);
    if (attempts > 0) throw wrongPinError(attempts);
    const recoveryCode = this.docs.recovery.data.code === null ? await this.renewRecoveryCode() : null;
    return { session: this.sessions.start(), recoveryCode };
  }

  /**
   * Wrong current PINs count towards the lockout like wrong logins, so a left-open console cannot
   * be used to guess the PIN; reaching the lock also ends every staff session. A changed PIN ends
   * every staff session but the one that changed it: whoever knew the old PIN is signed out.
   */
  async changePin(
    current: string,
    next: string,
    confirm: string,
    keepSession: string | undefined,
  ): Promise<void> {
    assertPinShape(next);
    if (next !== confirm) throw new KioskError('invalid_input', 'The two new PINs are not the same.');
    const attempts = await this.checkPin(current);
    if (attempts > 0) {
      if (attempts >= MAX_FAILED_ATTEMPTS) this.sessions.endAll();
      throw new KioskError(
        'invalid_input',
        `The current PIN is not right. ${wrongPinError(attempts).message}`,
      );
    }
    const hash = await hashPin(next);
    await this.writeCredential(this.pinCounter, (draft) => {
      draft.pin = hash;
    });
    this.sessions.endAllExcept(keepSession);
  }

  /**
   * The recovery code sets a new PIN, whatever happened to the old one (forgotten, lost with its
   * file, or locked out), and lifts the PIN lock. It is then used up: a new one is made and
   * returned to be shown once. Wrong codes have their own limit.
   */
  async recover(
    code: string,
    pin: string,
    confirm: string,
  ): Promise<{ session: string; recoveryCode: string | null }> {
    assertPinShape(pin);
    if (pin !== confirm) throw new KioskError('invalid_input', 'The two PINs are not the same.');
    const stored = this.docs.recovery.data.code;
    if (!stored)
      throw new KioskError(
        'forbidden',
        'There is no recovery code on this kiosk that can be read. A technician must check it.',
      );
    const locked = lockHolds(this.recoveryCounter, this.now());
    if (locked) throw recoveryLockedError(locked);
    if (this.recovering)
      throw new KioskError('conflict', 'A recovery is already under way. Try again in a moment.');
    const digits = normaliseRecoveryCode(code);
    const correct = digits !== null && (await verifySecret(digits, stored));
    // Other guesses may have been counted while this one hashed: the lock is checked again, and
    // the counter changed, with nothing awaited in between.
    const lockedNow = lockHolds(this.recoveryCounter, this.now());
    if (lockedNow) throw recoveryLockedError(lockedNow);
    if (this.recovering)
      throw new KioskError('conflict', 'A recovery is already under way. Try again in a moment.');
    const before = this.recoveryCounter;
    this.recoveryCounter = countGuess(before, correct, this.now(), RECOVERY_POLICY);
    if (!correct) {
      await this.saveRecoveryCounter();
      const left = MAX_RECOVERY_ATTEMPTS - this.recoveryCounter.failedAttempts;
      throw new KioskError(
        'unauthorized',
        left > 0
          ? `That recovery code is not right. ${left} tries left.`
          : 'That recovery code is not right. Recovery is locked for 15 minutes.',
      );
    }
    this.recovering = true;
    try {
      const hash = await hashPin(pin);
      // The PIN is saved before the code is used up: if this write fails, the code still works.
      await this.writeCredential(freshCounter(), (draft) => {
        draft.pin = hash;
        draft.lostAt = null;
      });
      this.pinCounter = freshCounter();
      this.sessions.endAll();
      this.notice('pin-recovered');
      const recoveryCode = await this.renewRecoveryCode();
      if (recoveryCode === null && !sameCounter(before, this.recoveryCounter))
        await this.saveRecoveryCounter();
      return { session: this.sessions.start(), recoveryCode };
    } finally {
      this.recovering = false;
    }
  }

  /** Throws unauthorized unless the token names a live session. */
  requireSession(token: string | undefined): void {
    if (!this.sessions.touch(token)) {
      throw new KioskError('unauthorized', 'Staff sign-in is needed (or has expired).');
    }
  }

  /**
   * Checks a PIN against the stored hash and counts the attempt: 0 when right, else the number of
   * wrong attempts so far (the fifth locks staff entry). Throws while locked.
   */
  private async checkPin(pin: string): Promise<number> {
    const stored = this.pinHash;
    if (!stored) throw new KioskError('conflict', 'No staff PIN is set yet. Set one up first.');
    const locked = this.lockedUntil();
    if (locked) throw lockedError(locked);
    const correct = PIN_PATTERN.test(pin) && (await verifyPin(pin, stored));
    // Other attempts may have been counted while the hash was computed, so the lock is checked
    // again and the count changed with nothing awaited in between: a burst of parallel guesses
    // cannot run past it, whether or not the disk takes the count.
    const lockedNow = this.lockedUntil();
    if (lockedNow) throw lockedError(lockedNow);
    const before = this.pinCounter;
    this.pinCounter = countGuess(before, correct, this.now(), PIN_POLICY);
    if (!sameCounter(before, this.pinCounter)) await this.savePinCounter();
    return correct ? 0 : this.pinCounter.failedAttempts;
  }

  /** Writes the credential with the given counter; the write decides, memory follows on success. */
  private writeCredential(counter: GuessCounter, change: (draft: StaffCredentialDoc) => void): Promise<void> {
    return this.docs.credential.update((draft) => {
      Object.assign(draft, counter);
      change(draft);
    });
  }

  /** The counter as it is in memory now (later guesses included); a failed write is noted, never thrown. */
  private async savePinCounter(): Promise<void> {
    if (!this.docs.credential.data.pin) {
      // The PIN is only in memory (it could not be moved out of settings): nothing to write it with.
      this.notice('lockout-not-saved');
      return;
    }
    try {
      await this.docs.credential.update((draft) => {
        Object.assign(draft, this.pinCounter);
      });
    } catch {
      this.notice('lockout-not-saved');
    }
  }

  private async saveRecoveryCounter(): Promise<void> {
    try {
      await this.docs.recovery.update((draft) => {
        Object.assign(draft, this.recoveryCounter);
      });
    } catch {
      this.notice('lockout-not-saved');
    }
  }

  /** A new recovery code, stored only as its hash; null (and a notice) when it could not be saved. */
  private async renewRecoveryCode(): Promise<string | null> {
    const code = generateRecoveryCode();
    const hash = await hashSecret(code);
    try {
      await this.docs.recovery.update((draft) => {
        Object.assign(draft, freshCounter(), {
          code: hash,
          createdAt: this.now().toISOString(),
          lostAt: null,
        });
      });
    } catch {
      this.notice('recovery-not-saved');
      return null;
    }
    this.recoveryCounter = freshCounter();
    this.dropNotices(['recovery-lost', 'recovery-missing']);
    return code;
  }

  /** Repeats of one problem are kept once, with the latest time and a count. */
  private notice(code: StaffHealthCode): void {
    const time = this.now().toISOString();
    const same = this.notices.find((n) => n.code === code);
    if (same) {
      same.time = time;
      same.count = (same.count ?? 1) + 1;
    } else {
      this.notices.push({ code, time });
    }
  }

  private dropNotices(codes: StaffHealthCode[]): void {
    for (let i = this.notices.length - 1; i >= 0; i -= 1)
      if (codes.includes(this.notices[i]!.code)) this.notices.splice(i, 1);
  }
}

function assertPinShape(pin: string): void {
  if (!PIN_PATTERN.test(pin)) throw new KioskError('invalid_input', 'A staff PIN is exactly 6 digits.');
}

function wrongPinError(attempts: number): KioskError {
  const left = MAX_FAILED_ATTEMPTS - attempts;
  if (left <= 0) return new KioskError('unauthorized', 'Wrong PIN. Staff entry is now locked.');
  return new KioskError(
    'unauthorized',
    `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before staff entry locks.`,
  );
}

function alreadySetError(): KioskError {
  return new KioskError('conflict', 'A staff PIN is already set. Sign in to change it.');
}

function recoveryNeededError(): KioskError {
  return new KioskError(
    'forbidden',
    'The staff PIN cannot be read and personal data is on this kiosk: a new PIN needs the recovery code.',
  );
}

function lockedError(until: string): KioskError {
  return new KioskError('locked', `Too many wrong PINs. Staff entry is locked until ${until}.`);
}

function recoveryLockedError(until: string): KioskError {
  return new KioskError('locked', `Too many wrong recovery codes. Recovery is locked until ${until}.`);
}
