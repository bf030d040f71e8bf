import { promises as fs } from 'node:fs';
import path from 'node:path';
import { hongKongDateKey, type ActivityDoc } from '../activity/schema';
import { groupFigures } from '../staff-console/group-figures';
import type { GroupSessionsDoc } from '../staff-console/group-sessions';
import { writeFileDurably } from '../store/durable-file';
import { addDays } from '../../shared/period';
import {
  FiguresDaySchema,
  FiguresTallySchema,
  figuresFileName,
  type FiguresDay,
  type FiguresTally,
} from './figures-file';
import { orgFolders } from './join';

/** The kiosk's send-only Syncthing folder for its figures, under its data folder (the one join shares). */
export function figuresFolder(dataDir: string): string {
  return orgFolders(dataDir).figures;
}

/**
 * Days written in one run at most. A kiosk off for months catches up over a few runs of the loop
 * instead of in one long burst, and a clock set years ahead cannot fill the disk in one go.
 */
export const MAX_DAYS_PER_RUN = 62;

export interface WriteCompletedDaysInput {
  dataDir: string;
  kioskId: string;
  activity: Pick<ActivityDoc, 'tallies'>;
  groupSessions: Pick<GroupSessionsDoc, 'sessions' | 'courses'>;
  /** The core's clock. */
  now: Date;
  /** The newest day already written (org.json figures.lastDayWritten), or null before the first. */
  lastDayWritten: string | null;
  /**
   * When the kiosk joined (org.json joined.joinedAt): no file is written for a day before it (the
   * first is for that Hong Kong day), so a centre's figures from before it joined are not sent,
   * nor, after leaving and joining again, those of the days in between. Without it and with no
   * day written, only yesterday.
   */
  joinedAt?: string | null;
}

export interface WriteCompletedDaysResult {
  /** The days whose files this run wrote, oldest first. */
  written: string[];
  /** The newest day now on disk (or skipped because its file was already there). */
  lastDayWritten: string | null;
}

/**
 * One day's file: the allow-listed tallies of that day as activity.json keeps them (already
 * anonymous), and the group sessions held that day as counts only. A session counts as held
 * when it was closed or someone was at it: one left open with nobody present was not held.
 * Attendance and length are the staff console's own (groupFigures), so the pooled figures and
 * the centre's report agree.
 */
export function figuresOfDay(
  input: Pick<WriteCompletedDaysInput, 'kioskId' | 'activity' | 'groupSessions' | 'now'>,
  date: string,
): FiguresDay {
  const tallies: FiguresTally[] = [];
  for (const t of input.activity.tallies) {
    if (t.date !== date || t.count <= 0) continue;
    const parsed = FiguresTallySchema.safeParse({
      event: t.event,
      subject: t.subject,
      detail: t.detail,
      language: t.language,
      count: t.count,
    });
    if (parsed.success) tallies.push(parsed.data);
  }
  const { sessions } = groupFigures(
    input.groupSessions.sessions,
    input.groupSessions.courses,
    { from: date, to: date },
    {},
  );
  const held = sessions.filter((s) => s.status === 'closed' || s.attendance > 0);
  return FiguresDaySchema.parse({
    kind: 'kiosk-figures-day',
    format: 1,
    kioskId: input.kioskId,
    date,
    written: input.now.toISOString(),
    tallies,
    groups: {
      sessions: held.length,
      attendance: held.reduce((sum, s) => sum + s.attendance, 0),
      learningMinutes: held.reduce(
        (sum, s) => sum + (s.minutes === null ? 0 : s.attendance * Math.max(0, s.minutes)),
        0,
      ),
    },
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Writes a file for each completed Hong Kong day after `lastDayWritten` (or from the join day) up
 * to yesterday, each durably, oldest first. A file already there is left as it is: the folder is
 * append-only, and the hub may already hold it. Throws the first write that fails; the days
 * before it are on disk, and the next run skips them.
 */
export async function writeCompletedDays(input: WriteCompletedDaysInput): Promise<WriteCompletedDaysResult> {
  const yesterday = addDays(hongKongDateKey(input.now), -1);
  const joinDay = input.joinedAt ? hongKongDateKey(new Date(input.joinedAt)) : null;
  const next = input.lastDayWritten ? addDays(input.lastDayWritten, 1) : null;
  // A kiosk that left and joined again (perhaps another organisation) sends nothing from before
  // this join: the days it was on its own are not the organisation's.
  const first =
    [next, joinDay]
      .filter((day): day is string => day !== null)
      .sort()
      .at(-1) ?? yesterday;

  const folder = figuresFolder(input.dataDir);
  const written: string[] = [];
  let last = input.lastDayWritten;
  let days = 0;
  for (let date = first; date <= yesterday && days < MAX_DAYS_PER_RUN; date = addDays(date, 1), days += 1) {
    if (days === 0) await fs.mkdir(folder, { recursive: true });
    const file = path.join(folder, figuresFileName(date));
    if (!(await exists(file))) {
      await writeFileDurably(file, `${JSON.stringify(figuresOfDay(input, date), null, 2)}\n`);
      written.push(date);
    }
    last = date;
  }
  return { written, lastDayWritten: last };
}
