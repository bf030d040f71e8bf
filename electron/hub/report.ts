import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FiguresDaySchema, figuresFileDate, type FiguresDay } from '../core/org/figures-file';
import { KioskIdSchema } from '../core/org/join-file';
import { OUTCOMES, type Outcome } from '../core/programmes/decide';
import { hours } from '../core/staff-console/group-figures';
import { LANGUAGES, type Language } from '../shared/languages';
import { addDays, hongKongDateKey, type Period } from '../shared/period';
import { hubPaths, readHubFile, type HubKiosk } from './home';

/**
 * The organisation's pooled report: every kiosk's daily figures files (as Syncthing brought them
 * into <hub home>/figures/<kioskId>/) summed by centre and by district over a period, and the
 * kiosks that have gone quiet. Only the counts in the files exist here: the files carry nothing
 * about people (FiguresDaySchema), and a file that does not pass the schema is skipped, never
 * read in part.
 */

/** A day file is a few kilobytes (a busy one 33 KB); the schema's most tallies fit in 8 MB, anything bigger is not one. */
export const MAX_FIGURES_FILE_BYTES = 8 << 20;

export interface Figures {
  visits: Record<Language, number> & { total: number };
  lessonsStarted: number;
  lessonsCompleted: number;
  eligibility: Record<Outcome, number> & { total: number };
  hotspotLookups: number;
  groupSessions: number;
  attendance: number;
  learningMinutes: number;
  /** learningMinutes in hours, two decimals. */
  learningHours: number;
  /** Day files counted: one per kiosk and day. */
  days: number;
}

export interface CentreRow {
  kioskId: string;
  centre: string;
  district: string;
  joinedAt: string;
  /** The newest day the kiosk has reported, in or out of the period; null when none. */
  lastDay: string | null;
  figures: Figures;
}

export interface DistrictRow {
  district: string;
  kiosks: number;
  figures: Figures;
}

export interface NotReported {
  kioskId: string;
  centre: string;
  district: string;
  joinedAt: string;
  /** Null: joined and never reported. */
  lastDay: string | null;
}

export type SkipReason =
  | 'unreadable'
  | 'notAFile'
  | 'tooLarge'
  | 'notJson'
  | 'notFigures'
  | 'otherKiosk'
  | 'otherDate'
  | 'unknownKiosk';

export interface Skipped {
  kioskId: string;
  /** The file's path under the hub's figures folder (`ssw-kt-01/2026-12-01.json`). */
  file: string;
  reason: SkipReason;
  /** For the admin: where the schema failed, or the error code. */
  detail?: string;
}

export interface PooledReport {
  organisation: string;
  period: Period;
  centres: CentreRow[];
  districts: DistrictRow[];
  totals: Figures;
  /** Kiosks whose newest day is older than the day before `to` (or who never reported), quietest first. */
  notReported: NotReported[];
  skipped: Skipped[];
}

export function emptyFigures(): Figures {
  return {
    visits: { 'zh-HK': 0, en: 0, 'zh-CN': 0, total: 0 },
    lessonsStarted: 0,
    lessonsCompleted: 0,
    eligibility: {
      ...(Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>),
      total: 0,
    },
    hotspotLookups: 0,
    groupSessions: 0,
    attendance: 0,
    learningMinutes: 0,
    learningHours: 0,
    days: 0,
  };
}

/** Adds one day file's counts into `into`. */
export function addDay(into: Figures, day: FiguresDay): void {
  for (const tally of day.tallies) {
    switch (tally.event) {
      case 'visit':
        into.visits[tally.language] += tally.count;
        into.visits.total += tally.count;
        break;
      case 'lesson.started':
        into.lessonsStarted += tally.count;
        break;
      case 'lesson.completed':
        into.lessonsCompleted += tally.count;
        break;
      case 'eligibility.result':
        into.eligibility[tally.detail] += tally.count;
        into.eligibility.total += tally.count;
        break;
      case 'hotspot.lookup':
        into.hotspotLookups += tally.count;
        break;
    }
  }
  into.groupSessions += day.groups.sessions;
  into.attendance += day.groups.attendance;
  into.learningMinutes += day.groups.learningMinutes;
  into.learningHours = hours(into.learningMinutes);
  into.days += 1;
}

/** Sums figures (a district from its centres, the organisation from its districts). */
export function sumFigures(all: readonly Figures[]): Figures {
  const out = emptyFigures();
  for (const f of all) {
    for (const language of LANGUAGES) out.visits[language] += f.visits[language];
    out.visits.total += f.visits.total;
    out.lessonsStarted += f.lessonsStarted;
    out.lessonsCompleted += f.lessonsCompleted;
    for (const outcome of OUTCOMES) out.eligibility[outcome] += f.eligibility[outcome];
    out.eligibility.total += f.eligibility.total;
    out.hotspotLookups += f.hotspotLookups;
    out.groupSessions += f.groupSessions;
    out.attendance += f.attendance;
    out.learningMinutes += f.learningMinutes;
    out.days += f.days;
  }
  out.learningHours = hours(out.learningMinutes);
  return out;
}

/** The Hong Kong day a kiosk joined: its first day file is for that day. */
function joinDay(joinedAt: string): string {
  const at = new Date(joinedAt);
  // A joinedAt that is not an instant cannot excuse a kiosk from reporting.
  return Number.isNaN(at.getTime()) ? '' : hongKongDateKey(at);
}

type ReadDay = { ok: true; day: FiguresDay } | { ok: false; reason: SkipReason; detail?: string };

/** One day file, checked whole: a regular file, small, JSON, the schema, this kiosk, this date. */
async function readDayFile(file: string, kioskId: string, date: string): Promise<ReadDay> {
  let text: string;
  try {
    // lstat: a link Syncthing brought in must not make the hub read a file outside the folder.
    const stat = await fs.lstat(file);
    if (!stat.isFile()) return { ok: false, reason: 'notAFile' };
    if (stat.size > MAX_FIGURES_FILE_BYTES)
      return { ok: false, reason: 'tooLarge', detail: String(stat.size) };
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  const parsed = FiguresDaySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: 'notFigures',
      detail: issue ? `${issue.path.join('.') || '(file)'}: ${issue.message}` : undefined,
    };
  }
  if (parsed.data.kioskId !== kioskId)
    return { ok: false, reason: 'otherKiosk', detail: parsed.data.kioskId };
  if (parsed.data.date !== date) return { ok: false, reason: 'otherDate', detail: parsed.data.date };
  return { ok: true, day: parsed.data };
}

async function dayFileNames(folder: string): Promise<{ date: string; name: string }[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // Syncthing's own files (.stfolder, temp files) are not day files and are passed over silently.
  return names
    .map((name) => ({ name, date: figuresFileDate(name) }))
    .filter((entry): entry is { name: string; date: string } => entry.date !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
}

interface KioskPool {
  figures: Figures;
  lastDay: string | null;
  skipped: Skipped[];
}

/** A kiosk's days in the period summed, and its newest good day at all (read newest first, stopping at the first good one). */
async function poolKiosk(figuresDir: string, kioskId: string, period: Period): Promise<KioskPool> {
  const folder = path.join(figuresDir, kioskId);
  const files = await dayFileNames(folder);
  const figures = emptyFigures();
  const skipped: Skipped[] = [];
  const good = new Map<string, boolean>();
  const read = async (entry: { date: string; name: string }): Promise<FiguresDay | null> => {
    const result = await readDayFile(path.join(folder, entry.name), kioskId, entry.date);
    good.set(entry.date, result.ok);
    if (result.ok) return result.day;
    skipped.push({
      kioskId,
      file: `${kioskId}/${entry.name}`,
      reason: result.reason,
      ...(result.detail ? { detail: result.detail } : {}),
    });
    return null;
  };
  for (const entry of files) {
    if (entry.date < period.from || entry.date > period.to) continue;
    const day = await read(entry);
    if (day) addDay(figures, day);
  }
  let lastDay: string | null = null;
  for (const entry of [...files].reverse()) {
    const ok = good.has(entry.date) ? good.get(entry.date) : (await read(entry)) !== null;
    if (ok) {
      lastDay = entry.date;
      break;
    }
  }
  return { figures, lastDay, skipped };
}

/**
 * Every kiosk in hub.json pooled over the period. A figures folder for a kiosk id the hub never
 * issued a join for is not counted (listed as skipped). Centres and districts are listed in
 * hub.json's order and district code order; `generatedAt` is the caller's business (the renderings).
 */
export async function poolFigures(hubHome: string, period: Period): Promise<PooledReport> {
  const paths = hubPaths(hubHome);
  const hub = await readHubFile(paths);
  const kiosks: HubKiosk[] = hub?.kiosks ?? [];
  const centres: CentreRow[] = [];
  const skipped: Skipped[] = [];
  for (const kiosk of kiosks) {
    const pooled = await poolKiosk(paths.figures, kiosk.kioskId, period);
    skipped.push(...pooled.skipped);
    centres.push({
      kioskId: kiosk.kioskId,
      centre: kiosk.centre.name,
      district: kiosk.centre.district,
      joinedAt: kiosk.joinedAt,
      lastDay: pooled.lastDay,
      figures: pooled.figures,
    });
  }

  const known = new Set(kiosks.map((k) => k.kioskId));
  let folders: string[] = [];
  try {
    folders = (await fs.readdir(paths.figures, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const name of folders.sort())
    if (!known.has(name) && KioskIdSchema.safeParse(name).success)
      skipped.push({ kioskId: name, file: `${name}/`, reason: 'unknownKiosk' });

  const districtCodes = [...new Set(centres.map((c) => c.district))].sort();
  const districts: DistrictRow[] = districtCodes.map((district) => {
    const own = centres.filter((c) => c.district === district);
    return { district, kiosks: own.length, figures: sumFigures(own.map((c) => c.figures)) };
  });

  // "Reported" means up to the day before `to`: the day `to` itself may still be under way.
  const expected = addDays(period.to, -1);
  const notReported = centres
    .filter((c) => joinDay(c.joinedAt) <= expected && (c.lastDay === null || c.lastDay < expected))
    .map(({ kioskId, centre, district, joinedAt, lastDay }) => ({
      kioskId,
      centre,
      district,
      joinedAt,
      lastDay,
    }))
    .sort((a, b) => (a.lastDay ?? '').localeCompare(b.lastDay ?? '') || a.kioskId.localeCompare(b.kioskId));

  return {
    organisation: hub?.organisation ?? '',
    period,
    centres,
    districts,
    totals: sumFigures(districts.map((d) => d.figures)),
    notReported,
    skipped,
  };
}
