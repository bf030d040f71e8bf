import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { HandlersOf } from '../contract-method';
import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import { purgeExpiredResumeCodes, type ResumeCodesDoc } from '../lessons/resume-codes';
import type { StoredDocument } from '../store/document';
import { errnoField } from '../store/durable-file';
import { createBackupHandlers } from './backup-handlers';
import { createCourseHandlers, joinCourseAtSession } from './course-handlers';
import { peopleListed } from './courses';
import type { DataCareStatus, staffConsoleMethods } from './contract';
import { reportCsvFiles } from './csv';
import { buildGroupDisplayView, type ShowGroupDisplay } from './group-display';
import { createGroupSessionHandlers, groupSessionAccess, stepCountsOf } from './group-handlers';
import { PICS_VERSION, purgeExpiredParticipants, wipeParticipants } from './group-sessions';
import { purgeExpiredNotes, wipeNotes } from './session-notes';
import { keptParticipantLabel, refuseOnList } from './participant-label';
import { reportNames } from './report-sections';
import { computeReport } from './reports';
import { startDailyJob } from './retention-timer';
import { logStaffAction } from './staff-log';

/** What the shell lends the staff console; the browser kiosk lends nothing. */
export interface StaffConsoleShell {
  /** Electron: choose a folder and save the page there as a PDF (electron/print-pdf.ts). */
  printToPdf?: (request: { suggestedName: string }) => Promise<{ saved: boolean; file?: string }>;
  /** Electron: the group view on a second display (electron/group-display.ts); null closes it. */
  showGroupDisplay?: ShowGroupDisplay;
}

export async function createStaffConsoleHandlers(
  ctx: CoreContext,
  shell: StaffConsoleShell = {},
): Promise<HandlersOf<typeof staffConsoleMethods>> {
  // Content names for reports and CSV, from the content in use at each call (a pack may change it).
  const names = () => reportNames(ctx.content);
  const { groupSessions: groups, staffLog } = ctx.documents;
  const resumeCodes = (): StoredDocument<ResumeCodesDoc> => ctx.documents.resumeCodes;

  const { sessionOrNotFound, changeOpenSession } = groupSessionAccess(groups);
  // The content in use at each call: a pack may change the lessons while the kiosk runs.
  const steps = () => stepCountsOf(ctx);

  /** The retention purge: participants and resume codes older than the period. Logged every run. */
  async function purge(
    reason: 'start-up' | 'daily' | 'retention-changed' | 'restore',
  ): Promise<{ participants: number; resumeCodes: number }> {
    const now = ctx.now();
    const { participants, notes } = await groups.update((draft) => {
      draft.lastPurgeAt = now.toISOString();
      return {
        participants: purgeExpiredParticipants(draft, now, draft.retentionDays, steps()),
        notes: purgeExpiredNotes(draft, now, draft.retentionDays),
      };
    });
    const codes = resumeCodes();
    const removedCodes = codes ? await purgeExpiredResumeCodes(codes, now, codes.data.retentionDays) : 0;
    await logStaffAction(
      ctx,
      'purge',
      `${reason}: ${participants} participant(s), ${removedCodes} resume code(s) and ${notes} session note(s) past ${groups.data.retentionDays} days removed`,
      { when: reason, participants, resumeCodes: removedCodes, notes, days: groups.data.retentionDays },
    );
    return { participants, resumeCodes: removedCodes };
  }

  function status(): DataCareStatus {
    const codes = resumeCodes();
    return {
      retentionDays: groups.data.retentionDays,
      resumeCodeRetentionDays: codes?.data.retentionDays ?? null,
      participants: peopleListed(groups.data),
      resumeCodes: codes?.data.codes.length ?? 0,
      lastPurgeAt: groups.data.lastPurgeAt,
    };
  }

  try {
    await purge('start-up');
  } catch (error) {
    // A full disk must not keep the kiosk from starting; the daily run and the next start try again.
    ctx.onHealthEvent({
      time: ctx.now().toISOString(),
      document: 'group-sessions',
      kind: 'purge-failed',
      ...errnoField(error),
    });
  }
  startDailyJob(() => purge('daily'));

  return {
    ...createGroupSessionHandlers(ctx),
    ...createCourseHandlers(ctx),
    'staff.groups.list': async () => ({
      sessions: [...groups.data.sessions].sort(
        (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
      ),
    }),
    'staff.groups.get': async ({ id }) => structuredClone(sessionOrNotFound(groups.data, id)),
    'staff.groups.participants.add': async ({ id, kind, label }) => {
      const kept = keptParticipantLabel(kind, label);
      // At a course session the person joins the course: consent once, on every session's list.
      if (groups.data.sessions.some((s) => s.id === id && s.courseId))
        return joinCourseAtSession(ctx, id, kind, kept);
      return changeOpenSession(id, (session) => {
        refuseOnList(session.participants, kept);
        session.participants.push({
          id: randomUUID(),
          kind,
          label: kept,
          consentAt: ctx.now().toISOString(),
          picsVersion: PICS_VERSION,
          progress: [],
          needsHelp: false,
          present: true,
        });
        session.headCount = Math.max(session.headCount, session.participants.length);
      });
    },
    'staff.groups.display': async (input) => {
      if ('close' in input) {
        await shell
          .showGroupDisplay?.(null)
          .catch((error: unknown) => console.error('[kiosk] the group display could not be closed:', error));
        return { shown: false };
      }
      const lesson = ctx.content.lessons.lessons.find((candidate) => candidate.id === input.lessonId);
      if (!lesson)
        throw new KioskError('not_found', `There is no lesson called ${input.lessonId}.`, {
          reason: 'staff-console.errors.lessonGone',
        });
      const view = buildGroupDisplayView(
        lesson,
        input.stepIndex,
        input.stage ?? 0,
        input.language,
        input.phoneStyle,
      );
      if (!view)
        throw new KioskError('invalid_input', `Lesson ${input.lessonId} has ${lesson.steps.length} steps.`, {
          reason: 'staff-console.errors.noSuchStep',
          params: { steps: lesson.steps.length },
        });
      // The browser kiosk has no second screen: nothing to show, and nothing wrong.
      if (!shell.showGroupDisplay) return { shown: false };
      try {
        return { shown: (await shell.showGroupDisplay(view)).shown };
      } catch (error) {
        // The group screen is a help, not the session: the facilitator's view carries on without it.
        console.error('[kiosk] the group display failed:', error);
        return { shown: false };
      }
    },

    'staff.reports.get': async (period) =>
      computeReport(ctx.activity.data.tallies, groups.data, period, names()),
    'staff.reports.export': async ({ from, to, language }) => {
      const files = reportCsvFiles(
        computeReport(ctx.activity.data.tallies, groups.data, { from, to }, names()),
        language,
        {
          centreName: ctx.settings.data.public.centreName,
          generatedAt: ctx.now(),
        },
      );
      await logStaffAction(ctx, 'export', `figures ${from} to ${to}: ${files.length} CSV file(s)`, {
        from,
        to,
        files: files.length,
      });
      return { files };
    },

    'staff.datacare.status': async () => status(),
    'staff.datacare.retention': async ({ days }) => {
      const before = groups.data.retentionDays;
      await groups.update((draft) => {
        draft.retentionDays = days;
      });
      const codes = resumeCodes();
      if (codes && codes.data.retentionDays !== days) {
        await codes.update((draft) => {
          draft.retentionDays = days;
        });
      }
      await logStaffAction(ctx, 'retention-changed', `${before} → ${days} days`, {
        fromDays: before,
        toDays: days,
      });
      await purge('retention-changed');
      return status();
    },
    'staff.datacare.wipe': async () => {
      const { participantsRemoved, notesCleared } = await groups.update((draft) => ({
        participantsRemoved: wipeParticipants(draft, steps()),
        notesCleared: wipeNotes(draft),
      }));
      const codes = resumeCodes();
      const resumeCodesRemoved = codes?.data.codes.length ?? 0;
      if (codes && resumeCodesRemoved > 0) {
        await codes.update((draft) => {
          draft.codes = [];
        });
      }
      await logStaffAction(
        ctx,
        'wipe',
        `${participantsRemoved} participant(s), ${resumeCodesRemoved} resume code(s) and ${notesCleared} session note(s) removed; anonymous figures kept`,
        { participants: participantsRemoved, resumeCodes: resumeCodesRemoved, notes: notesCleared },
      );
      return { participantsRemoved, resumeCodesRemoved, notesCleared };
    },

    ...createBackupHandlers(ctx, () => purge('restore')),
    'staff.print.pdf': async ({ kind, suggestedName }) => {
      if (!shell.printToPdf)
        throw new KioskError(
          'forbidden',
          'Saving as PDF works in the desktop kiosk only; use Print instead.',
          { reason: 'staff-console.errors.pdfDesktopOnly' },
        );
      let result: { saved: boolean; file?: string };
      try {
        result = await shell.printToPdf({ suggestedName });
      } catch (error) {
        console.error('[kiosk] staff.print.pdf failed:', error);
        throw new KioskError(
          'storage',
          'The PDF could not be saved. Check that the folder (or USB stick) is still there and has room.',
          { reason: 'staff-console.errors.pdfNotSaved' },
        );
      }
      // The file name only: the folder may say whose USB stick it is.
      if (result.saved && result.file)
        await logStaffAction(
          ctx,
          'export',
          `${{ report: 'figures', 'session-summary': 'group session summary', 'sign-in-sheet': 'sign-in sheet' }[kind]}: PDF ${path.basename(result.file)}`,
          { pdf: path.basename(result.file), document: kind },
        );
      return result.saved && result.file ? { saved: true, file: result.file } : { saved: false };
    },
    'staff.log.list': async ({ limit = 500 }) => ({
      entries: staffLog.data.entries.slice(-limit).reverse(),
      total: staffLog.data.entries.length,
    }),
  };
}
