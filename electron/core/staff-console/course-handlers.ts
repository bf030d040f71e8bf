import { randomUUID } from 'node:crypto';
import type { HandlersOf } from '../contract-method';
import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import type { courseMethods } from './course-contract';
import {
  courseSessions,
  enrolMember,
  listCourses,
  participantFromMember,
  removeMembers,
  viewCourse,
} from './courses';
import { groupSessionAccess, stepCountsOf } from './group-handlers';
import {
  MAX_COURSES,
  PICS_VERSION,
  type Course,
  type CourseMember,
  type GroupSession,
  type GroupSessionsDoc,
} from './group-sessions';
import { keptParticipantLabel, refuseOnList } from './participant-label';
import { logStaffAction } from './staff-log';

function courseOrNotFound(doc: Readonly<GroupSessionsDoc>, id: string): Course {
  const course = doc.courses.find((c) => c.id === id);
  if (!course)
    throw new KioskError('not_found', 'There is no such course on this kiosk.', {
      reason: 'staff-console.errors.courseNotFound',
    });
  return course as Course;
}

/** A course that may still change: members join it and sessions are added only while it is open. */
function openCourse(doc: GroupSessionsDoc, id: string): Course {
  const course = courseOrNotFound(doc, id);
  if (course.status === 'closed')
    throw new KioskError('conflict', 'This course is closed.', {
      reason: 'staff-console.errors.courseClosed',
      params: { title: course.title },
    });
  return course;
}

/**
 * Someone added at a course session joins the course (consent once, for all its sessions) and is
 * ticked present at this one. Returns the session as saved.
 */
export async function joinCourseAtSession(
  ctx: CoreContext,
  sessionId: string,
  kind: CourseMember['kind'],
  kept: string,
): Promise<GroupSession> {
  return ctx.documents.groupSessions.update((draft) => {
    const session = draft.sessions.find((s) => s.id === sessionId && s.courseId);
    if (!session)
      throw new KioskError('not_found', 'There is no such group session on this kiosk.', {
        reason: 'staff-console.errors.sessionNotFound',
      });
    if (session.status === 'closed')
      throw new KioskError('conflict', 'This session is closed; its record can no longer change.', {
        reason: 'staff-console.errors.sessionClosed',
      });
    const course = openCourse(draft, session.courseId!);
    refuseOnList(course.members, kept);
    const member = {
      id: randomUUID(),
      kind,
      label: kept,
      consentAt: ctx.now().toISOString(),
      picsVersion: PICS_VERSION,
    };
    enrolMember(draft, course, member, session.id);
    return structuredClone(session);
  });
}

/**
 * Courses: several sessions of one class, whose members consent once for the course and are
 * listed in each session under the same id; attendance is one tap per person per session.
 */
export function createCourseHandlers(ctx: CoreContext): HandlersOf<typeof courseMethods> {
  const groups = ctx.documents.groupSessions;
  // The content in use at each call: a pack may change the lessons while the kiosk runs.
  const steps = () => stepCountsOf(ctx);
  const { changeOpenSession } = groupSessionAccess(groups);

  function refuseUnknownLessons(lessonIds: readonly string[]): void {
    const unknown = lessonIds.find((id) => steps()[id] === undefined);
    if (unknown)
      throw new KioskError('invalid_input', `There is no lesson called ${unknown}.`, {
        reason: 'staff-console.errors.unknownLesson',
        params: { lesson: unknown },
      });
  }

  return {
    'staff.courses.list': async () => ({ courses: listCourses(groups.data) }),

    'staff.courses.create': async ({ title, place, facilitator = '', lessonIds, plannedSessions }) => {
      refuseUnknownLessons(lessonIds);
      const course: Course = {
        id: randomUUID(),
        title,
        place,
        facilitator,
        lessonIds: [...new Set(lessonIds)],
        plannedSessions,
        status: 'open',
        members: [],
        removedMembers: 0,
        createdAt: ctx.now().toISOString(),
        closedAt: null,
      };
      await groups.update((draft) => {
        if (draft.courses.length >= MAX_COURSES)
          throw new KioskError('conflict', `The kiosk keeps at most ${MAX_COURSES} courses.`, {
            reason: 'staff-console.errors.courseListFull',
            params: { max: MAX_COURSES },
          });
        draft.courses.push(course);
      });
      await logStaffAction(
        ctx,
        'course-created',
        `${plannedSessions} session(s) planned, ${course.lessonIds.length} lesson(s)`,
        { sessions: plannedSessions, lessons: course.lessonIds.length },
      );
      return course;
    },

    'staff.courses.get': async ({ id }) =>
      viewCourse(groups.data, courseOrNotFound(groups.data, id), steps()),

    'staff.courses.close': async ({ id }) => {
      const view = await groups.update((draft) => {
        const course = openCourse(draft, id);
        const open = courseSessions(draft, id).find((session) => session.status === 'open');
        if (open)
          throw new KioskError('conflict', 'Close the course’s open session first.', {
            reason: 'staff-console.errors.courseSessionOpen',
          });
        course.status = 'closed';
        course.closedAt = ctx.now().toISOString();
        return viewCourse(draft, course, steps());
      });
      await logStaffAction(
        ctx,
        'course-closed',
        `${view.sessions.length} session(s), ${view.members.length} member(s)`,
        { sessions: view.sessions.length, members: view.members.length },
      );
      return view;
    },

    'staff.courses.members.add': async ({ id, kind, label, presentAt }) => {
      const kept = keptParticipantLabel(kind, label);
      return groups.update((draft) => {
        const course = openCourse(draft, id);
        refuseOnList(course.members, kept);
        if (
          presentAt !== undefined &&
          !courseSessions(draft, id).some((s) => s.id === presentAt && s.status === 'open')
        )
          throw new KioskError('not_found', 'That is not an open session of this course.', {
            reason: 'staff-console.errors.sessionNotFound',
          });
        enrolMember(
          draft,
          course,
          {
            id: randomUUID(),
            kind,
            label: kept,
            consentAt: ctx.now().toISOString(),
            picsVersion: PICS_VERSION,
          },
          presentAt,
        );
        return viewCourse(draft, course, steps());
      });
    },

    'staff.courses.members.withdraw': async ({ id, memberId }) =>
      groups.update((draft) => {
        // Withdrawing consent works on a closed course too: it is the person's right at any time.
        const course = courseOrNotFound(draft, id);
        if (removeMembers(draft, course, (member) => member.id === memberId, steps()) === 0)
          throw new KioskError('not_found', 'That person is not a member of this course.', {
            reason: 'staff-console.errors.participantNotFound',
          });
        return viewCourse(draft, course, steps());
      }),

    'staff.courses.sessions.add': async ({ courseId, date, startTime, endTime, lessonIds }) => {
      refuseUnknownLessons(lessonIds);
      if (endTime <= startTime)
        throw new KioskError('invalid_input', 'A session ends after it starts.', {
          reason: 'staff-console.errors.endBeforeStart',
        });
      const session = await groups.update((draft) => {
        const course = openCourse(draft, courseId);
        const added: GroupSession = {
          id: randomUUID(),
          title: course.title,
          date,
          startTime,
          endTime,
          courseId,
          place: course.place,
          facilitator: course.facilitator,
          lessonIds: [...new Set(lessonIds)],
          status: 'open',
          headCount: 0,
          participants: course.members.map((member) => participantFromMember(member)),
          removed: { participants: 0, completedByLesson: {} },
          notes: '',
          createdAt: ctx.now().toISOString(),
          closedAt: null,
        };
        draft.sessions.push(added);
        return structuredClone(added);
      });
      await logStaffAction(ctx, 'session-created', `${date}, ${lessonIds.length} lesson(s)`, {
        date,
        lessons: session.lessonIds.length,
      });
      return session;
    },

    'staff.groups.attendance': async ({ id, participantId, present }) =>
      changeOpenSession(id, (session) => {
        const participant = session.participants.find((p) => p.id === participantId);
        if (!participant)
          throw new KioskError('not_found', 'That participant is not on the list.', {
            reason: 'staff-console.errors.participantNotFound',
          });
        participant.present = present;
      }),
  };
}
