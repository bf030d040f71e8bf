import type { Period } from '../../shared/period';
import {
  attendanceOf,
  durationMinutes,
  lessonStatus,
  type Course,
  type GroupSession,
  type Participant,
  type StepCounts,
} from './group-sessions';

/**
 * The funder's figures over group sessions and courses, still without identities: pure functions
 * of the sessions, courses and lesson step counts, so the hand-counted tests can check each one.
 * What each figure counts is said in words on the report (`staff-console.reports.define.*`); the
 * definitions below are the same ones, written for whoever changes the code.
 */

/**
 * Those ticked present at a session. A course session lists every member of the course; only
 * those ticked came. (A one-off session's participants are added as they come, so are all present.)
 * A session's attendance is `attendanceOf`: the head count, or those present when more.
 */
export function presentAt(session: Pick<GroupSession, 'participants'>): Participant[] {
  return session.participants.filter((p) => p.present);
}

/**
 * A person, as far as the records can tell one apart: by their resume code, which is the same
 * code in every session and course they use it in; otherwise by their participant id, which in a
 * course is the member's id (the same in each of its sessions) and in a one-off session is its own.
 * So the same nickname in two courses is two people: nothing says it is one.
 */
export function personKey(participant: Pick<Participant, 'id' | 'kind' | 'label'>): string {
  return participant.kind === 'resume-code' ? `code:${participant.label}` : `id:${participant.id}`;
}

/** Hours to two decimals: figures shown and exported, and totals summed from them. */
export function hours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

const inPeriod = (period: Period) => (s: Pick<GroupSession, 'date'>) =>
  s.date >= period.from && s.date <= period.to;

/** By date, then start time (untimed last), then title: the order every table lists sessions in. */
export function bySessionOrder(a: GroupSession, b: GroupSession): number {
  return (
    a.date.localeCompare(b.date) ||
    (a.startTime ?? '99').localeCompare(b.startTime ?? '99') ||
    a.title.localeCompare(b.title)
  );
}

export interface SessionFigures {
  id: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  /** End minus start; null for a session without times (counted apart, no learning hours). */
  minutes: number | null;
  title: string;
  /** The course's title, or null for a one-off session (or a course no longer on the kiosk). */
  course: string | null;
  place: string;
  status: GroupSession['status'];
  attendance: number;
  /** Participants listed and ticked present, and listed in all (a course session lists every member). */
  present: number;
  listed: number;
  /** Attendance × length, in hours; 0 without times. */
  learningHours: number;
  /** Lessons the session covers. */
  lessons: number;
  /** Lessons finished (every step) by those present, and by people removed since (counts kept). */
  lessonsCompleted: number;
}

/**
 * A lesson a participant finished in a session counts once: finished means every step of it was
 * done (lessonStatus). Participants a wipe, purge or withdrawal removed still count, through the
 * counts the session kept of what they finished.
 */
export function lessonsCompletedAt(session: GroupSession, steps: StepCounts): number {
  const listed = presentAt(session).reduce(
    (sum, p) =>
      sum +
      session.lessonIds.filter(
        (lessonId) =>
          lessonStatus(
            p.progress.find((entry) => entry.lessonId === lessonId),
            steps[lessonId],
          ) === 'finished',
      ).length,
    0,
  );
  const removed = Object.values(session.removed.completedByLesson).reduce((sum, n) => sum + n, 0);
  return listed + removed;
}

export function sessionFigures(
  session: GroupSession,
  courses: ReadonlyMap<string, Course>,
  steps: StepCounts,
): SessionFigures {
  const minutes = durationMinutes(session);
  const attendance = attendanceOf(session);
  return {
    id: session.id,
    date: session.date,
    startTime: session.startTime,
    endTime: session.endTime,
    minutes,
    title: session.title,
    course: (session.courseId && courses.get(session.courseId)?.title) ?? null,
    place: session.place,
    status: session.status,
    attendance,
    present: presentAt(session).length,
    listed: session.participants.length,
    learningHours: minutes === null ? 0 : hours(attendance * minutes),
    lessons: session.lessonIds.length,
    lessonsCompleted: lessonsCompletedAt(session, steps),
  };
}

export interface CourseFigures {
  id: string;
  title: string;
  /** The course's sessions held in the period, and how many the course plans in all. */
  sessions: number;
  plannedSessions: number;
  /** Members on the course now, plus those withdrawn, purged or wiped (kept as a count). */
  members: number;
  /** Different people present at one or more of the course's sessions in the period. */
  uniqueParticipants: number;
  /** Present ticks over the course's sessions in the period: one person at four sessions is four. */
  attendances: number;
  /** Members listed over the same sessions: the denominator of the attendance rate. */
  listed: number;
  /** attendances ÷ listed as a whole percentage; null when no session listed anyone. */
  attendanceRate: number | null;
  learningHours: number;
  lessonsCompleted: number;
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

export interface GroupFigures {
  sessions: SessionFigures[];
  courses: CourseFigures[];
  /** Sessions held in the period without a start or end time: in no learning-hours figure. */
  untimedSessions: number;
  /**
   * People present in the period: new when present at no group session before the period began,
   * returning when they were. Each person is counted once, in their first session of the period.
   */
  newParticipants: number;
  returningParticipants: number;
}

/**
 * Every group figure for a period. Sessions of a course that is no longer on the kiosk still
 * count as sessions, under no course.
 */
export function groupFigures(
  allSessions: readonly GroupSession[],
  allCourses: readonly Course[],
  period: Period,
  steps: StepCounts,
): GroupFigures {
  const courseById = new Map(allCourses.map((course) => [course.id, course]));
  const held = allSessions.filter(inPeriod(period)).sort(bySessionOrder);
  const sessions = held.map((s) => sessionFigures(s, courseById, steps));

  const courses: CourseFigures[] = [];
  for (const course of allCourses) {
    const own = held.filter((s) => s.courseId === course.id);
    if (own.length === 0) continue;
    const figures = sessions.filter((s) => own.some((o) => o.id === s.id));
    const attendances = figures.reduce((sum, s) => sum + s.present, 0);
    const listed = figures.reduce((sum, s) => sum + s.listed, 0);
    courses.push({
      id: course.id,
      title: course.title,
      sessions: own.length,
      plannedSessions: course.plannedSessions,
      members: course.members.length + course.removedMembers,
      uniqueParticipants: new Set(own.flatMap((s) => presentAt(s).map(personKey))).size,
      attendances,
      listed,
      attendanceRate: rate(attendances, listed),
      // Summed from the sessions' own figures, so the course, its sessions and the CSV's totals agree.
      learningHours: Math.round(figures.reduce((sum, s) => sum + s.learningHours, 0) * 100) / 100,
      lessonsCompleted: figures.reduce((sum, s) => sum + s.lessonsCompleted, 0),
    });
  }
  courses.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));

  const seenBefore = new Set(
    allSessions.filter((s) => s.date < period.from).flatMap((s) => presentAt(s).map(personKey)),
  );
  const inThePeriod = new Set(held.flatMap((s) => presentAt(s).map(personKey)));
  const returning = [...inThePeriod].filter((key) => seenBefore.has(key)).length;

  return {
    sessions,
    courses,
    untimedSessions: sessions.filter((s) => s.minutes === null).length,
    newParticipants: inThePeriod.size - returning,
    returningParticipants: returning,
  };
}
