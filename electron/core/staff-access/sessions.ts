import { randomBytes } from 'node:crypto';

export interface StaffSessionOptions {
  /** A session ends after this long without a staff call. */
  idleMs: number;
  /** …and after this long in any case (read at each check: a setting may lengthen it). */
  maxMs: number | (() => number);
  now: () => number;
}

/**
 * Staff sessions live in the core's memory only: a restart signs everyone out, which is what a
 * shared lobby kiosk wants. Tokens are random and unguessable.
 */
export class StaffSessions {
  private readonly sessions = new Map<string, { started: number; lastUsed: number; accountId: string }>();

  constructor(private readonly options: StaffSessionOptions) {}

  /** A new session signed in as the staff account `accountId`. */
  start(accountId: string): string {
    const token = randomBytes(24).toString('base64url');
    const now = this.options.now();
    this.sessions.set(token, { started: now, lastUsed: now, accountId });
    return token;
  }

  /**
   * The account a live session is signed in as, the session refreshed; null when the token names
   * none (expired ones are forgotten).
   */
  touch(token: string | undefined): string | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.options.now();
    const maxMs = typeof this.options.maxMs === 'function' ? this.options.maxMs() : this.options.maxMs;
    if (now - session.lastUsed > this.options.idleMs || now - session.started > maxMs) {
      this.sessions.delete(token);
      return null;
    }
    session.lastUsed = now;
    return session.accountId;
  }

  /** The live and stale sessions of one account. */
  tokensOf(accountId: string): string[] {
    return [...this.sessions].filter(([, s]) => s.accountId === accountId).map(([token]) => token);
  }

  /** Ends every session of one account (removed, or its PIN reset by a coordinator). */
  endAccount(accountId: string): void {
    for (const [token, session] of [...this.sessions])
      if (session.accountId === accountId) this.sessions.delete(token);
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  endAll(): void {
    this.sessions.clear();
  }

  /** Ends every session but `keep` (the one that asked). */
  endAllExcept(keep: string | undefined): void {
    for (const token of [...this.sessions.keys()]) if (token !== keep) this.sessions.delete(token);
  }
}
