import { hongKongDateKey } from '../activity/schema';
import type { HandlersOf } from '../contract-method';
import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import type { Answers } from './engine';
import type { programmeMethods } from './contract';
import { nextQuestion } from './flow';
import type { ProgrammeContent } from './load';
import { NOT_SURE } from './schema';
import { ELIGIBILITY_EVENT, programmesStatus } from './staff-status';
import { detailView, evaluateAll, questionsView, stepView, summaryView } from './views';

/**
 * Programme pages and the eligibility check. The content is validated when it is loaded (wiring.ts
 * at start-up, ctx.replaceContent for a pack) and read from `ctx.content` at each call, so a pack
 * applied while the kiosk runs is what the next call answers from.
 *
 * Privacy: the answers are used inside the call and dropped. The only write is countEvent —
 * programme, outcome, language and day — never the answers or anything derived from one family.
 */
export async function createProgrammeHandlers(
  ctx: CoreContext,
): Promise<HandlersOf<typeof programmeMethods>> {
  const programmes = () => ctx.content.programmes;
  // The rules are evaluated at today's date in Hong Kong, from the core's injected clock.
  const today = () => hongKongDateKey(ctx.now());

  return {
    'programmes.list': async () => ({ programmes: programmes().programmes.map(summaryView) }),
    'programmes.get': async ({ id }) => {
      const content = programmes();
      const programme = content.programmes.find((candidate) => candidate.id === id);
      if (!programme)
        throw new KioskError('not_found', `There is no programme called ${id}.`, {
          reason: 'programmes.errors.programmeGone',
        });
      return detailView(programme, content.programmes);
    },
    'eligibility.questions': async () => questionsView(programmes()),
    'eligibility.next': async ({ answers }) => {
      const content = programmes();
      return stepView(nextQuestion(content, checkAnswers(content, answers), today()));
    },
    'eligibility.evaluate': async ({ answers, language, visit }) => {
      const content = programmes();
      const result = evaluateAll(content, checkAnswers(content, answers), today());
      // One at a time: the store serialises writes anyway, and this keeps the order predictable.
      // Once per programme and visit: checking again with other answers is the same family's check.
      const visits = ctx.visits;
      for (const programme of result.results) {
        await visits.count(visit, {
          event: ELIGIBILITY_EVENT,
          subject: programme.id,
          detail: programme.outcome,
          language,
        });
      }
      return result;
    },
    'staff.programmes.status': async () => {
      const content = programmes();
      return programmesStatus(
        content.programmes,
        ctx.activity.data.tallies,
        today(),
        content.questions.version,
      );
    },
  };
}

/** Answers must name real questions and real options; the message never echoes the answer. */
export function checkAnswers(content: ProgrammeContent, answers: Record<string, string>): Answers {
  for (const [questionId, value] of Object.entries(answers)) {
    const question = content.questions.questions.find((candidate) => candidate.id === questionId);
    if (!question)
      throw new KioskError('invalid_input', `There is no question called ${questionId}.`, {
        reason: 'programmes.errors.questionsChanged',
      });
    if (value !== NOT_SURE && !question.options.some((option) => option.id === value)) {
      throw new KioskError('invalid_input', `That is not one of the answers to ${questionId}.`, {
        reason: 'programmes.errors.questionsChanged',
      });
    }
  }
  return answers;
}
