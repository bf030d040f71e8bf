import en from '../../../renderer/src/programmes/locales/en.json';
import zhCN from '../../../renderer/src/programmes/locales/zh-CN.json';
import zhHK from '../../../renderer/src/programmes/locales/zh-HK.json';
import { withSimplified } from '../content/localise';
import type { Language } from '../i18n';
import { countBy, defineReportSection, nameIn, ordered, type Names } from '../report-section';
import { OUTCOMES } from './decide';

// The outcome names are the ones the console shows (programmes.outcomeShort): one set of words for
// the screen and the CSV, so a count on one can be found on the other.
const CSV: Record<Language, typeof en.report.csv & { outcomes: Record<string, string> }> = {
  en: { ...en.report.csv, outcomes: en.outcomeShort },
  'zh-HK': { ...zhHK.report.csv, outcomes: zhHK.outcomeShort },
  'zh-CN': { ...zhCN.report.csv, outcomes: zhCN.outcomeShort },
};

/** The headline's words and what it counts, for the report's summary file. */
const WORDS: Record<Language, { total: string; define: string }> = {
  en: en.report,
  'zh-HK': zhHK.report,
  'zh-CN': zhCN.report,
};

/** Eligibility checks by programme and outcome. */
export const eligibilityReport = defineReportSection({
  id: 'eligibility',
  names: ({ programmes: { programmes } }) => {
    const names: Names = {};
    for (const programme of programmes) names[programme.id] = withSimplified(programme.title);
    return { names, order: programmes.map((programme) => programme.id) };
  },
  compute: ({ tallies, names }) => {
    const checks = tallies.filter((t) => t.event === 'eligibility.result');
    const byProgrammeOutcome = countBy(checks, 'eligibility.result', (t) => `${t.subject}\u0000${t.detail}`);
    const programmeIds = ordered(
      names.order,
      checks.map((t) => t.subject),
    );
    const outcomes = ordered(
      OUTCOMES,
      checks.map((t) => t.detail),
    );
    // Only programme × outcome pairs that happened: a table of every outcome for every programme is mostly zeros.
    return programmeIds.flatMap((programmeId) =>
      outcomes
        .map((outcome) => ({
          programmeId,
          name: names.names[programmeId] ?? null,
          outcome,
          count: byProgrammeOutcome.get(`${programmeId}\u0000${outcome}`) ?? 0,
        }))
        .filter((row) => row.count > 0),
    );
  },
  figure: (eligibility) => {
    const outcome = (id: string) => ({ label: `programmes.outcomeShort.${id}`, fallback: id });
    return {
      title: 'programmes.report.title',
      definitions: ['programmes.report.define'],
      totals: [
        {
          id: 'checks',
          label: 'programmes.report.total',
          value: eligibility.reduce((sum, e) => sum + e.count, 0),
        },
      ],
      columns: [
        { label: 'programmes.report.programme' },
        { label: 'programmes.report.outcome', text: true },
        { label: 'programmes.report.checks' },
      ],
      rows: eligibility.map((e) => ({
        key: `${e.programmeId}\u0000${e.outcome}`,
        head: { name: e.name, id: e.programmeId },
        cells: [outcome(e.outcome), e.count],
      })),
      chart: {
        kind: 'bars',
        bars: eligibility.map((e) => ({
          label: [{ name: e.name, id: e.programmeId }, outcome(e.outcome)],
          values: [e.count],
        })),
      },
    };
  },
  csv: (eligibility, _report, language) => {
    const l = CSV[language];
    return {
      file: 'eligibility-checks',
      header: [l.programmeId, l.programme, l.outcome, l.checks],
      rows: eligibility.map((row) => [
        row.programmeId,
        nameIn(row.name, row.programmeId, language),
        l.outcomes[row.outcome] ?? row.outcome,
        row.count,
      ]),
      totals: [3],
      summary: [
        {
          label: WORDS[language].total,
          value: eligibility.reduce((sum, row) => sum + row.count, 0),
          counts: WORDS[language].define,
        },
      ],
    };
  },
});
