/**
 * The guess limit shared by the PIN and the recovery code: a count of wrong guesses, a lock when
 * it reaches the limit, and (for the PIN) locks that grow when they come one after another. Pure:
 * the caller decides when and where the counter is kept.
 */
export interface GuessCounter {
  failedAttempts: number;
  /** ISO time until which entry is locked, or null. */
  lockedUntil: string | null;
  /** Locks in a row without a right guess in between. */
  lockCount: number;
}

export interface GuessPolicy {
  maxAttempts: number;
  /** How long the n-th lock in a row lasts (n from 1). */
  lockMs: (lockCount: number) => number;
}

export function freshCounter(): GuessCounter {
  return { failedAttempts: 0, lockedUntil: null, lockCount: 0 };
}

/** The lock's end while it holds at `now`, else null. */
export function lockHolds(counter: GuessCounter, now: Date): string | null {
  const until = counter.lockedUntil;
  return until && Date.parse(until) > now.getTime() ? until : null;
}

/** Wrong guesses still allowed before the next lock: none while a lock holds, all after one ran out. */
export function triesLeft(counter: GuessCounter, now: Date, policy: GuessPolicy): number {
  if (lockHolds(counter, now)) return 0;
  return policy.maxAttempts - (counter.lockedUntil ? 0 : counter.failedAttempts);
}

/**
 * Counts one checked guess and returns the counter after it; the caller has made sure no lock
 * holds. A lock that has run out starts a fresh count, but is remembered in `lockCount` until a
 * right guess, so the next lock lasts longer.
 */
export function countGuess(
  counter: GuessCounter,
  correct: boolean,
  now: Date,
  policy: GuessPolicy,
): GuessCounter {
  const next = { ...counter };
  if (next.lockedUntil) {
    next.lockedUntil = null;
    next.failedAttempts = 0;
  }
  if (correct) return freshCounter();
  next.failedAttempts += 1;
  if (next.failedAttempts >= policy.maxAttempts) {
    next.lockCount += 1;
    next.lockedUntil = new Date(now.getTime() + policy.lockMs(next.lockCount)).toISOString();
  }
  return next;
}

export function sameCounter(a: GuessCounter, b: GuessCounter): boolean {
  return (
    a.failedAttempts === b.failedAttempts && a.lockedUntil === b.lockedUntil && a.lockCount === b.lockCount
  );
}
