import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { TraceNode } from '../../../../electron/core/programmes/engine';
import { nextQuestion } from '../../../../electron/core/programmes/flow';
import { loadProgrammeContent, type ProgrammeContent } from '../../../../electron/core/programmes/load';
import { NOT_SURE } from '../../../../electron/core/programmes/schema';
import { evaluateAll, type ProgrammeResult } from '../../../../electron/core/programmes/views';
import en from '../../../../renderer/src/programmes/locales/en.json';
import zhCN from '../../../../renderer/src/programmes/locales/zh-CN.json';
import zhHK from '../../../../renderer/src/programmes/locales/zh-HK.json';

const ILSP = 'internet-learning-support-programme';
const SUBSIDY = 'internet-access-subsidy';

/**
 * Every household path the question flow can take, walked from the first question over every
 * answer (including "not sure"), evaluated at a fixed day as the core would from its clock. For
 * each result, every reason must speak only of questions the visitor was asked.
 */

const CONTENT_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));
const DAY = '2026-12-01';
let content: ProgrammeContent;
beforeAll(async () => {
  content = await loadProgrammeContent(CONTENT_DIR);
});

/** Every finished set of answers the flow can reach. */
function allPaths(start: Record<string, string> = {}): Record<string, string>[] {
  const step = nextQuestion(content, start, DAY);
  if (step.done) return [start];
  const values = [...step.question.options.map((option) => option.id), NOT_SURE];
  return values.flatMap((value) => allPaths({ ...start, [step.question.id]: value }));
}

/** Every question under a trace node (a node's reason may speak of any of them). */
function questionsUnder(node: TraceNode): string[] {
  return node.children ? node.children.flatMap(questionsUnder) : node.question ? [node.question] : [];
}

function nodes(node: TraceNode): TraceNode[] {
  return [node, ...(node.children ?? []).flatMap(nodes)];
}

/** The reasons of a result that no asked-only source accounts for, in English. */
function unaccounted(result: ProgrammeResult, asked: string[]): string[] {
  const allowed = new Set<string>([content.questions.notAskedReason.en]);
  for (const rule of result.trace) {
    for (const node of nodes(rule.trace))
      if (node.reason && questionsUnder(node).every((question) => asked.includes(question)))
        allowed.add(node.reason.en);
  }
  const programme = content.programmes.find((candidate) => candidate.id === result.id)!;
  const note = programme.rules.outcomes.find((rule) => rule.id === result.decidedBy)?.note;
  if (note) allowed.add(note.en);
  return result.reasons.map((reason) => reason.en).filter((text) => !allowed.has(text));
}

describe('every household path through the check', () => {
  it('is walked, each path ends, and no two paths ask the same answers', () => {
    const paths = allPaths();
    console.log(`eligibility check: ${paths.length} household paths at ${DAY}`);
    expect(paths.length).toBeGreaterThan(1);
    const keys = paths.map((answers) => JSON.stringify(answers));
    expect(new Set(keys).size).toBe(paths.length);
    for (const answers of paths) {
      const { asked } = evaluateAll(content, answers, DAY);
      expect(asked.sort()).toEqual(Object.keys(answers).sort());
    }
  });

  it('gives every result a reason, and mentions only facts the visitor answered or was asked', () => {
    const problems: string[] = [];
    for (const answers of allPaths()) {
      const { results, asked } = evaluateAll(content, answers, DAY);
      for (const result of results) {
        const where = `${JSON.stringify(answers)} ${result.id}`;
        if (result.reasons.length === 0) problems.push(`${where}: no reason`);
        for (const text of unaccounted(result, asked)) problems.push(`${where}: "${text}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the check itself would catch a reason about a question never asked', () => {
    const [answers] = allPaths().filter((path) => !('cssa' in path));
    const { results, asked } = evaluateAll(content, answers!, DAY);
    const cssaUnknown = content.questions.questions.find((question) => question.id === 'cssa')!.unknownReason;
    const planted = { ...results[0]!, reasons: [...results[0]!.reasons, { ...cssaUnknown, 'zh-CN': '' }] };
    expect(unaccounted(planted, asked)).toEqual([cssaUnknown.en]);
  });
});

describe('what every path tells a family to do', () => {
  const locales = { en, 'zh-HK': zhHK, 'zh-CN': zhCN } as const;

  it('asks a Yi Jin / VTC household what decided the learning programme: "cannot tell" only after a "not sure"', () => {
    const yiJin = allPaths().filter((answers) => answers['school-child'] === 'yi-jin-vtc');
    expect(yiJin.length).toBeGreaterThan(0);
    for (const answers of yiJin) {
      const ilsp = evaluateAll(content, answers, DAY).results.find((result) => result.id === ILSP)!;
      if (ilsp.outcome === 'closed-cannot-tell')
        expect(Object.values(answers), JSON.stringify(answers)).toContain(NOT_SURE);
    }
    // And the family with CSSA is told it would have qualified.
    const cssa = yiJin.find((answers) => answers.cssa === 'yes')!;
    expect(evaluateAll(content, cssa, DAY).results.find((result) => result.id === ILSP)!.outcome).toBe(
      'closed-would-have-qualified',
    );
  });

  it('the learning programme never rests on an internet subsidy the subsidy result leaves open', () => {
    // It took CSSA and SFO-grant households; a Yi Jin one's subsidy is "ask the SWD / SFO".
    const problems: string[] = [];
    for (const answers of allPaths()) {
      const { results } = evaluateAll(content, answers, DAY);
      if (results.find((result) => result.id === SUBSIDY)!.outcome === 'eligible') continue;
      const ilsp = results.find((result) => result.id === ILSP)!;
      for (const reason of ilsp.reasons)
        if (/internet access subsidy/i.test(reason.en))
          problems.push(`${JSON.stringify(answers)}: ${reason.en}`);
    }
    expect(problems).toEqual([]);
  });

  it('names the deciding office of every result, in every language, with the phone FACTS gives', () => {
    for (const answers of allPaths()) {
      for (const result of evaluateAll(content, answers, DAY).results) {
        for (const route of [
          result.route,
          result.nearMiss?.route,
          ...result.settle.map((item) => item.route),
        ]) {
          if (!route) continue;
          for (const [language, words] of Object.entries(locales))
            expect(words.office, `${language} office ${route.office}`).toHaveProperty(route.office);
          expect(route.phone).toBe(route.office === 'sfo' ? '2802 2345' : null);
        }
        // A CSSA household's internet subsidy is the SWD's, never the SFO's.
        if (result.id === SUBSIDY && answers.cssa === 'yes')
          expect(result.route.office, JSON.stringify(answers)).toBe('swd');
      }
    }
  });

  it('never offers a near-miss about age, who lives at home or CSSA', () => {
    const fixed = new Set(
      content.questions.questions
        .filter((question) => !question.offerAsNearMiss)
        .map((question) => question.id),
    );
    expect([...fixed].sort()).toEqual(['aged-60', 'cssa', 'school-child']);
    for (const answers of allPaths())
      for (const result of evaluateAll(content, answers, DAY).results)
        if (result.nearMiss) expect(fixed.has(result.nearMiss.question), result.id).toBe(false);
  });

  it('says what would settle a "need more information" result, or which office decides it', () => {
    const problems: string[] = [];
    for (const answers of allPaths()) {
      for (const result of evaluateAll(content, answers, DAY).results) {
        if (result.outcome !== 'need-more-info' && result.outcome !== 'closed-cannot-tell') continue;
        // A rule like "Yi Jin / VTC: ask the SFO" sends the family to its office; else a "not sure" settles it.
        const rule = result.decidedBy !== null && result.outcome === 'need-more-info';
        if (!rule && result.settle.length === 0) problems.push(`${JSON.stringify(answers)} ${result.id}`);
        for (const item of result.settle) expect(answers[item.question]).toBe(NOT_SURE);
      }
    }
    expect(problems).toEqual([]);
  });

  it('counts the questions truthfully on every path: an exact count holds to the end, the most never grows', () => {
    for (const answers of allPaths()) {
      const order = evaluateAll(content, answers, DAY).asked;
      let most = Infinity;
      let exact: number | null = null;
      order.forEach((_question, index) => {
        const given = Object.fromEntries(order.slice(0, index).map((id) => [id, answers[id]!]));
        const step = nextQuestion(content, given, DAY);
        if (step.done) throw new Error('the walk ended early');
        expect(step.total).toBeLessThanOrEqual(most);
        most = step.total;
        if (exact !== null) expect(step.total).toBe(exact);
        if (step.exact) exact = step.total;
        // At the last question nothing else can follow: the count is a plain "n of n".
        if (index === order.length - 1) expect(step.exact, JSON.stringify(answers)).toBe(true);
        // A number shown while the path could still be shorter or longer would jump.
        if (index === 0) expect(step.exact).toBe(false);
      });
      expect(order.length).toBeLessThanOrEqual(most);
      if (exact !== null) expect(order.length).toBe(exact);
    }
  });
});
