/**
 * Screens a visitor reads at length (a programme result with its reasons, documents and places)
 * ask for more time before "Are you still there?" and a longer countdown while they are shown:
 * an elder reading slowly, or copying a phone number, is not idle. Each claim lasts while its
 * screen is mounted (`readingTime` returns the release); the longest claim wins, and a claim never
 * shortens what staff set.
 */
class ReadingTime {
  claims = $state.raw<{ idleSeconds: number; countdownSeconds: number }[]>([]);
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
}
