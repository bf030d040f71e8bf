import { randomBytes } from 'node:crypto';

export interface StaffSessionOptions {
  /** A session ends after this long without a staff call. */
  idleMs: number;
  /** …and after this long in any case. */
  maxMs: number;
  now: () => number;
}

/**
 * Staff sessions live in the core's memory only: a restart signs everyone out, which is what a
 * shared lobby kiosk wants. Tokens are random and unguessable.
 */
export class StaffSessions {
  private readonly sessions = new Map<string, { started: number; lastUsed: number }>();

  constructor(private readonly options: StaffSessionOptions) {}

  start(): string {
    const token = randomBytes(24).toString('base64url');
    const now = this.options.now();
    this.sessions.set(token, { started: now, lastUsed: now });
    return token;
  }

  /** True and refreshed when the token names a live session; expired ones are forgotten. */
  touch(token: string | undefined): boolean {
    if (!token) return false;
    const session = this.sessions.get(token);
    if (!session) return false;
    const now = this.options.now();
    if (now - session.lastUsed > this.options.idleMs || now - session.started > this.options.maxMs) {
      this.sessions.delete(token);
      return false;
    }
    session.lastUsed = now;
    return true;
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
