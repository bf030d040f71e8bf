import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { statusAt } from '../../../../electron/core/programmes/dated';
import { OUTCOMES } from '../../../../electron/core/programmes/decide';
import type { ProgrammeContent } from '../../../../electron/core/programmes/load';
import { evaluateAll, type EvaluateResult } from '../../../../electron/core/programmes/views';

/**
 * Runs the OpenFisca-style case table (tests/fixtures/eligibility-cases.json). Kept apart from
 * the test file so a meta-test can feed it deliberately wrong cases and see it report them.
 */

const Outcome = z.enum(OUTCOMES);
export const ExpectationSchema = z.union([
  Outcome,
  z
    .object({
      outcome: Outcome,
      decidedBy: z.string().nullable().optional(),
      /** "question=answer", or null for "no single answer would change it". */
      nearMiss: z.string().nullable().optional(),
      nearMissCertain: z.boolean().optional(),
      /** The office the near-miss would send the family to. */
      nearMissRoute: z.string().optional(),
      /** The office that decides the result (an office id from questions.json). */
      route: z.string().optional(),
      /** The "not sure" questions whose answer would settle the result, in asking order. */
      settle: z.array(z.string()).optional(),
    })
    .strict(),
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

export const EligibilityCaseSchema = z
  .object({
    name: z.string().min(1),
    /** The day the case is evaluated at, as the core would take it from its clock. */
    date: z.iso.date(),
    answers: z.record(z.string(), z.string()),
    expect: z.record(z.string(), ExpectationSchema),
    asked: z.array(z.string()).optional(),
  })
  .strict();
export type EligibilityCase = z.infer<typeof EligibilityCaseSchema>;

export const CaseFileSchema = z
  .object({ about: z.string(), today: z.iso.date(), cases: z.array(EligibilityCaseSchema).min(30) })
  .strict();

export const CASES_FILE = fileURLToPath(new URL('../../../fixtures/eligibility-cases.json', import.meta.url));

export function loadCases(): z.infer<typeof CaseFileSchema> {
  return CaseFileSchema.parse(JSON.parse(readFileSync(CASES_FILE, 'utf8')));
}

/** Every way the evaluation differs from the case, one line each; empty when the case passes. */
export function compareCase(
  content: ProgrammeContent,
  testCase: EligibilityCase,
): { mismatches: string[]; result: EvaluateResult } {
  const result = evaluateAll(content, testCase.answers, testCase.date);
  const mismatches: string[] = [];
  for (const programme of content.programmes) {
    if (statusAt(programme, testCase.date) === 'not-started') continue;
    if (!(programme.id in testCase.expect))
      mismatches.push(`${programme.id}: the case does not say what to expect`);
  }
  for (const [programmeId, expectation] of Object.entries(testCase.expect)) {
    const got = result.results.find((entry) => entry.id === programmeId);
    if (!got) {
      mismatches.push(`${programmeId}: no such programme`);
      continue;
    }
    const want = typeof expectation === 'string' ? { outcome: expectation } : expectation;
    if (got.outcome !== want.outcome)
      mismatches.push(`${programmeId}: expected ${want.outcome}, got ${got.outcome}`);
    if ('decidedBy' in want && want.decidedBy !== undefined && got.decidedBy !== want.decidedBy) {
      mismatches.push(`${programmeId}: expected rule ${want.decidedBy}, got ${got.decidedBy}`);
    }
    const nearMiss = got.nearMiss ? `${got.nearMiss.question}=${got.nearMiss.answer}` : null;
    if ('nearMiss' in want && want.nearMiss !== undefined && nearMiss !== want.nearMiss) {
      mismatches.push(`${programmeId}: expected near-miss ${want.nearMiss}, got ${nearMiss}`);
    }
    if (
      'nearMissCertain' in want &&
      want.nearMissCertain !== undefined &&
      got.nearMiss?.certain !== want.nearMissCertain
    ) {
      mismatches.push(
        `${programmeId}: expected near-miss certain=${want.nearMissCertain}, got ${got.nearMiss?.certain}`,
      );
    }
  }
  for (const [programmeId, expectation] of Object.entries(testCase.expect)) {
    const got = result.results.find((entry) => entry.id === programmeId);
    if (!got || typeof expectation === 'string') continue;
    if (expectation.route !== undefined && got.route.office !== expectation.route)
      mismatches.push(`${programmeId}: expected route ${expectation.route}, got ${got.route.office}`);
    if (expectation.nearMissRoute !== undefined && got.nearMiss?.route.office !== expectation.nearMissRoute)
      mismatches.push(
        `${programmeId}: expected near-miss route ${expectation.nearMissRoute}, got ${got.nearMiss?.route.office}`,
      );
    const settle = got.settle.map((entry) => entry.question).join(',');
    if (expectation.settle !== undefined && settle !== expectation.settle.join(','))
      mismatches.push(
        `${programmeId}: expected settled by [${expectation.settle.join(', ')}], got [${settle}]`,
      );
  }
  if (testCase.asked && testCase.asked.join(',') !== result.asked.join(',')) {
    mismatches.push(`asked: expected [${testCase.asked.join(', ')}], got [${result.asked.join(', ')}]`);
  }
  return { mismatches, result };
}
