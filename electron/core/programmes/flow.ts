import { statusAt } from './dated';
import { decide, questionMap, questionsOf } from './decide';
import type { Answers } from './engine';
import { NOT_SURE, type Programme, type Question, type QuestionSet } from './schema';

/**
 * The question flow: one question at a time, in the order questions.json lists them, skipping
 * any question that can no longer change any result.
 *
 * "Can change a result": for some programme a result is shown for (open, closed or of unknown
 * status, not one yet to start) that reads the question, there is a way the still-unanswered questions could be answered under which two
 * different answers to this question give two different decisions (outcome and deciding rule).
 * This is checked exactly by trying the combinations, which is cheap for a handful of questions;
 * above COMBINATION_LIMIT we stop counting and ask (asking one question too many is harmless,
 * skipping one that matters is not).
 *
 * Closed programmes ask too: "would you have qualified?" is a real question for a family that
 * missed the learning programme, and a result may only rest on what was asked, so a Yi Jin
 * household is asked about CSSA and textbook assistance instead of being told "cannot tell".
 *
 * The walk also decides which answers count: an answer kept from before the visitor went Back and
 * changed an earlier answer is dropped if its question would now be skipped. `evaluate` uses
 * the same walk, so a result only ever rests on questions the visitor was actually shown.
 *
 * Open or closed is judged at the evaluation day when one is given (the core's clock), so the
 * flow and the results agree on which programmes run.
 */

const COMBINATION_LIMIT = 4096;

export interface FlowContent {
  questions: QuestionSet;
  programmes: Programme[];
}

export type FlowStep =
  | {
      done: false;
      question: Question;
      /** 1-based: "question 2 of …". */
      position: number;
      /**
       * At most this many questions in all, whichever way the rest is answered (it can only
       * shrink). When `exact`, every way on asks exactly this many, so "question 2 of 4" is true.
       */
      total: number;
      /** false while the number still depends on answers to come: the screen says "a few". */
      exact: boolean;
      /** The questions answered on the way here, in order. */
      asked: string[];
    }
  | { done: true; position: null; total: number; asked: string[] };

export interface FlowWalk {
  step: FlowStep;
  /** Only the answers to questions on the path. */
  effectiveAnswers: Record<string, string>;
}

/** Every answer a question can take: its options and "not sure". */
function domain(question: Question): string[] {
  return [...question.options.map((option) => option.id), NOT_SURE];
}

/** Does answering `questionId` still matter for any open programme, given the answers so far? */
export function questionMatters(
  content: FlowContent,
  questionId: string,
  answers: Answers,
  combinationLimit = COMBINATION_LIMIT,
  date?: string,
): boolean {
  const byId = questionMap(content.questions);
  const question = byId.get(questionId);
  if (!question) return false;
  return content.programmes.some((programme) => {
    if (statusAt(programme, date) === 'not-started') return false;
    const reads = questionsOf(programme, content.questions);
    if (!reads.includes(questionId)) return false;
    const free = reads
      .filter((id) => id !== questionId && answers[id] === undefined)
      .map((id) => byId.get(id)!);
    const combinations = free.reduce((count, other) => count * domain(other).length, domain(question).length);
    if (combinations > combinationLimit) return true;
    for (const completion of completions(free)) {
      const keys = new Set(
        domain(question).map((value) => {
          const decision = decide(programme, { ...answers, ...completion, [questionId]: value }, byId, {
            date,
          });
          return `${decision.outcome}/${decision.decidedBy ?? ''}`;
        }),
      );
      if (keys.size > 1) return true;
    }
    return false;
  });
}

function* completions(free: Question[]): Generator<Record<string, string>> {
  const [first, ...rest] = free;
  if (!first) {
    yield {};
    return;
  }
  for (const value of domain(first)) {
    for (const tail of completions(rest)) yield { [first.id]: value, ...tail };
  }
}

export function walkFlow(content: FlowContent, answers: Answers, date?: string): FlowWalk {
  const { next, asked, effectiveAnswers } = walk(content, answers, date);
  if (!next) return { step: { done: true, position: null, total: asked.length, asked }, effectiveAnswers };
  const { fewest, most } = remaining(content, effectiveAnswers, next, date, new Map());
  return {
    step: {
      done: false,
      question: next,
      position: asked.length + 1,
      total: asked.length + most,
      exact: fewest === most,
      asked,
    },
    effectiveAnswers,
  };
}

/** The walk itself: the questions on the path with their answers, and the first unanswered one. */
function walk(
  content: FlowContent,
  answers: Answers,
  date: string | undefined,
  seen?: Map<string, boolean>,
): { next: Question | null; asked: string[]; effectiveAnswers: Record<string, string> } {
  const effectiveAnswers: Record<string, string> = {};
  const asked: string[] = [];
  const matters = (questionId: string) => {
    const key = `${questionId} ${JSON.stringify(effectiveAnswers)}`;
    let known = seen?.get(key);
    if (known === undefined) {
      known = questionMatters(content, questionId, effectiveAnswers, COMBINATION_LIMIT, date);
      seen?.set(key, known);
    }
    return known;
  };
  for (const question of content.questions.questions) {
    if (!matters(question.id)) continue;
    const answer = answers[question.id];
    if (answer === undefined) return { next: question, asked, effectiveAnswers };
    effectiveAnswers[question.id] = answer;
    asked.push(question.id);
  }
  return { next: null, asked, effectiveAnswers };
}

/**
 * How many questions are left, this one included, fewest and most over every way the visitor
 * could answer from here on (each a walk of its own: a few dozen paths today).
 */
function remaining(
  content: FlowContent,
  answers: Record<string, string>,
  question: Question,
  date: string | undefined,
  /** Whether a question matters, by the answers before it: the walks from here share their start. */
  seen: Map<string, boolean>,
): { fewest: number; most: number } {
  let fewest = Infinity;
  let most = 0;
  for (const value of domain(question)) {
    const given = { ...answers, [question.id]: value };
    const { next, effectiveAnswers } = walk(content, given, date, seen);
    const after = next ? remaining(content, effectiveAnswers, next, date, seen) : { fewest: 0, most: 0 };
    fewest = Math.min(fewest, 1 + after.fewest);
    most = Math.max(most, 1 + after.most);
  }
  return { fewest, most };
}

/** The next question to show, or done. Pure: the renderer reaches it through `eligibility.next`. */
export function nextQuestion(content: FlowContent, answers: Answers, date?: string): FlowStep {
  return walkFlow(content, answers, date).step;
}
