import { z } from 'zod';
import { method } from '../contract-method';
import { MAX_BACKUP_BYTES, MAX_PASSPHRASE, type BackupLabel } from './backup';
import type { BackupPreview } from './backup-preview';

export interface BackupStatus {
  /** When the newest backup on this kiosk was made, or null if none was. */
  lastBackupAt: string | null;
  /** Whole days since then, or null. */
  daysSince: number | null;
  /** True when staff should make one (none made, or older than reminderDays). */
  due: boolean;
  reminderDays: number;
}

/** An encrypted file without its passphrase says only what it is; with it, the whole preview. */
export type BackupPreviewAnswer =
  ({ needsPassphrase: true } & BackupLabel) | ({ needsPassphrase: false } & BackupPreview);

// Length is checked in the core with a reason (backupPassphraseShort); here only a sane bound.
const Passphrase = z.string().max(MAX_PASSPHRASE);
const BackupText = z.string().max(MAX_BACKUP_BYTES);

/** staff.backup.*: spread into staffConsoleMethods. Every one needs a staff session. */
export const backupMethods = {
  'staff.backup.status': method<BackupStatus>()({ input: z.object({}).strict(), staff: true }),
  /** Seals the kiosk's records with the passphrase staff chose (typed twice). */
  'staff.backup.create': method<{ fileName: string; text: string; status: BackupStatus }>()({
    input: z.object({ passphrase: Passphrase, confirm: Passphrase }).strict(),
    staff: true,
  }),
  /** Checks a backup file and says what it holds and what a restore would replace; changes nothing. */
  'staff.backup.preview': method<BackupPreviewAnswer>()({
    input: z.object({ text: BackupText, passphrase: Passphrase.optional() }).strict(),
    staff: true,
    // The file travels as a JSON string: escaped quotes make it longer than on disk.
    maxBodyBytes: MAX_BACKUP_BYTES * 2,
  }),
  /** Replaces the kiosk's records with the backup's (the staff PIN stays as it is). */
  'staff.backup.restore': method<BackupPreview>()({
    input: z
      .object({
        text: BackupText,
        passphrase: Passphrase.optional(),
        confirm: z.literal('replace-kiosk-records'),
      })
      .strict(),
    staff: true,
    maxBodyBytes: MAX_BACKUP_BYTES * 2,
  }),
} as const;
