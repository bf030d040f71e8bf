import type { Tally } from '../activity/schema';
import { LANGUAGES, type Language } from '../i18n';
import { OUTCOMES } from '../programmes/decide';
import { attendanceOf, type GroupSession } from './group-sessions';
import { daysInPeriod, daysOf, monthsOf, type Period } from '../../shared/period';

/**
 * The anonymous figures for a period, computed from the tallies in activity.json and the group
 * sessions. Pure: the same tallies and period always give the same report, which is what the
 * hand-counted tests check. Capabilities that record nothing yet simply show zero.
 */

export type Names = Record<string, { 'zh-HK': string; en: string; 'zh-CN': string }>;

/** Display names the handler looks up from the shipped content; the report carries them so CSV and screen agree. */
export interface ReportNames {
  lessons: Names;
  programmes: Names;
  districts: Names;
  /** Lesson ids in catalogue order, programme ids in content order, district codes A–T. */
  lessonOrder: string[];
  programmeOrder: string[];
  districtOrder: string[];
}

export interface Report {
  from: string;
  to: string;
  /** Periods up to 62 days are charted by day, longer ones by month. */
  granularity: 'day' | 'month';
  visits: { total: number; series: { period: string; count: number }[] };
  languages: { language: Language; count: number }[];
  lessons: {
    lessonId: string;
    name: Names[string] | null;
    started: number;
    steps: number;
    completed: number;
  }[];
  eligibility: { programmeId: string; name: Names[string] | null; outcome: string; count: number }[];
  hotspots: { district: string; name: Names[string] | null; count: number }[];
  sessions: {
    held: number;
    attendance: number;
    listedParticipants: number;
    rows: {
      id: string;
      date: string;
      title: string;
      place: string;
      status: GroupSession['status'];
      attendance: number;
      lessons: number;
    }[];
  };
}

export const MAX_DAILY_POINTS = 62;

function sumBy(tallies: readonly Tally[], key: (t: Tally) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const tally of tallies) out.set(key(tally), (out.get(key(tally)) ?? 0) + tally.count);
  return out;
}

/** Known ids first in their order, then ids seen in the tallies but not in the content, sorted. */
function ordered(known: string[], seen: Iterable<string>): string[] {
  const extra = [...new Set(seen)].filter((id) => !known.includes(id)).sort();
  return [...known, ...extra];
}

export function computeReport(
  tallies: readonly Tally[],
  sessions: readonly GroupSession[],
  period: Period,
  names: ReportNames,
): Report {
  const inPeriod = tallies.filter((t) => t.date >= period.from && t.date <= period.to && t.count > 0);
  const of = (event: string) => inPeriod.filter((t) => t.event === event);

  const visits = of('visit');
  const granularity = daysInPeriod(period) <= MAX_DAILY_POINTS ? 'day' : 'month';
  const byBucket = sumBy(visits, (t) => (granularity === 'day' ? t.date : t.date.slice(0, 7)));
  const buckets = granularity === 'day' ? daysOf(period) : monthsOf(period);
  const byLanguage = sumBy(visits, (t) => t.language);

  const started = sumBy(of('lesson.started'), (t) => t.subject);
  const steps = sumBy(of('lesson.step'), (t) => t.subject);
  const completed = sumBy(of('lesson.completed'), (t) => t.subject);
  const lessonIds = ordered(names.lessonOrder, [...started.keys(), ...steps.keys(), ...completed.keys()]);

  const checks = of('eligibility.result');
  const byProgrammeOutcome = sumBy(checks, (t) => `${t.subject}\u0000${t.detail}`);
  const programmeIds = ordered(
    names.programmeOrder,
    checks.map((t) => t.subject),
  );
  const outcomes = ordered(
    [...OUTCOMES],
    checks.map((t) => t.detail),
  );

  const lookups = sumBy(of('hotspot.lookup'), (t) => t.subject);
  const districts = ordered(names.districtOrder, lookups.keys());

  const held = sessions
    .filter((s) => s.date >= period.from && s.date <= period.to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));

  return {
    from: period.from,
    to: period.to,
    granularity,
    visits: {
      total: visits.reduce((sum, t) => sum + t.count, 0),
      series: buckets.map((bucket) => ({ period: bucket, count: byBucket.get(bucket) ?? 0 })),
    },
    languages: LANGUAGES.map((language) => ({ language, count: byLanguage.get(language) ?? 0 })),
    lessons: lessonIds.map((lessonId) => ({
      lessonId,
      name: names.lessons[lessonId] ?? null,
      started: started.get(lessonId) ?? 0,
      steps: steps.get(lessonId) ?? 0,
      completed: completed.get(lessonId) ?? 0,
    })),
    // Only programme × outcome pairs that happened: a table of every outcome for every programme is mostly zeros.
    eligibility: programmeIds.flatMap((programmeId) =>
      outcomes
        .map((outcome) => ({
          programmeId,
          name: names.programmes[programmeId] ?? null,
          outcome,
          count: byProgrammeOutcome.get(`${programmeId}\u0000${outcome}`) ?? 0,
        }))
        .filter((row) => row.count > 0),
    ),
    hotspots: districts.map((district) => ({
      district,
      name: names.districts[district] ?? null,
      count: lookups.get(district) ?? 0,
    })),
    sessions: {
      held: held.length,
      attendance: held.reduce((sum, s) => sum + attendanceOf(s), 0),
      listedParticipants: held.reduce((sum, s) => sum + s.participants.length + s.removed.participants, 0),
      rows: held.map((s) => ({
        id: s.id,
        date: s.date,
        title: s.title,
        place: s.place,
        status: s.status,
        attendance: attendanceOf(s),
        lessons: s.lessonIds.length,
      })),
    },
  };
}
