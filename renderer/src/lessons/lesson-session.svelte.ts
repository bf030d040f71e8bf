import type { LocalisedText } from '../../../electron/core/i18n';
import type { LessonList, ResumeCodeCreated } from '../../../electron/core/lessons/contract';
import type { Lesson, PracticeStep } from '../../../electron/core/lessons/schema';
import { DEFAULT_PHONE_STYLE, type PhoneStyle } from '../../../electron/shared/phone-style';
import { locale } from '../i18n/i18n.svelte';
import './lessons-theme.css';
import { invoke } from '../lib/api';
import { config } from '../lib/settings.svelte';
import { visit } from '../lib/visit.svelte';
import { drawScreen, type DrawnScreen } from './phone/phone-draw';
import { applyAction, closeApp, emptyPhoneState, type PhoneState } from './phone/phone-state';
import {
  answerQuiz,
  back,
  isStepDone,
  next,
  startLesson,
  type AttemptResult,
  type PlayerState,
  type PracticeAction,
  type ProgressReport,
  type Transition,
  tryOnPhone,
} from './player-logic';

/** What the player shows under a practice step or a quiz after a try. */
export interface Feedback {
  kind: AttemptResult | 'quiz-right' | 'quiz-wrong';
  text: LocalisedText;
  /** Offered before any try (the visitor waited, or asked to be shown), not an answer to one. */
  offered?: boolean;
}

/** How long a practice step waits, untouched, before it offers its hint. */
export const IDLE_HINT_MS = 15_000;

/** The timer the idle hint uses; a test passes its own so it never waits in real time. */
export interface HintTimer {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const windowTimer: HintTimer = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The lessons capability's state for one visit: the lesson on screen, where the visitor is in it,
 * the lessons finished during the visit and any resume code on screen. `clear()` runs on every
 * wipe ("I'm finished", idle timeout), so nothing of a visit survives it.
 *
 * The content (the lesson list and lessons already fetched) is kept during a visit, so opening a
 * lesson is instant, and dropped at its end (`forgetContent`): an organisation's pack may have
 * replaced the lessons meanwhile, and the next visit asks again. Never mid-visit: a lesson does
 * not change under a visitor's hands.
 */
class LessonSession {
  lesson = $state<Lesson | null>(null);
  player = $state<PlayerState | null>(null);
  feedback = $state<Feedback | null>(null);
  /** Bumped on each "show me" so the animation replays even when it is already showing. */
  showMeRun = $state(0);
  /** After two wrong quiz answers the right one is marked. */
  highlightCorrect = $state(false);
  /** Lessons finished during this visit (carried in resume codes, ticked on the browse screen). */
  completedLessons = $state<string[]>([]);
  /** The resume code on screen, if the visitor asked for one. */
  code = $state<(ResumeCodeCreated & { lessonId: string }) | null>(null);
  /** True once the visitor used "Read this step": hints and praise are then read out too. */
  listening = $state(false);
  /** The practice phone as the visitor left it: kept from step to step for the whole lesson. */
  phone = $state<PhoneState>(emptyPhoneState());
  /** "My phone is Android / iPhone", chosen once in the visit; null until the visitor says. */
  phoneStyleChoice = $state<PhoneStyle | null>(null);

  /** The style the practice phone is drawn in: the visitor's choice, else the centre's default. */
  get phoneStyle(): PhoneStyle {
    return this.phoneStyleChoice ?? config.settings?.phoneStyle ?? DEFAULT_PHONE_STYLE;
  }

  choosePhoneStyle(style: PhoneStyle): void {
    this.phoneStyleChoice = style;
  }

  /** A practice step's screen as the phone draws it now: its content with the phone's state. */
  screenFor(step: PracticeStep): DrawnScreen {
    return drawScreen(step.screen, this.phone);
  }

  private readonly lessonCache = new Map<string, Promise<Lesson>>();
  private listCache: LessonList | null = null;

  /** The next visit fetches the lesson list and lessons again (the core may have new ones). */
  forgetContent(): void {
    this.listCache = null;
    this.lessonCache.clear();
  }

  async list(): Promise<LessonList> {
    this.listCache ??= await invoke('lessons.list', {});
    return this.listCache;
  }

  /** One request per lesson, shared by everyone who asks while it is on its way. */
  fetchLesson(id: string): Promise<Lesson> {
    let pending = this.lessonCache.get(id);
    if (!pending) {
      pending = invoke('lessons.get', { id });
      pending.catch(() => this.lessonCache.delete(id));
      this.lessonCache.set(id, pending);
    }
    return pending;
  }

  /** Fetch lessons one after another in the background, so a tapped card opens at once. */
  prefetch(ids: string[]): void {
    const [first, ...rest] = ids;
    if (!first) return;
    this.fetchLesson(first)
      .catch(() => undefined)
      .then(() => setTimeout(() => this.prefetch(rest), 50));
  }

  /** Start (or, with `stepIndex`, continue) a lesson. Keeps the visitor's place when it is the same lesson. */
  open(lesson: Lesson, stepIndex?: number): void {
    const continuing =
      this.lesson?.id === lesson.id && this.player && !this.player.finished && stepIndex === undefined;
    if (continuing) return;
    this.lesson = lesson;
    this.resetStepUi();
    this.code = null;
    this.listening = false;
    this.phone = emptyPhoneState();
    this.apply(startLesson(lesson, stepIndex ?? 0));
  }

  next(): void {
    if (!this.lesson || !this.player) return;
    const transition = next(this.lesson, this.player);
    if (transition.state === this.player) return;
    this.resetStepUi();
    // A step starts from its own screen: an app opened on the last one is closed.
    this.phone = closeApp(this.phone);
    this.apply(transition);
    if (this.player.finished) {
      // A code saved mid-lesson points at a step now behind the visitor; the end offers a fresh one.
      this.code = null;
      if (!this.completedLessons.includes(this.lesson.id))
        this.completedLessons = [...this.completedLessons, this.lesson.id];
    }
  }

  back(): void {
    if (!this.player) return;
    const transition = back(this.player);
    if (transition.state === this.player) return;
    this.resetStepUi();
    // A step starts from its own screen: an app opened on the last one is closed.
    this.phone = closeApp(this.phone);
    this.apply(transition);
  }

  try(action: PracticeAction): AttemptResult | null {
    if (!this.lesson || !this.player) return null;
    const step = this.lesson.steps[this.player.stepIndex];
    if (step?.kind !== 'practice') return null;
    // The gesture lands on the screen as drawn; the phone changes, and the step reads the phone.
    const outcome = tryOnPhone(this.lesson, this.player, this.phone, this.screenFor(step), action);
    this.phone = outcome.phone;
    this.feedback = { kind: outcome.result, text: outcome.message };
    if (outcome.result === 'show-me') this.showMeRun += 1;
    this.apply(outcome);
    return outcome.result;
  }

  /** A gesture after the step is done: the phone changes as a real one would; nothing is tried. */
  touchPhone(action: PracticeAction): void {
    const step = this.lesson && this.player ? this.lesson.steps[this.player.stepIndex] : undefined;
    if (step?.kind !== 'practice') return;
    this.phone = applyAction(this.phone, this.screenFor(step), action);
  }

  /**
   * "Show me", asked for before (or without) a wrong try: the demonstration plays, no try is
   * counted. Nothing to show once the step is done.
   */
  showMe(): void {
    const step = this.practiceStep();
    if (!step) return;
    this.feedback = { kind: 'show-me', text: step.showMe, offered: true };
    this.showMeRun += 1;
  }

  /** The visitor has not tried yet: offer the step's hint, gently, as the first wrong try would. */
  offerHint(): void {
    const step = this.practiceStep();
    if (!step || this.feedback || this.player!.triesOnStep > 0) return;
    this.feedback = { kind: 'hint', text: step.hint, offered: true };
  }

  /**
   * Offer the hint after `ms` untouched on the practice step on screen now. Returns the cancel,
   * to call when the visitor touches the phone or the step goes away (a move, a wipe).
   */
  armIdleHint(ms = IDLE_HINT_MS, timer: HintTimer = windowTimer): () => void {
    const lesson = this.lesson;
    const stepIndex = this.player?.stepIndex;
    const handle = timer.set(() => {
      // Only on the same step of the same lesson: a wipe clears the lesson, a move the step.
      if (lesson && this.lesson === lesson && this.player?.stepIndex === stepIndex) this.offerHint();
    }, ms);
    return () => timer.clear(handle);
  }

  answer(answerId: string): void {
    if (!this.lesson || !this.player) return;
    const outcome = answerQuiz(this.lesson, this.player, answerId);
    this.feedback = { kind: outcome.correct ? 'quiz-right' : 'quiz-wrong', text: outcome.feedback };
    this.highlightCorrect = this.highlightCorrect || outcome.highlightCorrect;
    this.apply(outcome);
  }

  /** Make a resume code: for the current step mid-lesson, or for `lessonId` at `stepIndex`. */
  async createCode(lessonId: string, stepIndex: number): Promise<void> {
    const created = await invoke('lessons.resume.create', {
      lessonId,
      stepIndex,
      completedLessons: this.completedLessons,
    });
    this.code = { ...created, lessonId };
  }

  /** Lessons a resume code says were finished join this visit's list. */
  rememberCompleted(ids: string[]): void {
    this.completedLessons = [...new Set([...this.completedLessons, ...ids])];
  }

  /** Forget everything of the visit; `keepCompleted` only leaves the lesson (a code opens another). */
  clear(keepCompleted = false): void {
    this.lesson = null;
    this.player = null;
    if (!keepCompleted) {
      this.completedLessons = [];
      this.phoneStyleChoice = null;
    }
    this.phone = emptyPhoneState();
    this.code = null;
    this.listening = false;
    this.resetStepUi();
  }

  /** The practice step on screen, while it is not done yet. */
  private practiceStep(): PracticeStep | null {
    if (!this.lesson || !this.player || this.player.finished) return null;
    const step = this.lesson.steps[this.player.stepIndex];
    if (step?.kind !== 'practice' || isStepDone(this.player)) return null;
    return step;
  }

  private resetStepUi(): void {
    this.feedback = null;
    this.highlightCorrect = false;
  }

  private apply(transition: Transition): void {
    this.player = transition.state;
    const lessonId = transition.state.lessonId;
    for (const event of transition.reports) report(lessonId, event);
  }
}

/** Anonymous counters: fire and forget, so a slow or failing core never disturbs the visitor. */
function report(lessonId: string, event: ProgressReport): void {
  const language = locale.current;
  void visit
    .visitToken()
    .then((token) => invoke('lessons.progress', { lessonId, event, language, visit: token }))
    .catch(() => undefined);
}

export const lessonSession = new LessonSession();
visit.onWipe(() => {
  lessonSession.clear();
  lessonSession.forgetContent();
});
