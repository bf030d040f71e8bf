/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson, PracticeStep } from '../../../../electron/core/lessons/schema';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import {
  IDLE_HINT_MS,
  lessonSession,
  type HintTimer,
} from '../../../../renderer/src/lessons/lesson-session.svelte';
import { demonstration } from '../../../../renderer/src/lessons/player-logic';
import { visit } from '../../../../renderer/src/lib/visit.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

/** Help that does not wait for a mistake, against the real lessons and core. */
let connection: Awaited<ReturnType<typeof connectRealCore>>;
beforeEach(async () => {
  connection = await connectRealCore();
  visit.wipe();
  locale.set('en');
});
afterEach(() => connection.disconnect());

/** A timer the test runs by hand: what is due, and how long it was asked to wait. */
function manualTimer(): HintTimer & { due: { run: () => void; ms: number }[]; fire: () => void } {
  const due: { run: () => void; ms: number }[] = [];
  return {
    due,
    set: (run, ms) => {
      const entry = { run, ms };
      due.push(entry);
      return entry;
    },
    clear: (handle) => {
      const index = due.indexOf(handle as (typeof due)[number]);
      if (index >= 0) due.splice(index, 1);
    },
    fire: () => due.splice(0).forEach((entry) => entry.run()),
  };
}

async function openPractice(): Promise<{ lesson: Lesson; step: PracticeStep; index: number }> {
  const lesson = await lessonSession.fetchLesson('touchscreen-basics');
  const index = lesson.steps.findIndex((step) => step.kind === 'practice');
  lessonSession.open(lesson, index);
  return { lesson, step: lesson.steps[index] as PracticeStep, index };
}

describe('help before a mistake', () => {
  it('"show me" can be asked for before any try: the demonstration plays and no try is counted', async () => {
    const { step } = await openPractice();
    const runs = lessonSession.showMeRun;
    lessonSession.showMe();
    expect(lessonSession.feedback).toEqual({ kind: 'show-me', text: step.showMe, offered: true });
    expect(lessonSession.showMeRun).toBe(runs + 1);
    expect(lessonSession.player!.triesOnStep).toBe(0);
    // A first wrong try afterwards still gets the gentle hint, not a second "show me".
    expect(lessonSession.try({ kind: 'tap', targetId: null })).toBe('hint');
  });

  it('after the idle delay with no try the hint is offered, once, on the same step only', async () => {
    const { step } = await openPractice();
    const timer = manualTimer();
    lessonSession.armIdleHint(IDLE_HINT_MS, timer);
    expect(timer.due.map((entry) => entry.ms)).toEqual([15_000]);
    expect(lessonSession.feedback).toBeNull();
    timer.fire();
    expect(lessonSession.feedback).toEqual({ kind: 'hint', text: step.hint, offered: true });
    expect(lessonSession.player!.triesOnStep).toBe(0);
  });

  it('a try, a move to another step or a wipe before the delay means no hint is offered', async () => {
    const { lesson, index } = await openPractice();
    const timer = manualTimer();

    lessonSession.armIdleHint(IDLE_HINT_MS, timer);
    expect(lessonSession.try({ kind: 'tap', targetId: null })).toBe('hint');
    const afterTry = lessonSession.feedback;
    timer.fire();
    expect(lessonSession.feedback).toBe(afterTry);

    lessonSession.open(lesson, index);
    lessonSession.armIdleHint(IDLE_HINT_MS, timer);
    lessonSession.try(demonstration(lesson.steps[index] as PracticeStep));
    lessonSession.next();
    timer.fire();
    expect(lessonSession.feedback).toBeNull();

    lessonSession.open(lesson, index);
    lessonSession.armIdleHint(IDLE_HINT_MS, timer);
    visit.wipe();
    timer.fire();
    expect(lessonSession.lesson).toBeNull();
    expect(lessonSession.feedback).toBeNull();
  });

  it('cancelling the timer (the phone was touched, the step went away) clears it', async () => {
    await openPractice();
    const timer = manualTimer();
    const cancel = lessonSession.armIdleHint(IDLE_HINT_MS, timer);
    cancel();
    expect(timer.due).toEqual([]);
  });

  it('nothing is offered once the step is done', async () => {
    const { step } = await openPractice();
    expect(lessonSession.try(demonstration(step))).toBe('success');
    const done = lessonSession.feedback;
    lessonSession.showMe();
    lessonSession.offerHint();
    expect(lessonSession.feedback).toBe(done);
  });
});
