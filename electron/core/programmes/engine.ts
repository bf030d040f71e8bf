import type { LocalisedText } from '../i18n';
import { NOT_SURE, type Condition, type Question } from './schema';

/**
 * The rules engine: evaluates one condition tree over a family's answers and keeps a trace.
 *
 * Why our own ~100 lines and not json-logic-js: json-logic gives one value per rule and nothing
 * else. The kiosk must say *why* in plain words for every condition (so each node carries a reason
 * per result), must keep "not sure" apart from "no" (three-valued logic: met / not met / unknown),
 * and must find the single answer that would change a result (which needs the trace and re-runs).
 * Wrapping json-logic would mean re-walking its rule tree for each of these anyway.
 *
 * Three-valued (Kleene) logic: an answer that is missing or "not sure" is unknown; `all` is not
 * met if any part is not met, else unknown if any part is unknown; `any` is met if any part is met,
 * else unknown if any part is unknown; `not` swaps met and not met. Every child is evaluated (no
 * short-circuit) so the trace is complete and explanations can list every reason that applies.
 */

export type Truth = 'met' | 'notMet' | 'unknown';
/** Question id → option id (or "not-sure"). */
export type Answers = Readonly<Record<string, string>>;

export interface TraceNode {
  op: Condition['op'];
  result: Truth;
  question?: string;
  /** What the condition looks for: an option id, a list of them, or a number. */
  expected?: string | string[] | number;
  /** The answer it saw; null when missing. */
  answer?: string | null;
  /** The reason for this result, when the node has one (leaves always; groups optionally). */
  reason?: LocalisedText;
  children?: TraceNode[];
}

export function evaluateCondition(
  condition: Condition,
  answers: Answers,
  questions: ReadonlyMap<string, Question>,
): TraceNode {
  switch (condition.op) {
    case 'always':
      return { op: 'always', result: 'met', reason: condition.reason.met };
    case 'all':
    case 'any': {
      const children = condition.of.map((child) => evaluateCondition(child, answers, questions));
      const results = children.map((child) => child.result);
      const decisive: Truth = condition.op === 'all' ? 'notMet' : 'met';
      const result: Truth = results.includes(decisive)
        ? decisive
        : results.includes('unknown')
          ? 'unknown'
          : condition.op === 'all'
            ? 'met'
            : 'notMet';
      return { op: condition.op, result, children, reason: groupReason(condition.reason, result) };
    }
    case 'not': {
      const child = evaluateCondition(condition.of, answers, questions);
      const result: Truth = child.result === 'met' ? 'notMet' : child.result === 'notMet' ? 'met' : 'unknown';
      return { op: 'not', result, children: [child], reason: groupReason(condition.reason, result) };
    }
    default: {
      const question = questions.get(condition.question);
      const given = answers[condition.question];
      const answer = given === undefined || given === NOT_SURE ? null : given;
      const result: Truth = answer === null ? 'unknown' : compare(condition, answer, question);
      const expected = condition.op === 'in' ? condition.values : condition.value;
      const reason =
        result === 'unknown'
          ? (condition.reason.unknown ?? question?.unknownReason ?? condition.reason.notMet)
          : condition.reason[result];
      return { op: condition.op, result, question: condition.question, expected, answer, reason };
    }
  }
}

function groupReason(
  reason: { met: LocalisedText; notMet: LocalisedText; unknown?: LocalisedText } | undefined,
  result: Truth,
) {
  if (!reason) return undefined;
  return result === 'unknown' ? (reason.unknown ?? reason.notMet) : reason[result];
}

type Leaf = Extract<Condition, { question: string }>;

function compare(condition: Leaf, answer: string, question: Question | undefined): Truth {
  switch (condition.op) {
    case 'equals':
      return answer === condition.value ? 'met' : 'notMet';
    case 'in':
      return condition.values.includes(answer) ? 'met' : 'notMet';
    case 'atLeast':
    case 'atMost': {
      // A range answer ("HK$10,000–19,999") can straddle the threshold: then it is unknown.
      const option = question?.options.find((candidate) => candidate.id === answer);
      if (!option) return 'unknown';
      const { min, max } = option;
      if (condition.op === 'atLeast') {
        if (min !== undefined && min >= condition.value) return 'met';
        if (max !== undefined && max < condition.value) return 'notMet';
        return 'unknown';
      }
      if (max !== undefined && max <= condition.value) return 'met';
      if (min !== undefined && min > condition.value) return 'notMet';
      return 'unknown';
    }
  }
}

/**
 * The reasons a trace gives for its result, in reading order: the parts that made it come out
 * as it did. A node with its own reason speaks for its whole subtree.
 *
 * `mentionable` says which questions a reason may speak of (the flow passes "was asked"): a
 * reason may only mention what the visitor said or was asked, so a node whose result rests on a
 * question never asked says nothing, and a group's own reason gives way to its children's.
 */
export function explain(
  node: TraceNode,
  mentionable: (question: string) => boolean = () => true,
): LocalisedText[] {
  if (node.reason && subtreeQuestions(node).every(mentionable)) return [node.reason];
  if (!node.children) return [];
  return relevantChildren(node).flatMap((child) => explain(child, mentionable));
}

/** The children that made a group come out as it did. */
function relevantChildren(node: TraceNode): TraceNode[] {
  const children = node.children ?? [];
  if (node.op === 'not') return children;
  // A met `any` is explained by what was met; a not-met `all` by what was not; unknown by the unknowns.
  if (node.op === 'any' && node.result === 'notMet') return children;
  if (node.op === 'all' && node.result === 'met') return children;
  return children.filter((child) => child.result === node.result);
}

/** Every question under a node: a node's own reason ("through CSSA or the SFO") speaks of them all. */
export function subtreeQuestions(node: TraceNode): string[] {
  if (!node.children) return node.question === undefined ? [] : [node.question];
  return node.children.flatMap(subtreeQuestions);
}

/** The question ids a condition reads. */
export function questionsIn(condition: Condition): string[] {
  switch (condition.op) {
    case 'always':
      return [];
    case 'all':
    case 'any':
      return condition.of.flatMap(questionsIn);
    case 'not':
      return questionsIn(condition.of);
    default:
      return [condition.question];
  }
}
