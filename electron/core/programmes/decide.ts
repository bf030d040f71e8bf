import en from '../../../renderer/src/programmes/locales/en.json';
import zhCN from '../../../renderer/src/programmes/locales/zh-CN.json';
import zhHK from '../../../renderer/src/programmes/locales/zh-HK.json';
import { labelsFromLocales } from '../content/locale-labels';
import type { LocalisedText } from '../i18n';
import { fillTemplate, withSimplified, type FullText } from '../content/localise';
import { statusAt } from './dated';
import { evaluateCondition, explain, questionsIn, type Answers, type TraceNode } from './engine';
import { NOT_SURE, type Programme, type Question, type QuestionSet } from './schema';

/**
 * From a programme's outcome rules and the answers to one outcome, its reasons and its near-miss.
 *
 * Rules are tried in order and the first one that is met decides ("CSSA route", then "full
 * grant", …). When none is met: "need more information" if one could still be met once an
 * unknown answer is known, else "not eligible". For a closed programme the same evaluation says
 * whether the family would have qualified; it never yields an open-programme outcome.
 *
 * Closed or open is decided at the evaluation date (`DecideContext.date`, from the core's clock):
 * the same rules find the learning programme open on 2017-06-01 and closed on 2026-12-01.
 */

export const OUTCOMES = [
  'eligible',
  'likely-eligible',
  'not-eligible',
  'need-more-info',
  'closed-would-have-qualified',
  'closed-would-not-have-qualified',
  'closed-cannot-tell',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Headline for each outcome, said the same way on every programme (programmes `outcomeHeadline`). */
export const OUTCOME_LABELS: Record<Outcome, FullText> = labelsFromLocales({
  en: en.outcomeHeadline,
  'zh-HK': zhHK.outcomeHeadline,
  'zh-CN': zhCN.outcomeHeadline,
});

export interface RuleTrace {
  rule: string;
  outcome: Programme['rules']['outcomes'][number]['outcome'];
  trace: TraceNode;
}

export interface Decision {
  outcome: Outcome;
  /** The rule that decided, or null for "not eligible" / "need more information" from unknowns. */
  decidedBy: string | null;
  reasons: FullText[];
  trace: RuleTrace[];
}

export interface NearMiss {
  question: string;
  answer: string;
  /** "If a child in your household studies full-time in primary or secondary school, you may be able to get this help." */
  text: FullText;
  /**
   * false when this answer alone would not be enough: other answers would still be needed after
   * it changes. The screen says so rather than promise help.
   */
  certain: boolean;
  /** The office that would decide once this answer changed (e.g. the SFO for its grant). */
  route: RouteView;
}

/** An office by its code (words: programmes.office.<office>) and its phone where FACTS has one. */
export interface RouteView {
  office: string;
  phone: string | null;
}

export interface DecideContext {
  /** The evaluation day (YYYY-MM-DD); without one, the programme's status as written. */
  date?: string;
  /** The questions the visitor was asked; when given, reasons mention no other question. */
  asked?: ReadonlySet<string>;
  /** Said when reasons are needed but every one would rest on a question never asked. */
  notAskedReason?: LocalisedText;
}

export function questionMap(questions: QuestionSet): Map<string, Question> {
  return new Map(questions.questions.map((question) => [question.id, question]));
}

export function decide(
  programme: Programme,
  answers: Answers,
  questions: ReadonlyMap<string, Question>,
  context: DecideContext = {},
): Decision {
  const rules = programme.rules.outcomes;
  const asked = context.asked;
  const explainTrace = (node: TraceNode) =>
    asked ? explain(node, (question) => asked.has(question)) : explain(node);
  const trace: RuleTrace[] = rules.map((rule) => ({
    rule: rule.id,
    outcome: rule.outcome,
    trace: evaluateCondition(rule.when, answers, questions),
  }));
  const firstMet = trace.findIndex((entry) => entry.trace.result === 'met');
  const unknownBefore = (end: number) =>
    trace.slice(0, end).filter((entry) => entry.trace.result === 'unknown');

  let openOutcome: 'eligible' | 'likely-eligible' | 'need-more-info' | 'not-eligible';
  let decidedBy: string | null = null;
  let reasons: LocalisedText[];
  const deciding = firstMet >= 0 ? rules[firstMet] : undefined;
  if (deciding) {
    openOutcome = deciding.outcome;
    decidedBy = deciding.id;
    // What decided, its note, then what is still unknown on an earlier (better) route.
    reasons = [
      ...explainTrace(trace[firstMet]!.trace),
      ...(deciding.note ? [deciding.note] : []),
      ...unknownBefore(firstMet).flatMap((entry) => explainTrace(entry.trace)),
    ];
  } else if (trace.some((entry) => entry.trace.result === 'unknown')) {
    openOutcome = 'need-more-info';
    reasons = unknownBefore(trace.length).flatMap((entry) => explainTrace(entry.trace));
  } else {
    openOutcome = 'not-eligible';
    // Why no route to help applies; a "need more information" rule not applying is no news.
    reasons = trace
      .filter((entry) => entry.outcome !== 'need-more-info')
      .flatMap((entry) => explainTrace(entry.trace));
  }
  if (reasons.length === 0 && context.notAskedReason) reasons = [context.notAskedReason];

  const closed = statusAt(programme, context.date) === 'closed';
  const outcome: Outcome = closed ? closedOutcome(openOutcome) : openOutcome;
  return { outcome, decidedBy, reasons: dedupe(reasons), trace };
}

function closedOutcome(open: 'eligible' | 'likely-eligible' | 'need-more-info' | 'not-eligible'): Outcome {
  if (open === 'eligible') return 'closed-would-have-qualified';
  if (open === 'not-eligible') return 'closed-would-not-have-qualified';
  // "Likely" rests on a means test nobody can take any more; say we cannot tell.
  return 'closed-cannot-tell';
}

function dedupe(texts: LocalisedText[]): FullText[] {
  const seen = new Set<string>();
  const unique: FullText[] = [];
  for (const text of texts) {
    if (seen.has(text.en)) continue;
    seen.add(text.en);
    unique.push(withSimplified(text));
  }
  return unique;
}

/** Question ids a programme's rules read, in the order the check asks them. */
export function questionsOf(programme: Programme, questions: QuestionSet): string[] {
  const used = new Set(programme.rules.outcomes.flatMap((rule) => questionsIn(rule.when)));
  return questions.questions.map((question) => question.id).filter((id) => used.has(id));
}

/**
 * The office that decides a result: the deciding rule's route, else the programme's own (for
 * the internet subsidy a CSSA household's office is the SWD, every other household's the SFO).
 */
export function routeOf(programme: Programme, decidedBy: string | null, questions: QuestionSet): RouteView {
  const rule = programme.rules.outcomes.find((candidate) => candidate.id === decidedBy);
  return officeView(rule?.route ?? programme.route, questions);
}

/**
 * The office for a result as a family should hear it. When no rule decided yet ("need more
 * information"), it is the office every helpful way on would lead to, if they agree: a CSSA
 * household not sure about its child's school goes to the SWD whichever school it turns out to be.
 * Otherwise the programme's own office.
 */
export function resultRoute(
  programme: Programme,
  decision: Decision,
  answers: Answers,
  questions: QuestionSet,
  date?: string,
): RouteView {
  if (decision.decidedBy !== null || decision.outcome === 'not-eligible') {
    return routeOf(programme, decision.decidedBy, questions);
  }
  const byId = questionMap(questions);
  const offices = new Set<string>();
  for (const questionId of questionsOf(programme, questions)) {
    const given = answers[questionId];
    if (given !== undefined && given !== NOT_SURE) continue;
    for (const option of byId.get(questionId)!.options) {
      const changed = decide(programme, { ...answers, [questionId]: option.id }, byId, { date });
      if (changed.decidedBy !== null) offices.add(routeOf(programme, changed.decidedBy, questions).office);
    }
  }
  const [only] = offices;
  return offices.size === 1 && only ? officeView(only, questions) : routeOf(programme, null, questions);
}

export function officeView(office: string, questions: QuestionSet): RouteView {
  const known = questions.offices.find((candidate) => candidate.id === office);
  return { office, phone: known?.phone ?? null };
}

/**
 * The questions answered "not sure" (in asking order) whose answer would change this result
 * (its outcome or the rule that decides it): what would settle it. Only questions the visitor
 * was asked, when `asked` is given, since a result may only speak of what was asked.
 */
export function settledBy(
  programme: Programme,
  answers: Answers,
  questions: QuestionSet,
  context: DecideContext = {},
): string[] {
  const byId = questionMap(questions);
  const key = (decision: Decision) => `${decision.outcome}/${decision.decidedBy ?? ''}`;
  const now = key(decide(programme, answers, byId, { date: context.date }));
  return questionsOf(programme, questions).filter((questionId) => {
    if (answers[questionId] !== NOT_SURE) return false;
    if (context.asked && !context.asked.has(questionId)) return false;
    return byId
      .get(questionId)!
      .options.some(
        (option) =>
          key(decide(programme, { ...answers, [questionId]: option.id }, byId, { date: context.date })) !==
          now,
      );
  });
}

/**
 * For a "not eligible" result: the single changed answer that would make it "eligible" or
 * "likely eligible". Prefers a change that settles it (eligible, then likely) over one that
 * would still need other answers, then the question order. Null when no single change does it.
 * A question marked `offerAsNearMiss: false` is never tried: "if you were 60" helps nobody, and
 * "if you received CSSA" is no advice for a family the SFO turned down (its grant is).
 */
export function findNearMiss(
  programme: Programme,
  answers: Answers,
  questions: QuestionSet,
  date?: string,
): NearMiss | null {
  const byId = questionMap(questions);
  if (decide(programme, answers, byId, { date }).outcome !== 'not-eligible') return null;
  let best: { rank: number; miss: NearMiss } | null = null;
  for (const questionId of questionsOf(programme, questions)) {
    const question = byId.get(questionId)!;
    if (!question.offerAsNearMiss) continue;
    for (const option of question.options) {
      if (answers[questionId] === option.id) continue;
      const changed = decide(programme, { ...answers, [questionId]: option.id }, byId, { date });
      const rank = nearMissRank(programme, changed);
      if (rank === null || (best && best.rank <= rank)) continue;
      const text = fillTemplate(questions.nearMissTemplate, { statement: option.statement });
      const route = routeOf(programme, changed.decidedBy, questions);
      best = { rank, miss: { question: questionId, answer: option.id, text, certain: rank < 2, route } };
    }
  }
  return best?.miss ?? null;
}

/** 0: settles on eligible; 1: settles on likely; 2: a helpful route becomes possible; null: no help. */
function nearMissRank(programme: Programme, decision: Decision): number | null {
  if (decision.outcome === 'eligible') return 0;
  if (decision.outcome === 'likely-eligible') return 1;
  const helpfulRuleStillOpen = decision.trace.some((entry, index) => {
    const rule = programme.rules.outcomes[index]!;
    return rule.outcome !== 'need-more-info' && entry.trace.result === 'unknown';
  });
  return decision.outcome === 'need-more-info' && helpfulRuleStillOpen ? 2 : null;
}
