/**
 * Screens a visitor reads at length (a programme result with its reasons, documents and places)
 * ask for more time before "Are you still there?" and a longer countdown while they are shown:
 * an elder reading slowly, or copying a phone number, is not idle. Each claim lasts while its
 * screen is mounted (`readingTime` returns the release); the longest claim wins, and a claim never
 * shortens what staff set.
 */
class ReadingTime {
  claims = $state.raw<{ idleSeconds: number; countdownSeconds: number }[]>([]);
  /** Screens that must stay (idleHold); the newest one is honoured. */
  holds = $state.raw<IdleHold[]>([]);
  idleSeconds(configured: number): number {
    return Math.max(configured, ...this.claims.map((claim) => claim.idleSeconds));
  }
  countdownSeconds(configured: number): number {
    return Math.max(configured, ...this.claims.map((claim) => claim.countdownSeconds));
  }
}
export const reading = new ReadingTime();

/** While the calling screen is shown, wait at least this long before asking, and count down at least this long. */
export function readingTime(claim: { idleSeconds: number; countdownSeconds: number }): () => void {
  const entry = { ...claim };
  reading.claims = [...reading.claims, entry];
  return () => {
    reading.claims = reading.claims.filter((other) => other !== entry);
  };
}

/**
 * A screen that must stay while nobody touches it (the facilitator's class view, shown to a room
 * for an hour): while it is held, the idle watch never asks "Are you still there?" and never
 * wipes. Instead, `warnSeconds` before `limitSeconds` without a touch it sets `warning` (with
 * `secondsLeft`) for the holder to show, and at the limit calls the holder's `onLimit` (the holder
 * closes itself; the visit goes on) and counts afresh. A touch, or `keep()`, restarts the limit.
 * The same watch and tick as the visitor's time: one idle rule, not a second timer.
 */
export class IdleHold {
  warning = $state(false);
  secondsLeft = $state(0);
  /** When "keep it open" was chosen without a touch (a switch device's click): counts as one. */
  keptAt = 0;

  constructor(
    readonly limitSeconds: () => number,
    readonly warnSeconds: number,
    readonly onLimit: () => void,
  ) {}

  /** "Keep it open": the warning goes and the limit starts again. */
  keep(): void {
    this.warning = false;
    this.keptAt = Date.now();
  }
}

/** Hold the idle watch while the calling screen is shown; returns the hold (its warning) and its release. */
export function idleHold(options: { limitSeconds: () => number; warnSeconds: number; onLimit: () => void }): {
  hold: IdleHold;
  release: () => void;
} {
  const hold = new IdleHold(options.limitSeconds, options.warnSeconds, options.onLimit);
  hold.keptAt = Date.now();
  reading.holds = [...reading.holds, hold];
  return {
    hold,
    release: () => {
      reading.holds = reading.holds.filter((other) => other !== hold);
    },
  };
}

/**
 * Idle watch: after `idleSeconds` without a touch, ask "Are you still there?" and count down
 * `countdownSeconds`; at zero, call `onTimeout` (the wipe). Counts from timestamps, not ticks, so
 * a busy main thread cannot stretch the visitor's time.
 */
export class IdleWatch {
  asking = $state(false);
  secondsLeft = $state(0);
  private lastActivity = Date.now();
  private askedAt = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly options: {
      idleSeconds: () => number;
      countdownSeconds: () => number;
      /** False on the attract screen: nobody to ask. */
      enabled: () => boolean;
      onTimeout: () => void;
    },
  ) {}

  start(): () => void {
    const activity = () => {
      if (!this.asking) this.lastActivity = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, activity, { capture: true, passive: true });
    this.timer = setInterval(() => this.tick(), 250);
    return () => {
      for (const name of events) window.removeEventListener(name, activity, { capture: true });
      clearInterval(this.timer);
    };
  }

  /** "Yes, I'm still here". */
  stillHere(): void {
    this.asking = false;
    this.lastActivity = Date.now();
  }

  reset(): void {
    this.asking = false;
    this.lastActivity = Date.now();
  }

  private countdownSeconds(): number {
    return reading.countdownSeconds(this.options.countdownSeconds());
  }

  private tick(): void {
    const now = Date.now();
    if (!this.options.enabled()) {
      this.reset();
      return;
    }
    const hold = reading.holds.at(-1);
    if (hold) {
      this.holdTick(hold, now);
      return;
    }
    if (!this.asking) {
      if (now - this.lastActivity >= reading.idleSeconds(this.options.idleSeconds()) * 1000) {
        this.asking = true;
        this.askedAt = now;
        this.secondsLeft = this.countdownSeconds();
      }
      return;
    }
    const left = Math.ceil(this.countdownSeconds() - (now - this.askedAt) / 1000);
    this.secondsLeft = Math.max(0, left);
    if (left <= 0) {
      this.reset();
      this.options.onTimeout();
    }
  }

  /** A held screen: no question, no wipe; the holder's warning, then its own end. */
  private holdTick(hold: IdleHold, now: number): void {
    // A visitor question already on screen when the hold began is withdrawn: the hold answers it.
    if (this.asking) this.reset();
    const quietSeconds = (now - Math.max(this.lastActivity, hold.keptAt)) / 1000;
    const limit = hold.limitSeconds();
    if (quietSeconds >= limit) {
      hold.warning = false;
      this.lastActivity = now;
      hold.onLimit();
      return;
    }
    hold.secondsLeft = Math.ceil(limit - quietSeconds);
    hold.warning = quietSeconds >= limit - Math.min(hold.warnSeconds, limit);
  }
}
