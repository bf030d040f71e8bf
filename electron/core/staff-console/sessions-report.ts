import en from '../../../renderer/src/staff-console/locales/en.json';
import zhCN from '../../../renderer/src/staff-console/locales/zh-CN.json';
import zhHK from '../../../renderer/src/staff-console/locales/zh-HK.json';
import type { CoreContent } from '../core-context';
import type { Language } from '../i18n';
import { defineReportSection, type ContentNames } from '../report-section';
import { groupFigures, type SessionFigures } from './group-figures';

const CSV: Record<Language, typeof en.csv> = { en: en.csv, 'zh-HK': zhHK.csv, 'zh-CN': zhCN.csv };
const DEFINE: Record<Language, typeof en.reports.define> = {
  en: en.reports.define,
  'zh-HK': zhHK.reports.define,
  'zh-CN': zhCN.reports.define,
};

/** The lessons' step counts: a lesson is finished in a session when every step of it is done. */
export function lessonSteps({ lessons: { lessons } }: CoreContent): ContentNames {
  return {
    names: {},
    order: [],
    counts: Object.fromEntries(lessons.map((lesson) => [lesson.id, lesson.steps.length])),
  };
}

/** Group sessions held in the period, by date and start time, with attendance and learning hours. */
export const sessionsReport = defineReportSection({
  id: 'sessions',
  names: lessonSteps,
  compute: ({ sessions, courses, period, names }) => {
    const figures = groupFigures(sessions, courses, period, names.counts ?? {});
    const rows = figures.sessions;
    const sum = (pick: (s: SessionFigures) => number) => rows.reduce((total, s) => total + pick(s), 0);
    return {
      held: rows.length,
      attendance: sum((s) => s.attendance),
      listedParticipants: sum((s) => s.listed),
      learningHours: Math.round(sum((s) => s.learningHours) * 100) / 100,
      untimedSessions: figures.untimedSessions,
      lessonsCompleted: sum((s) => s.lessonsCompleted),
      newParticipants: figures.newParticipants,
      returningParticipants: figures.returningParticipants,
      rows,
    };
  },
  figure: (sessions) => ({
    title: 'staff-console.reports.sessions',
    totals: [
      { id: 'sessions', label: 'staff-console.reports.sessionsHeld', value: sessions.held },
      { id: 'attendance', label: 'staff-console.reports.attendance', value: sessions.attendance },
      { id: 'learning-hours', label: 'staff-console.reports.learningHours', value: sessions.learningHours },
      ...(sessions.untimedSessions > 0
        ? [
            {
              id: 'untimed-sessions',
              label: 'staff-console.reports.untimedSessions',
              value: sessions.untimedSessions,
            },
          ]
        : []),
      {
        id: 'session-lessons-completed',
        label: 'staff-console.reports.sessionLessonsCompleted',
        value: sessions.lessonsCompleted,
      },
      {
        id: 'new-participants',
        label: 'staff-console.reports.newParticipants',
        value: sessions.newParticipants,
      },
      {
        id: 'returning-participants',
        label: 'staff-console.reports.returningParticipants',
        value: sessions.returningParticipants,
      },
    ],
    columns: [
      { label: 'staff-console.reports.dayTime' },
      { label: 'staff-console.reports.sessionTitle', text: true },
      { label: 'staff-console.reports.attendance' },
      { label: 'staff-console.reports.learningHours' },
      { label: 'staff-console.reports.lessonsCompleted' },
    ],
    rows: sessions.rows.map((r) => ({
      key: r.id,
      // The day and its times share the first column, so six columns fit the panel at the largest text.
      head: r.startTime && r.endTime ? { day: r.date, time: `${r.startTime}–${r.endTime}` } : { day: r.date },
      cells: [{ text: r.title }, r.attendance, r.learningHours, r.lessonsCompleted],
    })),
    definitions: [
      'staff-console.reports.define.attendance',
      'staff-console.reports.define.learningHours',
      'staff-console.reports.define.lessonsCompleted',
      'staff-console.reports.define.newReturning',
    ],
  }),
  csv: (sessions, _report, language) => {
    const l = CSV[language];
    const d = DEFINE[language];
    return {
      file: 'group-sessions',
      header: [
        l.date,
        l.startTime,
        l.endTime,
        l.minutes,
        l.title,
        l.course,
        l.place,
        l.status,
        l.attendance,
        l.present,
        l.listed,
        l.learningHours,
        l.lessonsCovered,
        l.lessonsCompleted,
      ],
      rows: sessions.rows.map((row) => [
        row.date,
        row.startTime ?? '',
        row.endTime ?? '',
        row.minutes ?? '',
        row.title,
        row.course ?? '',
        row.place,
        l.statuses[row.status],
        row.attendance,
        row.present,
        row.listed,
        row.learningHours,
        row.lessons,
        row.lessonsCompleted,
      ]),
      totals: [3, 8, 9, 10, 11, 13],
      summary: [
        { label: l.sessionsHeld, value: sessions.held, counts: '' },
        { label: l.attendance, value: sessions.attendance, counts: d.attendance },
        { label: l.learningHours, value: sessions.learningHours, counts: d.learningHours },
        { label: l.untimedSessions, value: sessions.untimedSessions, counts: d.learningHours },
        { label: l.sessionLessonsCompleted, value: sessions.lessonsCompleted, counts: d.lessonsCompleted },
        { label: l.newParticipants, value: sessions.newParticipants, counts: d.newReturning },
        { label: l.returningParticipants, value: sessions.returningParticipants, counts: d.newReturning },
      ],
    };
  },
});
