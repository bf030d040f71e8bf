/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../../../electron/core/lessons/schema';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { lessonSession } from '../../../../renderer/src/lessons/lesson-session.svelte';
import { demonstration } from '../../../../renderer/src/lessons/player-logic';
import { visit } from '../../../../renderer/src/lib/visit.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

/** The lesson session against the real lessons in data/lessons and a real core. */
let connection: Awaited<ReturnType<typeof connectRealCore>>;
beforeEach(async () => {
  connection = await connectRealCore();
  visit.wipe();
  locale.set('en');
});
afterEach(() => connection.disconnect());

const LESSON = 'free-wifi';

/** Does what the step asks, the way a visitor would: the demonstrated action, or the right answer. */
function completeStep(lesson: Lesson): void {
  const step = lesson.steps[lessonSession.player!.stepIndex]!;
  if (step.kind === 'practice') expect(lessonSession.try(demonstration(step))).toBe('success');
  if (step.kind === 'quiz') lessonSession.answer(step.answers.find((answer) => answer.correct)!.id);
}

async function tallies(): Promise<
  { event: string; subject: string; detail: string; language: string; count: number }[]
> {
  const activity = JSON.parse(
    await readFile(path.join(connection.core.dataDir, 'activity.json'), 'utf8'),
  ) as { tallies: never[] };
  return activity.tallies;
}

describe('the lesson session', () => {
  it('keeps the lesson list and lessons for the visit and asks the core again after it ends', async () => {
    await lessonSession.list();
    await lessonSession.list();
    await lessonSession.fetchLesson(LESSON);
    await lessonSession.fetchLesson(LESSON);
    const asked = () => connection.calls.filter((m) => m === 'lessons.list' || m === 'lessons.get');
    expect(asked()).toEqual(['lessons.list', 'lessons.get']);
    // An organisation's pack may have replaced the lessons meanwhile: the next visit sees them.
    visit.wipe();
    await lessonSession.list();
    await lessonSession.fetchLesson(LESSON);
    expect(asked()).toEqual(['lessons.list', 'lessons.get', 'lessons.list', 'lessons.get']);
  });

  it('plays a lesson from the core to the end, and the visit remembers it was finished', async () => {
    const lesson = await lessonSession.fetchLesson(LESSON);
    lessonSession.open(lesson);
    expect(lessonSession.player).toMatchObject({ lessonId: LESSON, stepIndex: 0, finished: false });
    while (!lessonSession.player!.finished) {
      const before = lessonSession.player!.stepIndex;
      completeStep(lesson);
      lessonSession.next();
      if (!lessonSession.player!.finished) expect(lessonSession.player!.stepIndex).toBe(before + 1);
    }
    expect(lessonSession.player!.completedSteps).toHaveLength(lesson.steps.length);
    expect(lessonSession.completedLessons).toEqual([LESSON]);
  });

  it('a practice step does not move on until it is done; a wrong try says so and is forgotten on the next step', async () => {
    const lesson = await lessonSession.fetchLesson(LESSON);
    const practice = lesson.steps.findIndex((step) => step.kind === 'practice');
    lessonSession.open(lesson, practice);
    lessonSession.next();
    expect(lessonSession.player!.stepIndex).toBe(practice);
    expect(lessonSession.try({ kind: 'tap', targetId: 'not-a-target' })).not.toBe('success');
    expect(lessonSession.feedback).not.toBeNull();
    completeStep(lesson);
    lessonSession.next();
    expect(lessonSession.player!.stepIndex).toBe(practice + 1);
    expect(lessonSession.feedback).toBeNull();
    lessonSession.back();
    expect(lessonSession.player!.stepIndex).toBe(practice);
  });

  it('an app opened on a step is drawn opening there, and closed again on the next step and on Back', async () => {
    const lesson = await lessonSession.fetchLesson('touchscreen-basics');
    const tapClock = lesson.steps.findIndex((step) => step.id === 'tap-clock');
    lessonSession.open(lesson, tapClock);
    const screenNow = () => {
      const step = lesson.steps[lessonSession.player!.stepIndex]!;
      return step.kind === 'practice' ? lessonSession.screenFor(step) : null;
    };
    expect(lessonSession.try({ kind: 'tap', targetId: 'clock' })).toBe('success');
    expect(screenNow()?.opening?.id).toBe('clock');
    lessonSession.next();
    expect(screenNow()?.opening).toBeUndefined();
    lessonSession.back();
    expect(screenNow()?.opening).toBeUndefined();
    lessonSession.touchPhone({ kind: 'tap', targetId: 'clock' });
    expect(screenNow()?.opening?.id).toBe('clock');
    lessonSession.next();
    lessonSession.back();
    expect(screenNow()?.opening).toBeUndefined();
  });

  it('opening the lesson on screen again keeps the place; a step given starts there', async () => {
    const lesson = await lessonSession.fetchLesson(LESSON);
    lessonSession.open(lesson);
    lessonSession.next();
    lessonSession.open(lesson);
    expect(lessonSession.player!.stepIndex).toBe(1);
    lessonSession.open(lesson, 4);
    expect(lessonSession.player).toMatchObject({ stepIndex: 4, completedSteps: [0, 1, 2, 3] });
  });

  it('asks the core once for a lesson however many screens ask at the same time', async () => {
    const id = 'photos';
    const [first, second] = await Promise.all([lessonSession.fetchLesson(id), lessonSession.fetchLesson(id)]);
    expect(second).toBe(first);
    expect(connection.calls.filter((method) => method === 'lessons.get').length).toBeLessThanOrEqual(1);
    expect(first.id).toBe(id);
  });

  it('counts the start, each step and the finish under the visit, in the language on screen', async () => {
    visit.begin('en');
    const lesson = await lessonSession.fetchLesson(LESSON);
    lessonSession.open(lesson);
    while (!lessonSession.player!.finished) {
      completeStep(lesson);
      lessonSession.next();
    }
    // The counters are fire and forget: wait for them to land in the core's figures.
    const expected = [
      { event: 'lesson.started', count: 1 },
      { event: 'lesson.step', count: lesson.steps.length },
      { event: 'lesson.completed', count: 1 },
    ];
    await vi.waitFor(async () => {
      const counted = (await tallies()).filter((tally) => tally.subject === LESSON);
      expect(counted.map(({ event, count }) => ({ event, count }))).toEqual(expected);
      for (const tally of counted)
        expect(tally).toMatchObject({ date: '2026-12-01', language: 'en', detail: '' });
    });
  });

  it('makes a resume code with the core; the wipe forgets the lesson, the place, the code and what was finished', async () => {
    const lesson = await lessonSession.fetchLesson(LESSON);
    lessonSession.open(lesson);
    lessonSession.next();
    await lessonSession.createCode(LESSON, lessonSession.player!.stepIndex);
    expect(lessonSession.code).toMatchObject({ lessonId: LESSON });
    const { code } = lessonSession.code!;
    lessonSession.rememberCompleted(['photos']);

    visit.wipe();

    expect(lessonSession.lesson).toBeNull();
    expect(lessonSession.player).toBeNull();
    expect(lessonSession.code).toBeNull();
    expect(lessonSession.completedLessons).toEqual([]);
    expect(lessonSession.feedback).toBeNull();
    // The code itself lives on in the core, for the visitor to type in another day.
    await expect(connection.core.invoke('lessons.resume.open', { code })).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('the practice phone of the visit', () => {
  it('keeps what the visitor changed from step to step, and a new lesson or the wipe starts it afresh', async () => {
    const lesson = await lessonSession.fetchLesson(LESSON);
    const at = lesson.steps.findIndex((step) => step.id === 'turn-wifi-on');
    lessonSession.open(lesson, at);
    const step = lesson.steps[at]!;
    if (step.kind !== 'practice') throw new Error('turn-wifi-on is a practice step');
    expect(lessonSession.try({ kind: 'toggle', targetId: 'wifi-switch', to: true })).toBe('success');
    expect(lessonSession.screenFor(step).elements.find((e) => e.id === 'wifi-switch')).toMatchObject({
      on: true,
    });
    lessonSession.next();
    lessonSession.back();
    // Back on the step: the switch is as the visitor left it, not as the step was written.
    expect(lessonSession.screenFor(step).elements.find((e) => e.id === 'wifi-switch')).toMatchObject({
      on: true,
    });
    // A touch after success still changes the phone; the step stays done.
    lessonSession.touchPhone({ kind: 'toggle', targetId: 'wifi-switch', to: false });
    expect(lessonSession.phone.switches['wifi-switch']).toBe(false);
    expect(lessonSession.player!.completedSteps).toContain(at);

    lessonSession.try({ kind: 'toggle', targetId: 'wifi-switch', to: true });
    visit.wipe();
    expect(lessonSession.phone.switches).toEqual({});
  });

  it('the phone style: the centre default until the visitor chooses, the choice until the wipe', () => {
    expect(lessonSession.phoneStyleChoice).toBeNull();
    expect(lessonSession.phoneStyle).toBe('android');
    lessonSession.choosePhoneStyle('iphone');
    expect(lessonSession.phoneStyle).toBe('iphone');
    // A code opening another lesson keeps the visit's answer.
    lessonSession.clear(true);
    expect(lessonSession.phoneStyle).toBe('iphone');
    visit.wipe();
    expect(lessonSession.phoneStyleChoice).toBeNull();
    expect(lessonSession.phoneStyle).toBe('android');
  });
});
