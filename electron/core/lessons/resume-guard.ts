import { KioskError } from '../errors';

/**
 * Slows the guessing of resume codes without a lock-out (the reasoning is in README.md): one
 * sliding window for the whole kiosk. While fewer than `freeWrong` wrong codes were tried in the
 * last `windowMs`, every code is checked at once; past that, codes are checked at most one per
 * `spacingMs`, and one tried sooner is refused (`locked`) before it is looked at, so a refusal
 * says nothing about the code. Refusals do not move the next slot, so hammering cannot push the
 * wait further out, and the window empties by itself a minute after the guessing stops.
 * Times come from the core's clock; nothing is slept on and nothing is written.
 */
export interface ResumeGuessRules {
  windowMs: number;
  freeWrong: number;
  spacingMs: number;
}

export const RESUME_GUESS_RULES: ResumeGuessRules = { windowMs: 60_000, freeWrong: 5, spacingMs: 4_000 };

export class ResumeGuessGuard {
  /** Times of the wrong codes inside the window, oldest first; at most freeWrong + windowMs / spacingMs. */
  private wrong: number[] = [];
  private lastChecked = Number.NEGATIVE_INFINITY;

  constructor(private readonly rules: ResumeGuessRules = RESUME_GUESS_RULES) {}

  /** Call before looking a code up; throws `locked` when this attempt must wait. */
  admit(now: Date): void {
    const at = now.getTime();
    // A clock set back must not leave the kiosk refusing codes until it catches up.
    if (at < this.lastChecked) this.wrong = [];
    this.forgetBefore(at - this.rules.windowMs);
    if (this.wrong.length >= this.rules.freeWrong && at - this.lastChecked < this.rules.spacingMs) {
      throw new KioskError(
        'locked',
        'Many codes were tried on this kiosk just now. Wait a few seconds and try again.',
        { reason: 'lessons.errors.tooManyTries' },
      );
    }
    this.lastChecked = at;
  }

  /** Call when an admitted code was not found. */
  recordWrong(now: Date): void {
    this.wrong.push(now.getTime());
  }

  private forgetBefore(cutoff: number): void {
    let drop = 0;
    while (drop < this.wrong.length && this.wrong[drop]! <= cutoff) drop += 1;
    if (drop > 0) this.wrong = this.wrong.slice(drop);
  }
}
