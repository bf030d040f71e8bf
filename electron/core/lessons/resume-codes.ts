import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { StoredDocument } from '../store/document';
import { RESUME_CODE_ALPHABET, RESUME_CODE_LENGTH } from './resume-code-format';

export { RESUME_CODE_ALPHABET, RESUME_CODE_LENGTH };

/**
 * Resume codes: six characters a visitor can copy by hand or scan, standing for a lesson and a
 * step, nothing about the person. They live in their own document (resume-codes.json) so the
 * retention purge never touches the anonymous tallies, and carry createdAt for that purge.
 */

export const DEFAULT_RETENTION_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

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
export async function purgeExpiredResumeCodes(doc: StoredDocument<ResumeCodesDoc>, now: Date, days: number): Promise<number> {
  const expired = doc.data.codes.filter((entry) => isExpired(entry, now, days)).length;
  if (expired === 0) return 0;
  await doc.update((draft) => {
    draft.codes = draft.codes.filter((entry) => !isExpired(entry, now, days));
  });
  return expired;
}

/** A fresh random code (crypto-random; 32 characters divide evenly, so no letter is favoured). */
export function generateResumeCode(taken: ReadonlySet<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < RESUME_CODE_LENGTH; i += 1) code += RESUME_CODE_ALPHABET[randomInt(RESUME_CODE_ALPHABET.length)];
    if (!taken.has(code)) return code;
  }
}
