import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { TraceNode } from '../../../../electron/core/programmes/engine';
import { nextQuestion } from '../../../../electron/core/programmes/flow';
import { loadProgrammeContent, type ProgrammeContent } from '../../../../electron/core/programmes/load';
import { NOT_SURE } from '../../../../electron/core/programmes/schema';
import { evaluateAll, type ProgrammeResult } from '../../../../electron/core/programmes/views';

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
