/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { visit } from '../../../../renderer/src/lib/visit.svelte';
import { check } from '../../../../renderer/src/programmes/check.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

/** The check's walk through the real questions in data/programmes, against a real core. */
let connection: Awaited<ReturnType<typeof connectRealCore>>;
beforeEach(async () => {
  connection = await connectRealCore();
  visit.wipe();
  locale.set('en');
});
afterEach(() => connection.disconnect());

const evaluations = () => connection.calls.filter((method) => method === 'eligibility.evaluate').length;
const outcomeOf = (id: string) => check.result?.results.find((result) => result.id === id)?.outcome;

describe('the eligibility check', () => {
  it('walks the questions the core asks, with each step numbered, to a result', async () => {
    expect(await check.begin()).toEqual({ to: 'question', questionId: 'school-child' });
    // Two to four questions, depending on this answer: no number that would jump ("a few").
    expect(check.steps['school-child']).toEqual({ position: 1, total: 4, exact: false });
    expect(await check.answer('school-child', 'no')).toEqual({ to: 'question', questionId: 'aged-60' });
    // With no child at school the subsidy questions are skipped: two questions in all.
    expect(check.steps['aged-60']).toEqual({ position: 2, total: 2, exact: true });
    expect(check.path).toEqual(['school-child', 'aged-60']);
    expect(check.result).toBeNull();
    expect(await check.answer('aged-60', 'yes')).toEqual({ to: 'result' });
    expect(check.result?.asked).toEqual(['school-child', 'aged-60']);
    expect(outcomeOf('elder-digital-support')).toBe('eligible');
    expect(check.busy).toBe(false);
  });

  it('going Back and taking another turning leaves the first turning out of the result', async () => {
    await check.begin();
    await check.answer('school-child', 'primary-secondary');
    await check.answer('cssa', 'no');
    await check.answer('textbook-assistance', 'full');
    expect(check.path).toEqual(['school-child', 'cssa', 'textbook-assistance', 'aged-60']);
    // Back to the first question: the answers given stay chosen on screen.
    expect(check.answers['textbook-assistance']).toBe('full');
    await check.answer('school-child', 'no');
    expect(check.path).toEqual(['school-child', 'aged-60']);
    await check.answer('aged-60', 'no');
    expect(check.result?.asked).toEqual(['school-child', 'aged-60']);
    expect(outcomeOf('internet-access-subsidy')).toBe('not-eligible');
    expect(check.answers['textbook-assistance']).toBe('full');
  });

  it('evaluates (and so counts) a finished check once; a changed answer evaluates again', async () => {
    await check.begin();
    await check.answer('school-child', 'no');
    await check.answer('aged-60', 'yes');
    expect(evaluations()).toBe(1);
    // Back to the last question and the same answer again: the same result, not counted twice.
    expect(await check.answer('aged-60', 'yes')).toEqual({ to: 'result' });
    expect(evaluations()).toBe(1);
    await check.answer('aged-60', 'no');
    expect(evaluations()).toBe(2);
    expect(outcomeOf('elder-digital-support')).not.toBe('eligible');
  });

  it("counts the result under the visit's token, in the language on screen", async () => {
    visit.begin('en');
    await check.begin();
    await check.answer('school-child', 'no');
    await check.answer('aged-60', 'yes');
    const activity = JSON.parse(
      await readFile(path.join(connection.core.dataDir, 'activity.json'), 'utf8'),
    ) as { tallies: { event: string }[] };
    const results = activity.tallies.filter((tally) => tally.event === 'eligibility.result');
    expect(results).toContainEqual({
      date: '2026-12-01',
      event: 'eligibility.result',
      subject: 'elder-digital-support',
      detail: 'eligible',
      language: 'en',
      count: 1,
    });
    expect(results).toHaveLength(check.result!.results.length);
  });

  it('the wipe forgets every answer, the walk and the result', async () => {
    await check.loadQuestions();
    await check.begin();
    await check.answer('school-child', 'no');
    await check.answer('aged-60', 'yes');
    expect(check.result).not.toBeNull();
    visit.wipe();
    expect(check.answers).toEqual({});
    expect(check.path).toEqual([]);
    expect(check.steps).toEqual({});
    expect(check.result).toBeNull();
    // The questions are content, not the visitor's: they stay loaded.
    expect(check.questions).not.toBeNull();
    // A new visitor's same answers are a new check, counted again.
    await check.begin();
    await check.answer('school-child', 'no');
    await check.answer('aged-60', 'yes');
    expect(evaluations()).toBe(2);
  });

  it('loads the questions once and finds them by id', async () => {
    const questions = await check.loadQuestions();
    expect(await check.loadQuestions()).toBe(questions);
    // Earlier tests in this file may have loaded them already; either way, at most once.
    expect(
      connection.calls.filter((method) => method === 'eligibility.questions').length,
    ).toBeLessThanOrEqual(1);
    expect(check.question('aged-60')?.options.map((option) => option.id)).toEqual(['yes', 'no', 'not-sure']);
    expect(check.question('no-such-question')).toBeUndefined();
    expect(questions.questions.length).toBe(4);
  });
});
