import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quizAnswerOrder, seededShuffle } from '../../../../renderer/src/lessons/quiz-order';

const LESSONS_DIR = fileURLToPath(new URL('../../../../data/lessons', import.meta.url));

interface Quiz {
  lessonId: string;
  id: string;
  answers: { id: string; correct: boolean }[];
}

/** Every quiz in the shipped lessons, answers in the order the file lists them. */
const quizzes: Quiz[] = readdirSync(LESSONS_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .flatMap((name) => {
    const lesson = JSON.parse(readFileSync(path.join(LESSONS_DIR, name), 'utf8')) as {
      id: string;
      steps: { kind: string; id: string; answers?: Quiz['answers'] }[];
    };
    return lesson.steps
      .filter((step) => step.kind === 'quiz')
      .map((step) => ({ lessonId: lesson.id, id: step.id, answers: step.answers! }));
  });

const rightIndex = (quiz: Quiz, order: string[]) =>
  order.indexOf(quiz.answers.find((answer) => answer.correct)!.id);

const SEEDS = Array.from({ length: 400 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

describe('quiz answer order', () => {
  it('is a shuffle of the answers, the same for the same seed and quiz, and leaves the input alone', () => {
    const items = ['a', 'b', 'c', 'd'];
    const once = seededShuffle(items, 12345, 'lesson/quiz');
    expect([...once].sort()).toEqual(items);
    expect(seededShuffle(items, 12345, 'lesson/quiz')).toEqual(once);
    expect(items).toEqual(['a', 'b', 'c', 'd']);
  });

  it('differs between visits and between quizzes of one visit', () => {
    const quiz = quizzes[0]!;
    const orders = new Set(
      SEEDS.slice(0, 50).map((seed) => quizAnswerOrder(quiz.lessonId, quiz, seed).join()),
    );
    expect(orders.size).toBeGreaterThan(1);
    const oneVisit = new Set(quizzes.map((q) => rightIndex(q, quizAnswerOrder(q.lessonId, q, SEEDS[0]!))));
    expect(
      oneVisit.size,
      'the right answer is not in one place across the quizzes of a visit',
    ).toBeGreaterThan(1);
  });

  it('puts every quiz’s right answer in every place, about equally often, over many visits', () => {
    expect(quizzes.length).toBeGreaterThanOrEqual(12);
    for (const quiz of quizzes) {
      const counts = new Array<number>(quiz.answers.length).fill(0);
      for (const seed of SEEDS) counts[rightIndex(quiz, quizAnswerOrder(quiz.lessonId, quiz, seed))]! += 1;
      const fair = SEEDS.length / quiz.answers.length;
      for (const [place, count] of counts.entries())
        expect(count, `${quiz.lessonId}/${quiz.id}: right answer in place ${place + 1}`).toBeGreaterThan(
          fair * 0.6,
        );
    }
  });
});

describe('quiz content', () => {
  it('does not keep the right answer in one place in the files either', () => {
    // The files are what a printed lesson, a staff preview or a broken shuffle would show.
    const places = quizzes.map((quiz) => quiz.answers.findIndex((answer) => answer.correct));
    const most = Math.max(...[0, 1, 2, 3].map((place) => places.filter((p) => p === place).length));
    expect(most, `right answer places in the files: ${places.join(' ')}`).toBeLessThanOrEqual(
      Math.ceil(quizzes.length / 2),
    );
    expect(new Set(places).size).toBeGreaterThanOrEqual(3);
  });
});
