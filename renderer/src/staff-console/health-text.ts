import type { HealthEvent, HealthEventKind } from '../../../electron/core/store/health-event';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Data health events say what happened in the reader's language: the core sends a kind, a
 * document, a file-system code and counts; these turn them into a sentence from the locale files.
 * The record makes the type checker ask for a sentence whenever the store learns a new kind.
 */
const KINDS: Record<HealthEventKind, true> = {
  'recovered-from-backup': true,
  'reset-to-defaults': true,
  'moved-aside': true,
  'could-not-move-aside': true,
  migrated: true,
  'not-saved': true,
  'backup-not-saved': true,
  'not-synced': true,
  'temp-files-removed': true,
  'purge-failed': true,
  'content-pack-not-loaded': true,
  'org-check-failed': true,
};

/** File-system codes a person can be told about in words; others are shown as the code itself. */
export const KNOWN_CODES = [
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EISDIR',
  'EIO',
  'EROFS',
  'EBUSY',
] as const;

const REASONS = ['unreadable', 'not-json', 'not-schema'] as const;

/** Why it happened, in words: the file-system code if there is one, else the reason a file was unusable. */
export function healthCause(event: Pick<HealthEvent, 'code' | 'reason'>, t: Translate): string {
  if (event.code) {
    return (KNOWN_CODES as readonly string[]).includes(event.code)
      ? t(`staff.health.code.${event.code}`)
      : t('staff.health.code.other', { code: event.code });
  }
  if (event.reason && (REASONS as readonly string[]).includes(event.reason))
    return t(`staff.health.reason.${event.reason}`);
  return t('staff.health.code.unknown');
}

export function describeHealthEvent(event: HealthEvent, t: Translate): string {
  const document = event.document ? `${event.document}.json` : '';
  if (!Object.hasOwn(KINDS, event.kind)) return t('staff.health.kind.other', { document });
  const text = t(`staff.health.kind.${event.kind}`, {
    document,
    file: event.file ?? '',
    why: healthCause(event, t),
    count: event.count ?? 0,
  });
  const repeated = event.kind !== 'temp-files-removed' && (event.count ?? 1) > 1;
  return repeated ? `${text} ${t('staff.health.times', { count: event.count })}` : text;
}

/** Megabytes with one decimal below 10 MB, whole above: enough to tell "full" from "fine". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb < 10 ? mb.toFixed(1) : String(Math.round(mb));
}

/** Below this the panel warns: a few more imports or a busy month of figures would not fit. */
export const LOW_SPACE_BYTES = 50 * 1024 * 1024;
