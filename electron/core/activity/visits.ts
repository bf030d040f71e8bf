import { randomBytes } from 'node:crypto';
import type { Language } from '../i18n';
import type { StoredDocument } from '../store/document';
import type { ActivityDoc } from './schema';
import { countEvent, type TallyEvent } from './tallies';

/**
 * One visit counted once. The kiosk has one screen and one person at it, so there is one current
 * visit: `visit.start` (called when a language is chosen after the attract screen) begins it and
 * returns its token, and the anonymous counters count a thing only under the current token and
 * only once per visit. A page script can still call anything the page can, so the limits are on
 * what it can add: a new visit at most every VISIT_SPACING_MS (a call sooner continues the current
 * visit and counts nothing), and per visit each counter at most once per subject.
 */
export const VISIT_SPACING_MS = 20_000;

export interface VisitStarted {
  /** Pass to the counters (`lessons.progress`, `eligibility.evaluate`, `hotspots.search`). */
  visit: string;
  /** False when this call continued the visit already under way. */
  counted: boolean;
}

interface CurrentVisit {
  token: string;
  startedAt: number;
  /** How many times each event and subject was counted in this visit. */
  counted: Map<string, number>;
}

export class VisitCounter {
  private current: CurrentVisit | null = null;

  constructor(
    private readonly activity: StoredDocument<ActivityDoc>,
    private readonly now: () => Date,
    private readonly spacingMs = VISIT_SPACING_MS,
  ) {}

  async start(language: Language): Promise<VisitStarted> {
    const at = this.now();
    const since = this.current ? at.getTime() - this.current.startedAt : Number.POSITIVE_INFINITY;
    // A clock set back (since < 0) starts afresh rather than refusing visits until it catches up.
    if (this.current && since >= 0 && since < this.spacingMs)
      return { visit: this.current.token, counted: false };
    this.current = {
      token: randomBytes(18).toString('base64url'),
      startedAt: at.getTime(),
      counted: new Map(),
    };
    try {
      await countEvent(this.activity, { event: 'visit', language }, at);
    } catch {
      // The figures are not worth stopping a visitor over; the visit goes on uncounted.
      return { visit: this.current.token, counted: false };
    }
    return { visit: this.current.token, counted: true };
  }

  /**
   * Adds one to `event` if `visit` is the current visit and this event and subject were counted
   * fewer than `times` times in it (a lesson's steps: once per step). Any other token counts
   * nothing. Returns whether it counted; a failed write is thrown and not remembered.
   */
  async count(visit: string | undefined, event: TallyEvent, times = 1): Promise<boolean> {
    const current = this.current;
    if (!visit || !current || visit !== current.token) return false;
    const key = `${event.event}\u0000${event.subject ?? ''}`;
    const before = current.counted.get(key) ?? 0;
    if (before >= times) return false;
    current.counted.set(key, before + 1);
    try {
      await countEvent(this.activity, event, this.now());
    } catch (error) {
      current.counted.set(key, (current.counted.get(key) ?? 1) - 1);
      throw error;
    }
    return true;
  }
}
