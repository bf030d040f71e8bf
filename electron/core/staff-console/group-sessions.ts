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

/** People at the session: the head count, or the list when more are listed. */
export function attendanceOf(session: Pick<GroupSession, 'headCount' | 'participants'>): number {
  return Math.max(session.headCount, session.participants.length);
}

export interface LessonCompletion {
  lessonId: string;
  /** Participants (listed now or removed since) who finished the lesson. */
  completed: number;
  /** Listed participants with at least one step done but not finished. */
  inProgress: number;
}

export interface GroupSummary {
  id: string;
  title: string;
  date: string;
  place: string;
  facilitator: string;
  status: GroupSession['status'];
  closedAt: string | null;
  attendance: number;
  /** Listed now plus removed by purge or wipe. */
  listedParticipants: number;
  lessons: LessonCompletion[];
  participants: { label: string; kind: Participant['kind']; progress: LessonProgress[] }[];
  notes: string;
}

export function summariseSession(session: GroupSession): GroupSummary {
  return {
    id: session.id,
    title: session.title,
    date: session.date,
    place: session.place,
    facilitator: session.facilitator,
    status: session.status,
    closedAt: session.closedAt,
    attendance: attendanceOf(session),
    listedParticipants: session.participants.length + session.removed.participants,
    lessons: session.lessonIds.map((lessonId) => {
      const progress = session.participants.map((p) =>
        p.progress.find((entry) => entry.lessonId === lessonId),
      );
      return {
        lessonId,
        completed:
          progress.filter((entry) => entry?.completed).length +
          (session.removed.completedByLesson[lessonId] ?? 0),
        inProgress: progress.filter((entry) => entry && !entry.completed && entry.stepsDone > 0).length,
      };
    }),
    participants: session.participants.map((p) => ({
      label: p.label,
      kind: p.kind,
      progress: session.lessonIds.map(
        (lessonId) =>
          p.progress.find((entry) => entry.lessonId === lessonId) ?? {
            lessonId,
            stepsDone: 0,
            completed: false,
          },
      ),
    })),
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
): number {
  const leaving = session.participants.filter(remove);
  if (leaving.length === 0) return 0;
  session.headCount = Math.min(MAX_HEAD_COUNT, attendanceOf(session));
  session.removed.participants += leaving.length;
  for (const participant of leaving) {
    for (const entry of participant.progress) {
      if (entry.completed)
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
export function purgeExpiredParticipants(doc: GroupSessionsDoc, now: Date, days: number): number {
  let removed = 0;
  for (const session of doc.sessions)
    removed += removeParticipants(session, (p) => isParticipantExpired(p, now, days));
  return removed;
}

/** "Wipe personal data": every participant of every session, counts kept. */
export function wipeParticipants(doc: GroupSessionsDoc): number {
  let removed = 0;
  for (const session of doc.sessions) removed += removeParticipants(session, () => true);
  return removed;
}
