import { KioskError } from '../errors';
import {
  FIRST_COORDINATOR,
  type StaffAccount,
  type StaffCredentialDoc,
  type StaffRecoveryDoc,
} from './credential-schema';
import type { StaffDocuments } from './credential-store';
import {
  countGuess,
  freshCounter,
  lockHolds,
  sameCounter,
  triesLeft,
  type GuessCounter,
} from './guess-limit';
import { hashPin, hashSecret, PIN_PATTERN, verifyPin, verifySecret } from './pin';
import {
  accountToCheck,
  alreadySetError,
  assertNewPin,
  LOCKOUT_MS,
  lockedError,
  MAX_FAILED_ATTEMPTS,
  MAX_LOCKOUT_MS,
  MAX_RECOVERY_ATTEMPTS,
  noRecoveryCodeError,
  PIN_POLICY,
  RECOVERY_LOCKOUT_MS,
  RECOVERY_POLICY,
  recoveryLockedError,
  recoveryNeededError,
  recoveryTarget,
  recoveryUnderWayError,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  wrongPinError,
  wrongRecoveryCodeError,
} from './auth-rules';
import { generateRecoveryCode, normaliseRecoveryCode } from './recovery-code';
import { StaffSessions } from './sessions';
import type {
  StaffAccountView,
  StaffEntryMode,
  StaffHealth,
  StaffHealthCode,
  StaffHealthNotice,
  StaffStatus,
} from './staff-status';

export {
  LOCKOUT_MS,
  MAX_FAILED_ATTEMPTS,
  MAX_LOCKOUT_MS,
  MAX_RECOVERY_ATTEMPTS,
  PIN_POLICY,
  RECOVERY_LOCKOUT_MS,
  RECOVERY_POLICY,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
};

/** What a sign-in, a set-up or a recovery returns: the session, a recovery code to show once, who signed in. */
export interface SignedIn {
  session: string;
  recoveryCode: string | null;
  account: StaffAccountView;
}

export function viewOf(account: StaffAccount): StaffAccountView {
  return { id: account.id, name: account.name, role: account.role };
}

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
  private centrePhone: () => string | null = () => null;
  private classViewLimitMs: () => number = () => 0;
  private recovering = false;

  constructor(
    private readonly docs: StaffDocuments,
    private readonly now: () => Date,
  ) {
    this.sessions = new StaffSessions({
      idleMs: SESSION_IDLE_MS,
      // A class may run as long as its view is allowed to stay up: the facilitator signed in at
      // the start must not be asked for the PIN when it ends.
      maxMs: () => Math.max(SESSION_MAX_MS, this.classViewLimitMs() + SESSION_IDLE_MS),
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

  /** How long a class view may stay up (the `groupViewLimitMinutes` setting), in ms. */
  useClassViewLimit(limitMs: () => number): void {
    this.classViewLimitMs = limitMs;
  }

  /** The centre's phone number, whose digits no new PIN may be (a public setting). */
  useCentrePhone(phone: () => string | null): void {
    this.centrePhone = phone;
  }

  /**
   * Every staff account, oldest first. A PIN that could not yet be moved out of settings.json (a
   * full disk at the upgrade) is the one coordinator, from memory.
   */
  get accounts(): readonly StaffAccount[] {
    const stored = this.docs.credential.data.accounts;
    if (stored.length > 0 || !this.docs.unmovedLegacy?.pin) return stored;
    return [
      {
        ...FIRST_COORDINATOR,
        role: 'coordinator',
        pinHash: this.docs.unmovedLegacy.pin,
        createdAt: '1970-01-01T00:00:00.000Z',
      },
    ];
  }

  get pinIsSet(): boolean {
    return this.accounts.length > 0;
  }

  /** The account a live session is signed in as (refreshing it), or null. */
  accountOf(token: string | undefined): StaffAccountView | null {
    const id = this.sessions.touch(token);
    const account = id === null ? undefined : this.accounts.find((a) => a.id === id);
    if (id !== null && !account) this.sessions.endAccount(id);
    return account ? viewOf(account) : null;
  }

  /**
   * A PIN being chosen (set-up, change, reset, recovery): six digits, the same twice, and not one
   * a passer-by would try first. Checked before anything is counted or written.
   */
  assertNewPin(pin: string, confirm: string): void {
    assertNewPin(pin, confirm, this.centrePhone());
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
      accounts: this.accounts.map(viewOf),
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

  /**
   * First-run set-up: the first coordinator account. Returns the session and the recovery code,
   * to be shown once (null if it could not be saved).
   */
  async setup(pin: string, confirm: string, name?: string): Promise<SignedIn> {
    if (this.pinIsSet) throw alreadySetError();
    if ((await this.entry()) !== 'set-up') throw recoveryNeededError();
    this.assertNewPin(pin, confirm);
    const account: StaffAccount = {
      id: FIRST_COORDINATOR.id,
      name: name?.trim() || FIRST_COORDINATOR.name,
      role: 'coordinator',
      pinHash: await hashPin(pin),
      createdAt: this.now().toISOString(),
    };
    // Another set-up may have finished while this one hashed: decide inside the serialised update.
    await this.docs.credential.update((draft) => {
      if (draft.accounts.length > 0) throw alreadySetError();
      Object.assign(draft, freshCounter(), { accounts: [account], lostAt: null });
    });
    this.pinCounter = freshCounter();
    const recoveryCode = await this.renewRecoveryCode();
    return { session: this.sessions.start(account.id), recoveryCode, account: viewOf(account) };
  }

  /**
   * The account a sign-in is for: the one named, or the only one. With several accounts the
   * name is needed, so that one guess is checked against one PIN, never against every account's.
   */
  private accountFor(accountId: string | undefined): StaffAccount {
    return accountToCheck(this.accounts, accountId);
  }

  /**
   * Sign-in. A kiosk without a stored recovery code (set up before there were any, or whose record
   * was lost) makes one now, for the signed-in staff to keep.
   */
  async login(pin: string, accountId?: string): Promise<SignedIn> {
    const account = this.accountFor(accountId);
    const attempts = await this.checkPin(pin, account);
    if (attempts > 0) throw wrongPinError(attempts);
    const recoveryCode = this.docs.recovery.data.code === null ? await this.renewRecoveryCode() : null;
    return { session: this.sessions.start(account.id), recoveryCode, account: viewOf(account) };
  }

  /** The account a sign-in would be checked against, for the log (null when none would be). */
  accountTried(accountId: string | undefined): StaffAccountView | null {
    try {
      return viewOf(this.accountFor(accountId));
    } catch {
      return null;
    }
  }

  /**
   * The signed-in staff member changes their own PIN. Wrong current PINs count towards the
   * lockout like wrong logins, so a left-open console cannot be used to guess a PIN; reaching the
   * lock also ends every staff session. A changed PIN ends every other session of that account:
   * whoever knew the old PIN is signed out.
   */
  async changePin(
    current: string,
    next: string,
    confirm: string,
    keepSession: string | undefined,
  ): Promise<void> {
    const account = this.accountOf(keepSession);
    if (!account)
      throw new KioskError('unauthorized', 'Staff sign-in is needed (or has expired).', {
        reason: 'staff.errors.signInNeeded',
      });
    this.assertNewPin(next, confirm);
    const attempts = await this.checkPin(current, this.accountFor(account.id));
    if (attempts > 0) {
      if (attempts >= MAX_FAILED_ATTEMPTS) this.sessions.endAll();
      throw new KioskError(
        'invalid_input',
        `The current PIN is not right. ${wrongPinError(attempts).message}`,
        attempts < MAX_FAILED_ATTEMPTS
          ? { reason: 'staff.errors.currentPinWrong', params: { left: MAX_FAILED_ATTEMPTS - attempts } }
          : { reason: 'staff.errors.currentPinWrongLocked' },
      );
    }
    const hash = await hashPin(next);
    await this.writeCredential(this.pinCounter, (draft) => {
      const own = draft.accounts.find((a) => a.id === account.id);
      if (!own)
        throw new KioskError('not_found', 'That staff account is no longer on this kiosk.', {
          reason: 'staff.accounts.errors.notFound',
        });
      own.pinHash = hash;
    });
    for (const token of this.sessions.tokensOf(account.id))
      if (token !== keepSession) this.sessions.end(token);
  }

  /**
   * The recovery code sets a new PIN for a coordinator, whatever happened to the old one
   * (forgotten, lost with its file, or locked out), and lifts the PIN lock: the coordinator named
   * (`accountId`), else the first coordinator, else (every account lost) a new coordinator
   * account. It is then used up: a new one is made and returned to be shown once. Wrong codes
   * have their own limit. A facilitator who forgot their PIN asks a coordinator to reset it.
   */
  async recover(code: string, pin: string, confirm: string, accountId?: string): Promise<SignedIn> {
    this.assertNewPin(pin, confirm);
    const coordinators = this.accounts.filter((a) => a.role === 'coordinator');
    if (accountId && !coordinators.some((a) => a.id === accountId))
      throw new KioskError('forbidden', 'The recovery code sets a coordinator PIN only.', {
        reason: 'staff.accounts.errors.recoverCoordinatorOnly',
      });
    const stored = this.docs.recovery.data.code;
    if (!stored) throw noRecoveryCodeError();
    const locked = lockHolds(this.recoveryCounter, this.now());
    if (locked) throw recoveryLockedError(locked);
    if (this.recovering) throw recoveryUnderWayError();
    const digits = normaliseRecoveryCode(code);
    const correct = digits !== null && (await verifySecret(digits, stored));
    // Other guesses may have been counted while this one hashed: the lock is checked again, and
    // the counter changed, with nothing awaited in between.
    const lockedNow = lockHolds(this.recoveryCounter, this.now());
    if (lockedNow) throw recoveryLockedError(lockedNow);
    if (this.recovering) throw recoveryUnderWayError();
    const before = this.recoveryCounter;
    this.recoveryCounter = countGuess(before, correct, this.now(), RECOVERY_POLICY);
    if (!correct) {
      await this.saveRecoveryCounter();
      throw wrongRecoveryCodeError(MAX_RECOVERY_ATTEMPTS - this.recoveryCounter.failedAttempts);
    }
    this.recovering = true;
    try {
      const hash = await hashPin(pin);
      const memory = this.accounts;
      let chosen: StaffAccount | undefined;
      // The PIN is saved before the code is used up: if this write fails, the code still works.
      await this.writeCredential(freshCounter(), (draft) => {
        // A PIN only in memory (not yet moved out of settings) is written as its account now.
        if (draft.accounts.length === 0) draft.accounts = structuredClone([...memory]);
        chosen = recoveryTarget(draft.accounts, accountId, hash, this.now());
        draft.lostAt = null;
      });
      this.pinCounter = freshCounter();
      this.sessions.endAll();
      this.notice('pin-recovered');
      const recoveryCode = await this.renewRecoveryCode();
      if (recoveryCode === null && !sameCounter(before, this.recoveryCounter))
        await this.saveRecoveryCounter();
      const account = viewOf(chosen!);
      return { session: this.sessions.start(account.id), recoveryCode, account };
    } finally {
      this.recovering = false;
    }
  }

  /** The signed-in account; throws unauthorized unless the token names a live session of one. */
  requireSession(token: string | undefined): StaffAccountView {
    const account = this.accountOf(token);
    if (!account) {
      throw new KioskError('unauthorized', 'Staff sign-in is needed (or has expired).', {
        reason: 'staff.errors.signInNeeded',
      });
    }
    return account;
  }

  /**
   * Checks a PIN against one account's hash and counts the attempt on the kiosk's one counter: 0
   * when right, else the number of wrong attempts so far (the fifth locks staff entry). Throws
   * while locked.
   */
  private async checkPin(pin: string, account: StaffAccount): Promise<number> {
    const stored = account.pinHash;
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
    if (this.docs.credential.data.accounts.length === 0) {
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
