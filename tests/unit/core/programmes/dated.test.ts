import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEnd, beforeStart, parameterAt, statusAt } from '../../../../electron/core/programmes/dated';
import { loadProgrammeContent, type ProgrammeContent } from '../../../../electron/core/programmes/load';
import { evaluateAll } from '../../../../electron/core/programmes/views';

/** Amounts as dated parameters, and programmes open or closed by the evaluation day. */

const CONTENT_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));
const SFO_FULL = {
  'school-child': 'primary-secondary',
  cssa: 'no',
  'textbook-assistance': 'full',
  'aged-60': 'no',
};
let content: ProgrammeContent;
beforeAll(async () => {
  content = await loadProgrammeContent(CONTENT_DIR);
});

const subsidyOf = (data: ProgrammeContent) =>
  data.programmes.find((programme) => programme.id === 'internet-access-subsidy')!;
const amountFor = (data: ProgrammeContent, answers: Record<string, string>, day: string) =>
  evaluateAll(data, answers, day).results.find((result) => result.id === 'internet-access-subsidy')!.amount;

describe('dates of coarse precision', () => {
  it('a year or month stands for its whole period', () => {
    expect(beforeStart('2009-12-31', '2010')).toBe(true);
    expect(beforeStart('2010-01-01', '2010')).toBe(false);
    expect(beforeStart('2020-03-10', '2020-03-11')).toBe(true);
    expect(afterEnd('2018-12-31', '2018')).toBe(false);
    expect(afterEnd('2018-09-01', '2018-08')).toBe(true);
    expect(afterEnd('2018-08-31', '2018-08-31')).toBe(false);
  });
});

describe('parameters: the value at a day is the newest dated on or before it', () => {
  it('the full rate is HK$1,300 from 2010 and HK$1,500 from March 2020, each with its source', () => {
    const fullRate = subsidyOf(content).parameters.find((parameter) => parameter.id === 'full-rate')!;
    expect(parameterAt(fullRate, '2009-12-31')).toBeNull();
    expect(parameterAt(fullRate, '2017-06-01')).toMatchObject({ amount: 1300, from: '2010' });
    expect(parameterAt(fullRate, '2020-03-10')).toMatchObject({ amount: 1300, from: '2010' });
    expect(parameterAt(fullRate, '2020-03-11')).toMatchObject({ amount: 1500, from: '2020-03-11' });
    expect(amountFor(content, SFO_FULL, '2026-12-01')).toEqual({
      parameter: 'full-rate',
      amount: 1500,
      unit: 'hkd-a-year',
      asOf: '2020-03-11',
      source: subsidyOf(content).sources[1],
    });
    expect(amountFor(content, SFO_FULL, '2017-06-01')).toMatchObject({ amount: 1300, asOf: '2010' });
  });

  it('the half rate and the CSSA rate are shown on their routes; a route without an amount shows none', () => {
    const half = { ...SFO_FULL, 'textbook-assistance': 'half' };
    expect(amountFor(content, half, '2026-12-01')).toMatchObject({ parameter: 'half-rate', amount: 650 });
    const cssa = { 'school-child': 'primary-secondary', cssa: 'yes', 'aged-60': 'no' };
    expect(amountFor(content, cssa, '2026-12-01')).toMatchObject({ parameter: 'cssa-rate', amount: 1300 });
    const notApplied = { ...SFO_FULL, 'textbook-assistance': 'not-applied' };
    expect(amountFor(content, notApplied, '2026-12-01')).toBeNull();
  });

  it('a newer dated value changes what is shown, and no rule changes', () => {
    const updated = structuredClone(content);
    const rulesBefore = structuredClone(subsidyOf(updated).rules);
    subsidyOf(updated)
      .parameters.find((parameter) => parameter.id === 'full-rate')!
      .values.push({ from: '2026-04', amount: 1600, source: 1 });
    expect(amountFor(updated, SFO_FULL, '2026-12-01')).toMatchObject({ amount: 1600, asOf: '2026-04' });
    // Before the new value's date the old one still holds.
    expect(amountFor(updated, SFO_FULL, '2026-03-31')).toMatchObject({ amount: 1500, asOf: '2020-03-11' });
    expect(subsidyOf(updated).rules).toEqual(rulesBefore);
    expect(amountFor(content, SFO_FULL, '2026-12-01')).toMatchObject({ amount: 1500 });
  });

  it('every parameter is worded in each language of the programme screens', () => {
    for (const language of ['zh-HK', 'en', 'zh-CN']) {
      const file = new URL(`../../../../renderer/src/programmes/locales/${language}.json`, import.meta.url);
      const words = JSON.parse(readFileSync(file, 'utf8')) as { amount?: Record<string, string> };
      for (const programme of content.programmes)
        for (const parameter of programme.parameters) {
          const text = words.amount?.[parameter.id];
          expect(text, `${language} amount.${parameter.id}`).toMatch(/\{\{amount\}\}/);
          expect(text, `${language} amount.${parameter.id}`).toMatch(/\{\{date\}\}/);
          // The Chinese wording holds no English, placeholders aside.
          if (language !== 'en')
            expect(text!.replace(/\{\{\w+\}\}/g, ''), `${language} amount.${parameter.id}`).not.toMatch(
              /[A-Za-z]/,
            );
        }
    }
  });
});

describe('programmes open or closed at the evaluation day', () => {
  it('the learning programme ran from 14 July 2011 to 31 August 2018', () => {
    const ilsp = content.programmes.find(
      (programme) => programme.id === 'internet-learning-support-programme',
    )!;
    expect(statusAt(ilsp, '2011-07-13')).toBe('not-started');
    expect(statusAt(ilsp, '2017-06-01')).toBe('open');
    expect(statusAt(ilsp, '2018-08-31')).toBe('open');
    expect(statusAt(ilsp, '2018-09-01')).toBe('closed');
    expect(statusAt(ilsp, undefined)).toBe('closed');
  });

  it('a programme not started at the day is left out of the results; each result names the rules version', () => {
    const early = evaluateAll(content, { 'school-child': 'no', 'aged-60': 'yes' }, '2012-06-01');
    expect(early.results.map((result) => result.id)).not.toContain('elder-digital-support');
    expect(early.results.map((result) => result.id)).toContain('internet-learning-support-programme');
    expect(early).toMatchObject({ rulesVersion: 'rules-2026.12', date: '2012-06-01' });
  });
});
