import type { Lesson, Step } from '../../../electron/core/lessons/schema';
import type { GroupDisplayView } from '../../../electron/core/staff-console/group-display';
import { PHONE_STYLES, type PhoneStyle } from '../../../electron/shared/phone-style';
import type { Language } from '../i18n/i18n.svelte';

/**
 * The browser kiosk's projector view: a second tab or window of the same kiosk (index.html#projector)
 * that shows the step the facilitator is showing. The two talk over a BroadcastChannel of this
 * origin, and what crosses it is only which step to show: the lesson, the step, how far it is
 * revealed, the language and the phone's look. No name, note or session crosses it, so the
 * projector needs no staff PIN and can show nothing personal; it fetches the lesson's content
 * itself (`lessons.get`, public content) and draws it with GroupDisplay.svelte, as the Electron
 * second display does.
 */

export const PROJECTOR_HASH = '#projector';
export const PROJECTOR_CHANNEL = 'kiosk-projector';

export interface ProjectorStep {
  lessonId: string;
  stepIndex: number;
  stage: number;
  language: Language;
  phoneStyle: PhoneStyle;
}

/** step: show this; close: the facilitator view closed; hello: a projector opened and asks what to show. */
export type ProjectorMessage = { kind: 'step'; step: ProjectorStep } | { kind: 'close' } | { kind: 'hello' };

const LANGUAGES: readonly string[] = ['zh-HK', 'en', 'zh-CN'];

/** A message from the channel, or null for anything that is not exactly one of ours. */
export function readProjectorMessage(data: unknown): ProjectorMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.kind === 'close' || message.kind === 'hello') return { kind: message.kind };
  if (message.kind !== 'step' || typeof message.step !== 'object' || message.step === null) return null;
  const step = message.step as Record<string, unknown>;
  const { lessonId, stepIndex, stage, language, phoneStyle } = step;
  if (
    typeof lessonId !== 'string' ||
    !/^[a-z0-9-]{1,60}$/.test(lessonId) ||
    !Number.isInteger(stepIndex) ||
    (stepIndex as number) < 0 ||
    !Number.isInteger(stage) ||
    (stage as number) < 0 ||
    typeof language !== 'string' ||
    !LANGUAGES.includes(language) ||
    !PHONE_STYLES.includes(phoneStyle as PhoneStyle)
  )
    return null;
  return {
    kind: 'step',
    step: {
      lessonId,
      stepIndex: stepIndex as number,
      stage: stage as number,
      language: language as Language,
      phoneStyle: phoneStyle as PhoneStyle,
    },
  };
}

/** How many stages the facilitator steps through (as the core's group-display.ts stagesOf). */
export function stagesOf(step: Step): number {
  return step.kind === 'practice' ? 3 : step.kind === 'quiz' ? 2 : 1;
}

/** The same view the core builds for the Electron second display, from a lesson `lessons.get` gave. */
export function projectorView(lesson: Lesson, at: ProjectorStep): GroupDisplayView | undefined {
  const step = lesson.steps[at.stepIndex];
  if (!step || lesson.id !== at.lessonId) return undefined;
  return {
    lessonId: lesson.id,
    // lessons.get fills zh-CN in at load; the type does not say so.
    lessonTitle: { ...lesson.title, 'zh-CN': lesson.title['zh-CN'] ?? lesson.title['zh-HK'] },
    step,
    position: { number: at.stepIndex + 1, total: lesson.steps.length },
    stage: Math.min(at.stage, stagesOf(step) - 1),
    language: at.language,
    phoneStyle: at.phoneStyle,
  };
}

/**
 * The console's end: says each step, answers a projector that opens later with the current one,
 * and says "close" when the facilitator view goes. Where BroadcastChannel is missing it does nothing.
 */
export class ProjectorLink {
  private readonly channel: BroadcastChannel | null;
  private current: ProjectorStep | null = null;

  constructor() {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(PROJECTOR_CHANNEL) : null;
    this.channel?.addEventListener('message', (event: MessageEvent) => {
      if (readProjectorMessage(event.data)?.kind === 'hello' && this.current) this.post(this.current);
    });
  }

  show(step: ProjectorStep): void {
    this.current = { ...step };
    this.post(this.current);
  }

  close(): void {
    this.current = null;
    this.channel?.postMessage({ kind: 'close' } satisfies ProjectorMessage);
    this.channel?.close();
  }

  private post(step: ProjectorStep): void {
    this.channel?.postMessage({ kind: 'step', step } satisfies ProjectorMessage);
  }
}
