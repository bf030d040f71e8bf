import { z } from 'zod';
import { DateKeySchema } from '../activity/schema';
import { DEFAULT_RETENTION_DAYS } from '../lessons/resume-codes';
import type { Migration } from '../store/document-schema';

/**
 * Guided group sessions (group-sessions.json): what a social worker ran, where, which lessons,
 * how many came. A participant list is optional and holds a nickname or a resume code only,
 * agreed to after the collection statement (PICS); it is purged after the retention period,
 * leaving counts behind so the figures stay whole.
 */

/** Bump when the collection statement's wording changes, so each consent says which one was shown. */
export const PICS_VERSION = 1;
export const MAX_PARTICIPANTS = 200;
export const MAX_HEAD_COUNT = 500;
export const MAX_NOTES = 2000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const LessonId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);

export const LessonProgressSchema = z.object({
  lessonId: LessonId,
  stepsDone: z.number().int().min(0).max(50),
  completed: z.boolean(),
});
export type LessonProgress = z.infer<typeof LessonProgressSchema>;

export const ParticipantSchema = z.object({
  /** In a course, the course member's id: the same person in every session of the course. */
  id: z.string().min(1).max(40),
  kind: z.enum(['nickname', 'resume-code']),
  label: z.string().min(1).max(24),
  /**
   * When the participant agreed to the PICS on screen (in a course: when they agreed for the
   * course): the retention period runs from here.
   */
  consentAt: z.string().datetime(),
  picsVersion: z.number().int().min(1),
  progress: z.array(LessonProgressSchema),
  /** Flagged "needs help" by the facilitator with one tap; cleared when the session closes. */
  needsHelp: z.boolean(),
  /**
   * When the flag was set, so the class view lists who has waited longest first; absent while
   * not flagged (and on flags set before this was kept, which then count as the oldest).
   */
  needsHelpSince: z.string().datetime().optional(),
  /**
   * Here at this session. A one-off session's participants are added as they come, so are here;
   * a course session lists every member and attendance is ticked one tap each.
   */
  present: z.boolean(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** A Hong Kong clock time, HH:MM (24-hour). */
export const TimeOfDaySchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/);

export const GroupSessionSchema = z.object({
  id: z.string().min(8).max(40),
  title: z.string().min(1).max(80),
  date: DateKeySchema,
  /** Start and end in Hong Kong time; null on sessions recorded before times were asked. */
  startTime: TimeOfDaySchema.nullable(),
  endTime: TimeOfDaySchema.nullable(),
  /** The course this session belongs to, or null for a one-off session. */
  courseId: z.string().min(8).max(40).nullable(),
  place: z.string().max(80),
  facilitator: z.string().max(60),
  lessonIds: z.array(LessonId).min(1).max(12),
  status: z.enum(['open', 'closed']),
  /** People present; never below the number of listed participants. */
  headCount: z.number().int().min(0).max(MAX_HEAD_COUNT),
  participants: z.array(ParticipantSchema).max(MAX_PARTICIPANTS),
  /** What purges and wipes removed, as counts only: completion figures survive the list. */
  removed: z.object({
    participants: z.number().int().min(0),
    completedByLesson: z.record(z.string(), z.number().int().min(0)),
  }),
  notes: z.string().max(MAX_NOTES),
  createdAt: z.string().datetime(),
  closedAt: z.string().datetime().nullable(),
});
export type GroupSession = z.infer<typeof GroupSessionSchema>;

export const MAX_COURSES = 200;

/** A person on a course: consent is asked once for the whole course, with the statement's version. */
export const CourseMemberSchema = z.object({
  id: z.string().min(1).max(40),
  kind: z.enum(['nickname', 'resume-code']),
  label: z.string().min(1).max(24),
  consentAt: z.string().datetime(),
  picsVersion: z.number().int().min(1),
});
export type CourseMember = z.infer<typeof CourseMemberSchema>;

/**
 * A course: several sessions of one class ("Smartphone basics, 4 weeks"). Members and their
 * consent carry over to each session of the course; withdrawing consent removes the member from
 * the course and from its sessions, keeping counts as a purge does.
 */
export const CourseSchema = z.object({
  id: z.string().min(8).max(40),
  title: z.string().min(1).max(80),
  place: z.string().max(80),
  facilitator: z.string().max(60),
  /** The lessons the course teaches; each session picks its own from these or others. */
  lessonIds: z.array(LessonId).min(1).max(24),
  /** How many sessions are planned (a 4-week course: 4); sessions may be added beyond it. */
  plannedSessions: z.number().int().min(1).max(52),
  status: z.enum(['open', 'closed']),
  members: z.array(CourseMemberSchema).max(MAX_PARTICIPANTS),
  /** Members withdrawn, purged or wiped, as a count: the course's figures stay whole. */
  removedMembers: z.number().int().min(0),
  createdAt: z.string().datetime(),
  closedAt: z.string().datetime().nullable(),
});
export type Course = z.infer<typeof CourseSchema>;

export const GROUP_SESSIONS_SCHEMA_VERSION = 2;
export const GroupSessionsDocSchema = z.object({
  schemaVersion: z.literal(GROUP_SESSIONS_SCHEMA_VERSION),
  /** Days participant lists (and resume codes) are kept; set by staff in Data care. */
  retentionDays: z.number().int().min(1).max(730),
  /** When the last retention purge ran (start-up or daily), or null before the first. */
  lastPurgeAt: z.string().datetime().nullable(),
  sessions: z.array(GroupSessionSchema),
  courses: z.array(CourseSchema).max(MAX_COURSES),
});
export type GroupSessionsDoc = z.infer<typeof GroupSessionsDocSchema>;

export function defaultGroupSessionsDoc(): GroupSessionsDoc {
  return {
    schemaVersion: GROUP_SESSIONS_SCHEMA_VERSION,
    retentionDays: DEFAULT_RETENTION_DAYS,
    lastPurgeAt: null,
    sessions: [],
    courses: [],
  };
}

/**
 * Version 1 (before courses, times and attendance): each session becomes a one-off session with
 * no times, whose listed participants were present and not flagged. Used by the store and by a
 * restore of an older backup file.
 */
export const GROUP_SESSIONS_MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    migrate: (old) => ({
      ...old,
      schemaVersion: 2,
      courses: [],
      sessions: ((old.sessions as Record<string, unknown>[] | undefined) ?? []).map((session) => ({
        ...session,
        startTime: null,
        endTime: null,
        courseId: null,
        participants: ((session.participants as Record<string, unknown>[] | undefined) ?? []).map((p) => ({
          ...p,
          needsHelp: false,
          present: true,
        })),
      })),
    }),
  },
];

/** People at the session: the head count, or those on the list ticked present when more are. */
export function attendanceOf(session: Pick<GroupSession, 'headCount' | 'participants'>): number {
  // A course session lists every member; only those ticked present came.
  return Math.max(session.headCount, session.participants.filter((p) => p.present).length);
}

/** Steps in each lesson, from the content the core read: what "finished" is measured against. */
export type StepCounts = Readonly<Record<string, number>>;

/**
 * Where a participant is with a lesson, or with a whole session. Every participant is in exactly
 * one: the summary, the CSV, the course view and the funder report all say these same three words.
 */
export type ProgressStatus = 'finished' | 'in-progress' | 'not-started';
export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['finished', 'in-progress', 'not-started'];

/**
 * One lesson: finished only when every step of it is done. A lesson the content no longer has
 * (steps unknown) keeps what was recorded for it.
 */
export function lessonStatus(
  entry: Pick<LessonProgress, 'stepsDone' | 'completed'> | undefined,
  steps: number | undefined,
): ProgressStatus {
  if (!entry) return 'not-started';
  if (steps === undefined ? entry.completed : entry.stepsDone >= steps) return 'finished';
  return entry.stepsDone > 0 || entry.completed ? 'in-progress' : 'not-started';
}

/** A whole session: finished when every one of its lessons is, not started when none was begun. */
export function sessionStatus(
  participant: Pick<Participant, 'progress'>,
  lessonIds: readonly string[],
  steps: StepCounts,
): ProgressStatus {
  const each = lessonIds.map((lessonId) =>
    lessonStatus(
      participant.progress.find((entry) => entry.lessonId === lessonId),
      steps[lessonId],
    ),
  );
  if (each.every((status) => status === 'finished')) return 'finished';
  if (each.every((status) => status === 'not-started')) return 'not-started';
  return 'in-progress';
}

/** Minutes from start to end on the session's day, or null when a time is missing. */
export function durationMinutes(session: Pick<GroupSession, 'startTime' | 'endTime'>): number | null {
  if (!session.startTime || !session.endTime) return null;
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return minutes(session.endTime) - minutes(session.startTime);
}

export interface StatusCounts {
  finished: number;
  inProgress: number;
  notStarted: number;
}

export interface LessonCompletion extends StatusCounts {
  lessonId: string;
  /** The lesson's step count in the content, or null when the content no longer has it. */
  steps: number | null;
}

export interface SummaryProgress extends LessonProgress {
  status: ProgressStatus;
}

export interface GroupSummary {
  id: string;
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  /** End minus start, or null for a session without times. */
  durationMinutes: number | null;
  courseId: string | null;
  place: string;
  facilitator: string;
  status: GroupSession['status'];
  closedAt: string | null;
  attendance: number;
  /**
   * The people the counts are over: those listed and present now, plus those a purge, wipe or
   * withdrawal removed since (known only by the lessons they finished).
   */
  listedParticipants: number;
  /** Per lesson: finished + in progress + not started = listedParticipants. */
  lessons: LessonCompletion[];
  /** The whole session, over the people listed and present now: the three add up to their number. */
  totals: StatusCounts;
  participants: {
    id: string;
    label: string;
    kind: Participant['kind'];
    needsHelp: boolean;
    status: ProgressStatus;
    progress: SummaryProgress[];
  }[];
  /** Personal data: shown on the kiosk's screen only, never in a totals-only print or a CSV. */
  notes: string;
}

function countStatuses(statuses: readonly ProgressStatus[]): StatusCounts {
  return {
    finished: statuses.filter((s) => s === 'finished').length,
    inProgress: statuses.filter((s) => s === 'in-progress').length,
    notStarted: statuses.filter((s) => s === 'not-started').length,
  };
}

export function summariseSession(session: GroupSession, steps: StepCounts): GroupSummary {
  // A course session lists every member; only those ticked present were at this one.
  const here = session.participants.filter((p) => p.present);
  const listedParticipants = here.length + session.removed.participants;
  const participants = here.map((p) => {
    const progress = session.lessonIds.map((lessonId) => {
      const entry = p.progress.find((e) => e.lessonId === lessonId) ?? {
        lessonId,
        stepsDone: 0,
        completed: false,
      };
      return { ...entry, status: lessonStatus(entry, steps[lessonId]) };
    });
    return {
      id: p.id,
      label: p.label,
      kind: p.kind,
      needsHelp: p.needsHelp,
      status: sessionStatus(p, session.lessonIds, steps),
      progress,
    };
  });
  return {
    id: session.id,
    title: session.title,
    date: session.date,
    startTime: session.startTime,
    endTime: session.endTime,
    durationMinutes: durationMinutes(session),
    courseId: session.courseId,
    place: session.place,
    facilitator: session.facilitator,
    status: session.status,
    closedAt: session.closedAt,
    attendance: attendanceOf(session),
    listedParticipants,
    lessons: session.lessonIds.map((lessonId, index) => {
      const listed = countStatuses(participants.map((p) => p.progress[index]!.status));
      const finished = listed.finished + (session.removed.completedByLesson[lessonId] ?? 0);
      return {
        lessonId,
        steps: steps[lessonId] ?? null,
        finished,
        inProgress: listed.inProgress,
        notStarted: listedParticipants - finished - listed.inProgress,
      };
    }),
    totals: countStatuses(participants.map((p) => p.status)),
    participants,
    notes: session.notes,
  };
}

/**
 * Removes the participants `remove` picks, in place, keeping what the figures need: the head
 * count is raised to the list's size first and each removed person's finished lessons are
 * added to the session's counts. Returns how many were removed.
 */
export function removeParticipants(
  session: GroupSession,
  remove: (participant: Participant) => boolean,
  steps: StepCounts = {},
): number {
  const leaving = session.participants.filter(remove);
  if (leaving.length === 0) return 0;
  session.headCount = Math.min(MAX_HEAD_COUNT, attendanceOf(session));
  // A course member who missed this session was never counted in it.
  const counted = leaving.filter((participant) => participant.present);
  session.removed.participants += counted.length;
  for (const participant of counted) {
    for (const entry of participant.progress) {
      if (lessonStatus(entry, steps[entry.lessonId]) === 'finished')
        session.removed.completedByLesson[entry.lessonId] =
          (session.removed.completedByLesson[entry.lessonId] ?? 0) + 1;
    }
  }
  session.participants = session.participants.filter((participant) => !remove(participant));
  return leaving.length;
}

/** Kept for `days` days after consent; a participant exactly `days` old is kept (as resume codes). */
export function isParticipantExpired(
  participant: Pick<Participant, 'consentAt'>,
  now: Date,
  days: number,
): boolean {
  return now.getTime() - Date.parse(participant.consentAt) > days * DAY_MS;
}

/** The retention purge over the whole document, in place; returns how many participants went. */
export function purgeExpiredParticipants(
  doc: GroupSessionsDoc,
  now: Date,
  days: number,
  steps: StepCounts = {},
): number {
  return removeFromLists(doc, (p) => isParticipantExpired(p, now, days), steps);
}

/** "Wipe personal data": every participant of every session and every course member, counts kept. */
export function wipeParticipants(doc: GroupSessionsDoc, steps: StepCounts = {}): number {
  return removeFromLists(doc, () => true, steps);
}

/**
 * Takes the people `pick` chooses off every list, counts kept: each course's members and each
 * session's participants (a course session lists members under their id, with their consent).
 * Returns how many people went, a course member once however many sessions listed them.
 */
function removeFromLists(
  doc: GroupSessionsDoc,
  pick: (person: Pick<Participant, 'consentAt'>) => boolean,
  steps: StepCounts,
): number {
  const members = new Set<string>();
  for (const course of doc.courses) {
    const leaving = course.members.filter(pick);
    for (const member of leaving) members.add(member.id);
    course.members = course.members.filter((member) => !pick(member));
    course.removedMembers += leaving.length;
  }
  let oneOff = 0;
  for (const session of doc.sessions) {
    for (const p of session.participants.filter(pick)) {
      if (session.courseId) members.add(p.id);
      else oneOff += 1;
    }
    removeParticipants(session, pick, steps);
  }
  return members.size + oneOff;
}
