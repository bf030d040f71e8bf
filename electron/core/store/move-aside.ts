import path from 'node:path';
import { errnoOf } from './durable-file';
import type { HealthEvent, HealthEventReason } from './health-event';

/** Why a file could not be used, as data care and Data health word it. */
export interface UnusableFile {
  reason: HealthEventReason;
  /** The file-system error code where opening it failed (EISDIR, EACCES, EIO…). */
  code?: string;
}

/**
 * Renames a damaged or unopenable document to `<name>.corrupt-<time>.json` (a folder too) so its
 * backup can take its place and staff can still look at it, and says what happened as a health
 * event. A rename that fails leaves the file where it is and is reported, never thrown: start-up
 * goes on with the backup's data. Every document the kiosk keeps recovers through here.
 */
export async function moveAside(
  file: string,
  why: UnusableFile,
  options: {
    now: () => Date;
    rename: (from: string, to: string) => Promise<void>;
    report: (kind: HealthEvent['kind'], extra: Partial<HealthEvent>) => void;
  },
): Promise<void> {
  const stamp = options.now().toISOString().replace(/[:.]/g, '-');
  const aside = path.join(path.dirname(file), `${path.basename(file, '.json')}.corrupt-${stamp}.json`);
  const cause = { reason: why.reason, ...(why.code ? { code: why.code } : {}) };
  try {
    await options.rename(file, aside);
  } catch (error) {
    // Left in place: the write after recovery will fail on it too and say so.
    options.report('could-not-move-aside', {
      ...cause,
      file: path.basename(file),
      code: errnoOf(error) ?? why.code,
    });
    return;
  }
  options.report('moved-aside', { ...cause, file: path.basename(aside) });
}
