/**
 * The lesson player as a pure state machine: no DOM, no Svelte, no core code (types only), so the
 * same rules drive the Svelte player and the tests that play every lesson to its end.
 *
 * The rules: explain and recap steps can always move on; a practice step moves on once it
 * succeeds, a quiz once the right answer is chosen. A wrong try is never a failure: the first
 * brings a hint, the second and later a "show me" demonstration. Functions return a new state and
 * never change the one they are given.
 */
import type { LocalisedText } from '../../../electron/core/i18n';
import type {
  Lesson,
  PracticeStep,
  QuizStep,
  Screen,
  Step,
  SuccessCondition,
  SwipeDirection,
} from '../../../electron/core/lessons/schema';
import { applyAction, callOn, incomingOn, type PhoneState } from './phone/phone-state';

export interface PlayerState {
  lessonId: string;
  /** Index of the step on screen (0-based). */
  stepIndex: number;
  /** Wrong tries on the step on screen (practice actions or quiz answers); reset on every move. */
  triesOnStep: number;
  /** Indices of the steps done so far, ascending. */
  completedSteps: number[];
  /** The quiz answer last chosen on this step, so the feedback survives a re-render. */
  answerId: string | null;
  /** True once Finish was pressed on the recap step. */
  finished: boolean;
}

/** What the UI reports to the core (`lessons.progress`) after a transition: anonymous counters. */
export type ProgressReport = 'started' | 'step' | 'completed';

export interface Transition {
  state: PlayerState;
  reports: ProgressReport[];
}

/**
 * What the visitor did on the simulated phone. The phone frame reports taps and presses on
 * elements (targetId null = empty space), swipes on the screen, toggles flipped, text submitted
 * with the keyboard's Done key; the player's own Safe/Scam buttons report `judge`. Scrolling is
 * exploring, not a try: do not report it.
 */
export type PracticeAction =
  | { kind: 'tap'; targetId: string | null }
  | { kind: 'press'; targetId: string | null; ms: number }
  | { kind: 'swipe'; direction: SwipeDirection }
  | { kind: 'toggle'; targetId: string; to: boolean }
  | { kind: 'type'; fieldId: string; text: string }
  | { kind: 'judge'; verdict: 'safe' | 'scam' };

export type AttemptResult = 'success' | 'hint' | 'show-me';

export interface AttemptOutcome extends Transition {
  result: AttemptResult;
  /** The text to show and speak: the step's done, hint or showMe. */
  message: LocalisedText;
}

export interface QuizOutcome extends Transition {
  correct: boolean;
  /** The chosen answer's feedback, which explains why. */
  feedback: LocalisedText;
  /** After two wrong answers the UI marks the right one, as "show me" does for practice. */
  highlightCorrect: boolean;
}

export interface StepPosition {
  /** 1-based, for "step 3 of 8". */
  number: number;
  total: number;
  isFirst: boolean;
  isLast: boolean;
}

/** Wrong tries after which "show me" replaces the hint. */
export const SHOW_ME_AFTER_TRIES = 2;

function stepAt(lesson: Lesson, index: number): Step {
  const step = lesson.steps[index];
  if (!step) throw new RangeError(`Lesson ${lesson.id} has no step ${index}.`);
  return step;
}

export function currentStep(lesson: Lesson, state: PlayerState): Step {
  return stepAt(lesson, state.stepIndex);
}

function withCompleted(state: PlayerState, index: number): { completedSteps: number[]; isNew: boolean } {
  if (state.completedSteps.includes(index)) return { completedSteps: state.completedSteps, isNew: false };
  return { completedSteps: [...state.completedSteps, index].sort((a, b) => a - b), isNew: true };
}

/**
 * Open a lesson at its first step, or at `stepIndex` when continuing with a resume code (the
 * steps before it count as done). Reports 'started' either way.
 */
export function startLesson(lesson: Lesson, stepIndex = 0): Transition {
  const index = Math.min(Math.max(0, Math.trunc(stepIndex)), lesson.steps.length - 1);
  return {
    state: {
      lessonId: lesson.id,
      stepIndex: index,
      triesOnStep: 0,
      completedSteps: Array.from({ length: index }, (_, i) => i),
      answerId: null,
      finished: false,
    },
    reports: ['started'],
  };
}

export function isStepDone(state: PlayerState, index = state.stepIndex): boolean {
  return state.completedSteps.includes(index);
}

/** Explain and recap: always. Practice: once it succeeded. Quiz: once the right answer is chosen. */
export function canGoNext(lesson: Lesson, state: PlayerState): boolean {
  if (state.finished) return false;
  const step = currentStep(lesson, state);
  if (step.kind === 'explain' || step.kind === 'recap') return true;
  return isStepDone(state);
}

export function canGoBack(state: PlayerState): boolean {
  return !state.finished && state.stepIndex > 0;
}

/** Next (or Finish on the last step). Does nothing when the step is not done yet. */
export function next(lesson: Lesson, state: PlayerState): Transition {
  if (!canGoNext(lesson, state)) return { state, reports: [] };
  const { completedSteps, isNew } = withCompleted(state, state.stepIndex);
  const reports: ProgressReport[] = isNew ? ['step'] : [];
  const isLast = state.stepIndex === lesson.steps.length - 1;
  if (isLast) {
    return {
      state: { ...state, completedSteps, triesOnStep: 0, finished: true },
      reports: [...reports, 'completed'],
    };
  }
  return {
    state: { ...state, completedSteps, stepIndex: state.stepIndex + 1, triesOnStep: 0, answerId: null },
    reports,
  };
}

/** Back one step; nothing at the first step. What was done stays done. */
export function back(state: PlayerState): Transition {
  if (!canGoBack(state)) return { state, reports: [] };
  return { state: { ...state, stepIndex: state.stepIndex - 1, triesOnStep: 0, answerId: null }, reports: [] };
}

export function stepPosition(lesson: Lesson, state: PlayerState): StepPosition {
  return {
    number: state.stepIndex + 1,
    total: lesson.steps.length,
    isFirst: state.stepIndex === 0,
    isLast: state.stepIndex === lesson.steps.length - 1,
  };
}

function normaliseTyped(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/**
 * Whether an action meets a practice step's success condition. `phone` is the practice phone's
 * state after the action: a switch or a call's mute counts as it stands on the screen, so the
 * feedback never praises what the phone does not show. Without it, the action alone decides.
 */
export function meetsCondition(step: PracticeStep, action: PracticeAction, phone?: PhoneState): boolean {
  const success: SuccessCondition = step.success;
  // A long press on the right thing still counts as a tap: elders often press slowly.
  const touched = action.kind === 'tap' || action.kind === 'press' ? action.targetId : null;
  switch (success.kind) {
    case 'tap-target':
    case 'scroll-find':
      return touched === success.targetId;
    case 'pick-contact':
      return touched === success.contactId;
    case 'press-hold':
      return action.kind === 'press' && action.targetId === success.targetId && action.ms >= success.ms;
    case 'swipe':
      return action.kind === 'swipe' && action.direction === success.direction;
    case 'toggle':
      return (
        action.kind === 'toggle' &&
        action.targetId === success.targetId &&
        (phone ? phone.switches[success.targetId] === success.to : action.to === success.to)
      );
    case 'type-text':
      return (
        action.kind === 'type' &&
        action.fieldId === success.fieldId &&
        normaliseTyped(action.text) === normaliseTyped(success.expected)
      );
    case 'call-control': {
      const element = step.screen.elements.find((e) => e.id === touched);
      const pressed = element?.kind === 'call-button' && element.control === success.action;
      if (!phone || !pressed) return pressed;
      if (success.action === 'answer') return incomingOn(phone, step.screen) === 'answered';
      const call = callOn(phone, step.screen);
      return success.action === 'mute' ? call.muted : call.ended;
    }
    case 'judge-message':
      return action.kind === 'judge' && action.verdict === success.verdict;
  }
}

/**
 * The action that completes a practice step: what the "show me" animation acts out (the finger
 * goes to `targetId`, swipes `direction`, types `text`, …) and what the tests play.
 */
export function demonstration(step: PracticeStep): PracticeAction {
  const success = step.success;
  switch (success.kind) {
    case 'tap-target':
    case 'scroll-find':
      return { kind: 'tap', targetId: success.targetId };
    case 'pick-contact':
      return { kind: 'tap', targetId: success.contactId };
    case 'press-hold':
      return { kind: 'press', targetId: success.targetId, ms: success.ms };
    case 'swipe':
      return { kind: 'swipe', direction: success.direction };
    case 'toggle':
      return { kind: 'toggle', targetId: success.targetId, to: success.to };
    case 'type-text':
      return { kind: 'type', fieldId: success.fieldId, text: success.expected };
    case 'call-control': {
      const button = step.screen.elements.find(
        (e) => e.kind === 'call-button' && e.control === success.action,
      );
      return { kind: 'tap', targetId: button?.id ?? null };
    }
    case 'judge-message':
      return { kind: 'judge', verdict: success.verdict };
  }
}

/**
 * One try on a practice step. Trying again after success changes nothing. With `phone` (the
 * practice phone's state after the action, see `tryOnPhone`) the condition reads the phone.
 */
export function attempt(
  lesson: Lesson,
  state: PlayerState,
  action: PracticeAction,
  phone?: PhoneState,
): AttemptOutcome {
  const step = currentStep(lesson, state);
  if (step.kind !== 'practice') throw new Error(`Step ${step.id} is a ${step.kind} step, not practice.`);
  if (isStepDone(state)) return { state, reports: [], result: 'success', message: step.done };
  if (meetsCondition(step, action, phone)) {
    const { completedSteps } = withCompleted(state, state.stepIndex);
    return { state: { ...state, completedSteps }, reports: ['step'], result: 'success', message: step.done };
  }
  const triesOnStep = state.triesOnStep + 1;
  const showMe = triesOnStep >= SHOW_ME_AFTER_TRIES;
  return {
    state: { ...state, triesOnStep },
    reports: [],
    result: showMe ? 'show-me' : 'hint',
    message: showMe ? step.showMe : step.hint,
  };
}

/**
 * A gesture on the practice phone: the phone changes as a real one would (on `screen`, the step's
 * screen as drawn from the phone), then the step's condition reads the changed phone.
 */
export function tryOnPhone(
  lesson: Lesson,
  state: PlayerState,
  phone: PhoneState,
  screen: Screen,
  action: PracticeAction,
): AttemptOutcome & { phone: PhoneState } {
  const after = applyAction(phone, screen, action);
  const outcome = attempt(lesson, state, action, after);
  // A wrong app tapped would hide the screen the hint talks about: the phone stays on it.
  const kept = outcome.result === 'success' ? after : { ...after, opened: phone.opened };
  return { ...outcome, phone: kept };
}

/** Choose a quiz answer: always feedback, never a score. The right answer completes the step. */
export function answerQuiz(lesson: Lesson, state: PlayerState, answerId: string): QuizOutcome {
  const step = currentStep(lesson, state);
  if (step.kind !== 'quiz') throw new Error(`Step ${step.id} is a ${step.kind} step, not a quiz.`);
  const answer = step.answers.find((a) => a.id === answerId);
  if (!answer) throw new Error(`Quiz ${step.id} has no answer ${answerId}.`);
  if (answer.correct) {
    const { completedSteps, isNew } = withCompleted(state, state.stepIndex);
    return {
      state: { ...state, completedSteps, answerId },
      reports: isNew ? ['step'] : [],
      correct: true,
      feedback: answer.feedback,
      highlightCorrect: false,
    };
  }
  const triesOnStep = isStepDone(state) ? state.triesOnStep : state.triesOnStep + 1;
  return {
    state: { ...state, triesOnStep, answerId },
    reports: [],
    correct: false,
    feedback: answer.feedback,
    highlightCorrect: triesOnStep >= SHOW_ME_AFTER_TRIES,
  };
}

export function correctAnswer(step: QuizStep): string {
  const answer = step.answers.find((a) => a.correct);
  if (!answer) throw new Error(`Quiz ${step.id} has no correct answer.`);
  return answer.id;
}
