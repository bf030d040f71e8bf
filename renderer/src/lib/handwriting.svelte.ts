import type { Language } from '../../../electron/shared/languages';
import { invoke } from './api';
import { visit } from './visit.svelte';

/** A finger's point on the pad, in pad pixels, y down. */
export type PadPoint = [number, number];
export type PadStroke = PadPoint[];
export type KeyboardMode = 'handwriting' | 'abc';
export type ScriptPreference = 'traditional' | 'simplified';

/** What the core accepts (its contract says so too): more is cut here rather than refused there. */
export const MAX_STROKES = 40;
export const MAX_POINTS = 500;
/** Candidates asked for: the bar shows at least eight, and more is more chance the right one is there. */
export const CANDIDATE_LIMIT = 10;
export const SUGGESTION_LIMIT = 10;
/** Points closer than this to the last one add nothing to the shape, only to the message. */
const MIN_STEP_PX = 2;

/** Chinese readers write first; English readers get the letters first. Either can switch. */
export function defaultMode(language: Language): KeyboardMode {
  return language === 'en' ? 'abc' : 'handwriting';
}

export function scriptFor(language: Language): ScriptPreference {
  return language === 'zh-CN' ? 'simplified' : 'traditional';
}

/**
 * The visitor's choice of handwriting or letters, shared by every keyboard of the visit so a
 * switch on one screen holds on the next; never stored, and forgotten when the visit is wiped.
 */
class KeyboardChoice {
  chosen = $state<KeyboardMode | null>(null);

  mode(language: Language): KeyboardMode {
    return this.chosen ?? defaultMode(language);
  }

  choose(mode: KeyboardMode): void {
    this.chosen = mode;
  }
}

export const keyboardChoice = new KeyboardChoice();
visit.onWipe(() => {
  keyboardChoice.chosen = null;
});

/**
 * Adds a point to a stroke being written unless it is too near the last one or the stroke is
 * full; returns the stroke to keep (a new array, so a trace drawn from it updates).
 */
export function extendStroke(stroke: PadStroke, point: PadPoint): PadStroke {
  const last = stroke[stroke.length - 1];
  if (stroke.length >= MAX_POINTS) return stroke;
  if (last && Math.hypot(point[0] - last[0], point[1] - last[1]) < MIN_STEP_PX) return stroke;
  return [...stroke, [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10]];
}

export interface HandwritingCalls {
  recognise(strokes: PadStroke[], prefer: ScriptPreference): Promise<string[]>;
  suggest(after: string, prefer: ScriptPreference): Promise<string[]>;
}

export const coreCalls: HandwritingCalls = {
  recognise: async (strokes, prefer) =>
    (await invoke('handwriting.recognise', { strokes, prefer, limit: CANDIDATE_LIMIT })).candidates,
  suggest: async (after, prefer) =>
    // Only the last few characters matter to the core; a long field's text need not travel.
    (
      await invoke('handwriting.suggest', {
        after: [...after].slice(-20).join(''),
        prefer,
        limit: SUGGESTION_LIMIT,
      })
    ).suggestions,
};

/**
 * One pad's strokes and what its bar offers: the candidates for what is written, or, once one
 * is chosen, the next characters people write after it (聯想字), until the visitor writes again.
 * Every call carries a number; an answer that is not for the latest call is dropped, so a slow
 * answer for two strokes never replaces the one for three.
 */
export class HandwritingInput {
  strokes = $state.raw<PadStroke[]>([]);
  /** What the bar shows, and whether it is candidates for the strokes or suggestions after a pick. */
  offered = $state.raw<string[]>([]);
  kind = $state<'candidates' | 'suggestions'>('candidates');
  /** The last call failed: the bar says so instead of showing nothing without a reason. */
  failed = $state(false);
  /** How many strokes the candidates shown are for (tests wait on it, the bar exposes it). */
  answered = $state(0);
  private latest = 0;

  constructor(
    private readonly prefer: () => ScriptPreference,
    private readonly calls: HandwritingCalls = coreCalls,
  ) {}

  get full(): boolean {
    return this.strokes.length >= MAX_STROKES;
  }

  /** A finger is down again: suggestions give way to the candidates of what is being written. */
  beginWriting(): void {
    this.forgetSuggestions();
  }

  /** The text changed another way (backspace, space): what came after the pick no longer applies. */
  forgetSuggestions(): void {
    if (this.kind !== 'suggestions') return;
    this.latest++;
    this.kind = 'candidates';
    this.offered = [];
  }

  addStroke(stroke: PadStroke): void {
    if (stroke.length === 0 || this.full) return;
    this.strokes = [...this.strokes, stroke];
    void this.recognise();
  }

  undoStroke(): void {
    if (this.strokes.length === 0) return;
    this.strokes = this.strokes.slice(0, -1);
    if (this.strokes.length === 0) this.reset();
    else void this.recognise();
  }

  clear(): void {
    this.strokes = [];
    this.reset();
  }

  /** After a candidate or suggestion went in: an empty pad, and what usually comes next. */
  picked(valueSoFar: string): void {
    this.strokes = [];
    this.reset();
    this.kind = 'suggestions';
    void this.fetch(() => this.calls.suggest(valueSoFar, this.prefer()));
  }

  private reset(): void {
    this.latest++;
    this.kind = 'candidates';
    this.offered = [];
    this.answered = 0;
    this.failed = false;
  }

  private recognise(): Promise<void> {
    this.kind = 'candidates';
    const strokes = this.strokes;
    return this.fetch(() => this.calls.recognise(strokes, this.prefer()), strokes.length);
  }

  private async fetch(call: () => Promise<string[]>, strokes = 0): Promise<void> {
    const mine = ++this.latest;
    try {
      const answer = await call();
      if (mine !== this.latest) return;
      this.offered = answer;
      this.answered = strokes;
      this.failed = false;
    } catch {
      if (mine !== this.latest) return;
      this.offered = [];
      // Missing suggestions are no loss worth a message; missing candidates leave the visitor stuck.
      this.failed = this.kind === 'candidates';
    }
  }
}
