import type { Outcome } from '../../../electron/core/programmes/decide';
import type { ProgrammeResult } from '../../../electron/core/programmes/views';

export type { Outcome };

/**
 * How an outcome looks. Each has its own icon shape and its own words (outcomeLabel), so the
 * meaning never rests on colour alone; the tone only adds emphasis.
 */
export type OutcomeTone = 'yes' | 'maybe' | 'unknown' | 'no' | 'closed';

export const OUTCOME_TONE: Record<Outcome, OutcomeTone> = {
  eligible: 'yes',
  'likely-eligible': 'maybe',
  'need-more-info': 'unknown',
  'not-eligible': 'no',
  'closed-would-have-qualified': 'closed',
  'closed-would-not-have-qualified': 'closed',
  'closed-cannot-tell': 'closed',
};

/** Most useful first: what the family can get, then what needs a question answered, then no, then ended programmes. */
const RANK: Record<Outcome, number> = {
  eligible: 0,
  'likely-eligible': 1,
  'need-more-info': 2,
  'not-eligible': 3,
  'closed-would-have-qualified': 4,
  'closed-cannot-tell': 5,
  'closed-would-not-have-qualified': 6,
};

export function isClosedOutcome(outcome: Outcome): boolean {
  return OUTCOME_TONE[outcome] === 'closed';
}

/** Results in the order a visitor should read them; the core's order breaks ties. Never mutates. */
export function orderResults<T extends Pick<ProgrammeResult, 'outcome' | 'status'>>(
  results: readonly T[],
): T[] {
  const rank = (result: T) => (result.status === 'closed' ? 10 : 0) + RANK[result.outcome];
  return results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => rank(a.result) - rank(b.result) || a.index - b.index)
    .map(({ result }) => result);
}
