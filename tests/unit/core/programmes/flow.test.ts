import { describe, expect, it } from 'vitest';
import { nextQuestion, questionMatters, walkFlow } from '../../../../electron/core/programmes/flow';
import { content, eq, programme } from './synthetic';

// route: a and b → eligible. Another open programme reads only c. A closed one reads colour.
const route = programme('route', [
  { id: 'a-and-b', outcome: 'eligible', when: { op: 'all', of: [eq('a', 'yes'), eq('b', 'yes')] } },
]);
const other = programme('other', [{ id: 'c', outcome: 'eligible', when: eq('c', 'yes') }]);
const closed = programme('closed', [{ id: 'red', outcome: 'eligible', when: eq('colour', 'red') }], 'closed');
const flowContent = content([route, other]);
const withClosed = content([route, other, closed]);

describe('question flow', () => {
  it('asks in order, one at a time, with "question n of at most m"', () => {
    expect(nextQuestion(flowContent, {})).toMatchObject({
      done: false,
      question: { id: 'a' },
      position: 1,
      total: 3,
      exact: false,
      asked: [],
    });
    expect(nextQuestion(flowContent, { a: 'yes' })).toMatchObject({
      question: { id: 'b' },
      position: 2,
      total: 3,
      exact: true,
      asked: ['a'],
    });
    expect(nextQuestion(flowContent, { a: 'yes', b: 'no' })).toMatchObject({
      question: { id: 'c' },
      position: 3,
      total: 3,
    });
    expect(nextQuestion(flowContent, { a: 'yes', b: 'no', c: 'yes' })).toEqual({
      done: true,
      position: null,
      total: 3,
      asked: ['a', 'b', 'c'],
    });
  });

  it('skips a question that can no longer change any result', () => {
    // a = no settles "route"; b cannot matter any more, so the total shrinks.
    expect(nextQuestion(flowContent, { a: 'no' })).toMatchObject({
      question: { id: 'c' },
      position: 2,
      total: 2,
      asked: ['a'],
    });
    // "Not sure" about a: b = no would still settle "route" as not eligible, so b is asked.
    expect(questionMatters(flowContent, 'b', { a: 'not-sure' })).toBe(true);
  });

  it('asks what a closed programme reads too: "would you have qualified?" is a real question', () => {
    expect(questionMatters(withClosed, 'colour', {})).toBe(true);
    expect(walkFlow(withClosed, { a: 'yes', b: 'yes', colour: 'red', c: 'no' }).step.asked).toEqual([
      'a',
      'b',
      'colour',
      'c',
    ]);
  });

  it('counts truthfully: "n of m" only when every way on asks m, and the count never jumps', () => {
    // a = no skips b, so at the first question the number depends on the answer: "a few".
    expect(nextQuestion(withClosed, {})).toMatchObject({ position: 1, total: 4, exact: false });
    expect(nextQuestion(withClosed, { a: 'no' })).toMatchObject({ position: 2, total: 3, exact: true });
    expect(nextQuestion(withClosed, { a: 'yes' })).toMatchObject({ position: 2, total: 4, exact: true });
    // Along a path an exact count holds to the end.
    expect(nextQuestion(withClosed, { a: 'no', colour: 'not-sure' })).toMatchObject({
      position: 3,
      total: 3,
      exact: true,
    });
    expect(nextQuestion(withClosed, { a: 'no', colour: 'not-sure', c: 'yes' })).toMatchObject({
      done: true,
      total: 3,
    });
  });

  it('drops answers to questions that would now be skipped (after Back and a changed answer)', () => {
    const walk = walkFlow(flowContent, { a: 'no', b: 'yes', c: 'no', colour: 'red' });
    expect(walk.effectiveAnswers).toEqual({ a: 'no', c: 'no' });
    expect(walk.step).toMatchObject({ done: true, asked: ['a', 'c'] });
  });

  it('asks when there are too many combinations to check, rather than skip one that matters', () => {
    // With a = no, b cannot matter; above the limit the flow stops checking and asks.
    expect(questionMatters(flowContent, 'b', { a: 'no' })).toBe(false);
    expect(questionMatters(flowContent, 'b', { a: 'no' }, 1)).toBe(true);
  });
});
