import { withSimplified, type FullText } from '../content/localise';
import type { Language } from '../i18n';
import type { Lesson, Step } from '../lessons/schema';
import { DEFAULT_PHONE_STYLE, type PhoneStyle } from '../../shared/phone-style';

/**
 * Facilitator mode on a second screen: what the group sees while the facilitator keeps
 * the controls on the kiosk's own screen. Built in the core from the shipped lessons, so the
 * group window needs no core access of its own; the Electron shell shows it (electron/group-display.ts).
 * The browser kiosk's projector tab shows the same view, built in the renderer from the same
 * five values (renderer/src/staff-console/projector-channel.ts), through the same GroupDisplay.svelte.
 */
export interface GroupDisplayView {
  lessonId: string;
  lessonTitle: FullText;
  /** The lesson step as `lessons.get` gives it (zh-CN filled in at load). */
  step: Step;
  /** 1-based, for "Step n of N". */
  position: { number: number; total: number };
  /**
   * How far the facilitator has revealed the step, as in GroupView.svelte: practice 0 what to do,
   * 1 how, 2 what happens; quiz 0 question, 1 answer revealed; explain and recap always 0.
   */
  stage: number;
  language: Language;
  /** The practice phone's look chosen for the class (Android or iPhone). */
  phoneStyle: PhoneStyle;
}

/** The shell's hook: a view shows (or updates) the group screen, null closes it. */
export type ShowGroupDisplay = (view: GroupDisplayView | null) => Promise<{ shown: boolean }>;

/** How many stages GroupView steps through for a step. */
export function stagesOf(step: Step): number {
  return step.kind === 'practice' ? 3 : step.kind === 'quiz' ? 2 : 1;
}

/** The view for one step; undefined when the lesson has no such step. The stage is kept within the step's own. */
export function buildGroupDisplayView(
  lesson: Lesson,
  stepIndex: number,
  stage: number,
  language: Language,
  phoneStyle: PhoneStyle = DEFAULT_PHONE_STYLE,
): GroupDisplayView | undefined {
  const step = lesson.steps[stepIndex];
  if (!step) return undefined;
  return {
    lessonId: lesson.id,
    lessonTitle: withSimplified(lesson.title),
    step,
    position: { number: stepIndex + 1, total: lesson.steps.length },
    stage: Math.min(Math.max(0, stage), stagesOf(step) - 1),
    language,
    phoneStyle,
  };
}
