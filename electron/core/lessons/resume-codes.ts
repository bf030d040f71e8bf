import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { StoredDocument } from '../store/document';
import { RESUME_CODE_ALPHABET, RESUME_CODE_LENGTH } from '../../shared/resume-code-format';

export { RESUME_CODE_ALPHABET, RESUME_CODE_LENGTH };

/**
 * Resume codes: six characters a visitor can copy by hand or scan, standing for a lesson and a
 * step, nothing about the person. They live in their own document (resume-codes.json) so the
 * retention purge never touches the anonymous tallies, and carry createdAt for that purge.
 */

export const DEFAULT_RETENTION_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The most codes kept at once; past it the oldest go first. The store rewrites the whole document
 * on every change, so the cap bounds what one create costs (and how long it holds up other calls),
 * and it bounds the odds of a random guess finding a code (see README.md).
 */
export const MAX_STORED_RESUME_CODES = 20_000;

export const ResumeEntrySchema = z.object({
  code: z.string().length(RESUME_CODE_LENGTH),
  lessonId: z.string().min(1).max(64),
  stepIndex: z.number().int().min(0),
  completedLessons: z.array(z.string().min(1).max(64)),
  createdAt: z.string().datetime(),
});
export type ResumeEntry = z.infer<typeof ResumeEntrySchema>;

export const RESUME_CODES_SCHEMA_VERSION = 1;
export const ResumeCodesDocSchema = z.object({
  schemaVersion: z.literal(RESUME_CODES_SCHEMA_VERSION),
  /** Set by staff; codes older than this are purged. */
  retentionDays: z.number().int().min(1),
  codes: z.array(ResumeEntrySchema),
});
export type ResumeCodesDoc = z.infer<typeof ResumeCodesDocSchema>;

export function defaultResumeCodesDoc(): ResumeCodesDoc {
  return { schemaVersion: RESUME_CODES_SCHEMA_VERSION, retentionDays: DEFAULT_RETENTION_DAYS, codes: [] };
}

export function isExpired(entry: Pick<ResumeEntry, 'createdAt'>, now: Date, days: number): boolean {
  return now.getTime() - Date.parse(entry.createdAt) > days * DAY_MS;
}

export function expiresAt(entry: Pick<ResumeEntry, 'createdAt'>, days: number): string {
  return new Date(Date.parse(entry.createdAt) + days * DAY_MS).toISOString();
}

/**
 * Removes every code older than `days` (a code exactly `days` old is kept) and returns how many
 * went. Writes only when something is removed.
 */
export async function purgeExpiredResumeCodes(
  doc: StoredDocument<ResumeCodesDoc>,
  now: Date,
  days: number,
): Promise<number> {
  const expired = doc.data.codes.filter((entry) => isExpired(entry, now, days)).length;
  if (expired === 0) return 0;
  await doc.update((draft) => {
    draft.codes = draft.codes.filter((entry) => !isExpired(entry, now, days));
  });
  return expired;
}

/**
 * What is left after expiry and the cap: codes past `days` removed, then the oldest beyond `cap`
 * (by createdAt; a restored backup may not be in order). Returns the same array when nothing goes.
 */
export function prunedCodes(
  codes: readonly ResumeEntry[],
  now: Date,
  days: number,
  cap = MAX_STORED_RESUME_CODES,
): readonly ResumeEntry[] {
  let kept = codes.some((entry) => isExpired(entry, now, days))
    ? codes.filter((entry) => !isExpired(entry, now, days))
    : codes;
  if (kept.length > cap) {
    // Codes are appended as they are made, so the file is in order but for restores: cut the front
    // in one pass, and sort only when it is not (into creation order, so the next cut is one pass).
    if (!inCreationOrder(kept)) {
      kept = kept
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => compareText(a.entry.createdAt, b.entry.createdAt) || a.index - b.index)
        .map((item) => item.entry);
    }
    return kept.slice(kept.length - cap);
  }
  return kept;
}

/** ISO times in one zone (toISOString, always Z) order as text. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function inCreationOrder(codes: readonly ResumeEntry[]): boolean {
  for (let i = 1; i < codes.length; i += 1)
    if (compareText(codes[i - 1]!.createdAt, codes[i]!.createdAt) > 0) return false;
  return true;
}

/**
 * Expiry and the cap in one write (none when nothing goes): at start-up, where a file from before
 * the cap may hold far more. Returns how many went.
 */
export async function pruneResumeCodes(
  doc: StoredDocument<ResumeCodesDoc>,
  now: Date,
  days: number,
  cap = MAX_STORED_RESUME_CODES,
): Promise<number> {
  const kept = prunedCodes(doc.data.codes, now, days, cap);
  const removed = doc.data.codes.length - kept.length;
  if (removed === 0) return 0;
  await doc.update((draft) => {
    draft.codes = prunedCodes(draft.codes, now, days, cap) as ResumeEntry[];
  });
  return removed;
}

/** A fresh random code (crypto-random; 32 characters divide evenly, so no letter is favoured). */
export function generateResumeCode(taken: Pick<ReadonlySet<string>, 'has'>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < RESUME_CODE_LENGTH; i += 1)
      code += RESUME_CODE_ALPHABET[randomInt(RESUME_CODE_ALPHABET.length)];
    if (!taken.has(code)) return code;
  }
}
