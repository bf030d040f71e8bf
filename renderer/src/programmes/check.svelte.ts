import type { EvaluateResult, QuestionsView, QuestionView } from '../../../electron/core/programmes/views';
import { locale } from '../i18n/i18n.svelte';
import { invoke } from '../lib/api';
import { visit } from '../lib/visit.svelte';

export interface StepInfo {
  position: number;
  /** At most this many questions in all (the core's figure; it only shrinks). */
  total: number;
  /** Every way on asks exactly `total`; otherwise the screen says "a few" rather than a number that would jump. */
  exact: boolean;
}

/** Where the check goes after an answer: the next question's screen, or the results. */
export type Advance = { to: 'question'; questionId: string } | { to: 'result' };

/**
 * One visitor's eligibility check, in memory only: never in storage, the URL or a route param
 * that holds an answer (routes carry only the question id). "I'm finished" and the idle timeout
 * clear it through visit.onWipe.
 *
 * `answers` remembers every answer given, so Back shows a question with its answer still chosen.
 * `path` is the questions on the current walk, in order; only their answers go to the core, so an
 * answer given before the visitor went Back and took another turning never shapes a result.
 */
export class EligibilityCheck {
  questions = $state<QuestionsView | null>(null);
  answers = $state<Record<string, string>>({});
  path = $state<string[]>([]);
  steps = $state<Record<string, StepInfo>>({});
  result = $state<EvaluateResult | null>(null);
  busy = $state(false);
  /** The answers the current result was evaluated on, so an unchanged check is not counted twice. */
  private evaluatedKey: string | null = null;

  async loadQuestions(): Promise<QuestionsView> {
    this.questions ??= await invoke('eligibility.questions', {});
    return this.questions;
  }

  question(id: string): QuestionView | undefined {
    return this.questions?.questions.find((question) => question.id === id);
  }

  /** Forget a previous check in this visit and start again from the first question. */
  clear(): void {
    this.answers = {};
    this.path = [];
    this.steps = {};
    this.result = null;
    this.evaluatedKey = null;
    this.busy = false;
  }

  /** The answers on the walk up to and including `questionId` (or the whole walk). */
  private walkedAnswers(upTo?: string): Record<string, string> {
    const end = upTo === undefined ? this.path.length : this.path.indexOf(upTo) + 1;
    const walked: Record<string, string> = {};
    for (const id of this.path.slice(0, end)) {
      const answer = this.answers[id];
      if (answer !== undefined) walked[id] = answer;
    }
    return walked;
  }

  /** The first question (after the collection statement). */
  async begin(): Promise<Advance> {
    this.path = [];
    return this.advance({});
  }

  /** Record an answer and work out what comes next; the caller moves the screen. */
  async answer(questionId: string, optionId: string): Promise<Advance> {
    this.answers = { ...this.answers, [questionId]: optionId };
    const index = this.path.indexOf(questionId);
    this.path = index >= 0 ? this.path.slice(0, index + 1) : [...this.path, questionId];
    return this.advance(this.walkedAnswers(questionId));
  }

  private async advance(answers: Record<string, string>): Promise<Advance> {
    this.busy = true;
    try {
      const step = await invoke('eligibility.next', { answers });
      if (!step.done) {
        this.steps = {
          ...this.steps,
          [step.question.id]: { position: step.position, total: step.total, exact: step.exact },
        };
        if (!this.path.includes(step.question.id)) this.path = [...this.path, step.question.id];
        return { to: 'question', questionId: step.question.id };
      }
      await this.evaluate(answers);
      return { to: 'result' };
    } finally {
      this.busy = false;
    }
  }

  /**
   * Each evaluate call counts one anonymous tally per programme, so it runs once per finished
   * check: coming back to the results without changing an answer reuses them.
   */
  private async evaluate(answers: Record<string, string>): Promise<void> {
    const key = JSON.stringify(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)));
    if (this.result && this.evaluatedKey === key) return;
    this.result = await invoke('eligibility.evaluate', {
      answers,
      language: locale.current,
      visit: await visit.visitToken(),
    });
    this.evaluatedKey = key;
  }
}

export const check = new EligibilityCheck();
visit.onWipe(() => check.clear());
