import type { BackupStatus } from '../../../electron/core/staff-console/backup-contract';

/** The last backup status the console heard, shared so a reminder goes the moment a backup is made. */
export const backupStatus = $state<{ current: BackupStatus | null }>({ current: null });
