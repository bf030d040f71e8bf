import {
  lessonStatus,
  removeParticipants,
  type Course,
  type CourseMember,
  type GroupSession,
  type GroupSessionsDoc,
  type Participant,
  type StepCounts,
} from './group-sessions';

/**
 * Courses (several sessions of one class) over the group-sessions document, as pure functions the
 * handlers run inside one update: a member consents once for the course and is listed in each of
 * its sessions under the same id, so attendance and finished lessons can be read across weeks.
 */

/** A course in the console's list: what it is and how far it has gone. */
export interface CourseListItem {
  id: string;
  title: string;
  place: string;
  facilitator: string;
  status: Course['status'];
  plannedSessions: number;
  sessions: number;
  members: number;
  /** The latest session's day, or null before the first. */
  lastDate: string | null;
  createdAt: string;
}

export interface CourseSessionRow {
  id: string;
  /** 1 for the course's first session by day and start time. */
  number: number;
  date: string;
  startTime: string | null;
  endTime: string | null;
  status: GroupSession['status'];
  lessonIds: string[];
  /** Members ticked present. */
  present: number;
  /** People there: the head count or those ticked present, whichever is more. */
  attendance: number;
}

/** present / absent at a session, or not on its list (joined the course after it, or withdrawn). */
export type AttendanceMark = 'present' | 'absent' | 'not-listed';

export interface CourseMemberRow {
  id: string;
  label: string;
  kind: CourseMember['kind'];
  consentAt: string;
  picsVersion: number;
  /** One mark per session, in the order of `sessions`. */
  attendance: AttendanceMark[];
  attended: number;
  /** Lessons finished (every step) in any session of the course, in the order of `lessonIds`. */
  finishedLessons: string[];
}

export interface CourseView {
  course: Course;
  sessions: CourseSessionRow[];
  members: CourseMemberRow[];
  /** The course's lessons, then any other lesson its sessions taught. */
  lessonIds: string[];
}

export function courseSessions(doc: Readonly<GroupSessionsDoc>, courseId: string): GroupSession[] {
  return doc.sessions
    .filter((session) => session.courseId === courseId)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        (a.startTime ?? '').localeCompare(b.startTime ?? '') ||
        a.createdAt.localeCompare(b.createdAt),
    );
}

export function listCourses(doc: Readonly<GroupSessionsDoc>): CourseListItem[] {
  return [...doc.courses]
    .sort((a, b) => a.status.localeCompare(b.status) * -1 || b.createdAt.localeCompare(a.createdAt))
    .map((course) => {
      const sessions = courseSessions(doc, course.id);
      return {
        id: course.id,
        title: course.title,
        place: course.place,
        facilitator: course.facilitator,
        status: course.status,
        plannedSessions: course.plannedSessions,
        sessions: sessions.length,
        members: course.members.length,
        lastDate: sessions.at(-1)?.date ?? null,
        createdAt: course.createdAt,
      };
    });
}

export function viewCourse(doc: Readonly<GroupSessionsDoc>, course: Course, steps: StepCounts): CourseView {
  const sessions = courseSessions(doc, course.id);
  const lessonIds = [...new Set([...course.lessonIds, ...sessions.flatMap((s) => s.lessonIds)])];
  return {
    course: structuredClone(course),
    lessonIds,
    sessions: sessions.map((session, index) => {
      const present = session.participants.filter((p) => p.present).length;
      return {
        id: session.id,
        number: index + 1,
        date: session.date,
        startTime: session.startTime,
        endTime: session.endTime,
        status: session.status,
        lessonIds: [...session.lessonIds],
        present,
        attendance: Math.max(session.headCount, present),
      };
    }),
    members: course.members.map((member) => {
      const listings = sessions.map((s) => s.participants.find((p) => p.id === member.id));
      const attendance = listings.map((p): AttendanceMark =>
        p ? (p.present ? 'present' : 'absent') : 'not-listed',
      );
      const finished = new Set(
        listings.flatMap((p) =>
          p
            ? p.progress
                .filter((entry) => lessonStatus(entry, steps[entry.lessonId]) === 'finished')
                .map((entry) => entry.lessonId)
            : [],
        ),
      );
      return {
        id: member.id,
        label: member.label,
        kind: member.kind,
        consentAt: member.consentAt,
        picsVersion: member.picsVersion,
        attendance,
        attended: attendance.filter((mark) => mark === 'present').length,
        finishedLessons: lessonIds.filter((id) => finished.has(id)),
      };
    }),
  };
}

/** A member as listed in one of the course's sessions: same id, the course's consent, not yet ticked. */
export function participantFromMember(member: CourseMember, present = false): Participant {
  return {
    id: member.id,
    kind: member.kind,
    label: member.label,
    consentAt: member.consentAt,
    picsVersion: member.picsVersion,
    progress: [],
    needsHelp: false,
    present,
  };
}

/**
 * Puts a new member on the course and on each of its open sessions (closed ones are a record of who
 * came). `presentAt` is a session they are at now, ticked present there.
 */
export function enrolMember(
  doc: GroupSessionsDoc,
  course: Course,
  member: CourseMember,
  presentAt?: string,
): void {
  course.members.push(member);
  for (const session of courseSessions(doc, course.id)) {
    if (session.status !== 'open' || session.participants.some((p) => p.id === member.id)) continue;
    session.participants.push(participantFromMember(member, session.id === presentAt));
  }
}

/**
 * Removes the members `remove` picks from the course and from every session of it, keeping counts
 * (the course's `removedMembers`, each session's removed participants and finished lessons).
 * Returns how many members went.
 */
export function removeMembers(
  doc: GroupSessionsDoc,
  course: Course,
  remove: (member: CourseMember) => boolean,
  steps: StepCounts = {},
): number {
  const leaving = new Set(course.members.filter(remove).map((member) => member.id));
  if (leaving.size === 0) return 0;
  course.members = course.members.filter((member) => !leaving.has(member.id));
  course.removedMembers += leaving.size;
  for (const session of courseSessions(doc, course.id))
    removeParticipants(session, (p) => leaving.has(p.id), steps);
  return leaving.size;
}

/** People on any list: each course member once, however many sessions list them, plus one-off participants. */
export function peopleListed(doc: Readonly<GroupSessionsDoc>): number {
  const members = new Set(doc.courses.flatMap((course) => course.members.map((member) => member.id)));
  let oneOff = 0;
  for (const session of doc.sessions)
    for (const p of session.participants) {
      if (session.courseId) members.add(p.id);
      else oneOff += 1;
    }
  return members.size + oneOff;
}
