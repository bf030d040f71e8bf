import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLessons } from '../../../../electron/core/lessons/load-lessons';
import type { Lesson, PracticeStep } from '../../../../electron/core/lessons/schema';
import {
  answerQuiz,
  attempt,
  back,
  canGoBack,
  canGoNext,
  correctAnswer,
  currentStep,
  demonstration,
  meetsCondition,
  next,
  startLesson,
  stepPosition,
  type PlayerState,
  type PracticeAction,
  type ProgressReport,
} from '../../../../renderer/src/lessons/player-logic';

const LESSONS_DIR = fileURLToPath(new URL('../../../../data/lessons', import.meta.url));
let lessons: Lesson[] = [];

beforeAll(async () => {
  lessons = (await loadLessons(LESSONS_DIR)).lessons;
});

function lessonById(id: string): Lesson {
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson;
}

/** An action that does not meet the step's condition (what a visitor's wrong try looks like). */
function wrongAction(step: PracticeStep): PracticeAction {
  if (step.success.kind === 'judge-message')
    return { kind: 'judge', verdict: step.success.verdict === 'safe' ? 'scam' : 'safe' };
  if (step.success.kind === 'swipe')
    return { kind: 'swipe', direction: step.success.direction === 'left' ? 'right' : 'left' };
  return { kind: 'tap', targetId: null };
}

/** A lesson made by hand for the edge cases, so they do not depend on shipped content. */
const text = (en: string) => ({ 'zh-HK': `「${en}」`, en });
const sample: Lesson = {
  id: 'sample',
  title: text('Sample'),
  aim: text('Aim'),
  minutes: 5,
  level: 'beginner',
  topic: 'phone-basics',
  related: [],
  moreHelp: [text('Help')],
  asOf: '2026-01-01',
  sources: [],
  steps: [
    {
      kind: 'explain',
      id: 'intro',
      title: text('Intro'),
      text: text('Text'),
      narration: text('Intro'),
      illustration: 'finger-tap',
    },
    {
      kind: 'practice',
      id: 'hold',
      title: text('Hold'),
      instruction: text('Hold the camera'),
      narration: text('Hold the camera'),
      screen: {
        app: 'home',
        scroll: false,
        elements: [
          { id: 'camera', kind: 'app-icon', label: text('Camera'), icon: 'camera' },
          { id: 'clock', kind: 'app-icon', label: text('Clock'), icon: 'clock' },
        ],
      },
      success: { kind: 'press-hold', targetId: 'camera', ms: 1000 },
      hint: text('Keep your finger on it'),
      showMe: text('Watch'),
      done: text('Well done'),
    },
    {
      kind: 'practice',
      id: 'type',
      title: text('Type'),
      instruction: text('Type Hi5'),
      narration: text('Type Hi5'),
      screen: {
        app: 'lock',
        scroll: false,
        elements: [{ id: 'field', kind: 'text-field', label: text('Field') }],
      },
      success: { kind: 'type-text', fieldId: 'field', expected: 'Hi5' },
      hint: text('hint'),
      showMe: text('show'),
      done: text('done'),
    },
    {
      kind: 'quiz',
      id: 'quiz',
      question: text('Which?'),
      narration: text('Which?'),
      answers: [
        { id: 'a', text: text('A'), correct: false, feedback: text('Not A') },
        { id: 'b', text: text('B'), correct: true, feedback: text('Yes B') },
        { id: 'c', text: text('C'), correct: false, feedback: text('Not C') },
      ],
    },
    {
      kind: 'recap',
      id: 'recap',
      title: text('Recap'),
      narration: text('Recap'),
      points: [text('one'), text('two')],
    },
  ],
};

describe('playing every lesson', () => {
  it('reaches the end of every lesson with the right action on each practice step and the right quiz answer', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(15);
    for (const lesson of lessons) {
      let { state, reports } = startLesson(lesson);
      const all: ProgressReport[] = [...reports];
      let guard = 0;
      while (!state.finished) {
        guard += 1;
        expect(guard, lesson.id).toBeLessThanOrEqual(lesson.steps.length);
        const step = currentStep(lesson, state);
        const where = `${lesson.id}/${step.id}`;
        if (step.kind === 'practice') {
          expect(canGoNext(lesson, state), where).toBe(false);
          const outcome = attempt(lesson, state, demonstration(step));
          expect(outcome.result, where).toBe('success');
          expect(outcome.message).toBe(step.done);
          ({ state } = outcome);
          all.push(...outcome.reports);
        } else if (step.kind === 'quiz') {
          expect(canGoNext(lesson, state), where).toBe(false);
          const outcome = answerQuiz(lesson, state, correctAnswer(step));
          expect(outcome.correct, where).toBe(true);
          ({ state } = outcome);
          all.push(...outcome.reports);
        }
        expect(canGoNext(lesson, state), where).toBe(true);
        ({ state, reports } = next(lesson, state));
        all.push(...reports);
      }
      expect(state.completedSteps).toEqual(lesson.steps.map((_, i) => i));
      expect(all).toEqual(['started', ...lesson.steps.map(() => 'step'), 'completed']);
      expect(canGoNext(lesson, state)).toBe(false);
      expect(canGoBack(state)).toBe(false);
    }
  });

  it('answers every practice step with a hint, then show me, for wrong tries, and still accepts the right action', () => {
    for (const lesson of lessons) {
      lesson.steps.forEach((step, index) => {
        if (step.kind !== 'practice') return;
        let state: PlayerState = startLesson(lesson, index).state;
        const wrong = wrongAction(step);
        expect(meetsCondition(step, wrong), `${lesson.id}/${step.id}`).toBe(false);
        const first = attempt(lesson, state, wrong);
        expect(first.result).toBe('hint');
        expect(first.message).toBe(step.hint);
        const second = attempt(lesson, first.state, wrong);
        expect(second.result).toBe('show-me');
        expect(second.message).toBe(step.showMe);
        state = second.state;
        expect(canGoNext(lesson, state)).toBe(false);
        expect(attempt(lesson, state, demonstration(step)).result).toBe('success');
      });
    }
  });
});

describe('player rules', () => {
  it('one wrong try gives a hint, two give show me, and more keep showing it: never a fail state', () => {
    let { state } = startLesson(sample, 1);
    const tries = [attempt(sample, state, { kind: 'tap', targetId: 'clock' })];
    state = tries[0]!.state;
    tries.push(attempt(sample, state, { kind: 'swipe', direction: 'up' }));
    state = tries[1]!.state;
    tries.push(attempt(sample, state, { kind: 'tap', targetId: null }));
    expect(tries.map((t) => t.result)).toEqual(['hint', 'show-me', 'show-me']);
    expect(tries[2]!.state.triesOnStep).toBe(3);
  });

  it('a press too short on a press-hold target is a gentle hint; a long enough one succeeds', () => {
    const { state } = startLesson(sample, 1);
    expect(attempt(sample, state, { kind: 'tap', targetId: 'camera' }).result).toBe('hint');
    expect(attempt(sample, state, { kind: 'press', targetId: 'camera', ms: 400 }).result).toBe('hint');
    const done = attempt(sample, state, { kind: 'press', targetId: 'camera', ms: 1200 });
    expect(done.result).toBe('success');
    expect(done.reports).toEqual(['step']);
    // Trying again after success changes nothing and reports nothing.
    const again = attempt(sample, done.state, { kind: 'tap', targetId: null });
    expect(again.result).toBe('success');
    expect(again.reports).toEqual([]);
    expect(again.state).toBe(done.state);
  });

  it('typed text ignores case and spaces', () => {
    const { state } = startLesson(sample, 2);
    expect(attempt(sample, state, { kind: 'type', fieldId: 'field', text: 'hi' }).result).toBe('hint');
    expect(attempt(sample, state, { kind: 'type', fieldId: 'field', text: ' h I 5 ' }).result).toBe(
      'success',
    );
  });

  it('a long press on a tap target still counts as a tap', () => {
    const tap = lessonById('touchscreen-basics');
    const index = tap.steps.findIndex((s) => s.kind === 'practice' && s.success.kind === 'tap-target');
    const step = tap.steps[index] as PracticeStep;
    const target = step.success.kind === 'tap-target' ? step.success.targetId : '';
    expect(
      attempt(tap, startLesson(tap, index).state, { kind: 'press', targetId: target, ms: 1500 }).result,
    ).toBe('success');
  });

  it('quiz: feedback for every answer, the right one opens Next, two wrong ones mark the right answer', () => {
    let { state } = startLesson(sample, 3);
    const first = answerQuiz(sample, state, 'a');
    expect(first).toMatchObject({ correct: false, highlightCorrect: false, reports: [] });
    expect(first.feedback.en).toBe('Not A');
    expect(canGoNext(sample, first.state)).toBe(false);
    const second = answerQuiz(sample, first.state, 'c');
    expect(second.highlightCorrect).toBe(true);
    const right = answerQuiz(sample, second.state, 'b');
    expect(right).toMatchObject({ correct: true, reports: ['step'] });
    expect(right.feedback.en).toBe('Yes B');
    state = right.state;
    expect(canGoNext(sample, state)).toBe(true);
    // Changing one's mind after the right answer keeps the step done.
    expect(canGoNext(sample, answerQuiz(sample, state, 'a').state)).toBe(true);
    expect(() => answerQuiz(sample, state, 'zzz')).toThrow();
  });

  it('back and next stay within the lesson', () => {
    let { state } = startLesson(sample);
    expect(stepPosition(sample, state)).toEqual({ number: 1, total: 5, isFirst: true, isLast: false });
    expect(canGoBack(state)).toBe(false);
    expect(back(state).state).toBe(state);

    ({ state } = next(sample, state));
    expect(stepPosition(sample, state).number).toBe(2);
    // Practice not done: Next does nothing.
    const blocked = next(sample, state);
    expect(blocked.state).toBe(state);
    expect(blocked.reports).toEqual([]);

    ({ state } = back(state));
    expect(state.stepIndex).toBe(0);
    // Explain was already counted: going through it again reports nothing new.
    const again = next(sample, state);
    expect(again.reports).toEqual([]);

    const nearEnd = startLesson(sample, 4).state;
    expect(stepPosition(sample, nearEnd)).toMatchObject({ number: 5, isLast: true });
    const finished = next(sample, nearEnd);
    expect(finished.state.finished).toBe(true);
    expect(finished.reports).toEqual(['step', 'completed']);
    expect(next(sample, finished.state).state).toBe(finished.state);
    expect(back(finished.state).state).toBe(finished.state);
  });

  it('starting at a resumed step counts the earlier steps as done and clamps out-of-range steps', () => {
    expect(startLesson(sample, 3).state).toMatchObject({
      stepIndex: 3,
      completedSteps: [0, 1, 2],
      triesOnStep: 0,
    });
    expect(startLesson(sample, 99).state.stepIndex).toBe(4);
    expect(startLesson(sample, -2).state.stepIndex).toBe(0);
  });

  it('moving resets the tries on a step', () => {
    let { state } = startLesson(sample, 1);
    state = attempt(sample, state, { kind: 'tap', targetId: null }).state;
    expect(state.triesOnStep).toBe(1);
    state = back(state).state;
    expect(state.triesOnStep).toBe(0);
  });

  it('refuses practice actions on a step that is not practice', () => {
    const { state } = startLesson(sample);
    expect(() => attempt(sample, state, { kind: 'tap', targetId: null })).toThrow();
    expect(() => answerQuiz(sample, state, 'a')).toThrow();
  });
});
