import { z } from 'zod';
import { LanguageSchema } from '../i18n';

export const DateKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * One anonymous counter: what happened, to what, in which language, on which day — never who.
 * Examples: { event: 'visit' }, { event: 'lesson.completed', subject: 'wifi-basics' },
 * { event: 'eligibility.result', subject: 'internet-subsidy', detail: 'eligible' },
 * { event: 'hotspot.lookup', subject: 'F' }.
 */
export const TallySchema = z.object({
  date: DateKeySchema,
  event: z.string().min(1).max(64),
  subject: z.string().max(64),
  detail: z.string().max(64),
  language: LanguageSchema,
  count: z.number().int().min(0),
});
export type Tally = z.infer<typeof TallySchema>;

export const ACTIVITY_SCHEMA_VERSION = 1;
export const ActivityDocSchema = z.object({
  schemaVersion: z.literal(ACTIVITY_SCHEMA_VERSION),
  tallies: z.array(TallySchema),
});
export type ActivityDoc = z.infer<typeof ActivityDocSchema>;

export function defaultActivityDoc(): ActivityDoc {
  return { schemaVersion: ACTIVITY_SCHEMA_VERSION, tallies: [] };
}

// The kiosk's local date (Hong Kong time), so a visit at 23:30 counts for that day. One definition of the Hong Kong day, shared with the report periods the renderer also runs.
export { hongKongDateKey } from '../../shared/period';
