import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { hongKongDateKey } from '../activity/schema';
import type { HandlersOf } from '../contract-method';
import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import { purgeExpiredResumeCodes, type ResumeCodesDoc } from '../lessons/resume-codes';
import type { StoredDocument } from '../store/document';
import { errnoField } from '../store/durable-file';
import { createBackup, previewBackup, readBackup } from './backup';
import type { DataCareStatus, staffConsoleMethods } from './contract';
import { reportCsvFiles, sessionCsvFiles } from './csv';
import { buildGroupDisplayView, type ShowGroupDisplay } from './group-display';
import {
  PICS_VERSION,
  purgeExpiredParticipants,
  summariseSession,
  wipeParticipants,
  type GroupSession,
  type GroupSessionsDoc,
} from './group-sessions';
import { keptParticipantLabel, refuseOnList } from './participant-label';
import { reportNames } from './report-sections';
import { computeReport } from './reports';
import { startDailyJob } from './retention-timer';
import { logStaffAction, mergeLogs } from './staff-log';

// esbuild and vitest define the package version at build time (as service.ts reads it).
declare const __KIOSK_VERSION__: string | undefined;
const VERSION = typeof __KIOSK_VERSION__ === 'string' ? __KIOSK_VERSION__ : '0.0.0-dev';

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
  const { lessons } = ctx.content.lessons;
  const lessonsById = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  // Content names for reports and CSV, from the content the core read once at start-up (wiring.ts).
  const names = reportNames(ctx.content);
  const { groupSessions: groups, staffLog } = ctx.documents;
  const resumeCodes = (): StoredDocument<ResumeCodesDoc> => ctx.documents.resumeCodes;

  function sessionOrNotFound(doc: Readonly<GroupSessionsDoc>, id: string): GroupSession {
    const session = doc.sessions.find((s) => s.id === id);
    if (!session) throw new KioskError('not_found', 'There is no such group session on this kiosk.');
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
        throw new KioskError('conflict', 'This session is closed; its record can no longer change.');
      change(session);
      return structuredClone(session);
    });
  }

  /** The retention purge: participants and resume codes older than the period. Logged every run. */
  async function purge(
    reason: 'start-up' | 'daily' | 'retention-changed' | 'restore',
  ): Promise<{ participants: number; resumeCodes: number }> {
    const now = ctx.now();
    const participants = await groups.update((draft) => {
      draft.lastPurgeAt = now.toISOString();
      return purgeExpiredParticipants(draft, now, draft.retentionDays);
    });
    const codes = resumeCodes();
    const removedCodes = codes ? await purgeExpiredResumeCodes(codes, now, codes.data.retentionDays) : 0;
    await logStaffAction(
      ctx,
      'purge',
      `${reason}: ${participants} participant(s) and ${removedCodes} resume code(s) past ${groups.data.retentionDays} days removed`,
    );
    return { participants, resumeCodes: removedCodes };
  }

  function status(): DataCareStatus {
    const codes = resumeCodes();
    return {
      retentionDays: groups.data.retentionDays,
      resumeCodeRetentionDays: codes?.data.retentionDays ?? null,
      participants: groups.data.sessions.reduce((sum, s) => sum + s.participants.length, 0),
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
    'staff.groups.list': async () => ({
      sessions: [...groups.data.sessions].sort(
        (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
      ),
    }),
    'staff.groups.create': async ({ title, date, place, facilitator = '', lessonIds }) => {
      const unknown = lessonIds.find((id) => !lessonsById.has(id));
      if (unknown) throw new KioskError('invalid_input', `There is no lesson called ${unknown}.`);
      const session: GroupSession = {
        id: randomUUID(),
        title,
        date,
        startTime: null,
        endTime: null,
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
      await logStaffAction(ctx, 'session-created', `${date}, ${lessonIds.length} lesson(s)`);
      return session;
    },
    'staff.groups.get': async ({ id }) => structuredClone(sessionOrNotFound(groups.data, id)),
    'staff.groups.update': async ({ id, headCount, notes }) =>
      changeOpenSession(id, (session) => {
        if (headCount !== undefined) session.headCount = headCount;
        if (notes !== undefined) session.notes = notes;
      }),
    'staff.groups.participants.add': async ({ id, kind, label }) => {
      const kept = keptParticipantLabel(kind, label);
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
    'staff.groups.participants.remove': async ({ id, participantId }) =>
      changeOpenSession(id, (session) => {
        if (!session.participants.some((p) => p.id === participantId))
          throw new KioskError('not_found', 'That participant is not on the list.');
        // A correction: the person is gone from the list and from the counts.
        session.participants = session.participants.filter((p) => p.id !== participantId);
      }),
    'staff.groups.progress': async ({ id, participantId, lessonId, stepsDone, completed }) =>
      changeOpenSession(id, (session) => {
        if (!session.lessonIds.includes(lessonId))
          throw new KioskError('invalid_input', 'That lesson is not one this session covers.');
        const targets = participantId
          ? session.participants.filter((p) => p.id === participantId)
          : session.participants;
        if (participantId && targets.length === 0)
          throw new KioskError('not_found', 'That participant is not on the list.');
        for (const participant of targets) {
          const entry = participant.progress.find((p) => p.lessonId === lessonId);
          if (entry) {
            entry.stepsDone = stepsDone;
            entry.completed = completed;
          } else participant.progress.push({ lessonId, stepsDone, completed });
        }
      }),
    'staff.groups.close': async ({ id }) => {
      const closed = await changeOpenSession(id, (session) => {
        session.status = 'closed';
        session.closedAt = ctx.now().toISOString();
        session.headCount = Math.max(session.headCount, session.participants.length);
      });
      await logStaffAction(ctx, 'session-closed', `${closed.date}, attendance ${closed.headCount}`);
      return summariseSession(closed);
    },
    'staff.groups.summary': async ({ id }) => summariseSession(sessionOrNotFound(groups.data, id)),
    'staff.groups.export': async ({ id, language }) => {
      const summary = summariseSession(sessionOrNotFound(groups.data, id));
      const files = sessionCsvFiles(summary, names.lessons?.names ?? {}, language);
      await logStaffAction(ctx, 'export', `group session ${summary.date}: ${files.length} CSV file(s)`);
      return { files };
    },

    'staff.groups.display': async (input) => {
      if ('close' in input) {
        await shell
          .showGroupDisplay?.(null)
          .catch((error: unknown) => console.error('[kiosk] the group display could not be closed:', error));
        return { shown: false };
      }
      const lesson = lessonsById.get(input.lessonId);
      if (!lesson) throw new KioskError('not_found', `There is no lesson called ${input.lessonId}.`);
      const view = buildGroupDisplayView(lesson, input.stepIndex, input.stage ?? 0, input.language);
      if (!view)
        throw new KioskError('invalid_input', `Lesson ${input.lessonId} has ${lesson.steps.length} steps.`);
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
      computeReport(ctx.activity.data.tallies, groups.data.sessions, period, names),
    'staff.reports.export': async ({ from, to, language }) => {
      const files = reportCsvFiles(
        computeReport(ctx.activity.data.tallies, groups.data.sessions, { from, to }, names),
        language,
      );
      await logStaffAction(ctx, 'export', `figures ${from} to ${to}: ${files.length} CSV file(s)`);
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
      await logStaffAction(ctx, 'retention-changed', `${before} → ${days} days`);
      await purge('retention-changed');
      return status();
    },
    'staff.datacare.wipe': async () => {
      const participantsRemoved = await groups.update((draft) => wipeParticipants(draft));
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
        `${participantsRemoved} participant(s) and ${resumeCodesRemoved} resume code(s) removed; anonymous figures kept`,
      );
      return { participantsRemoved, resumeCodesRemoved };
    },

    'staff.backup.create': async () => {
      const codes = resumeCodes();
      const backup = createBackup(
        {
          settings: ctx.settings.data,
          activity: ctx.activity.data,
          groupSessions: groups.data,
          resumeCodes: codes?.data ?? {
            schemaVersion: 1,
            retentionDays: groups.data.retentionDays,
            codes: [],
          },
          staffLog: staffLog.data,
        },
        ctx.now(),
        VERSION,
      );
      await logStaffAction(ctx, 'backup', backup.fileName);
      return backup;
    },
    'staff.backup.preview': async ({ text }) => previewBackup(readBackup(text)),
    'staff.backup.restore': async ({ text }) => {
      // Everything is checked before anything is written: a bad file changes nothing.
      const backup = readBackup(text);
      const codes = resumeCodes();
      const before = {
        settings: structuredClone(ctx.settings.data),
        activity: structuredClone(ctx.activity.data),
        groups: structuredClone(groups.data),
        codes: codes ? structuredClone(codes.data) : null,
        log: structuredClone(staffLog.data),
      };
      const { documents } = backup;
      try {
        // The PIN and lock state are this kiosk's own and stay (the backup does not carry them).
        await ctx.settings.update((draft) => {
          draft.public = structuredClone(documents.settings.public);
        });
        await ctx.activity.replace(documents.activity);
        await groups.replace(documents.groupSessions);
        if (codes) await codes.replace(documents.resumeCodes);
        // The log is an audit trail: a restore adds the backup's entries to this kiosk's own, it never erases what staff did here.
        await staffLog.replace(mergeLogs(before.log, documents.staffLog));
      } catch (error) {
        // A write failed half-way (disk full?): put back what was there so the kiosk is not left mixed.
        await ctx.settings.replace(before.settings).catch(() => undefined);
        await ctx.activity.replace(before.activity).catch(() => undefined);
        await groups.replace(before.groups).catch(() => undefined);
        if (codes && before.codes) await codes.replace(before.codes).catch(() => undefined);
        await staffLog.replace(before.log).catch(() => undefined);
        throw error;
      }
      await logStaffAction(
        ctx,
        'restore',
        `backup of ${backup.createdAt} (${hongKongDateKey(new Date(backup.createdAt))})`,
      );
      // Restored lists older than the period go at once, as they would have on the day.
      await purge('restore');
      return previewBackup(backup);
    },
    'staff.print.pdf': async ({ kind, suggestedName }) => {
      if (!shell.printToPdf)
        throw new KioskError(
          'forbidden',
          'Saving as PDF works in the desktop kiosk only; use Print instead.',
        );
      let result: { saved: boolean; file?: string };
      try {
        result = await shell.printToPdf({ suggestedName });
      } catch (error) {
        console.error('[kiosk] staff.print.pdf failed:', error);
        throw new KioskError(
          'storage',
          'The PDF could not be saved. Check that the folder (or USB stick) is still there and has room.',
        );
      }
      // The file name only: the folder may say whose USB stick it is.
      if (result.saved && result.file)
        await logStaffAction(
          ctx,
          'export',
          `${kind === 'report' ? 'figures' : 'group session summary'}: PDF ${path.basename(result.file)}`,
        );
      return result.saved && result.file ? { saved: true, file: result.file } : { saved: false };
    },
    'staff.log.list': async ({ limit = 500 }) => ({
      entries: staffLog.data.entries.slice(-limit).reverse(),
      total: staffLog.data.entries.length,
    }),
  };
}
