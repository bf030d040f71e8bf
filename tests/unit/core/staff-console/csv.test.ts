import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  csvField,
  reportCsvFiles,
  sessionCsvFiles,
  toCsv,
} from '../../../../electron/core/staff-console/csv';
import { summariseSession } from '../../../../electron/core/staff-console/group-sessions';
import { computeReport } from '../../../../electron/core/staff-console/reports';
import { SEEDED_ABOUT, SEEDED_GROUPS, SEEDED_NAMES, SEEDED_SESSIONS, SEEDED_TALLIES } from './seed';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/reports');
const golden = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('CSV fields (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(42)).toBe('42');
  });

  it('never lets a typed title run as a spreadsheet formula', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('+852')).toBe("'+852");
    expect(csvField('@home')).toBe("'@home");
    expect(csvField('=a,b')).toBe(`"'=a,b"`);
  });

  it.each([
    ['full-width equals', '\uFF1DSUM(A1)'],
    ['full-width plus', '\uFF0B852'],
    ['full-width minus', '\uFF0D1+1'],
    ['full-width at', '\uFF20home'],
    ['zero-width space before =', '\u200B=HYPERLINK(A1)'],
    ['right-to-left mark before +', '\u200F+1'],
    ['left-to-right embedding before -', '\u202A-1'],
    ['right-to-left override before @', '\u202E@SUM(1)'],
    ['first-strong isolate before =', '\u2068=1'],
    ['pop directional isolate before full-width equals', '\u2069\uFF1D1'],
    ['byte-order mark before =', '\uFEFF=1'],
    ['several invisible characters before =', '\u200B\u200D\u2066=1'],
  ])('neutralises a formula start hidden as %s', (_name, value) => {
    expect(csvField(value)).toBe(`'${value}`);
  });

  it('leaves invisible characters alone when no formula follows', () => {
    expect(csvField('\u200Bhello')).toBe('\u200Bhello');
    expect(csvField('長者 = 60+')).toBe('長者 = 60+');
    expect(csvField('a\uFF1Db')).toBe('a\uFF1Db');
  });

  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    const text = toCsv(['日期', 'Count'], [['2025-03-01', 3]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toBe('\uFEFF日期,Count\r\n2025-03-01,3\r\n');
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('CSV golden files (tests/fixtures/reports)', () => {
  const report = computeReport(
    SEEDED_TALLIES,
    SEEDED_GROUPS,
    { from: '2025-03-01', to: '2025-03-31' },
    SEEDED_NAMES,
  );

  it.each(['en', 'zh-HK', 'zh-CN'] as const)(
    'the March report in %s matches its golden files, one per table',
    (language) => {
      const files = reportCsvFiles(report, language, SEEDED_ABOUT);
      expect(files.map((f) => f.name)).toEqual([
        'visits_2025-03-01_2025-03-31.csv',
        'languages_2025-03-01_2025-03-31.csv',
        'lessons_2025-03-01_2025-03-31.csv',
        'eligibility-checks_2025-03-01_2025-03-31.csv',
        'hotspot-lookups_2025-03-01_2025-03-31.csv',
        'group-sessions_2025-03-01_2025-03-31.csv',
        'courses_2025-03-01_2025-03-31.csv',
        'summary_2025-03-01_2025-03-31.csv',
      ]);
      for (const file of files) expect(file.text, file.name).toBe(golden(`${language}_${file.name}`));
    },
  );

  it.each(['en', 'zh-HK', 'zh-CN'] as const)(
    'a session summary in %s matches its golden files',
    (language) => {
      // Free Wi-Fi in 3 steps: the seeded participants with 3 steps done finished it, whatever
      // their old `completed` flag says; nobody began the 5-step scam lesson.
      const summary = summariseSession(SEEDED_SESSIONS[1]!, { 'free-wifi': 3, 'spot-the-scam': 5 });
      const files = sessionCsvFiles(summary, SEEDED_NAMES.lessons!.names, language);
      // Totals only: the participant list (nicknames) never goes into a CSV.
      expect(files.map((f) => f.name)).toEqual(['session_2025-03-20_summary.csv']);
      for (const file of files) expect(file.text, file.name).toBe(golden(`${language}_${file.name}`));
    },
  );

  // A year is counted by month: the visits file is headed "Month" and has one row per month.
  it.each(['en', 'zh-HK', 'zh-CN'] as const)('a year by month in %s matches its golden file', (language) => {
    const year = computeReport(
      SEEDED_TALLIES,
      SEEDED_GROUPS,
      { from: '2024-05-01', to: '2025-04-30' },
      SEEDED_NAMES,
    );
    const visits = reportCsvFiles(year, language, SEEDED_ABOUT)[0]!;
    expect(visits.name).toBe('visits_2024-05-01_2025-04-30.csv');
    expect(visits.text).toBe(golden(`${language}_${visits.name}`));
  });

  it('heads every report file with the centre, the period and when it was made, in Hong Kong time', () => {
    for (const file of reportCsvFiles(report, 'en', SEEDED_ABOUT))
      expect(file.text.split('\r\n').slice(0, 4), file.name).toEqual([
        '\uFEFFCentre,Elderly Neighbourhood Centre',
        'Period,2025-03-01,2025-03-31',
        // 16:30 UTC on 31 March is 00:30 on 1 April in Hong Kong.
        'Generated at (Hong Kong time),2025-04-01 00:30',
        '',
      ]);
    // A centre without a zh-CN name of its own gets it converted from zh-HK.
    const cn = reportCsvFiles(report, 'zh-CN', SEEDED_ABOUT)[0]!.text.split('\r\n')[0];
    expect(cn).toBe('\uFEFF中心,长者邻舍中心');
  });

  it('ends each table with totals that add up its rows, and exports the headline figures', () => {
    const files = reportCsvFiles(report, 'en', SEEDED_ABOUT);
    const lines = (name: string) => files.find((f) => f.name.startsWith(name))!.text.split('\r\n');
    // 12 visits over March; the sessions' minutes, attendance, present, listed, hours, lessons completed.
    expect(lines('visits_').at(-2)).toBe('Total,12');
    expect(lines('group-sessions_').at(-2)).toBe('Total,,,330,,,,,29,13,15,33,,11');
    expect(lines('courses_').at(-2)).toBe('Total,2,,4,4,5,7,,7.5,4');
    const summary = lines('summary_');
    expect(summary[4]).toBe('Figure,Value,What it counts');
    expect(summary.slice(5, -1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      'Visits,12',
      'Lessons completed,2',
      'Eligibility checks,7',
      'Wi-Fi look-ups,8',
      'Group sessions held,5',
      'Attendance,29',
      'Learning hours,33',
      'Sessions without times,1',
      'Lessons completed in sessions,11',
      'New participants,9',
      'Returning participants,2',
      'Unique participants,4',
      'Attendance rate (%),71',
    ]);
  });
});
