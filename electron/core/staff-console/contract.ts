import { z } from 'zod';
import { coordinatorOnly, method } from '../contract-method';
import { LanguageSchema } from '../i18n';
import { backupMethods } from './backup-contract';
import { courseMethods } from './course-contract';
import type { CsvFile } from './csv';
import {
  MAX_HEAD_COUNT,
  MAX_NOTES,
  TimeOfDaySchema,
  type GroupSession,
  type GroupSummary,
} from './group-sessions';
import { isDateKey } from '../../shared/period';
import { PHONE_STYLES } from '../../shared/phone-style';
import type { Report } from './reports';
import type { StaffLogEntry } from './staff-log';

const Empty = z.object({}).strict();
const DateKey = z.string().refine(isDateKey, 'a calendar day as YYYY-MM-DD');
const SessionId = z.string().min(8).max(40);
const LessonId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);
const Period = z
  .object({ from: DateKey, to: DateKey })
  .strict()
  .refine((p) => p.from <= p.to, 'the period ends before it starts');

export interface DataCareStatus {
  /** Days participant lists and resume codes are kept. */
  retentionDays: number;
  /** The lessons capability's own setting; equal to retentionDays unless changed elsewhere. */
  resumeCodeRetentionDays: number | null;
  participants: number;
  resumeCodes: number;
  lastPurgeAt: string | null;
}

export const MIN_RETENTION = 1;
export const MAX_RETENTION = 730;

/** The staff console's methods. Every one needs a staff session, checked in the core. */
export const staffConsoleMethods = {
  /** Every group session, newest date first. */
  'staff.groups.list': method<{ sessions: GroupSession[] }>()({ input: Empty, staff: true }),
  'staff.groups.create': method<GroupSession>()({
    input: z
      .object({
        title: z.string().trim().min(1).max(80),
        date: DateKey,
        /** Hong Kong time, HH:MM; both or neither, the end after the start. */
        startTime: TimeOfDaySchema.optional(),
        endTime: TimeOfDaySchema.optional(),
        place: z.string().trim().max(80),
        facilitator: z.string().trim().max(60).optional(),
        lessonIds: z.array(LessonId).min(1).max(12),
      })
      .strict(),
    staff: true,
  }),
  'staff.groups.get': method<GroupSession>()({ input: z.object({ id: SessionId }).strict(), staff: true }),
  /** Head count and notes; refused (conflict) once the session is closed. */
  'staff.groups.update': method<GroupSession>()({
    input: z
      .object({
        id: SessionId,
        headCount: z.number().int().min(0).max(MAX_HEAD_COUNT).optional(),
        notes: z.string().max(MAX_NOTES).optional(),
      })
      .strict(),
    staff: true,
  }),
  /** Adds a participant by nickname or resume code after the PICS; HKID-like text is refused. */
  'staff.groups.participants.add': method<GroupSession>()({
    input: z
      .object({
        id: SessionId,
        kind: z.enum(['nickname', 'resume-code']),
        label: z.string().trim().min(1).max(24),
        picsAgreed: z.literal(true),
      })
      .strict(),
    staff: true,
  }),
  /**
   * Flags one participant "needs help" (or clears it) with one tap; closing clears every flag.
   * The flag's time is kept (`needsHelpSince`) so the class view lists the longest waiting first.
   */
  'staff.groups.participants.help': method<GroupSession>()({
    input: z
      .object({ id: SessionId, participantId: z.string().min(1).max(40), needsHelp: z.boolean() })
      .strict(),
    staff: true,
  }),
  /** Removes one participant (a correction, or at the person's request). */
  'staff.groups.participants.remove': method<GroupSession>()({
    input: z.object({ id: SessionId, participantId: z.string().min(1).max(40) }).strict(),
    staff: true,
  }),
  /**
   * Records steps done in one lesson for one participant, or for everyone listed. The lesson is
   * finished when the steps reach its step count; `completed` is ignored (kept for older callers).
   */
  'staff.groups.progress': method<GroupSession>()({
    input: z
      .object({
        id: SessionId,
        participantId: z.string().min(1).max(40).optional(),
        lessonId: LessonId,
        stepsDone: z.number().int().min(0).max(50),
        completed: z.boolean().optional(),
      })
      .strict(),
    staff: true,
  }),
  'staff.groups.close': method<GroupSummary>()({ input: z.object({ id: SessionId }).strict(), staff: true }),
  'staff.groups.summary': method<GroupSummary>()({
    input: z.object({ id: SessionId }).strict(),
    staff: true,
  }),
  'staff.groups.export': method<{ files: CsvFile[] }>()({
    input: z.object({ id: SessionId, language: LanguageSchema }).strict(),
    staff: true,
  }),
  /**
   * Facilitator mode's second screen: shows one lesson step (and how far it is revealed) to the
   * group, or closes that screen. Desktop kiosk with a second display only; elsewhere the answer
   * is `{ shown: false }`, which is not an error (there is simply no second screen).
   */
  'staff.groups.display': method<{ shown: boolean }>()({
    input: z.union([
      z
        .object({
          lessonId: LessonId,
          stepIndex: z.number().int().min(0).max(50),
          stage: z.number().int().min(0).max(2).optional(),
          language: LanguageSchema,
          /** The practice phone's look for the class (the kiosk's phoneStyle when left out). */
          phoneStyle: z.enum(PHONE_STYLES).optional(),
        })
        .strict(),
      z.object({ close: z.literal(true) }).strict(),
    ]),
    staff: true,
  }),

  /** The anonymous figures over a period (both days included). */
  'staff.reports.get': method<Report>()({ input: Period, staff: true }),
  /** The report's tables as CSV texts (UTF-8 with BOM), one per table. */
  'staff.reports.export': method<{ files: CsvFile[] }>()({
    input: z
      .object({ from: DateKey, to: DateKey, language: LanguageSchema })
      .strict()
      .refine((p) => p.from <= p.to, 'the period ends before it starts'),
    staff: true,
  }),

  'staff.datacare.status': method<DataCareStatus>()({ input: Empty, staff: true, role: 'coordinator' }),
  /** Sets how long participant lists and resume codes are kept, and purges at once. */
  'staff.datacare.retention': method<DataCareStatus>()({
    input: z.object({ days: z.number().int().min(MIN_RETENTION).max(MAX_RETENTION) }).strict(),
    staff: true,
    role: 'coordinator',
  }),
  /** Removes every participant, resume code and session's notes; anonymous figures stay. */
  'staff.datacare.wipe': method<{
    participantsRemoved: number;
    resumeCodesRemoved: number;
    /** Sessions whose notes were cleared. */
    notesCleared: number;
  }>()({
    input: z.object({ confirm: z.literal('wipe-personal-data') }).strict(),
    staff: true,
    role: 'coordinator',
  }),
  ...coordinatorOnly(backupMethods),
  ...courseMethods,
  /**
   * Saves the page as it is now (the report or a session summary, through its print stylesheet)
   * as a PDF in a folder staff choose. Desktop kiosk only: the browser kiosk prints with
   * window.print() and is answered `forbidden`.
   */
  'staff.print.pdf': method<{ saved: boolean; file?: string }>()({
    input: z
      .object({
        kind: z.enum(['report', 'session-summary', 'sign-in-sheet']),
        suggestedName: z.string().trim().min(1).max(120),
      })
      .strict(),
    staff: true,
  }),
  /** The staff log, newest first. */
  'staff.log.list': method<{ entries: StaffLogEntry[]; total: number }>()({
    input: z.object({ limit: z.number().int().min(1).max(2000).optional() }).strict(),
    staff: true,
  }),
} as const;

export type StaffConsoleMethods = typeof staffConsoleMethods;
