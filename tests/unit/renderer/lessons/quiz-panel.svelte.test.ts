/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson, QuizStep } from '../../../../electron/core/lessons/schema';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { lessonSession } from '../../../../renderer/src/lessons/lesson-session.svelte';
import LessonPlayer from '../../../../renderer/src/lessons/LessonPlayer.svelte';
import QuizPanel from '../../../../renderer/src/lessons/QuizPanel.svelte';
import { quizAnswerOrder } from '../../../../renderer/src/lessons/quiz-order';
import { quizSeed } from '../../../../renderer/src/lessons/quiz-seed.svelte';
import { speech } from '../../../../renderer/src/lib/speech.svelte';
import { visit } from '../../../../renderer/src/lib/visit.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

let connection: Awaited<ReturnType<typeof connectRealCore>>;
beforeEach(async () => {
  // jsdom lays nothing out and has no scrollIntoView; the panel brings its explanation into view.
  Element.prototype.scrollIntoView ??= () => undefined;
  connection = await connectRealCore();
  visit.wipe();
  locale.set('en');
});
afterEach(() => connection.disconnect());

/** The answers' ids in the order the panel draws them. */
const drawn = () =>
  screen
    .getAllByRole('button')
    .map((button) => button.dataset.testid ?? '')
    .filter((id) => id.startsWith('answer-'))
    .map((id) => id.slice('answer-'.length));

async function openQuiz(lessonId: string): Promise<{ lesson: Lesson; quiz: QuizStep }> {
  const lesson = await lessonSession.fetchLesson(lessonId);
  const index = lesson.steps.findIndex((step) => step.kind === 'quiz');
  lessonSession.open(lesson, index);
  return { lesson, quiz: lesson.steps[index] as QuizStep };
}

/** A seed whose order for this quiz is not the order in the file, so the test sees a shuffle. */
function seedNotInFileOrder(lessonId: string, quiz: QuizStep): number {
  const fileOrder = quiz.answers.map((answer) => answer.id).join();
  for (let seed = 1; ; seed++) if (quizAnswerOrder(lessonId, quiz, seed).join() !== fileOrder) return seed;
}

describe('the quiz panel', () => {
  it('draws the answers in the visit’s shuffled order and keeps it while the visitor answers', async () => {
    const { lesson, quiz } = await openQuiz('video-call');
    const seed = seedNotInFileOrder(lesson.id, quiz);
    quizSeed.reseed(seed);
    render(QuizPanel, { step: quiz });
    const expected = quizAnswerOrder(lesson.id, quiz, seed);
    expect(drawn()).toEqual(expected);
    expect(drawn()).not.toEqual(quiz.answers.map((answer) => answer.id));

    // Two wrong answers mark the right one: nothing moves under the visitor's finger.
    for (const wrong of quiz.answers.filter((answer) => !answer.correct)) {
      screen.getByTestId(`answer-${wrong.id}`).click();
      flushSync();
      expect(drawn()).toEqual(expected);
    }
    expect(screen.getByTestId(`answer-${quiz.answers.find((a) => a.correct)!.id}`).textContent).toContain(
      'This one',
    );
  });

  it('a new visit draws a new seed', () => {
    quizSeed.reseed(7);
    visit.wipe();
    expect(quizSeed.value).not.toBe(7);
  });
});

describe('reading a quiz aloud', () => {
  it('"Read this step" says the answers in the order they are drawn for the visit', async () => {
    // jsdom has no speech: a British voice and a speechSynthesis that keeps what it is given.
    const spoken: string[] = [];
    // Nor media queries (the player asks for the screen's orientation): a landscape kiosk.
    Object.assign(window, {
      matchMedia: (query: string) => ({
        matches: query.includes('landscape'),
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }),
    });
    Object.assign(globalThis, {
      speechSynthesis: { cancel: () => undefined, speak: (u: { text: string }) => spoken.push(u.text) },
      SpeechSynthesisUtterance: class {
        voice: unknown = null;
        lang = '';
        rate = 1;
        onend: unknown = null;
        onerror: unknown = null;
        constructor(readonly text: string) {}
      },
    });
    speech.voices = [
      { name: 'English (Great Britain)', lang: 'en-GB', localService: true } as SpeechSynthesisVoice,
    ];
    const lesson = await lessonSession.fetchLesson('video-call');
    const index = lesson.steps.findIndex((step) => step.kind === 'quiz');
    const quiz = lesson.steps[index] as QuizStep;
    const seed = seedNotInFileOrder(lesson.id, quiz);
    quizSeed.reseed(seed);
    render(LessonPlayer, { params: { id: lesson.id, step: String(index) } });
    await screen.findByTestId('quiz-answers');
    screen.getByTestId('read-step').click();
    const said = spoken.at(-1) ?? '';
    const places = quizAnswerOrder(lesson.id, quiz, seed).map((id) =>
      said.indexOf(quiz.answers.find((answer) => answer.id === id)!.text.en),
    );
    expect(
      places.every((place) => place >= 0),
      said,
    ).toBe(true);
    expect(
      [...places].sort((a, b) => a - b),
      said,
    ).toEqual(places);
    speech.voices = [];
  });
});
