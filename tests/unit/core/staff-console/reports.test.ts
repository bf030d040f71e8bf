import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../../../../electron/core/staff-console/report-sections';
import { computeReport, NO_GROUPS } from '../../../../electron/core/staff-console/reports';
import { addMonths, daysInPeriod, isDateKey, presetPeriod } from '../../../../electron/shared/period';
import { LOCALE_LANGUAGES, localeFolders, readLocaleFolder } from '../../../helpers/locale-files';
import { SEEDED_GROUPS, SEEDED_NAMES, SEEDED_TALLIES } from './seed';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };

describe('report periods', () => {
  it('gives this month so far, the whole of last month and 12 calendar months', () => {
    expect(presetPeriod('this-month', '2025-03-18')).toEqual({ from: '2025-03-01', to: '2025-03-18' });
    expect(presetPeriod('last-month', '2025-03-18')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(presetPeriod('last-month', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetPeriod('last-month', '2025-01-05')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(presetPeriod('last-12-months', '2025-03-18')).toEqual({ from: '2024-04-01', to: '2025-03-18' });
  });

  it('steps months with the day clamped and knows real days', () => {
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(daysInPeriod(MARCH)).toBe(31);
    expect(isDateKey('2025-02-29')).toBe(false);
    expect(isDateKey('2024-02-29')).toBe(true);
    expect(isDateKey('2025-4-01')).toBe(false);
  });
});

describe('report from seeded activity (counted by hand)', () => {
  const report = computeReport(SEEDED_TALLIES, SEEDED_GROUPS, MARCH, SEEDED_NAMES);

  it('counts visits in the period only, by day', () => {
    // 3 + 1 + 2 + 4 + 2 = 12; 28 Feb (9) and 1 Apr (7) are outside March.
    expect(report.visits.total).toBe(12);
    expect(report.granularity).toBe('day');
    expect(report.visits.series).toHaveLength(31);
    expect(report.visits.series[0]).toEqual({ period: '2025-03-01', count: 4 });
    expect(report.visits.series[1]).toEqual({ period: '2025-03-02', count: 2 });
    expect(report.visits.series[14]).toEqual({ period: '2025-03-15', count: 4 });
    expect(report.visits.series[30]).toEqual({ period: '2025-03-31', count: 2 });
    expect(report.visits.series.filter((p) => p.count > 0)).toHaveLength(4);
  });

  it('counts languages used', () => {
    expect(report.languages).toEqual([
      { language: 'zh-HK', count: 7 },
      { language: 'en', count: 3 },
      { language: 'zh-CN', count: 2 },
    ]);
  });

  it('counts lessons started, steps and completed by lesson, zero for lessons nobody opened', () => {
    expect(
      report.lessons.map(({ lessonId, started, steps, completed }) => ({
        lessonId,
        started,
        steps,
        completed,
      })),
    ).toEqual([
      { lessonId: 'free-wifi', started: 3, steps: 9, completed: 2 },
      { lessonId: 'spot-the-scam', started: 3, steps: 4, completed: 0 },
      { lessonId: 'video-call', started: 0, steps: 0, completed: 0 },
    ]);
  });

  it('counts eligibility checks by programme and outcome', () => {
    expect(
      report.eligibility.map(({ programmeId, outcome, count }) => ({ programmeId, outcome, count })),
    ).toEqual([
      { programmeId: 'internet-access-subsidy', outcome: 'eligible', count: 3 },
      { programmeId: 'internet-access-subsidy', outcome: 'not-eligible', count: 1 },
      { programmeId: 'wifi-hk', outcome: 'need-more-info', count: 3 },
    ]);
  });

  it('counts hotspot look-ups by district', () => {
    // F: 5 + 1; A: 2 (the 8 on 1 April is outside).
    expect(report.hotspots.map(({ district, count }) => ({ district, count }))).toEqual([
      { district: 'A', count: 2 },
      { district: 'F', count: 6 },
    ]);
  });

  it('counts sessions held and attendance (head count, or those ticked present when more)', () => {
    // March: course week 1 (3 present), session a (head count 12), course week 2 (head count 3,
    // 2 present), session b (5 listed over a head count of 3), the untimed drop-in (head count 6).
    expect(report.sessions.held).toBe(5);
    expect(report.sessions.attendance).toBe(3 + 12 + 3 + 5 + 6);
    expect(report.sessions.rows.map((r) => r.id)).toEqual([
      'course-week-1',
      'session-march-a',
      'course-week-2',
      'session-march-b',
      'session-march-untimed',
    ]);
    expect(report.sessions.rows.map((r) => [r.present, r.listed])).toEqual([
      [3, 4],
      [2, 2],
      [2, 3],
      [5, 5],
      [1, 1],
    ]);
    expect(report.sessions.rows[1]!.course).toBeNull();
    expect(report.sessions.rows[0]!.course).toBe('Smartphone basics');
  });

  it('counts learning hours as attendance × length, sessions without times apart', () => {
    // 3 × 1 h + 12 × 1.5 h + 3 × 1.5 h + 5 × 1.5 h; the drop-in has no times and adds nothing.
    expect(report.sessions.rows.map((r) => r.learningHours)).toEqual([3, 18, 4.5, 7.5, 0]);
    expect(report.sessions.rows.map((r) => r.minutes)).toEqual([60, 90, 90, 90, null]);
    expect(report.sessions.learningHours).toBe(33);
    expect(report.sessions.untimedSessions).toBe(1);
  });

  it('counts a lesson completed only when every step was done, by those present', () => {
    // Week 1: member-1 did 3 of 3 steps (member-2 only 2). Session a: both did 3 of 3; session b:
    // all five. Week 2: member-4 finished both lessons, and the withdrawn member-3 had finished
    // one (kept as a count); member-2's record is there but they were not.
    expect(report.sessions.rows.map((r) => r.lessonsCompleted)).toEqual([1, 2, 3, 5, 0]);
    expect(report.sessions.lessonsCompleted).toBe(11);
  });

  it('tells new participants from returning ones by who came before the period', () => {
    // Present in March: member-1, -2, -3, the resume code KDR7P3 (week 2 and the drop-in: one
    // person), a's two and b's five: 11 people. member-1 and member-2 came in February.
    expect(report.sessions.newParticipants).toBe(9);
    expect(report.sessions.returningParticipants).toBe(2);
    const april = computeReport([], SEEDED_GROUPS, { from: '2025-04-01', to: '2025-04-30' }, SEEDED_NAMES);
    // The April session lists nobody: no one to call new or returning.
    expect([april.sessions.newParticipants, april.sessions.returningParticipants]).toEqual([0, 0]);
  });

  it('counts a course: unique participants within it, attendance rate over its sessions', () => {
    expect(report.courses.rows).toEqual([
      {
        id: 'course-phone-basics',
        title: 'Smartphone basics',
        sessions: 2,
        plannedSessions: 4,
        // Three on the course now, one withdrawn.
        members: 4,
        // member-1 came twice and is one; member-2, member-3 and KDR7P3 once each.
        uniqueParticipants: 4,
        attendances: 5,
        listed: 7,
        // 5 ÷ 7 = 71.4 %.
        attendanceRate: 71,
        learningHours: 7.5,
        lessonsCompleted: 4,
      },
    ]);
    expect(report.courses.uniqueParticipants).toBe(4);
    expect(report.courses.attendanceRate).toBe(71);
    // February alone: the course met once, two of four members came.
    const february = computeReport([], SEEDED_GROUPS, { from: '2025-02-01', to: '2025-02-28' }, SEEDED_NAMES);
    expect(february.courses.rows.map((c) => [c.sessions, c.uniqueParticipants, c.attendanceRate])).toEqual([
      [1, 2, 50],
    ]);
  });

  it('shows no attendance rate, rather than 0 %, when no course met', () => {
    const april = computeReport([], SEEDED_GROUPS, { from: '2025-04-01', to: '2025-04-30' }, SEEDED_NAMES);
    expect(april.courses).toEqual({ uniqueParticipants: 0, attendanceRate: null, rows: [] });
    const figure = april.figures.find((f) => f.id === 'courses')!;
    expect(figure.totals.map((t) => t.id)).toEqual(['unique-participants']);
  });

  it('says what the figures count, on every section that has figures to explain', () => {
    const defined = report.figures.filter((f) => f.definitions?.length).map((f) => f.id);
    expect(defined).toEqual(expect.arrayContaining(['visits', 'languages', 'sessions', 'courses']));
  });

  it('charts a year by month and shows zero where nothing was recorded', () => {
    const year = computeReport(
      SEEDED_TALLIES,
      SEEDED_GROUPS,
      { from: '2024-05-01', to: '2025-04-30' },
      SEEDED_NAMES,
    );
    expect(year.granularity).toBe('month');
    expect(year.visits.series).toHaveLength(12);
    expect(year.visits.series.find((p) => p.period === '2025-02')?.count).toBe(9);
    expect(year.visits.series.find((p) => p.period === '2025-03')?.count).toBe(12);
    expect(year.visits.series.find((p) => p.period === '2025-04')?.count).toBe(7);
    expect(year.visits.total).toBe(28);
    const empty = computeReport([], NO_GROUPS, MARCH, SEEDED_NAMES);
    expect(empty.visits.total).toBe(0);
    expect(empty.sessions).toEqual({
      held: 0,
      attendance: 0,
      listedParticipants: 0,
      learningHours: 0,
      untimedSessions: 0,
      lessonsCompleted: 0,
      newParticipants: 0,
      returningParticipants: 0,
      rows: [],
    });
    expect(empty.eligibility).toEqual([]);
  });
});

describe('every section of the report', () => {
  // The console translates a figure's keys with t(); a key no locale file has would show as the key.
  const RENDERER_SRC = path.resolve(import.meta.dirname, '../../../../renderer/src');
  const known = new Map<string, Set<string>>(LOCALE_LANGUAGES.map((language) => [language, new Set()]));
  for (const folder of localeFolders(RENDERER_SRC)) {
    const namespace = path.basename(path.dirname(folder));
    for (const [language, strings] of Object.entries(readLocaleFolder(folder)))
      for (const key of strings.keys())
        known.get(language)!.add(namespace === 'i18n' ? key : `${namespace}.${key}`);
  }

  it('names only UI strings the three locale files have', () => {
    const report = computeReport(SEEDED_TALLIES, SEEDED_GROUPS, MARCH, SEEDED_NAMES);
    expect(report.figures.map((figure) => figure.id)).toEqual(REPORT_SECTIONS.map((section) => section.id));
    const keys = report.figures.flatMap((figure) => [
      figure.title,
      ...figure.totals.map((total) => total.label),
      ...figure.columns.map((column) => column.label),
      ...(figure.chart?.kind === 'bars' ? (figure.chart.series ?? []) : []),
      ...(figure.definitions ?? []),
      ...[...figure.rows.flatMap((row) => [row.head, ...row.cells])].flatMap((cell) =>
        typeof cell === 'object' && 'label' in cell ? [cell.label] : [],
      ),
    ]);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys)
      for (const language of LOCALE_LANGUAGES)
        expect(known.get(language)!.has(key), `${language}:${key}`).toBe(true);
  });
});
