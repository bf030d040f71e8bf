import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { TraceNode } from '../../../../electron/core/programmes/engine';
import { loadProgrammeContent, type ProgrammeContent } from '../../../../electron/core/programmes/load';
import { compareCase, loadCases, type EligibilityCase } from './case-runner';

const CONTENT_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));
const { cases } = loadCases();
let content: ProgrammeContent;
beforeAll(async () => {
  content = await loadProgrammeContent(CONTENT_DIR);
});

describe('eligibility cases (tests/fixtures/eligibility-cases.json)', () => {
  it('has at least 30 cases with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((entry) => entry.name)).size).toBe(cases.length);
  });

  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', (_name, testCase) => {
    expect(compareCase(content, testCase).mismatches).toEqual([]);
  });
});

describe('the cases cover every branch', () => {
  /** programme → leaf path → results seen; programme → rules that decided; programme → outcomes. */
  function coverage() {
    const leaves = new Map<string, Map<string, Set<string>>>();
    const rules = new Map<string, Set<string>>();
    const outcomes = new Map<string, Set<string>>();
    const walk = (programmeId: string, node: TraceNode, path: string) => {
      if (!node.children) {
        const seen = leaves.get(programmeId) ?? new Map<string, Set<string>>();
        seen.set(path, (seen.get(path) ?? new Set()).add(node.result));
        leaves.set(programmeId, seen);
      }
      node.children?.forEach((child, index) => walk(programmeId, child, `${path}.${index}`));
    };
    for (const testCase of cases) {
      for (const result of compareCase(content, testCase).result.results) {
        result.trace.forEach((rule) => walk(result.id, rule.trace, rule.rule));
        if (result.decidedBy) rules.set(result.id, (rules.get(result.id) ?? new Set()).add(result.decidedBy));
        outcomes.set(result.id, (outcomes.get(result.id) ?? new Set()).add(result.outcome));
      }
    }
    return { leaves, rules, outcomes };
  }

  it('every rule of every programme decides at least one case', () => {
    const { rules } = coverage();
    for (const programme of content.programmes) {
      expect([...(rules.get(programme.id) ?? [])].sort(), programme.id).toEqual(
        programme.rules.outcomes.map((rule) => rule.id).sort(),
      );
    }
  });

  it('every condition is seen both met and not met (and unknown where it reads an answer)', () => {
    const { leaves } = coverage();
    for (const programme of content.programmes) {
      for (const [path, seen] of leaves.get(programme.id) ?? []) {
        const always = programme.rules.outcomes.some((rule) => rule.id === path && rule.when.op === 'always');
        const wanted = always ? ['met'] : ['met', 'notMet', 'unknown'];
        expect([...seen].sort(), `${programme.id} ${path}`).toEqual(wanted.sort());
      }
    }
  });

  it('every outcome a programme can give appears', () => {
    const { outcomes } = coverage();
    const want: Record<string, string[]> = {
      'internet-access-subsidy': ['eligible', 'likely-eligible', 'not-eligible', 'need-more-info'],
      'elder-digital-support': ['eligible', 'not-eligible', 'need-more-info'],
      'wifi-hk': ['eligible'],
      // Eligible on a case dated while it still ran (2017-06-01).
      'internet-learning-support-programme': [
        'eligible',
        'closed-would-have-qualified',
        'closed-would-not-have-qualified',
        'closed-cannot-tell',
      ],
    };
    expect(Object.keys(want).sort()).toEqual(content.programmes.map((programme) => programme.id).sort());
    for (const [id, list] of Object.entries(want))
      expect([...(outcomes.get(id) ?? [])].sort(), id).toEqual([...list].sort());
  });

  it('only "not eligible" results carry a near-miss', () => {
    for (const testCase of cases) {
      for (const result of compareCase(content, testCase).result.results) {
        if (result.outcome !== 'not-eligible')
          expect(result.nearMiss, `${testCase.name} ${result.id}`).toBeNull();
      }
    }
  });
});

describe('cases are dated', () => {
  it('the same rules find the learning programme open on 2017-06-01 and closed on 2026-12-01', () => {
    const ilsp = (date: string) =>
      cases
        .filter((entry) => entry.date === date)
        .map((entry) => compareCase(content, entry).result.results)
        .map((results) => results.find((result) => result.id === 'internet-learning-support-programme')!);
    const then = ilsp('2017-06-01');
    const now = ilsp('2026-12-01');
    expect(then.length).toBeGreaterThan(0);
    expect(then.every((result) => result.status === 'open' && !result.outcome.startsWith('closed-'))).toBe(
      true,
    );
    expect(now.every((result) => result.status === 'closed' && result.outcome.startsWith('closed-'))).toBe(
      true,
    );
  });
});

describe('a case that expects the wrong thing fails', () => {
  const base = (): EligibilityCase =>
    structuredClone(cases.find((entry) => entry.name === 'SFO half-grant family')!);

  it('reports a wrong outcome', () => {
    const wrong = base();
    wrong.expect['internet-access-subsidy'] = 'not-eligible';
    const { mismatches } = compareCase(content, wrong);
    expect(mismatches).toEqual(['internet-access-subsidy: expected not-eligible, got eligible']);
    // And the assertion the case table uses would fail on it.
    expect(() => expect(mismatches).toEqual([])).toThrow();
  });

  it('reports a wrong deciding rule, a wrong near-miss and a wrong question path', () => {
    const wrong = base();
    wrong.expect['internet-access-subsidy'] = { outcome: 'eligible', decidedBy: 'sfo-full-grant' };
    wrong.expect['elder-digital-support'] = { outcome: 'not-eligible', nearMiss: 'cssa=yes' };
    wrong.asked = ['school-child'];
    const { mismatches } = compareCase(content, wrong);
    expect(mismatches).toHaveLength(3);
  });

  it('reports a programme the case forgot', () => {
    const wrong = base();
    delete wrong.expect['wifi-hk'];
    expect(compareCase(content, wrong).mismatches).toEqual(['wifi-hk: the case does not say what to expect']);
  });
});
