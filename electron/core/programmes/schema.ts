import { z } from 'zod';
import { LocalisedTextSchema, type LocalisedText } from '../i18n';

/**
 * The shape of programme content (data/programmes/*.json) and of the eligibility questions
 * (data/programmes/questions.json). Everything a family reads is localised text; every fact is
 * dated (`asOf`) and sourced; the rules are data the engine (engine.ts) evaluates with a trace.
 */

const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens')
  .max(64);
const Text = LocalisedTextSchema;

/** A calendar day, e.g. the day content was last checked. */
export const IsoDaySchema = z.iso.date();
/**
 * An ISO 8601 calendar date at the precision the source gives: 2018-08-31, 2024-12 or 2014.
 * A source that says "from Dec 2024" is written 2024-12, never a guessed day.
 */
export const IsoDateSchema = z
  .string()
  .regex(
    /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
    'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
  );

/** Shared with lessons and the accessibility pages: a localised title and the page that supports the fact. */
import { SourceSchema, type Source } from '../content/source';
export { SourceSchema, type Source };

// ---------------------------------------------------------------------------------------------
// Questions

/** What a visitor can answer besides the listed options; always offered, always means "unknown". */
export const NOT_SURE = 'not-sure';

const OptionSchema = z
  .object({
    id: Id,
    label: Text,
    /**
     * The answer as a plain statement ("your household receives CSSA"); the near-miss sentence
     * is built from it: "If <statement>, you may be able to get this help."
     */
    statement: Text,
    /** Range options only: inclusive bounds; leave one out for an open-ended range. */
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict();
export type QuestionOption = z.infer<typeof OptionSchema>;

export const QuestionSchema = z
  .object({
    id: Id,
    /** yes-no: options yes and no; choice: listed options; range: numeric ranges (atLeast / atMost). */
    kind: z.enum(['yes-no', 'choice', 'range']),
    text: Text,
    /** One line under the question, e.g. what CSSA stands for. */
    help: Text.optional(),
    options: z.array(OptionSchema).min(2),
    /** Used as the reason when a rule needs this answer and it is missing or "not sure". */
    unknownReason: Text,
    /**
     * For a visitor who answered "not sure": where the answer can be found and who can tell them
     * ("ask your child's school for the SFO letter"). Shown when this answer would settle a result.
     */
    settle: Text,
    /** The office (QuestionSet.offices) that can tell the family this answer, when there is one. */
    settleOffice: Id.optional(),
    /**
     * false: never offered as a near-miss, because the family cannot change it (age, who lives in
     * the household) or should not be told to change it to get a subsidy (going onto CSSA).
     */
    offerAsNearMiss: z.boolean().default(true),
  })
  .strict()
  .superRefine((question, issues) => {
    const ids = question.options.map((option) => option.id);
    if (new Set(ids).size !== ids.length) issues.addIssue({ code: 'custom', message: 'option ids repeat' });
    if (ids.includes(NOT_SURE))
      issues.addIssue({ code: 'custom', message: `"${NOT_SURE}" is added by the kiosk; do not list it` });
    if (question.kind === 'yes-no' && (ids.length !== 2 || !ids.includes('yes') || !ids.includes('no'))) {
      issues.addIssue({ code: 'custom', message: 'a yes-no question has exactly the options yes and no' });
    }
    const hasBounds = question.options.some((option) => option.min !== undefined || option.max !== undefined);
    if (question.kind !== 'range' && hasBounds)
      issues.addIssue({ code: 'custom', message: 'only range options have min/max' });
    if (question.kind === 'range') {
      for (const option of question.options) {
        if (option.min === undefined && option.max === undefined)
          issues.addIssue({ code: 'custom', message: `range option ${option.id} has no bounds` });
        if (option.min !== undefined && option.max !== undefined && option.min > option.max) {
          issues.addIssue({ code: 'custom', message: `range option ${option.id} has min above max` });
        }
      }
    }
  });
export type Question = z.infer<typeof QuestionSchema>;

export const OfficeSchema = z
  .object({
    id: Id,
    /** Only numbers FACTS.md confirms. */
    phone: z
      .string()
      .regex(/^\d{4} ?\d{4}$|^\d{3,5}$/)
      .optional(),
  })
  .strict();
export type Office = z.infer<typeof OfficeSchema>;

/** The version of the whole rules pack (questions, rules, parameters), e.g. rules-2026.12. */
export const RulesVersionSchema = z.string().regex(/^rules-\d{4}\.(?:0[1-9]|1[0-2])$/, 'rules-YYYY.MM');

export const QuestionSetSchema = z
  .object({
    /** Shown with every result and in the staff console, so a printed result can be traced to its rules. */
    version: RulesVersionSchema,
    asOf: IsoDaySchema,
    /** Shown on the first screen of the check: what is asked, why, and that nothing is kept. */
    collectionStatement: Text,
    /** "If {statement}, you may be able to get this help." */
    nearMissTemplate: Text,
    /**
     * The reason given when a result rests only on questions the check never asked (a reason may
     * only mention what the visitor said or was asked): it names no fact about the household.
     */
    notAskedReason: Text,
    /**
     * The offices a result can route a family to. Their names are words in the renderer's locale
     * files (programmes.office.<id>); the phone number only where FACTS.md confirms one.
     */
    offices: z.array(OfficeSchema).min(1),
    /** In the order they are asked. */
    questions: z.array(QuestionSchema).min(1),
  })
  .strict();
export type QuestionSet = z.infer<typeof QuestionSetSchema>;

// ---------------------------------------------------------------------------------------------
// Rules

/**
 * What the condition means for this family, in each language, for each way it can come out.
 * `unknown` defaults to the question's unknownReason.
 */
export const ReasonSchema = z.object({ met: Text, notMet: Text, unknown: Text.optional() }).strict();
export type Reason = z.infer<typeof ReasonSchema>;

export type Condition =
  | { op: 'all'; of: Condition[]; reason?: Reason }
  | { op: 'any'; of: Condition[]; reason?: Reason }
  | { op: 'not'; of: Condition; reason?: Reason }
  | { op: 'equals'; question: string; value: string; reason: Reason }
  | { op: 'in'; question: string; values: string[]; reason: Reason }
  | { op: 'atLeast'; question: string; value: number; reason: Reason }
  | { op: 'atMost'; question: string; value: number; reason: Reason }
  | { op: 'always'; reason: { met: LocalisedText } };

/**
 * Groups may carry their own reason; then the explanation uses it instead of listing the
 * children's (e.g. "your household gets the internet subsidy" for CSSA-or-SFO).
 */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z
      .object({ op: z.literal('all'), of: z.array(ConditionSchema).min(1), reason: ReasonSchema.optional() })
      .strict(),
    z
      .object({ op: z.literal('any'), of: z.array(ConditionSchema).min(1), reason: ReasonSchema.optional() })
      .strict(),
    z.object({ op: z.literal('not'), of: ConditionSchema, reason: ReasonSchema.optional() }).strict(),
    z.object({ op: z.literal('equals'), question: Id, value: Id, reason: ReasonSchema }).strict(),
    z
      .object({ op: z.literal('in'), question: Id, values: z.array(Id).min(1), reason: ReasonSchema })
      .strict(),
    z.object({ op: z.literal('atLeast'), question: Id, value: z.number(), reason: ReasonSchema }).strict(),
    z.object({ op: z.literal('atMost'), question: Id, value: z.number(), reason: ReasonSchema }).strict(),
    z.object({ op: z.literal('always'), reason: z.object({ met: Text }).strict() }).strict(),
  ]),
);

/** Outcomes a rule can give; "not eligible" is what is left when no rule holds. */
export const RULE_OUTCOMES = ['eligible', 'likely-eligible', 'need-more-info'] as const;

export const OutcomeRuleSchema = z
  .object({
    /** A short name for traces, tests and the staff console, e.g. "cssa-route". */
    id: Id,
    outcome: z.enum(RULE_OUTCOMES),
    when: ConditionSchema,
    /** Said with the reasons when this rule decides, e.g. the office on this route. */
    note: Text.optional(),
    /** The programme parameter (an amount) shown when this rule decides, e.g. "full-rate". */
    amount: Id.optional(),
    /** The office that decides on this route (QuestionSet.offices), when not the programme's own. */
    route: Id.optional(),
  })
  .strict();
export type OutcomeRule = z.infer<typeof OutcomeRuleSchema>;

export const RulesSchema = z
  .object({
    /** The day these rules were last checked against their sources. */
    asOf: IsoDaySchema,
    sources: z.array(SourceSchema).min(1),
    /** Tried in order; the first rule that holds decides (see decide.ts). */
    outcomes: z.array(OutcomeRuleSchema).min(1),
  })
  .strict();
export type Rules = z.infer<typeof RulesSchema>;

// ---------------------------------------------------------------------------------------------
// Programmes

export const PlaceSchema = z
  .object({
    kind: z.enum(['office', 'hotline', 'help-desk', 'centre-staff', 'kiosk-screen']),
    name: Text,
    detail: Text.optional(),
    /** Only numbers FACTS.md confirms. */
    phone: z
      .string()
      .regex(/^\d{4} ?\d{4}$|^\d{3,5}$/)
      .optional(),
    /** For kiosk-screen: the renderer's screen id. */
    screen: z.enum(['hotspots']).optional(),
  })
  .strict()
  .refine(
    (place) => (place.kind === 'kiosk-screen') === (place.screen !== undefined),
    'a kiosk-screen place names its screen, others do not',
  );
export type Place = z.infer<typeof PlaceSchema>;

/** A dated figure or fact with its source, e.g. "HK$1,500 a year in Mar 2020". */
export const DatedFactSchema = z
  .object({ text: Text, asOf: IsoDateSchema, source: z.number().int().min(0) })
  .strict();

/**
 * A parameter, as OpenFisca keeps them: an amount with dated values, each with its source. The
 * value at a date is the newest value dated on or before it (see dated.ts); rules never hold
 * amounts, so a new rate is one more dated value and no rule changes.
 */
export const ParameterValueSchema = z
  .object({
    /** From when this value holds, at the precision the source gives (2010, 2020-03-11). */
    from: IsoDateSchema,
    amount: z.number().nonnegative(),
    /** Index into the programme's sources. */
    source: z.number().int().min(0),
  })
  .strict();
export const ParameterSchema = z
  .object({
    /** Also the locale key that words it: programmes.amount.<id>. */
    id: Id,
    unit: z.enum(['hkd-a-year']),
    values: z.array(ParameterValueSchema).min(1),
  })
  .strict();
export type Parameter = z.infer<typeof ParameterSchema>;

export const PROGRAMME_STATUSES = ['open', 'closed', 'unknown'] as const;

export const ProgrammeSchema = z
  .object({
    id: Id,
    /** Lists sort open programmes first, then by this number (smaller first). */
    order: z.number().int().min(0).default(100),
    title: Text,
    /** Another name the family may know it by (e.g. the brand "i Learn at home"). */
    alsoKnownAs: Text.optional(),
    summary: Text,
    whoItHelps: Text,
    whatYouGet: z.array(Text).min(1),
    howToApply: z.array(Text),
    documents: z.array(Text),
    whereToGo: z.array(PlaceSchema).min(1),
    status: z.enum(PROGRAMME_STATUSES),
    /** Required for closed programmes: says plainly that it has ended and what runs now. */
    statusNote: Text.optional(),
    validFrom: IsoDateSchema,
    /** null: no end date known. */
    validTo: IsoDateSchema.nullable(),
    /** The day this page was last checked against its sources. */
    asOf: IsoDaySchema,
    sources: z.array(SourceSchema).min(1),
    facts: z.array(DatedFactSchema).default([]),
    /** A kiosk screen that helps with this programme (Wi-Fi.HK → the hotspot directory). */
    link: z
      .object({ screen: z.enum(['hotspots']), label: Text })
      .strict()
      .optional(),
    /** For closed programmes: what runs now instead (programme ids). */
    pointsTo: z.array(Id).default([]),
    /** Amounts and thresholds with dated values; rules name them (OutcomeRule.amount). */
    parameters: z.array(ParameterSchema).default([]),
    /**
     * The office that decides this programme (QuestionSet.offices) when no rule with its own
     * route decided: for a closed programme, who can tell the family about the help that runs now.
     */
    route: Id,
    rules: RulesSchema,
  })
  .strict()
  .superRefine((programme, issues) => {
    if (programme.status === 'closed') {
      if (!programme.validTo)
        issues.addIssue({ code: 'custom', path: ['validTo'], message: 'a closed programme has an end date' });
      if (!programme.statusNote)
        issues.addIssue({
          code: 'custom',
          path: ['statusNote'],
          message: 'a closed programme says so plainly',
        });
    }
    if (!programme.whereToGo.some((place) => place.kind === 'centre-staff')) {
      issues.addIssue({
        code: 'custom',
        path: ['whereToGo'],
        message: 'every programme points to the centre’s own staff',
      });
    }
    programme.facts.forEach((fact, index) => {
      if (fact.source >= programme.sources.length)
        issues.addIssue({ code: 'custom', path: ['facts', index, 'source'], message: 'no such source' });
    });
    programme.parameters.forEach((parameter, index) => {
      parameter.values.forEach((value, valueIndex) => {
        if (value.source >= programme.sources.length)
          issues.addIssue({
            code: 'custom',
            path: ['parameters', index, 'values', valueIndex, 'source'],
            message: 'no such source',
          });
      });
      const froms = parameter.values.map((value) => value.from);
      if (new Set(froms).size !== froms.length)
        issues.addIssue({ code: 'custom', path: ['parameters', index], message: 'two values from one date' });
    });
    for (const rule of programme.rules.outcomes) {
      if (rule.amount && !programme.parameters.some((parameter) => parameter.id === rule.amount))
        issues.addIssue({
          code: 'custom',
          path: ['rules'],
          message: `rule ${rule.id}: no parameter ${rule.amount}`,
        });
    }
  });
export type Programme = z.infer<typeof ProgrammeSchema>;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** Everything loaded from data/programmes/ (kept here, free of Node imports, so the renderer can use the type). */
export interface ProgrammeContent {
  questions: QuestionSet;
  /** In display order. */
  programmes: Programme[];
}
