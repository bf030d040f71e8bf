import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../../electron/core/i18n';
import { KioskError } from '../../../../electron/core/errors';
import { programmeMethods } from '../../../../electron/core/programmes/contract';
import { createProgrammeHandlers } from '../../../../electron/core/programmes/handlers';
import { tempDirs } from '../../../helpers/temp-dir';
import { makeCoreContext } from '../../../helpers/hotspots-context';

const dirs = tempDirs('kiosk-programme-handlers-');
afterEach(() => dirs.cleanup());

async function setUp(now = new Date('2026-11-27T04:00:00Z')) {
  const dataDir = await dirs.make();
  let clock = now;
  const ctx = await makeCoreContext(dataDir, () => clock);
  const handlers = await createProgrammeHandlers(ctx);
  /** A new visitor a minute later: the token the counters need. */
  const newVisit = async (language: Language) => {
    clock = new Date(clock.getTime() + 60_000);
    return (await ctx.visits.start(language)).visit;
  };
  return { dataDir, ctx, handlers, newVisit, setNow: (date: Date) => (clock = date) };
}

/** Every file in the data folder, as text. */
async function dataFolderText(dir: string): Promise<string> {
  const files = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files
      .filter((entry) => entry.isFile())
      .map((entry) => fs.readFile(path.join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

const SFO_HALF = {
  'school-child': 'primary-secondary',
  cssa: 'no',
  'textbook-assistance': 'half',
  'aged-60': 'no',
};

describe('programme methods', () => {
  it('declares its methods, with staff only on the staff one', () => {
    expect(Object.keys(programmeMethods).sort()).toEqual(
      [
        'eligibility.evaluate',
        'eligibility.next',
        'eligibility.questions',
        'programmes.get',
        'programmes.list',
        'staff.programmes.status',
      ].sort(),
    );
    for (const [name, spec] of Object.entries(programmeMethods))
      expect(spec.staff, name).toBe(name.startsWith('staff.'));
    expect(
      programmeMethods['eligibility.evaluate'].input.safeParse({
        answers: { cssa: 'Chan Tai Man' },
        language: 'en',
      }).success,
    ).toBe(false);
    expect(
      programmeMethods['eligibility.evaluate'].input.safeParse({ answers: SFO_HALF, language: 'en' }).success,
    ).toBe(true);
  });

  it('lists programmes with the open ones first and the closed one marked closed', async () => {
    const { handlers } = await setUp();
    const { programmes } = await handlers['programmes.list']({}, {});
    expect(programmes.map((programme) => [programme.id, programme.status])).toEqual([
      ['internet-access-subsidy', 'open'],
      ['elder-digital-support', 'open'],
      ['wifi-hk', 'open'],
      ['internet-learning-support-programme', 'closed'],
    ]);
    for (const programme of programmes) {
      expect(programme.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(programme.title['zh-CN']).toBeTruthy();
    }
  });

  it('gets one programme page with sources and "as of", or not_found', async () => {
    const { handlers } = await setUp();
    const ilsp = await handlers['programmes.get']({ id: 'internet-learning-support-programme' }, {});
    expect(ilsp).toMatchObject({ status: 'closed', validTo: '2018-08-31', rulesAsOf: '2026-11-27' });
    expect(ilsp.statusNote?.en).toMatch(/ended on 31 August 2018/);
    expect(ilsp.pointsTo.map((entry) => entry.id)).toEqual(['internet-access-subsidy', 'wifi-hk']);
    expect(ilsp.sources.length).toBeGreaterThan(0);
    await expect(handlers['programmes.get']({ id: 'nothing-here' }, {})).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('hands out the questions with "not sure" and the collection statement', async () => {
    const { handlers } = await setUp();
    const view = await handlers['eligibility.questions']({}, {});
    expect(view.collectionStatement.en).toMatch(/not kept/);
    expect(view.questions.map((question) => question.id)).toEqual([
      'school-child',
      'cssa',
      'textbook-assistance',
      'aged-60',
    ]);
    for (const question of view.questions) expect(question.options.at(-1)?.id).toBe('not-sure');
  });

  it('walks the question flow one question at a time', async () => {
    const { handlers } = await setUp();
    const first = await handlers['eligibility.next']({ answers: {} }, {});
    expect(first).toMatchObject({ done: false, position: 1, question: { id: 'school-child' } });
    const skip = await handlers['eligibility.next']({ answers: { 'school-child': 'no' } }, {});
    expect(skip).toMatchObject({ done: false, position: 2, total: 2, question: { id: 'aged-60' } });
    const done = await handlers['eligibility.next'](
      { answers: { 'school-child': 'no', 'aged-60': 'yes' } },
      {},
    );
    expect(done).toMatchObject({ done: true, asked: ['school-child', 'aged-60'] });
  });

  it('evaluates with reasons, documents, where to go, as-of and sources', async () => {
    const { handlers } = await setUp();
    const { results } = await handlers['eligibility.evaluate']({ answers: SFO_HALF, language: 'zh-HK' }, {});
    const subsidy = results.find((result) => result.id === 'internet-access-subsidy')!;
    expect(subsidy).toMatchObject({
      outcome: 'eligible',
      decidedBy: 'sfo-half-grant',
      nearMiss: null,
      asOf: '2026-11-27',
      rulesAsOf: '2026-11-27',
    });
    expect(subsidy.reasons.map((reason) => reason.en)).toContain(
      'Your household gets a half grant from the SFO.',
    );
    expect(subsidy.outcomeLabel['zh-HK']).toBe('按你的答案，你符合資格');
    expect(subsidy.whereToGo.map((place) => place.kind)).toEqual(['office', 'office', 'centre-staff']);
    expect(subsidy.documents.length).toBeGreaterThan(0);
    expect(subsidy.sources.length).toBeGreaterThan(0);
    expect(subsidy.route).toEqual({ office: 'sfo', phone: '2802 2345' });
    // Age is nothing a family can change: no near-miss about it.
    const elder = results.find((result) => result.id === 'elder-digital-support')!;
    expect(elder).toMatchObject({ outcome: 'not-eligible', nearMiss: null });
    const refused = await handlers['eligibility.evaluate'](
      { answers: { ...SFO_HALF, 'textbook-assistance': 'applied-none' }, language: 'zh-HK' },
      {},
    );
    const refusedSubsidy = refused.results.find((result) => result.id === 'internet-access-subsidy')!;
    expect(refusedSubsidy.nearMiss).toMatchObject({
      certain: true,
      route: { office: 'sfo', phone: '2802 2345' },
    });
    expect(refusedSubsidy.nearMiss?.text['zh-HK']).toBe(
      '如果你的家庭獲學生資助處批出全額學校書簿津貼，你或可以得到這項支援。',
    );
  });

  it('refuses unknown questions and answers without echoing them', async () => {
    const { handlers, dataDir } = await setUp();
    const before = await dataFolderText(dataDir);
    const bad = handlers['eligibility.evaluate']({ answers: { cssa: 'maybe-later' }, language: 'en' }, {});
    await expect(bad).rejects.toBeInstanceOf(KioskError);
    await expect(
      handlers['eligibility.evaluate']({ answers: { cssa: 'maybe-later' }, language: 'en' }, {}),
    ).rejects.not.toThrow(/maybe-later/);
    await expect(handlers['eligibility.next']({ answers: { 'pet-name': 'yes' } }, {})).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await dataFolderText(dataDir)).toBe(before);
  });
});

describe('privacy: evaluate stores nothing but the tally', () => {
  it('writes one anonymous tally per programme and none of the answers', async () => {
    const { handlers, dataDir, ctx, newVisit } = await setUp();
    await handlers['eligibility.evaluate'](
      { answers: SFO_HALF, language: 'en', visit: await newVisit('en') },
      {},
    );
    await handlers['eligibility.evaluate'](
      {
        answers: { 'school-child': 'yi-jin-vtc', 'aged-60': 'not-sure' },
        language: 'zh-CN',
        visit: await newVisit('zh-CN'),
      },
      {},
    );

    expect(ctx.activity.data.tallies).toEqual(
      expect.arrayContaining([
        {
          date: '2026-11-27',
          event: 'eligibility.result',
          subject: 'internet-access-subsidy',
          detail: 'eligible',
          language: 'en',
          count: 1,
        },
        {
          date: '2026-11-27',
          event: 'eligibility.result',
          subject: 'internet-access-subsidy',
          detail: 'need-more-info',
          language: 'zh-CN',
          count: 1,
        },
      ]),
    );
    expect(ctx.activity.data.tallies.filter((tally) => tally.event === 'eligibility.result')).toHaveLength(8);
    for (const tally of ctx.activity.data.tallies)
      expect(Object.keys(tally).sort()).toEqual(['count', 'date', 'detail', 'event', 'language', 'subject']);

    const stored = await dataFolderText(dataDir);
    // No question ids and no answer values (option ids) appear anywhere in the data folder.
    for (const value of [
      'school-child',
      'primary-secondary',
      'yi-jin-vtc',
      'textbook-assistance',
      'half',
      'aged-60',
      'not-sure',
      'cssa',
    ]) {
      expect(stored, value).not.toContain(value);
    }
  });
});

describe('dated evaluation from the core clock', () => {
  it("evaluates at the clock's day in Hong Kong, with the amount as of that day and the rules version", async () => {
    const cssaFamily = { 'school-child': 'primary-secondary', cssa: 'yes', 'aged-60': 'no' };
    const { handlers, setNow } = await setUp(new Date('2017-06-01T04:00:00Z'));
    const then = await handlers['eligibility.evaluate']({ answers: SFO_HALF, language: 'en' }, {});
    const byId = (result: typeof then, id: string) => result.results.find((entry) => entry.id === id)!;
    expect(then).toMatchObject({ rulesVersion: 'rules-2026.12', date: '2017-06-01' });
    expect(byId(then, 'internet-learning-support-programme')).toMatchObject({
      outcome: 'eligible',
      status: 'open',
    });
    // A Yi Jin household is asked about CSSA while the learning programme runs.
    const yiJin = await handlers['eligibility.next']({ answers: { 'school-child': 'yi-jin-vtc' } }, {});
    expect(yiJin).toMatchObject({ done: false, question: { id: 'cssa' } });

    // 2026-11-30T17:00Z is already 1 December in Hong Kong.
    setNow(new Date('2026-11-30T17:00:00Z'));
    const now = await handlers['eligibility.evaluate']({ answers: cssaFamily, language: 'en' }, {});
    expect(now.date).toBe('2026-12-01');
    expect(byId(now, 'internet-learning-support-programme')).toMatchObject({
      outcome: 'closed-would-have-qualified',
      status: 'closed',
    });
    expect(byId(now, 'internet-access-subsidy').amount).toMatchObject({
      parameter: 'cssa-rate',
      amount: 1300,
    });
    const full = await handlers['eligibility.evaluate'](
      { answers: { ...SFO_HALF, 'textbook-assistance': 'full' }, language: 'en' },
      {},
    );
    expect(byId(full, 'internet-access-subsidy').amount).toMatchObject({ amount: 1500, asOf: '2020-03-11' });
    // And after it closed: "would you have qualified?" still rests on the CSSA answer.
    const closedYiJin = await handlers['eligibility.next']({ answers: { 'school-child': 'yi-jin-vtc' } }, {});
    expect(closedYiJin).toMatchObject({ done: false, question: { id: 'cssa' } });
  });
});

describe('staff.programmes.status', () => {
  it('tallies by programme, outcome and month, and flags rules over 12 months old', async () => {
    const { handlers, setNow, newVisit } = await setUp(new Date('2026-11-27T04:00:00Z'));
    await handlers['eligibility.evaluate'](
      { answers: SFO_HALF, language: 'en', visit: await newVisit('en') },
      {},
    );
    await handlers['eligibility.evaluate'](
      { answers: SFO_HALF, language: 'zh-HK', visit: await newVisit('zh-HK') },
      {},
    );
    setNow(new Date('2026-12-02T04:00:00Z'));
    await handlers['eligibility.evaluate'](
      { answers: { 'school-child': 'no', 'aged-60': 'yes' }, language: 'en', visit: await newVisit('en') },
      {},
    );

    const fresh = await handlers['staff.programmes.status']({}, { staffSession: 'checked-by-core' });
    expect(fresh.tallies).toContainEqual({
      programmeId: 'internet-access-subsidy',
      outcome: 'eligible',
      month: '2026-11',
      count: 2,
    });
    expect(fresh.tallies).toContainEqual({
      programmeId: 'internet-access-subsidy',
      outcome: 'not-eligible',
      month: '2026-12',
      count: 1,
    });
    expect(fresh.tallies[0]?.month).toBe('2026-12');
    expect(fresh.programmes.every((programme) => !programme.stale)).toBe(true);
    expect(fresh.rulesVersion).toBe('rules-2026.12');

    setNow(new Date('2027-11-28T04:00:00Z'));
    const later = await handlers['staff.programmes.status']({}, { staffSession: 'checked-by-core' });
    expect(
      later.programmes.every((programme) => programme.stale && programme.rulesAsOf === '2026-11-27'),
    ).toBe(true);
  });
});
