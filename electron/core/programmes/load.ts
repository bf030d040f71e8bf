import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { withSimplifiedDeep } from '../content/localise';
import { KioskError } from '../errors';
import { questionsIn } from './engine';
import {
  ProgrammeSchema,
  QuestionSetSchema,
  type Condition,
  type Programme,
  type QuestionSet,
} from './schema';
import type { ProgrammeContent } from './schema';

/** Broken content is for the technician's log; a screen says only that the programmes cannot be shown. */
const CONTENT_BROKEN_REASON = { reason: 'errors.contentMissing' };

/**
 * Reads data/programmes/: `questions.json` (the check's questions, in asking order) and one file
 * per programme, `<id>.json`. Every file is schema-checked, then checked against the others (rules
 * only read questions that exist, with options that exist), then zh-CN is derived where missing.
 */

export const QUESTIONS_FILE = 'questions.json';

export type { ProgrammeContent };

async function readJson(file: string): Promise<unknown> {
  const text = await fs.readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KioskError(
      'internal',
      `${path.basename(file)} is not valid JSON: ${(error as Error).message}`,
      CONTENT_BROKEN_REASON,
    );
  }
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
    .join('; ');
  throw new KioskError('internal', `${file} does not match its schema: ${issues}`, CONTENT_BROKEN_REASON);
}

export async function loadProgrammeContent(contentDir: string): Promise<ProgrammeContent> {
  const folder = path.join(contentDir, 'programmes');
  const questions = parseOrThrow(
    QuestionSetSchema,
    await readJson(path.join(folder, QUESTIONS_FILE)),
    QUESTIONS_FILE,
  );
  const files = (await fs.readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && entry.name !== QUESTIONS_FILE)
    .map((entry) => entry.name)
    .sort();
  const programmes: Programme[] = [];
  for (const file of files) {
    const programme = parseOrThrow(ProgrammeSchema, await readJson(path.join(folder, file)), file);
    if (`${programme.id}.json` !== file)
      throw new KioskError(
        'internal',
        `${file} holds programme "${programme.id}"; name the file after its id.`,
        CONTENT_BROKEN_REASON,
      );
    programmes.push(programme);
  }
  const problems = crossCheck(questions, programmes);
  if (problems.length > 0)
    throw new KioskError(
      'internal',
      `Programme content is inconsistent: ${problems.join('; ')}`,
      CONTENT_BROKEN_REASON,
    );
  // Open first, then unknown, then closed, so the help that runs now leads every list.
  const rank = { open: 0, unknown: 1, closed: 2 } as const;
  programmes.sort((a, b) => rank[a.status] - rank[b.status] || a.order - b.order);
  return withSimplifiedDeep({ questions, programmes });
}

/** Checks that the files agree with each other; returns one line per problem. */
export function crossCheck(questions: QuestionSet, programmes: Programme[]): string[] {
  const problems: string[] = [];
  const byId = new Map(questions.questions.map((question) => [question.id, question]));
  if (byId.size !== questions.questions.length) problems.push('question ids repeat');
  const programmeIds = new Set(programmes.map((programme) => programme.id));
  if (programmeIds.size !== programmes.length) problems.push('programme ids repeat');

  const offices = new Set(questions.offices.map((office) => office.id));
  if (offices.size !== questions.offices.length) problems.push('office ids repeat');
  const office = (id: string | undefined, where: string) => {
    if (id !== undefined && !offices.has(id)) problems.push(`${where}: no office "${id}"`);
  };
  for (const question of questions.questions) office(question.settleOffice, `question ${question.id}`);

  for (const programme of programmes) {
    office(programme.route, programme.id);
    for (const rule of programme.rules.outcomes) office(rule.route, `${programme.id}/${rule.id}`);
    const ruleIds = programme.rules.outcomes.map((rule) => rule.id);
    if (new Set(ruleIds).size !== ruleIds.length) problems.push(`${programme.id}: rule ids repeat`);
    for (const rule of programme.rules.outcomes) {
      for (const leaf of leaves(rule.when)) {
        const where = `${programme.id}/${rule.id}`;
        if (leaf.op === 'always' || leaf.op === 'all' || leaf.op === 'any' || leaf.op === 'not') continue;
        const question = byId.get(leaf.question);
        if (!question) {
          problems.push(`${where}: no question "${leaf.question}"`);
          continue;
        }
        const optionIds = question.options.map((option) => option.id);
        if ((leaf.op === 'atLeast' || leaf.op === 'atMost') && question.kind !== 'range') {
          problems.push(
            `${where}: ${leaf.op} needs a range question, "${leaf.question}" is ${question.kind}`,
          );
        }
        const values = leaf.op === 'equals' ? [leaf.value] : leaf.op === 'in' ? leaf.values : [];
        for (const value of values)
          if (!optionIds.includes(value))
            problems.push(`${where}: "${leaf.question}" has no option "${value}"`);
      }
    }
    for (const target of programme.pointsTo) {
      const other = programmes.find((candidate) => candidate.id === target);
      if (!other) problems.push(`${programme.id}: points to unknown programme "${target}"`);
      else if (other.status === 'closed')
        problems.push(`${programme.id}: points to "${target}", which is closed`);
    }
  }
  const used = new Set(
    programmes.flatMap((programme) => programme.rules.outcomes.flatMap((rule) => questionsIn(rule.when))),
  );
  for (const question of questions.questions)
    if (!used.has(question.id)) problems.push(`question "${question.id}" is asked but no rule reads it`);
  return problems;
}

function leaves(condition: Condition): Condition[] {
  if (condition.op === 'all' || condition.op === 'any') return condition.of.flatMap(leaves);
  if (condition.op === 'not') return leaves(condition.of);
  return [condition];
}
