import { KioskError } from '../errors';
import type { SettingsDoc } from '../settings/schema';
import type { StoredDocument } from '../store/document';
import { hashPin, PIN_PATTERN, verifyPin } from './pin';
import { StaffSessions } from './sessions';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;
export const SESSION_IDLE_MS = 10 * 60 * 1000;
export const SESSION_MAX_MS = 2 * 60 * 60 * 1000;

/**
 * Staff PIN set-up, login with lockout, PIN change, sessions. The failure count and lock are kept
 * in settings.json so switching the kiosk off and on does not reset them.
 */
export class StaffAuth {
  readonly sessions: StaffSessions;

  constructor(
    private readonly settings: StoredDocument<SettingsDoc>,
    private readonly now: () => Date,
  ) {
    this.sessions = new StaffSessions({ idleMs: SESSION_IDLE_MS, maxMs: SESSION_MAX_MS, now: () => this.now().getTime() });
  }

  get pinIsSet(): boolean {
    return this.settings.data.staff.pin !== null;
  }

  /** ISO time until which staff entry is locked, or null. */
  lockedUntil(): string | null {
    const until = this.settings.data.staff.lockedUntil;
    return until && Date.parse(until) > this.now().getTime() ? until : null;
  }

  async setup(pin: string, confirm: string): Promise<string> {
    if (this.pinIsSet) throw alreadySetError();
    assertPinShape(pin);
    if (pin !== confirm) throw new KioskError('invalid_input', 'The two PINs are not the same.');
    const hash = await hashPin(pin);
    // Another set-up may have finished while this one hashed: decide inside the serialised update.
    await this.settings.update((doc) => {
      if (doc.staff.pin !== null) throw alreadySetError();
      doc.staff = { pin: hash, failedAttempts: 0, lockedUntil: null };
    });
    return this.sessions.start();
  }

  async login(pin: string): Promise<string> {
    const attempts = await this.checkPin(pin);
    if (attempts === 0) return this.sessions.start();
    throw wrongPinError(attempts);
  }

  /**
   * Wrong current PINs count towards the lockout like wrong logins, so a left-open console cannot
   * be used to guess the PIN; reaching the lock also ends every staff session.
   */
  async changePin(current: string, next: string, confirm: string): Promise<void> {
    assertPinShape(next);
    if (next !== confirm) throw new KioskError('invalid_input', 'The two new PINs are not the same.');
    const attempts = await this.checkPin(current);
    if (attempts > 0) {
      if (attempts >= MAX_FAILED_ATTEMPTS) this.sessions.endAll();
      throw new KioskError('invalid_input', `The current PIN is not right. ${wrongPinError(attempts).message}`);
    }
    const hash = await hashPin(next);
    await this.settings.update((doc) => {
      doc.staff.pin = hash;
    });
  }

  /**
   * Checks a PIN against the stored hash and counts the attempt: 0 when right, else the number of
   * wrong attempts so far (the fifth locks staff entry for five minutes). Throws while locked.
   */
  private async checkPin(pin: string): Promise<number> {
    const stored = this.settings.data.staff.pin;
    if (!stored) throw new KioskError('conflict', 'No staff PIN is set yet. Set one up first.');
    const locked = this.lockedUntil();
    if (locked) throw lockedError(locked);
    const correct = PIN_PATTERN.test(pin) && (await verifyPin(pin, stored));
    // Other attempts may have been counted while the hash was computed, so the lock is checked
    // again inside the serialised update: a burst of parallel guesses cannot run past it.
    return this.settings.update((doc) => {
      const until = doc.staff.lockedUntil;
      if (until && Date.parse(until) > this.now().getTime()) throw lockedError(until);
      // A lock that has run out starts a fresh count.
      if (until) {
        doc.staff.lockedUntil = null;
        doc.staff.failedAttempts = 0;
      }
      if (correct) {
        doc.staff.failedAttempts = 0;
        return 0;
      }
      doc.staff.failedAttempts += 1;
      if (doc.staff.failedAttempts >= MAX_FAILED_ATTEMPTS) {
        doc.staff.lockedUntil = new Date(this.now().getTime() + LOCKOUT_MS).toISOString();
      }
      return doc.staff.failedAttempts;
    });
  }

  /** Throws unauthorized unless the token names a live session. */
  requireSession(token: string | undefined): void {
    if (!this.sessions.touch(token)) {
      throw new KioskError('unauthorized', 'Staff sign-in is needed (or has expired).');
    }
  }
}

function assertPinShape(pin: string): void {
  if (!PIN_PATTERN.test(pin)) throw new KioskError('invalid_input', 'A staff PIN is exactly 6 digits.');
}

function wrongPinError(attempts: number): KioskError {
  const left = MAX_FAILED_ATTEMPTS - attempts;
  if (left <= 0) return new KioskError('unauthorized', 'Wrong PIN. Staff entry is now locked for 5 minutes.');
  return new KioskError('unauthorized', `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before staff entry locks for 5 minutes.`);
}

function alreadySetError(): KioskError {
  return new KioskError('conflict', 'A staff PIN is already set. Sign in to change it.');
}

function lockedError(until: string): KioskError {
  return new KioskError('locked', `Too many wrong PINs. Staff entry is locked until ${until}.`);
}
