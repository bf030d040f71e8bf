import { z } from 'zod';
import { VisitTokenSchema } from '../activity/visit-token';
import { method } from '../contract-method';
import { LanguageSchema } from '../i18n';
import type { ProgrammesStatus } from './staff-status';
import type { EvaluateResult, NextStepView, ProgrammeDetail, ProgrammeSummary, QuestionsView } from './views';

/**
 * The programme and eligibility methods; contract.ts spreads them into the one contract.
 * Answers are question id → option id ("yes", "no", "not-sure", "full", a range id, …): never
 * free text, names, HKID or income figures. They live only for the length of one call.
 */

const Empty = z.object({}).strict();
const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);

export const AnswersSchema = z
  .record(Slug, Slug)
  .refine((answers) => Object.keys(answers).length <= 32, 'too many answers');

export const programmeMethods = {
  /** Every programme, open ones first, with status and "information as of". */
  'programmes.list': method<{ programmes: ProgrammeSummary[] }>()({ input: Empty, staff: false }),
  /** One programme's full page. */
  'programmes.get': method<ProgrammeDetail>()({ input: z.object({ id: Slug }).strict(), staff: false }),
  /** All questions (text, options incl. "not sure") and the collection statement for the first screen. */
  'eligibility.questions': method<QuestionsView>()({ input: Empty, staff: false }),
  /** The next question to show given the answers so far, or done; skips questions that cannot matter. */
  'eligibility.next': method<NextStepView>()({
    input: z.object({ answers: AnswersSchema }).strict(),
    staff: false,
  }),
  /** Results for every programme; counts one anonymous tally per programme (outcome, language, day). */
  /** Counts each programme's outcome once per visit, under the token from `visit.start` (none, none counted). */
  'eligibility.evaluate': method<EvaluateResult>()({
    input: z
      .object({ answers: AnswersSchema, language: LanguageSchema, visit: VisitTokenSchema.optional() })
      .strict(),
    staff: false,
  }),
  /** Tallies by programme, outcome and month; each programme's rules date and a staleness flag. */
  'staff.programmes.status': method<ProgrammesStatus>()({
    input: Empty,
    staff: true,
    role: 'coordinator',
  }),
} as const;

export type ProgrammeMethods = typeof programmeMethods;
