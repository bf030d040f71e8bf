/**
 * The order a quiz's answers are drawn in: shuffled, so the right answer is not always in the same
 * place and a visitor cannot learn "the first one is right"; the same for the whole visit, so going
 * back to a quiz, reading it aloud or being shown the right one never moves the answers. Pure: the
 * order is a function of the visit's seed and the quiz, so tests pass a seed and know the order.
 */
import { seededRandom } from '../lib/seeded-random';

/** FNV-1a over the text: the quiz's own part of the seed, so two quizzes in a visit differ. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A Fisher–Yates shuffle of `items` driven by `seed` and `key`; the input is left alone. */
export function seededShuffle<T>(items: readonly T[], seed: number, key: string): T[] {
  const next = seededRandom((seed ^ hashText(key)) >>> 0);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

/** The ids of a quiz's answers in the order they are drawn for this visit's seed. */
export function quizAnswerOrder(
  lessonId: string,
  quiz: { id: string; answers: readonly { id: string }[] },
  seed: number,
): string[] {
  return seededShuffle(
    quiz.answers.map((answer) => answer.id),
    seed,
    `${lessonId}/${quiz.id}`,
  );
}

/** A new seed for a new visit. */
export function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
