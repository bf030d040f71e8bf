import type { ProgrammeContent } from '../../../../electron/core/programmes/load';
import type {
  Condition,
  Programme,
  Question,
  QuestionSet,
  Reason,
} from '../../../../electron/core/programmes/schema';

/** Small hand-made content for engine and flow tests, independent of the shipped data. */

export const text = (en: string) => ({ 'zh-HK': `（${en}）`, en });
export const reason = (name: string): Reason => ({
  met: text(`${name} met`),
  notMet: text(`${name} not met`),
});

function yesNo(id: string): Question {
  return {
    id,
    kind: 'yes-no',
    text: text(`${id}?`),
    options: [
      { id: 'yes', label: text('Yes'), statement: text(`${id} is yes`) },
      { id: 'no', label: text('No'), statement: text(`${id} is no`) },
    ],
    unknownReason: text(`${id} unknown`),
    settle: text(`ask about ${id}`),
    settleOffice: 'office-a',
    offerAsNearMiss: true,
  };
}

export const questionSet: QuestionSet = {
  version: 'rules-2026.01',
  asOf: '2026-01-01',
  collectionStatement: text('Nothing is kept.'),
  nearMissTemplate: { 'zh-HK': '如果{statement}，或可以。', en: 'If {statement}, you may qualify.' },
  notAskedReason: text('not asked'),
  offices: [{ id: 'office-a', phone: '2802 2345' }, { id: 'office-b' }],
  questions: [
    yesNo('a'),
    yesNo('b'),
    {
      id: 'colour',
      kind: 'choice',
      text: text('Colour?'),
      options: ['red', 'green', 'blue'].map((id) => ({
        id,
        label: text(id),
        statement: text(`the colour is ${id}`),
      })),
      unknownReason: text('colour unknown'),
      settle: text('look at it'),
      offerAsNearMiss: true,
    },
    {
      id: 'income',
      kind: 'range',
      text: text('Income range?'),
      options: [
        { id: 'low', label: text('under 10k'), statement: text('income is under 10k'), max: 9999 },
        {
          id: 'mid',
          label: text('10k to 20k'),
          statement: text('income is 10k to 20k'),
          min: 10000,
          max: 20000,
        },
        { id: 'high', label: text('over 20k'), statement: text('income is over 20k'), min: 20001 },
      ],
      unknownReason: text('income unknown'),
      settle: text('ask the tax office'),
      settleOffice: 'office-b',
      offerAsNearMiss: true,
    },
    yesNo('c'),
  ],
};

export const questions = new Map(questionSet.questions.map((question) => [question.id, question]));

export const eq = (question: string, value: string): Condition => ({
  op: 'equals',
  question,
  value,
  reason: reason(`${question}=${value}`),
});

export function programme(
  id: string,
  outcomes: Programme['rules']['outcomes'],
  status: Programme['status'] = 'open',
): Programme {
  return {
    id,
    order: 1,
    title: text(id),
    summary: text('summary'),
    whoItHelps: text('who'),
    whatYouGet: [text('what')],
    howToApply: [],
    documents: [],
    whereToGo: [{ kind: 'centre-staff', name: text('staff') }],
    status,
    statusNote: status === 'closed' ? text('ended') : undefined,
    validFrom: '2020',
    validTo: status === 'closed' ? '2021-01-01' : null,
    asOf: '2026-01-01',
    sources: [{ title: text('source'), url: 'https://example.org/rules' }],
    facts: [],
    pointsTo: [],
    parameters: [],
    route: 'office-b',
    rules: {
      asOf: '2026-01-01',
      sources: [{ title: text('source'), url: 'https://example.org/rules' }],
      outcomes,
    },
  };
}

export function content(programmes: Programme[]): ProgrammeContent {
  return { questions: questionSet, programmes };
}
