import en from '../../../renderer/src/staff-console/locales/en.json';
import zhCN from '../../../renderer/src/staff-console/locales/zh-CN.json';
import zhHK from '../../../renderer/src/staff-console/locales/zh-HK.json';
import type { Language } from '../i18n';
import { defineReportSection, type FigureCell } from '../report-section';
import { groupFigures, rate } from './group-figures';
import { lessonSteps } from './sessions-report';

const CSV: Record<Language, typeof en.csv> = { en: en.csv, 'zh-HK': zhHK.csv, 'zh-CN': zhCN.csv };
const DEFINE: Record<Language, typeof en.reports.define> = {
  en: en.reports.define,
  'zh-HK': zhHK.reports.define,
  'zh-CN': zhCN.reports.define,
};

/**
 * Courses that met in the period: their unique participants (counted within the course),
 * attendance rate, learning hours and lessons completed. One-off sessions are in no course.
 */
export const coursesReport = defineReportSection({
  id: 'courses',
  names: lessonSteps,
  compute: ({ sessions, courses, period, names }) => {
    const rows = groupFigures(sessions, courses, period, names.counts ?? {}).courses;
    const attendances = rows.reduce((sum, c) => sum + c.attendances, 0);
    const listed = rows.reduce((sum, c) => sum + c.listed, 0);
    return {
      /** Summed over courses: a person on two courses is one on each (as the definition says). */
      uniqueParticipants: rows.reduce((sum, c) => sum + c.uniqueParticipants, 0),
      attendanceRate: rate(attendances, listed),
      rows,
    };
  },
  figure: (courses) => ({
    title: 'staff-console.reports.courses',
    totals: [
      {
        id: 'unique-participants',
        label: 'staff-console.reports.uniqueParticipants',
        value: courses.uniqueParticipants,
      },
      // No rate without a course session that listed someone: a 0 % would say nobody came.
      ...(courses.attendanceRate === null
        ? []
        : [
            {
              id: 'attendance-rate',
              label: 'staff-console.reports.attendanceRate',
              value: courses.attendanceRate,
            },
          ]),
    ],
    columns: [
      { label: 'staff-console.reports.course' },
      { label: 'staff-console.reports.courseSessions' },
      { label: 'staff-console.reports.uniqueParticipants' },
      { label: 'staff-console.reports.attendanceRate' },
      { label: 'staff-console.reports.learningHours' },
      { label: 'staff-console.reports.lessonsCompleted' },
    ],
    rows: courses.rows.map((c) => ({
      key: c.id,
      head: { text: c.title },
      cells: [
        { text: `${c.sessions} / ${c.plannedSessions}` },
        c.uniqueParticipants,
        c.attendanceRate === null
          ? ({ label: 'staff-console.reports.noRate', fallback: '–' } satisfies FigureCell)
          : c.attendanceRate,
        c.learningHours,
        c.lessonsCompleted,
      ],
    })),
    definitions: ['staff-console.reports.define.unique', 'staff-console.reports.define.attendanceRate'],
  }),
  csv: (courses, _report, language) => {
    const l = CSV[language];
    const d = DEFINE[language];
    return {
      file: 'courses',
      header: [
        l.course,
        l.sessions,
        l.plannedSessions,
        l.members,
        l.uniqueParticipants,
        l.attendances,
        l.listed,
        l.attendanceRate,
        l.learningHours,
        l.lessonsCompleted,
      ],
      rows: courses.rows.map((c) => [
        c.title,
        c.sessions,
        c.plannedSessions,
        c.members,
        c.uniqueParticipants,
        c.attendances,
        c.listed,
        c.attendanceRate ?? '',
        c.learningHours,
        c.lessonsCompleted,
      ]),
      // A rate does not add up; unique participants do, course by course.
      totals: [1, 3, 4, 5, 6, 8, 9],
      summary: [
        { label: l.uniqueParticipants, value: courses.uniqueParticipants, counts: d.unique },
        { label: l.attendanceRate, value: courses.attendanceRate ?? '', counts: d.attendanceRate },
      ],
    };
  },
});
