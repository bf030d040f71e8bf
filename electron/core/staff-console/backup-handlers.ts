import { hongKongDateKey } from '../activity/schema';
import type { HandlersOf } from '../contract-method';
import type { CoreContext } from '../core-context';
import type { ResumeCodesDoc } from '../lessons/resume-codes';
import {
  backupDocuments,
  checkNewPassphrase,
  createBackup,
  labelOf,
  readBackup,
  type BackupDocuments,
  type BackupSources,
} from './backup';
import { previewRestore } from './backup-preview';
import type { BackupStatus, backupMethods } from './backup-contract';
import { DAY_MS } from './group-sessions';
import { logStaffAction, mergeLogs } from './staff-log';

// esbuild and vitest define the package version at build time (as service.ts reads it).
declare const __KIOSK_VERSION__: string | undefined;
const VERSION = typeof __KIOSK_VERSION__ === 'string' ? __KIOSK_VERSION__ : '0.0.0-dev';

/** Staff are reminded when the newest backup is older than this, or none was made. */
export const BACKUP_REMINDER_DAYS = 30;

/**
 * staff.backup.*: an encrypted backup file, what a restore would replace and lose, the restore,
 * and when the last backup was made. `purgeAfterRestore` is the console's retention purge: lists
 * in the file older than the period go at once, as they would have on the day.
 */
export function createBackupHandlers(
  ctx: CoreContext,
  purgeAfterRestore: () => Promise<unknown>,
): HandlersOf<typeof backupMethods> {
  const { groupSessions: groups, staffLog } = ctx.documents;
  const resumeCodes = (): ResumeCodesDoc =>
    ctx.documents.resumeCodes?.data ?? {
      schemaVersion: 1,
      retentionDays: groups.data.retentionDays,
      codes: [],
    };

  const sources = (): BackupSources => ({
    settings: ctx.settings.data,
    activity: ctx.activity.data,
    groupSessions: groups.data,
    resumeCodes: resumeCodes(),
    staffLog: staffLog.data,
  });
  const onKiosk = (): BackupDocuments => backupDocuments(sources());

  /**
   * From the staff log's newest 'backup' entry rather than a field of its own: the log is already
   * durable, a restore merges it (so a restore never forgets that this kiosk was backed up), and
   * it needs no new document or migration. Should 2,000 newer entries push it out, the console
   * reminds early, never late.
   */
  function status(): BackupStatus {
    const last = staffLog.data.entries.findLast((entry) => entry.action === 'backup')?.time ?? null;
    const daysSince = last === null ? null : Math.floor((ctx.now().getTime() - Date.parse(last)) / DAY_MS);
    return {
      lastBackupAt: last,
      daysSince,
      due: daysSince === null || daysSince >= BACKUP_REMINDER_DAYS,
      reminderDays: BACKUP_REMINDER_DAYS,
    };
  }

  return {
    'staff.backup.status': async () => status(),
    'staff.backup.create': async ({ passphrase, confirm }) => {
      checkNewPassphrase(passphrase, confirm);
      const backup = await createBackup(sources(), ctx.now(), VERSION, passphrase);
      await logStaffAction(ctx, 'backup', backup.fileName, { file: backup.fileName });
      return { ...backup, status: status() };
    },
    'staff.backup.preview': async ({ text, passphrase }) => {
      const label = labelOf(text);
      if (label.encrypted && !passphrase) return { needsPassphrase: true, ...label };
      return { needsPassphrase: false, ...previewRestore(await readBackup(text, passphrase), onKiosk()) };
    },
    'staff.backup.restore': async ({ text, passphrase }) => {
      // Everything is checked before anything is written: a bad file or passphrase changes nothing.
      const backup = await readBackup(text, passphrase);
      const preview = previewRestore(backup, onKiosk());
      const codes = ctx.documents.resumeCodes;
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
      const day = hongKongDateKey(new Date(backup.createdAt));
      await logStaffAction(ctx, 'restore', `backup of ${backup.createdAt} (${day})`, {
        createdAt: backup.createdAt,
        day,
        encrypted: backup.encrypted ? 'yes' : 'no',
      });
      await purgeAfterRestore();
      return preview;
    },
  };
}
