import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProgrammeContent, type ProgrammeContent } from '../../../../electron/core/programmes/load';
import { evaluateAll } from '../../../../electron/core/programmes/views';
import { formatPhone } from '../../../../renderer/src/programmes/format';
import { isClosedOutcome, orderResults } from '../../../../renderer/src/programmes/outcome';
import {
  buildTakeAway,
  isActionable,
  nextStepOf,
  takeAwayText,
} from '../../../../renderer/src/programmes/take-away';
import { BRING_OFFICE_PHONE, BRING_ROUTES } from '../../../../renderer/src/programmes/what-to-bring';

const CONTENT_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));
let content: ProgrammeContent;
beforeAll(async () => {
  content = await loadProgrammeContent(CONTENT_DIR);
});

const words = { heading: 'Centre: Help you may get', rulesAsOf: (date: string) => `Rules as of ${date}` };
const cssaFamily = { 'school-child': 'primary-secondary', cssa: 'yes', 'aged-60': 'no' };

describe('formatPhone', () => {
  it('groups an 8-digit Hong Kong number in fours', () => {
    expect(formatPhone('28022345')).toBe('2802 2345');
    expect(formatPhone('2802 2345')).toBe('2802 2345');
  });
});

describe('orderResults', () => {
  it('puts what a family can get first and the closed programme last, without changing the input', () => {
    const { results } = evaluateAll(content, cssaFamily);
    const before = results.map((r) => r.id);
    const ordered = orderResults(results);
    expect(results.map((r) => r.id)).toEqual(before);
    expect(ordered.at(-1)?.status).toBe('closed');
    expect(ordered[0]?.outcome).toBe('eligible');
    const ranks = ordered.filter((r) => r.status !== 'closed').map((r) => r.outcome);
    expect(ranks.indexOf('not-eligible')).toBeGreaterThan(ranks.lastIndexOf('eligible'));
  });
});

describe('the take-away summary', () => {
  it('holds programme → outcome, where to go, phone numbers and the rules date', () => {
    const { results } = evaluateAll(content, cssaFamily);
    const takeAway = buildTakeAway(results, 'en', 'The staff here at Centre');
    const text = takeAwayText(takeAway, 'en', words);
    expect(text).toContain('Subsidy for Internet Access Charges: From your answers, you qualify');
    expect(text).toContain('2802 2345');
    expect(text).toContain('The staff here at Centre');
    expect(text).toContain('Rules as of 27 November 2026');
    expect(text).toContain('This programme has ended');
  });

  it('never holds an answer, a reason, a near-miss or a question', () => {
    const households: Record<string, string>[] = [
      cssaFamily,
      { 'school-child': 'no', 'aged-60': 'no' },
      { 'school-child': 'primary-secondary', cssa: 'no', 'textbook-assistance': 'half', 'aged-60': 'yes' },
    ];
    for (const answers of households) {
      const { results } = evaluateAll(content, answers);
      for (const language of ['en', 'zh-HK', 'zh-CN'] as const) {
        const text = takeAwayText(buildTakeAway(results, language, 'staff'), language, words);
        for (const result of results) {
          for (const reason of result.reasons) expect(text).not.toContain(reason[language]);
          if (result.nearMiss) expect(text).not.toContain(result.nearMiss.text[language]);
        }
        for (const question of content.questions.questions) {
          expect(text).not.toContain(question.id);
          for (const option of question.options) {
            expect(text).not.toContain(option.statement[language] ?? option.statement['zh-HK']);
          }
        }
        // Short enough for a QR code a phone reads easily.
        expect(new TextEncoder().encode(text).length).toBeLessThan(900);
      }
    }
  });

  it('lists places and documents only for programmes the family can act on', () => {
    const { results } = evaluateAll(content, { 'school-child': 'no', 'aged-60': 'no' });
    const takeAway = buildTakeAway(results, 'en', 'staff');
    for (const item of takeAway.items) {
      const result = results.find((r) => r.id === item.id)!;
      if (result.outcome === 'not-eligible' || isClosedOutcome(result.outcome)) {
        expect(item.places).toEqual([]);
        expect(item.documents).toEqual([]);
      }
    }
    // The kiosk's own hotspot screen means nothing on a slip of paper.
    expect(takeAway.items.flatMap((item) => item.places.map((place) => place.name))).not.toContain(
      'Find a Wi-Fi.HK hotspot on this kiosk',
    );
  });
});

describe('the printed slip', () => {
  it('carries the content version and, for what the family can act on, the amount with its date', () => {
    const { results, rulesVersion } = evaluateAll(content, cssaFamily, '2026-12-01');
    const takeAway = buildTakeAway(results, 'en', 'staff', rulesVersion);
    expect(takeAway.rulesVersion).toBe('rules-2026.12');
    const subsidy = takeAway.items.find((item) => item.id === 'internet-access-subsidy')!;
    const result = results.find((r) => r.id === 'internet-access-subsidy')!;
    expect(subsidy.amount).toEqual({ amount: result.amount!.amount, asOf: result.amount!.asOf });
    // Nothing to act on, no amount: the ended programme never shows one.
    const ended = takeAway.items.find((item) => item.id === 'internet-learning-support-programme')!;
    expect(ended.amount).toBeNull();
  });
});

describe('nextStepOf', () => {
  it('leads with the most useful result the family can act on, taken to the office that decides it', () => {
    const cssa = nextStepOf(evaluateAll(content, cssaFamily, '2026-12-01').results)!;
    expect(cssa.id).toBe('internet-access-subsidy');
    expect(cssa.route.office).toBe('swd');
    const halfGrant = nextStepOf(
      evaluateAll(
        content,
        { 'school-child': 'primary-secondary', cssa: 'no', 'textbook-assistance': 'half', 'aged-60': 'no' },
        '2026-12-01',
      ).results,
    )!;
    expect(halfGrant.route).toEqual({ office: 'sfo', phone: '2802 2345' });
  });

  it('passes over a result only the centre staff can help with when another office decides one', () => {
    const elder = nextStepOf(
      evaluateAll(content, { 'school-child': 'no', 'aged-60': 'yes' }, '2026-12-01').results,
    )!;
    expect(elder.route.office).not.toBe('centre-staff');
    expect(isActionable(elder)).toBe(true);
  });

  it('is null when nothing can be acted on', () => {
    const none = evaluateAll(content, cssaFamily, '2026-12-01').results.map((r) => ({
      ...r,
      outcome: 'not-eligible' as const,
    }));
    expect(nextStepOf(none)).toBeNull();
  });
});

describe('what to bring', () => {
  it('lists every route whatever the answers, each document and office worded in all three languages', () => {
    const locales = Object.fromEntries(
      (['en', 'zh-HK', 'zh-CN'] as const).map((language) => [
        language,
        JSON.parse(
          readFileSync(
            fileURLToPath(
              new URL(`../../../../renderer/src/programmes/locales/${language}.json`, import.meta.url),
            ),
            'utf8',
          ),
        ) as {
          bring: {
            route: Record<string, string>;
            document: Record<string, string>;
            office: Record<string, string>;
          };
        },
      ]),
    );
    expect(BRING_ROUTES.map((route) => route.id)).toEqual(['cssa', 'sfo-grant', 'sfo-apply', 'yi-jin-vtc']);
    for (const { bring } of Object.values(locales)) {
      for (const route of BRING_ROUTES) {
        expect(bring.route[route.id]).toBeTruthy();
        expect(bring.office[route.office]).toBeTruthy();
        for (const document of route.documents) expect(bring.document[document]).toBeTruthy();
      }
    }
    expect(locales.en!.bring.document['cssa-certificate']).toContain('certificate of CSSA recipients');
  });

  it('gives the SFO the phone the core routes to, and no number FACTS does not confirm', () => {
    const sfo = content.questions.offices.find((office) => office.id === 'sfo')!;
    expect(BRING_OFFICE_PHONE.sfo).toBe(sfo.phone);
    const swd = content.questions.offices.find((office) => office.id === 'swd')!;
    expect(BRING_OFFICE_PHONE.swd).toBe(swd.phone ?? null);
  });
});
