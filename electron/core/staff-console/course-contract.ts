import { z } from 'zod';
import { method } from '../contract-method';
import { isDateKey } from '../../shared/period';
import type { CourseListItem, CourseView } from './courses';
import { TimeOfDaySchema, type Course, type GroupSession } from './group-sessions';

const Id = z.string().min(8).max(40);
const PersonId = z.string().min(1).max(40);
const DateKey = z.string().refine(isDateKey, 'a calendar day as YYYY-MM-DD');
const LessonId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);

/** staff.courses.* and attendance: spread into staffConsoleMethods. Every one needs a staff session. */
export const courseMethods = {
  /** Every course, open ones first, newest first. */
  'staff.courses.list': method<{ courses: CourseListItem[] }>()({
    input: z.object({}).strict(),
    staff: true,
  }),
  'staff.courses.create': method<Course>()({
    input: z
      .object({
        title: z.string().trim().min(1).max(80),
        place: z.string().trim().max(80),
        facilitator: z.string().trim().max(60).optional(),
        lessonIds: z.array(LessonId).min(1).max(24),
        plannedSessions: z.number().int().min(1).max(52),
      })
      .strict(),
    staff: true,
  }),
  /** The course view: members, sessions, attendance across them and the lessons each member finished. */
  'staff.courses.get': method<CourseView>()({ input: z.object({ id: Id }).strict(), staff: true }),
  /** No new members or sessions after this; refused while a session of the course is open. */
  'staff.courses.close': method<CourseView>()({ input: z.object({ id: Id }).strict(), staff: true }),
  /**
   * Adds a member after the collection statement: consent once for the whole course. They are
   * listed in each open session of the course, ticked present in `presentAt` if given.
   */
  'staff.courses.members.add': method<CourseView>()({
    input: z
      .object({
        id: Id,
        kind: z.enum(['nickname', 'resume-code']),
        label: z.string().trim().min(1).max(24),
        picsAgreed: z.literal(true),
        presentAt: Id.optional(),
      })
      .strict(),
    staff: true,
  }),
  /** Consent withdrawn: off the course and every one of its sessions, counts kept. */
  'staff.courses.members.withdraw': method<CourseView>()({
    input: z.object({ id: Id, memberId: PersonId }).strict(),
    staff: true,
  }),
  /** A session of the course; its list is the course's members, none yet ticked present. */
  'staff.courses.sessions.add': method<GroupSession>()({
    input: z
      .object({
        courseId: Id,
        date: DateKey,
        startTime: TimeOfDaySchema,
        endTime: TimeOfDaySchema,
        lessonIds: z.array(LessonId).min(1).max(12),
      })
      .strict(),
    staff: true,
  }),
  /** One tap: a listed person is here (or not) at an open session. */
  'staff.groups.attendance': method<GroupSession>()({
    input: z.object({ id: Id, participantId: PersonId, present: z.boolean() }).strict(),
    staff: true,
  }),
} as const;
