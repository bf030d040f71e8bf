import { z } from 'zod';
import { DateKeySchema } from '../activity/schema';
import { LanguageSchema } from '../i18n';
import { OUTCOMES } from '../programmes/decide';
import { DistrictCodeSchema } from '../settings/schema';
import { isDateKey } from '../../shared/period';
import { KioskIdSchema } from './join-file';

/**
 * One completed Hong Kong day of a kiosk's anonymous figures, as it leaves the centre: the file
 * the kiosk writes into its send-only Syncthing folder and the hub pools. Everything in it is an
 * allow-list, `.strict()` at every level, so a field or value the kiosk never meant to send (a
 * nickname, a note, a resume code, a session title) cannot be written here nor accepted by the hub.
 */

/** Lesson and programme ids as the content schemas write them: lower-case words joined by hyphens. */
const ContentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);
const Empty = z.literal('');
/** A real calendar day: also the file's name, so no 2026-13-45.json. */
const Day = DateKeySchema.refine(isDateKey, 'not a calendar day');
const Count = z.number().int().min(1).max(1_000_000);

/**
 * The tally events that leave the kiosk, each with the only subject and detail shapes its counter
 * writes (the visit counter, lessons.progress, eligibility.evaluate, hotspots.search). Step counts
 * (`lesson.step`) stay on the kiosk: the pooled report does not use them.
 */
const tally = <E extends string, S extends z.ZodTypeAny, D extends z.ZodTypeAny>(
  event: E,
  subject: S,
  detail: D,
) => z.object({ event: z.literal(event), subject, detail, language: LanguageSchema, count: Count }).strict();

export const FiguresTallySchema = z.discriminatedUnion('event', [
  tally('visit', Empty, Empty),
  tally('lesson.started', ContentId, Empty),
  tally('lesson.completed', ContentId, Empty),
  tally('eligibility.result', ContentId, z.enum(OUTCOMES)),
  tally('hotspot.lookup', DistrictCodeSchema, Empty),
]);
export type FiguresTally = z.infer<typeof FiguresTallySchema>;
export type FiguresEvent = FiguresTally['event'];
export const FIGURES_EVENTS: readonly FiguresEvent[] = FiguresTallySchema.options.map(
  (option) => option.shape.event.value,
);

const Whole = z.number().int().min(0).max(10_000_000);

export const FiguresDaySchema = z
  .object({
    kind: z.literal('kiosk-figures-day'),
    format: z.literal(1),
    kioskId: KioskIdSchema,
    date: Day,
    written: z.string().datetime(),
    // Far above any day: every lesson, programme and outcome, district and language at once is a few thousand.
    tallies: z.array(FiguresTallySchema).max(20_000),
    groups: z
      .object({
        /** Group sessions held that day. */
        sessions: Whole,
        /** People at them (each session's attendance, summed). */
        attendance: Whole,
        /** Attendance × session length, over the sessions whose times are known. */
        learningMinutes: Whole,
      })
      .strict(),
  })
  .strict();
export type FiguresDay = z.infer<typeof FiguresDaySchema>;

/** `2026-12-01.json`: one file per day, so a new day adds a file and no file is ever rewritten. */
export function figuresFileName(date: string): string {
  return `${Day.parse(date)}.json`;
}

/** The date a figures file name stands for, or null for anything else in the folder. */
export function figuresFileDate(name: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})\.json$/.exec(name);
  return match && isDateKey(match[1]!) ? match[1]! : null;
}
