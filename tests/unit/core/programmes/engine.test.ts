import { describe, expect, it } from 'vitest';
import {
  decide,
  findNearMiss,
  questionMap,
  resultRoute,
  settledBy,
} from '../../../../electron/core/programmes/decide';
import {
  evaluateCondition,
  explain,
  questionsIn,
  type Answers,
} from '../../../../electron/core/programmes/engine';
import type { Condition } from '../../../../electron/core/programmes/schema';
import { eq, programme, questions, questionSet, reason, text } from './synthetic';

const run = (condition: Condition, answers: Answers) =>
  evaluateCondition(condition, answers, questions).result;
const en = (texts: { en: string }[]) => texts.map((entry) => entry.en);

describe('leaf conditions', () => {
  it('equals: met, not met, unknown when missing or not sure', () => {
    expect(run(eq('a', 'yes'), { a: 'yes' })).toBe('met');
    expect(run(eq('a', 'yes'), { a: 'no' })).toBe('notMet');
    expect(run(eq('a', 'yes'), {})).toBe('unknown');
    expect(run(eq('a', 'yes'), { a: 'not-sure' })).toBe('unknown');
  });

  it('in: met when the answer is one of the values', () => {
    const condition: Condition = {
      op: 'in',
      question: 'colour',
      values: ['red', 'blue'],
      reason: reason('colour'),
    };
    expect(run(condition, { colour: 'blue' })).toBe('met');
    expect(run(condition, { colour: 'green' })).toBe('notMet');
    expect(run(condition, { colour: 'not-sure' })).toBe('unknown');
  });

  it('atLeast / atMost over range answers: a range that straddles the threshold is unknown', () => {
    const atLeast = (value: number): Condition => ({
      op: 'atLeast',
      question: 'income',
      value,
      reason: reason('at least'),
    });
    const atMost = (value: number): Condition => ({
      op: 'atMost',
      question: 'income',
      value,
      reason: reason('at most'),
    });
    expect(run(atLeast(10000), { income: 'mid' })).toBe('met');
    expect(run(atLeast(10000), { income: 'low' })).toBe('notMet');
    expect(run(atLeast(15000), { income: 'mid' })).toBe('unknown');
    expect(run(atLeast(15000), { income: 'high' })).toBe('met');
    expect(run(atMost(20000), { income: 'mid' })).toBe('met');
    expect(run(atMost(20000), { income: 'high' })).toBe('notMet');
    expect(run(atMost(15000), { income: 'mid' })).toBe('unknown');
    expect(run(atMost(15000), { income: 'low' })).toBe('met');
    expect(run(atMost(15000), {})).toBe('unknown');
  });

  it('always is met', () => {
    expect(run({ op: 'always', reason: { met: text('for everyone') } }, {})).toBe('met');
  });
});

describe('groups use three-valued logic', () => {
  const all: Condition = { op: 'all', of: [eq('a', 'yes'), eq('b', 'yes')] };
  const any: Condition = { op: 'any', of: [eq('a', 'yes'), eq('b', 'yes')] };
  const cases: [Answers, string, string][] = [
    [{ a: 'yes', b: 'yes' }, 'met', 'met'],
    [{ a: 'yes', b: 'no' }, 'notMet', 'met'],
    [{ a: 'no', b: 'no' }, 'notMet', 'notMet'],
    [{ a: 'yes' }, 'unknown', 'met'],
    [{ a: 'no' }, 'notMet', 'unknown'],
    [{}, 'unknown', 'unknown'],
  ];
  it.each(cases)('%j → all %s, any %s', (answers, allResult, anyResult) => {
    expect(run(all, answers)).toBe(allResult);
    expect(run(any, answers)).toBe(anyResult);
  });

  it('not swaps met and not met and keeps unknown', () => {
    const not: Condition = { op: 'not', of: eq('a', 'yes') };
    expect(run(not, { a: 'yes' })).toBe('notMet');
    expect(run(not, { a: 'no' })).toBe('met');
    expect(run(not, {})).toBe('unknown');
  });
});

describe('trace and reasons', () => {
  const condition: Condition = {
    op: 'all',
    of: [eq('a', 'yes'), { op: 'any', of: [eq('b', 'yes'), eq('c', 'yes')] }],
  };

  it('keeps every node with what it expected, what it saw and its result (no short-circuit)', () => {
    const trace = evaluateCondition(condition, { a: 'no', b: 'yes' }, questions);
    expect(trace).toMatchObject({
      op: 'all',
      result: 'notMet',
      children: [
        { op: 'equals', question: 'a', expected: 'yes', answer: 'no', result: 'notMet' },
        {
          op: 'any',
          result: 'met',
          children: [
            { question: 'b', answer: 'yes', result: 'met' },
            { question: 'c', answer: null, result: 'unknown' },
          ],
        },
      ],
    });
  });

  it('explains a result by the parts that made it so', () => {
    expect(en(explain(evaluateCondition(condition, { a: 'no', b: 'yes' }, questions)))).toEqual([
      'a=yes not met',
    ]);
    expect(en(explain(evaluateCondition(condition, { a: 'yes', c: 'yes' }, questions)))).toEqual([
      'a=yes met',
      'c=yes met',
    ]);
    expect(en(explain(evaluateCondition(condition, { a: 'yes', b: 'no', c: 'no' }, questions)))).toEqual([
      'b=yes not met',
      'c=yes not met',
    ]);
    // Unknown leaves fall back to the question's own "we do not know" sentence.
    expect(en(explain(evaluateCondition(condition, { a: 'yes', b: 'no' }, questions)))).toEqual([
      'c unknown',
    ]);
  });

  it('a group with its own reason speaks for its subtree; not is explained by its child', () => {
    const grouped: Condition = { op: 'any', of: [eq('b', 'yes'), eq('c', 'yes')], reason: reason('b-or-c') };
    expect(en(explain(evaluateCondition(grouped, { b: 'no', c: 'no' }, questions)))).toEqual([
      'b-or-c not met',
    ]);
    const not: Condition = { op: 'not', of: eq('a', 'yes') };
    expect(en(explain(evaluateCondition(not, { a: 'yes' }, questions)))).toEqual(['a=yes met']);
  });

  it('lists the questions a condition reads', () => {
    expect(questionsIn(condition)).toEqual(['a', 'b', 'c']);
  });
});

describe('decide', () => {
  const scheme = programme('scheme', [
    {
      id: 'route-a',
      outcome: 'eligible',
      when: { op: 'all', of: [eq('a', 'yes'), eq('b', 'yes')] },
      note: text('route a note'),
    },
    { id: 'route-c', outcome: 'likely-eligible', when: { op: 'all', of: [eq('a', 'yes'), eq('c', 'yes')] } },
    { id: 'ask', outcome: 'need-more-info', when: eq('colour', 'red') },
  ]);

  it('the first rule that is met decides, with its reasons and note', () => {
    const decision = decide(scheme, { a: 'yes', b: 'yes', c: 'yes' }, questions);
    expect(decision).toMatchObject({ outcome: 'eligible', decidedBy: 'route-a' });
    expect(en(decision.reasons)).toEqual(['a=yes met', 'b=yes met', 'route a note']);
    expect(decision.trace.map((entry) => [entry.rule, entry.trace.result])).toEqual([
      ['route-a', 'met'],
      ['route-c', 'met'],
      ['ask', 'unknown'],
    ]);
  });

  it('a later rule decides when an earlier one is unknown, and says what is still unknown', () => {
    const decision = decide(scheme, { a: 'yes', c: 'yes' }, questions);
    expect(decision).toMatchObject({ outcome: 'likely-eligible', decidedBy: 'route-c' });
    expect(en(decision.reasons)).toEqual(['a=yes met', 'c=yes met', 'b unknown']);
  });

  it('need more information when nothing is met but something could be', () => {
    expect(decide(scheme, { a: 'yes', b: 'no' }, questions)).toMatchObject({
      outcome: 'need-more-info',
      decidedBy: null,
    });
    expect(decide(scheme, { a: 'no', colour: 'red' }, questions)).toMatchObject({
      outcome: 'need-more-info',
      decidedBy: 'ask',
    });
  });

  it('not eligible when nothing can be met; reasons leave out need-more-info rules', () => {
    const decision = decide(scheme, { a: 'no', colour: 'blue' }, questions);
    expect(decision).toMatchObject({ outcome: 'not-eligible', decidedBy: null });
    expect(en(decision.reasons)).toEqual(['a=yes not met']);
  });

  it('a closed programme says whether the family would have qualified, never an open outcome', () => {
    const closed = { ...scheme, status: 'closed' as const };
    expect(decide(closed, { a: 'yes', b: 'yes' }, questions).outcome).toBe('closed-would-have-qualified');
    expect(decide(closed, { a: 'no', colour: 'blue' }, questions).outcome).toBe(
      'closed-would-not-have-qualified',
    );
    expect(decide(closed, { a: 'yes' }, questions).outcome).toBe('closed-cannot-tell');
    expect(decide(closed, { a: 'yes', b: 'no', c: 'yes' }, questions).outcome).toBe('closed-cannot-tell');
  });
});

describe('near-miss', () => {
  const both = programme('both', [
    { id: 'both', outcome: 'eligible', when: { op: 'all', of: [eq('a', 'yes'), eq('b', 'yes')] } },
  ]);

  it('names the single answer that would make it eligible, in plain words', () => {
    const miss = findNearMiss(both, { a: 'yes', b: 'no' }, questionSet);
    expect(miss).toMatchObject({ question: 'b', answer: 'yes', certain: true });
    expect(miss?.text.en).toBe('If b is yes, you may qualify.');
    expect(miss?.text['zh-HK']).toBe('如果（b is yes），或可以。');
    expect(miss?.text['zh-CN']).toBeTruthy();
  });

  it('is null when one change is not enough, and when the result is not "not eligible"', () => {
    expect(findNearMiss(both, { a: 'no', b: 'no' }, questionSet)).toBeNull();
    expect(findNearMiss(both, { a: 'yes', b: 'yes' }, questionSet)).toBeNull();
    expect(findNearMiss(both, { a: 'yes' }, questionSet)).toBeNull();
  });

  it('prefers a change that settles it over one that still needs other answers', () => {
    const routes = programme('routes', [
      { id: 'long', outcome: 'eligible', when: { op: 'all', of: [eq('a', 'yes'), eq('c', 'yes')] } },
      { id: 'short', outcome: 'likely-eligible', when: eq('b', 'yes') },
    ]);
    // a=yes alone would still need c; b=yes settles it on "likely".
    expect(findNearMiss(routes, { a: 'no', b: 'no' }, questionSet)).toMatchObject({
      question: 'b',
      answer: 'yes',
      certain: true,
    });
    // Only a change that still needs c helps: reported, marked not certain.
    const onlyLong = programme('only-long', [routes.rules.outcomes[0]!]);
    expect(findNearMiss(onlyLong, { a: 'no' }, questionSet)).toMatchObject({
      question: 'a',
      answer: 'yes',
      certain: false,
    });
  });

  it('never suggests a change that only leads to a need-more-info rule', () => {
    const askOnly = programme('ask-only', [
      { id: 'route', outcome: 'eligible', when: { op: 'all', of: [eq('a', 'yes'), eq('b', 'yes')] } },
      { id: 'ask', outcome: 'need-more-info', when: eq('colour', 'red') },
    ]);
    expect(findNearMiss(askOnly, { a: 'no', b: 'no', colour: 'blue' }, questionSet)).toBeNull();
  });
});

describe('reasons speak only of asked questions', () => {
  const condition: Condition = {
    op: 'all',
    of: [eq('a', 'yes'), { op: 'any', of: [eq('b', 'yes'), eq('c', 'yes')], reason: reason('b-or-c') }],
  };
  const askedOnly =
    (...ids: string[]) =>
    (question: string) =>
      ids.includes(question);

  it('an unknown that was never asked says nothing; one answered "not sure" still says so', () => {
    const trace = evaluateCondition(condition, { a: 'yes' }, questions);
    // The group has no unknown text of its own, so it falls back to its not-met text.
    expect(en(explain(trace))).toEqual(['b-or-c not met']);
    expect(en(explain(trace, askedOnly('a')))).toEqual([]);
    const notSure = evaluateCondition(condition, { a: 'yes', b: 'not-sure', c: 'not-sure' }, questions);
    expect(en(explain(notSure, askedOnly('a', 'b', 'c')))).toEqual(['b-or-c not met']);
  });

  it("a group's own reason gives way to its children's when one of its questions was not asked", () => {
    const trace = evaluateCondition(condition, { a: 'yes', b: 'yes' }, questions);
    expect(en(explain(trace))).toEqual(['a=yes met', 'b-or-c met']);
    expect(en(explain(trace, askedOnly('a', 'b')))).toEqual(['a=yes met', 'b=yes met']);
  });

  it('decide says the not-asked sentence when no reason is left', () => {
    const scheme = programme('scheme', [{ id: 'route', outcome: 'eligible', when: condition }]);
    const decision = decide(scheme, { a: 'yes' }, questions, {
      asked: new Set(['a']),
      notAskedReason: questionSet.notAskedReason,
    });
    expect(decision.outcome).toBe('need-more-info');
    expect(en(decision.reasons)).toEqual(['not asked']);
  });
});

describe('near-miss: what a family can act on, and where to go', () => {
  const both = programme('both', [
    {
      id: 'both',
      outcome: 'eligible',
      when: { op: 'all', of: [eq('a', 'yes'), eq('b', 'yes')] },
      route: 'office-a',
    },
  ]);

  it('never offers a question marked offerAsNearMiss: false (age, who lives at home)', () => {
    const fixedB = {
      ...questionSet,
      questions: questionSet.questions.map((question) =>
        question.id === 'b' ? { ...question, offerAsNearMiss: false } : question,
      ),
    };
    expect(findNearMiss(both, { a: 'yes', b: 'no' }, questionSet)).toMatchObject({ question: 'b' });
    expect(findNearMiss(both, { a: 'yes', b: 'no' }, fixedB)).toBeNull();
  });

  it("names the office of the rule that would decide, with that office's phone", () => {
    expect(findNearMiss(both, { a: 'yes', b: 'no' }, questionSet)?.route).toEqual({
      office: 'office-a',
      phone: '2802 2345',
    });
  });
});

describe('what would settle a result, and its office', () => {
  const routes = programme('routes', [
    { id: 'by-a', outcome: 'eligible', when: eq('a', 'yes'), route: 'office-a' },
    { id: 'by-b', outcome: 'eligible', when: eq('b', 'yes') },
  ]);
  const byId = questionMap(questionSet);

  it('lists each "not sure" answer that would change the result, only when it was asked', () => {
    const answers = { a: 'not-sure', b: 'not-sure' };
    expect(settledBy(routes, answers, questionSet)).toEqual(['a', 'b']);
    expect(settledBy(routes, answers, questionSet, { asked: new Set(['b']) })).toEqual(['b']);
    // b = yes decides whatever a is: a no longer settles anything.
    expect(settledBy(routes, { a: 'not-sure', b: 'yes' }, questionSet)).toEqual(['a']);
    expect(settledBy(routes, { a: 'yes', b: 'not-sure' }, questionSet)).toEqual([]);
  });

  it('routes an undecided result to the office every helpful way on leads to, when they agree', () => {
    const onlyA = { a: 'not-sure', b: 'no' };
    const decision = decide(routes, onlyA, byId);
    expect(decision.outcome).toBe('need-more-info');
    expect(resultRoute(routes, decision, onlyA, questionSet).office).toBe('office-a');
    // a or b could each decide, on different offices: the programme's own.
    const either = { a: 'not-sure', b: 'not-sure' };
    expect(resultRoute(routes, decide(routes, either, byId), either, questionSet).office).toBe('office-b');
  });
});
