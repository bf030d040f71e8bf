import { randomUUID } from 'node:crypto';
import type { HandlersOf } from '../contract-method';
import type { CoreContent, CoreContext } from '../core-context';
import { KioskError } from '../errors';
import type { StoredDocument } from '../store/document';
import type { staffConsoleMethods } from './contract';
import { sessionCsvFiles } from './csv';
import {
  attendanceOf,
  summariseSession,
  type GroupSession,
  type GroupSessionsDoc,
  type Participant,
  type StepCounts,
} from './group-sessions';
import { notesProblem } from './session-notes';
import { reportNames } from './report-sections';
import { logStaffAction } from './staff-log';

/**
 * A group session's own record: creating it with its day and times, notes, the needs-help flag,
 * removing a participant, progress, closing, the summary and its CSV. Progress is measured
 * against the lessons' step counts in the content the core read (`ctx.content`), so "finished"
 * means every step, here and in the summary, the CSV and the reports.
 */

type GroupMethods = HandlersOf<typeof staffConsoleMethods>;
export type GroupSessionHandlers = Pick<
  GroupMethods,
  | 'staff.groups.create'
  | 'staff.groups.update'
  | 'staff.groups.participants.help'
  | 'staff.groups.participants.remove'
  | 'staff.groups.progress'
  | 'staff.groups.close'
  | 'staff.groups.summary'
  | 'staff.groups.export'
>;

const NOTES_REFUSED = {
  hkid: 'The notes hold what looks like an identity card number.',
  number: 'The notes hold a long number (an ID or phone number?).',
  email: 'The notes hold what looks like an e-mail address.',
} as const;

const stepCounts = new WeakMap<CoreContent, StepCounts>();

/**
 * Each lesson's step count in the content in use now. Call it at each use, never keep the
 * answer: a pack applied while the kiosk runs changes the lessons. Built once per content object.
 */
export function stepCountsOf(ctx: CoreContext): StepCounts {
  let counts = stepCounts.get(ctx.content);
  if (!counts) {
    counts = Object.fromEntries(
      ctx.content.lessons.lessons.map((lesson) => [lesson.id, lesson.steps.length]),
    );
    stepCounts.set(ctx.content, counts);
  }
  return counts;
}

/** Finding a session and changing an open one: shared by every group-session method. */
export function groupSessionAccess(groups: StoredDocument<GroupSessionsDoc>) {
  function sessionOrNotFound(doc: Readonly<GroupSessionsDoc>, id: string): GroupSession {
    const session = doc.sessions.find((s) => s.id === id);
    if (!session)
      throw new KioskError('not_found', 'There is no such group session on this kiosk.', {
        reason: 'staff-console.errors.sessionNotFound',
      });
    return session as GroupSession;
  }

  /** Changes one open session and returns it as saved. */
  async function changeOpenSession(
    id: string,
    change: (session: GroupSession) => void,
  ): Promise<GroupSession> {
    return groups.update((draft) => {
      const session = sessionOrNotFound(draft, id);
      if (session.status === 'closed')
        throw new KioskError('conflict', 'This session is closed; its record can no longer change.', {
          reason: 'staff-console.errors.sessionClosed',
        });
      change(session);
      return structuredClone(session);
    });
  }
  return { sessionOrNotFound, changeOpenSession };
}

function participantOrNotFound(session: GroupSession, participantId: string) {
  const participant = session.participants.find((p) => p.id === participantId);
  if (!participant)
    throw new KioskError('not_found', 'That participant is not on the list.', {
      reason: 'staff-console.errors.participantNotFound',
    });
  return participant;
}

export function createGroupSessionHandlers(ctx: CoreContext): GroupSessionHandlers {
  const groups = ctx.documents.groupSessions;
  // The content in use at each call: a pack may change the lessons while the kiosk runs.
  const steps = () => stepCountsOf(ctx);
  const { sessionOrNotFound, changeOpenSession } = groupSessionAccess(groups);

  return {
    'staff.groups.create': async ({
      title,
      date,
      startTime = null,
      endTime = null,
      place,
      facilitator = '',
      lessonIds,
    }) => {
      const unknown = lessonIds.find((id) => steps()[id] === undefined);
      if (unknown)
        throw new KioskError('invalid_input', `There is no lesson called ${unknown}.`, {
          reason: 'staff-console.errors.unknownLesson',
          params: { lesson: unknown },
        });
      if ((startTime === null) !== (endTime === null) || (startTime && endTime && endTime <= startTime))
        throw new KioskError('invalid_input', 'A session ends after it starts.', {
          reason: 'staff-console.errors.endBeforeStart',
        });
      const session: GroupSession = {
        id: randomUUID(),
        title,
        date,
        startTime,
        endTime,
        courseId: null,
        place,
        facilitator,
        lessonIds: [...new Set(lessonIds)],
        status: 'open',
        headCount: 0,
        participants: [],
        removed: { participants: 0, completedByLesson: {} },
        notes: '',
        createdAt: ctx.now().toISOString(),
        closedAt: null,
      };
      await groups.update((draft) => {
        draft.sessions.push(session);
      });
      await logStaffAction(ctx, 'session-created', `${date}, ${lessonIds.length} lesson(s)`, {
        date,
        lessons: lessonIds.length,
      });
      return session;
    },

    'staff.groups.update': async ({ id, headCount, notes }) => {
      const problem = notes === undefined ? null : notesProblem(notes);
      if (problem)
        throw new KioskError('invalid_input', NOTES_REFUSED[problem], {
          reason: `staff-console.errors.notes.${problem}`,
        });
      return changeOpenSession(id, (session) => {
        if (headCount !== undefined) session.headCount = headCount;
        if (notes !== undefined) session.notes = notes;
      });
    },

    'staff.groups.participants.help': async ({ id, participantId, needsHelp }) =>
      changeOpenSession(id, (session) => {
        markNeedsHelp(participantOrNotFound(session, participantId), needsHelp, ctx.now());
      }),

    'staff.groups.participants.remove': async ({ id, participantId }) =>
      changeOpenSession(id, (session) => {
        participantOrNotFound(session, participantId);
        // A correction: the person is gone from the list and from the counts.
        session.participants = session.participants.filter((p) => p.id !== participantId);
      }),

    'staff.groups.progress': async ({ id, participantId, lessonId, stepsDone }) =>
      changeOpenSession(id, (session) => {
        if (!session.lessonIds.includes(lessonId))
          throw new KioskError('invalid_input', 'That lesson is not one this session covers.', {
            reason: 'staff-console.errors.lessonNotInSession',
          });
        const targets = participantId
          ? [participantOrNotFound(session, participantId)]
          : session.participants;
        // Finished means every step: the lesson's own count decides, never the caller.
        const total = steps()[lessonId];
        const done = total === undefined ? stepsDone : Math.min(stepsDone, total);
        const completed = total !== undefined && done >= total;
        for (const participant of targets) {
          const entry = participant.progress.find((p) => p.lessonId === lessonId);
          if (entry) {
            entry.stepsDone = done;
            entry.completed = completed;
          } else participant.progress.push({ lessonId, stepsDone: done, completed });
        }
      }),

    'staff.groups.close': async ({ id }) => {
      const closed = await changeOpenSession(id, (session) => {
        session.status = 'closed';
        session.closedAt = ctx.now().toISOString();
        // A course session lists every member: only those ticked present raise the count.
        session.headCount = attendanceOf(session);
        // "Needs help" is for the class while it runs; a closed record keeps no flags.
        for (const participant of session.participants) markNeedsHelp(participant, false, ctx.now());
      });
      await logStaffAction(ctx, 'session-closed', `${closed.date}, attendance ${closed.headCount}`, {
        date: closed.date,
        attendance: closed.headCount,
      });
      return summariseSession(closed, steps());
    },

    'staff.groups.summary': async ({ id }) => summariseSession(sessionOrNotFound(groups.data, id), steps()),

    'staff.groups.export': async ({ id, language }) => {
      const summary = summariseSession(sessionOrNotFound(groups.data, id), steps());
      const files = sessionCsvFiles(summary, reportNames(ctx.content).lessons?.names ?? {}, language);
      await logStaffAction(ctx, 'export', `group session ${summary.date}: ${files.length} CSV file(s)`, {
        date: summary.date,
        files: files.length,
      });
      return { files };
    },
  };
}

/**
 * Sets or clears one participant's "needs help" flag with the time it was set: a second tap while
 * still waiting keeps their place in the class view's queue; clearing forgets the time.
 */
function markNeedsHelp(participant: Participant, needsHelp: boolean, now: Date): void {
  if (needsHelp && !participant.needsHelp) participant.needsHelpSince = now.toISOString();
  if (!needsHelp) delete participant.needsHelpSince;
  participant.needsHelp = needsHelp;
}
