import en from '../../../renderer/src/staff-console/locales/en.json';
import zhCN from '../../../renderer/src/staff-console/locales/zh-CN.json';
import zhHK from '../../../renderer/src/staff-console/locales/zh-HK.json';
import type { Language } from '../i18n';
import { defineReportSection } from '../report-section';
import { attendanceOf } from './group-sessions';

const CSV: Record<Language, typeof en.csv> = { en: en.csv, 'zh-HK': zhHK.csv, 'zh-CN': zhCN.csv };

/** Group sessions held in the period, by date then title, with attendance. */
export const sessionsReport = defineReportSection({
  id: 'sessions',
  compute: ({ sessions, period }) => {
    const held = sessions
      .filter((s) => s.date >= period.from && s.date <= period.to)
      .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
    return {
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
    };
  },
  figure: (sessions) => ({
    title: 'staff-console.reports.sessions',
    totals: [
      { id: 'sessions', label: 'staff-console.reports.sessionsHeld', value: sessions.held },
      { id: 'attendance', label: 'staff-console.reports.attendance', value: sessions.attendance },
    ],
    columns: [
      { label: 'staff-console.reports.day' },
      { label: 'staff-console.reports.sessionTitle', text: true },
      { label: 'staff-console.reports.attendance' },
    ],
    rows: sessions.rows.map((r) => ({
      key: r.id,
      head: { day: r.date },
      cells: [{ text: r.title }, r.attendance],
    })),
  }),
  csv: (sessions, _report, language) => {
    const l = CSV[language];
    return {
      file: 'group-sessions',
      header: [l.date, l.title, l.place, l.status, l.attendance, l.lessonsCovered],
      rows: sessions.rows.map((row) => [
        row.date,
        row.title,
        row.place,
        l.statuses[row.status],
        row.attendance,
        row.lessons,
      ]),
    };
  },
});
