import en from '../../../renderer/src/programmes/locales/en.json';
import zhCN from '../../../renderer/src/programmes/locales/zh-CN.json';
import zhHK from '../../../renderer/src/programmes/locales/zh-HK.json';
import { withSimplified, type FullText } from '../content/localise';
import {
  decide,
  findNearMiss,
  officeView,
  OUTCOME_LABELS,
  questionMap,
  resultRoute,
  settledBy,
  type NearMiss,
  type Outcome,
  type RouteView,
  type RuleTrace,
} from './decide';
import { parameterAt, statusAt } from './dated';
import type { Answers } from './engine';
import { walkFlow, type FlowStep } from './flow';
import {
  NOT_SURE,
  type ProgrammeContent,
  type Place,
  type Programme,
  type ProgrammeStatus,
  type Question,
  type Source,
} from './schema';

/**
 * What the core hands to the renderer. Every text is complete in all three languages (zh-CN
 * derived where not written), so the result page can switch language without asking again.
 */

export interface PlaceView {
  kind: Place['kind'];
  name: FullText;
  detail: FullText | null;
  phone: string | null;
  screen: 'hotspots' | null;
}

export interface DatedFactView {
  text: FullText;
  asOf: string;
  source: Source;
}

export interface ProgrammeSummary {
  id: string;
  title: FullText;
  alsoKnownAs: FullText | null;
  summary: FullText;
  status: ProgrammeStatus;
  statusNote: FullText | null;
  validFrom: string;
  validTo: string | null;
  /** "Information as of" for the page. */
  asOf: string;
  link: { screen: 'hotspots'; label: FullText } | null;
}

export interface ProgrammeDetail extends ProgrammeSummary {
  whoItHelps: FullText;
  whatYouGet: FullText[];
  howToApply: FullText[];
  documents: FullText[];
  whereToGo: PlaceView[];
  facts: DatedFactView[];
  /** For a closed programme: what runs now. */
  pointsTo: { id: string; title: FullText }[];
  rulesAsOf: string;
  /** The page's sources, then any the rules add. */
  sources: Source[];
}

/**
 * An amount as of the evaluation day: the newest dated value on or before it, with its date and
 * source. The renderer words it from programmes.amount.<parameter> ("HK$1,500 a year, the full
 * rate as of March 2020 — check the current amount with the SFO").
 */
export interface AmountView {
  parameter: string;
  amount: number;
  unit: 'hkd-a-year';
  asOf: string;
  source: Source;
}

/**
 * What would settle a result for a visitor who said "not sure": the question, where its answer
 * can be found and who can tell them ("ask your child's school for the SFO letter"), and that
 * office with its phone where FACTS has one (null: the family can find it at home).
 */
export interface SettleView {
  question: string;
  text: FullText;
  route: RouteView | null;
}

export type { NearMiss, RouteView };

export interface ProgrammeResult extends ProgrammeDetail {
  outcome: Outcome;
  outcomeLabel: FullText;
  /** The rule that decided (e.g. "cssa-route"), or null. */
  decidedBy: string | null;
  /** Plain-words reasons, from the trace. */
  reasons: FullText[];
  /**
   * Only for "not eligible": the single answer that would change it, never about a fact the
   * family cannot change (age); `certain: false` when it alone would not be enough.
   */
  nearMiss: NearMiss | null;
  /** The office that decides this result (words: programmes.office.<office>), with its phone. */
  route: RouteView;
  /** Each "not sure" answer that would change this result, with who can tell the family. */
  settle: SettleView[];
  /** How each rule came out; answers appear here only as option ids and stay in memory. */
  trace: RuleTrace[];
  /** The amount on the deciding rule's route, as of the evaluation day; null when none. */
  amount: AmountView | null;
}

export interface EvaluateResult {
  /** The rules pack these results come from, e.g. rules-2026.12. */
  rulesVersion: string;
  /** The day the rules were evaluated at (YYYY-MM-DD), or null for the content as written. */
  date: string | null;
  /** The programmes running (or ended) on that day; one not yet started is left out. */
  results: ProgrammeResult[];
  /** The questions the result rests on, in order (answers to skipped questions are ignored). */
  asked: string[];
}

export interface QuestionView {
  id: string;
  kind: Question['kind'];
  text: FullText;
  help: FullText | null;
  /** The question's options, then "not sure". */
  options: { id: string; label: FullText }[];
}

export interface QuestionsView {
  asOf: string;
  collectionStatement: FullText;
  questions: QuestionView[];
}

export type NextStepView =
  | { done: false; question: QuestionView; position: number; total: number; exact: boolean; asked: string[] }
  | { done: true; position: null; total: number; asked: string[] };

const NOT_SURE_LABEL: FullText = { 'zh-HK': zhHK.notSure, en: en.notSure, 'zh-CN': zhCN.notSure };

const full = (text: Parameters<typeof withSimplified>[0]) => withSimplified(text);
const maybe = (text: Parameters<typeof withSimplified>[0] | undefined) =>
  text ? withSimplified(text) : null;

export function questionView(question: Question): QuestionView {
  return {
    id: question.id,
    kind: question.kind,
    text: full(question.text),
    help: maybe(question.help),
    options: [
      ...question.options.map((option) => ({ id: option.id, label: full(option.label) })),
      { id: NOT_SURE, label: NOT_SURE_LABEL },
    ],
  };
}

export function questionsView(content: ProgrammeContent): QuestionsView {
  return {
    asOf: content.questions.asOf,
    collectionStatement: full(content.questions.collectionStatement),
    questions: content.questions.questions.map(questionView),
  };
}

export function stepView(step: FlowStep): NextStepView {
  return step.done ? step : { ...step, question: questionView(step.question) };
}

export function summaryView(programme: Programme): ProgrammeSummary {
  return {
    id: programme.id,
    title: full(programme.title),
    alsoKnownAs: maybe(programme.alsoKnownAs),
    summary: full(programme.summary),
    status: programme.status,
    statusNote: maybe(programme.statusNote),
    validFrom: programme.validFrom,
    validTo: programme.validTo,
    asOf: programme.asOf,
    link: programme.link ? { screen: programme.link.screen, label: full(programme.link.label) } : null,
  };
}

function placeView(place: Place): PlaceView {
  return {
    kind: place.kind,
    name: full(place.name),
    detail: maybe(place.detail),
    phone: place.phone ?? null,
    screen: place.screen ?? null,
  };
}

export function detailView(programme: Programme, all: Programme[]): ProgrammeDetail {
  const sources = [...programme.sources];
  for (const source of programme.rules.sources)
    if (!sources.some((known) => known.url === source.url && known.title.en === source.title.en))
      sources.push(source);
  return {
    ...summaryView(programme),
    whoItHelps: full(programme.whoItHelps),
    whatYouGet: programme.whatYouGet.map(full),
    howToApply: programme.howToApply.map(full),
    documents: programme.documents.map(full),
    whereToGo: programme.whereToGo.map(placeView),
    facts: programme.facts.map((fact) => ({
      text: full(fact.text),
      asOf: fact.asOf,
      source: programme.sources[fact.source]!,
    })),
    pointsTo: programme.pointsTo.flatMap((id) => {
      const target = all.find((candidate) => candidate.id === id);
      return target ? [{ id, title: full(target.title) }] : [];
    }),
    rulesAsOf: programme.rules.asOf,
    sources,
  };
}

/**
 * Runs the check for every programme at `date` (the core's clock; without one, the status each
 * programme's content gives). Pure: counting the results is the handler's job.
 */
export function evaluateAll(content: ProgrammeContent, answers: Answers, date?: string): EvaluateResult {
  const { effectiveAnswers, step } = walkFlow(content, answers, date);
  const byId = questionMap(content.questions);
  const context = {
    date,
    asked: new Set(step.asked),
    notAskedReason: content.questions.notAskedReason,
  };
  const running = content.programmes.filter((programme) => statusAt(programme, date) !== 'not-started');
  const results = running.map((programme): ProgrammeResult => {
    const decision = decide(programme, effectiveAnswers, byId, context);
    const status = statusAt(programme, date);
    const settle = settledBy(programme, effectiveAnswers, content.questions, context).map(
      (questionId): SettleView => {
        const question = byId.get(questionId)!;
        return {
          question: questionId,
          text: full(question.settle),
          route: question.settleOffice ? officeView(question.settleOffice, content.questions) : null,
        };
      },
    );
    return {
      ...detailView(programme, content.programmes),
      status: status === 'not-started' ? programme.status : status,
      outcome: decision.outcome,
      outcomeLabel: OUTCOME_LABELS[decision.outcome],
      decidedBy: decision.decidedBy,
      reasons: decision.reasons,
      nearMiss:
        decision.outcome === 'not-eligible'
          ? findNearMiss(programme, effectiveAnswers, content.questions, date)
          : null,
      route: resultRoute(programme, decision, effectiveAnswers, content.questions, date),
      settle,
      trace: decision.trace,
      amount: amountView(programme, decision.decidedBy, date ?? content.questions.asOf),
    };
  });
  return { rulesVersion: content.questions.version, date: date ?? null, results, asked: step.asked };
}

/** The deciding rule's amount as of `day`, or null when the rule names none or no value is dated yet. */
export function amountView(programme: Programme, decidedBy: string | null, day: string): AmountView | null {
  const rule = programme.rules.outcomes.find((candidate) => candidate.id === decidedBy);
  const parameter = rule?.amount
    ? programme.parameters.find((candidate) => candidate.id === rule.amount)
    : undefined;
  if (!parameter) return null;
  const value = parameterAt(parameter, day);
  if (!value) return null;
  return {
    parameter: parameter.id,
    amount: value.amount,
    unit: parameter.unit,
    asOf: value.from,
    source: programme.sources[value.source]!,
  };
}
