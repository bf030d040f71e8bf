import { visit } from '../lib/visit.svelte';
import { freshSeed, quizAnswerOrder } from './quiz-order';

/**
 * The visit's quiz seed: drawn when the kiosk starts and again at every wipe ("I'm finished", the
 * idle timeout), so each visitor sees the answers in their own order and keeps it all visit.
 */
class QuizSeed {
  value = $state(freshSeed());

  /** A new visit's seed; a test passes its own to know the order. */
  reseed(seed: number = freshSeed()): void {
    this.value = seed >>> 0;
  }

  /** The ids of a quiz's answers in this visit's order: what the quiz draws and read-aloud says. */
  answerOrder(lessonId: string, quiz: { id: string; answers: readonly { id: string }[] }): string[] {
    return quizAnswerOrder(lessonId, quiz, this.value);
  }
}

export const quizSeed = new QuizSeed();
visit.onWipe(() => quizSeed.reseed());
