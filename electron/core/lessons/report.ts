import en from '../../../renderer/src/lessons/locales/en.json';
import zhCN from '../../../renderer/src/lessons/locales/zh-CN.json';
import zhHK from '../../../renderer/src/lessons/locales/zh-HK.json';
import { withSimplified } from '../content/localise';
import type { Language } from '../i18n';
import { countBy, defineReportSection, nameIn, ordered, type Names } from '../report-section';

const CSV: Record<Language, typeof en.report.csv> = {
  en: en.report.csv,
  'zh-HK': zhHK.report.csv,
  'zh-CN': zhCN.report.csv,
};

/** The headline's words and what it counts, for the report's summary file. */
const WORDS: Record<Language, { total: string; define: string }> = {
  en: en.report,
  'zh-HK': zhHK.report,
  'zh-CN': zhCN.report,
};

/** Lessons started, steps taken and lessons completed, by lesson; zero for lessons nobody opened. */
export const lessonsReport = defineReportSection({
  id: 'lessons',
  names: ({ lessons: { lessons } }) => {
    const names: Names = {};
    for (const lesson of lessons) names[lesson.id] = withSimplified(lesson.title);
    return { names, order: lessons.map((lesson) => lesson.id) };
  },
  compute: ({ tallies, names }) => {
    const started = countBy(tallies, 'lesson.started', (t) => t.subject);
    const steps = countBy(tallies, 'lesson.step', (t) => t.subject);
    const completed = countBy(tallies, 'lesson.completed', (t) => t.subject);
    const ids = ordered(names.order, [...started.keys(), ...steps.keys(), ...completed.keys()]);
    return ids.map((lessonId) => ({
      lessonId,
      name: names.names[lessonId] ?? null,
      started: started.get(lessonId) ?? 0,
      steps: steps.get(lessonId) ?? 0,
      completed: completed.get(lessonId) ?? 0,
    }));
  },
  figure: (lessons) => ({
    title: 'lessons.report.title',
    totals: [
      {
        id: 'lessons-completed',
        label: 'lessons.report.total',
        value: lessons.reduce((sum, l) => sum + l.completed, 0),
      },
    ],
    columns: [
      { label: 'lessons.report.lesson' },
      { label: 'lessons.report.started' },
      { label: 'lessons.report.completed' },
    ],
    rows: lessons.map((l) => ({
      key: l.lessonId,
      head: { name: l.name, id: l.lessonId },
      cells: [l.started, l.completed],
    })),
    // The chart leaves out lessons nobody opened; the table lists every lesson.
    chart: {
      kind: 'bars',
      series: ['lessons.report.started', 'lessons.report.completed'],
      bars: lessons
        .filter((l) => l.started + l.completed > 0)
        .map((l) => ({ label: [{ name: l.name, id: l.lessonId }], values: [l.started, l.completed] })),
    },
    definitions: ['lessons.report.define'],
  }),
  csv: (lessons, _report, language) => {
    const l = CSV[language];
    return {
      file: 'lessons',
      header: [l.lessonId, l.lesson, l.started, l.steps, l.completed],
      rows: lessons.map((row) => [
        row.lessonId,
        nameIn(row.name, row.lessonId, language),
        row.started,
        row.steps,
        row.completed,
      ]),
      totals: [2, 3, 4],
      summary: [
        {
          label: WORDS[language].total,
          value: lessons.reduce((sum, row) => sum + row.completed, 0),
          counts: WORDS[language].define,
        },
      ],
    };
  },
});
