import { z } from 'zod';
import { method } from '../contract-method';
import type { LocalisedText } from '../i18n';
import { LanguageSchema } from '../i18n';
import type { Lesson, LessonSummary, Topic } from './schema';
import { RESUME_CODE_ALPHABET, RESUME_CODE_LENGTH } from '../../shared/resume-code-format';
import { VisitTokenSchema } from '../activity/visit-token';

const LessonId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);

export interface LessonList {
  /** Browse groups in display order, each with its label. */
  topics: { id: Topic; label: Required<LocalisedText> }[];
  /** Every lesson, in topic order, then beginner before intermediate, then by id. */
  lessons: LessonSummary[];
  /** The beginners' "start here" path: lesson ids in order. */
  startHere: string[];
}

export interface ResumeProgress {
  lessonId: string;
  /** The step to continue at (already within the lesson's steps). */
  stepIndex: number;
  /** Lessons finished during the visit that made the code. */
  completedLessons: string[];
}

export interface ResumeCodeCreated {
  code: string;
  /** ISO time after which the code and its progress are purged. */
  expiresAt: string;
}

export interface RetentionSetting {
  days: number;
  /** How many resume codes are kept now (after any purge the change caused). */
  storedCodes: number;
}

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 730;

/** Resume codes are typed on the kiosk's keyboard or read from a QR code: forgive case and spaces. */
const ResumeCode = z
  .string()
  .max(20)
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .length(RESUME_CODE_LENGTH)
      .regex(new RegExp(`^[${RESUME_CODE_ALPHABET}]+$`)),
  );

/** The lessons capability's contract entries; contract.ts spreads them in. */
export const lessonMethods = {
  /** Cards for the browse screen, grouped by topic, with the beginners' path. */
  'lessons.list': method<LessonList>()({ input: z.object({}).strict(), staff: false }),
  /** One whole lesson, zh-CN filled in. not_found for an unknown id. */
  'lessons.get': method<Lesson>()({ input: z.object({ id: LessonId }).strict(), staff: false }),
  /**
   * Adds one to the anonymous counter lesson.started / lesson.step / lesson.completed, under the
   * token from `visit.start`: started and completed once per lesson and visit, step at most once
   * per step of the lesson. Without the current visit's token nothing is counted.
   */
  'lessons.progress': method<{ counted: boolean }>()({
    input: z
      .object({
        lessonId: LessonId,
        event: z.enum(['started', 'step', 'completed']),
        language: LanguageSchema,
        visit: VisitTokenSchema.optional(),
      })
      .strict(),
    staff: false,
  }),
  /** A 6-character code (no name, no phone number) that continues the lesson another day. */
  'lessons.resume.create': method<ResumeCodeCreated>()({
    input: z
      .object({
        lessonId: LessonId,
        stepIndex: z.number().int().min(0).max(50),
        completedLessons: z.array(LessonId).max(50).optional(),
      })
      .strict(),
    staff: false,
  }),
  /** The progress kept under a code; not_found when unknown or past the retention period. */
  'lessons.resume.open': method<ResumeProgress>()({
    input: z.object({ code: ResumeCode }).strict(),
    staff: false,
  }),
  /** Read (no `days`) or set how long resume codes are kept; setting it purges at once. */
  'staff.lessons.retention': method<RetentionSetting>()({
    input: z
      .object({ days: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS).optional() })
      .strict(),
    staff: true,
    role: 'coordinator',
  }),
} as const;

export type LessonMethods = typeof lessonMethods;
