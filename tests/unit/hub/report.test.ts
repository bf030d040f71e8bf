import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FiguresDay, FiguresTally } from '../../../electron/core/org/figures-file';
import { poolFigures, type PooledReport } from '../../../electron/hub/report';
import { reportCsvFiles } from '../../../electron/hub/report-csv';
import { reportHtml } from '../../../electron/hub/report-html';

const PERIOD = { from: '2026-11-01', to: '2026-11-30' };
const GENERATED = new Date('2026-12-01T16:30:00.000Z'); // 00:30 on 2 December in Hong Kong

const visit = (language: FiguresTally['language'], count: number): FiguresTally => ({
  event: 'visit',
  subject: '',
  detail: '',
  language,
  count,
});

function day(
  kioskId: string,
  date: string,
  tallies: FiguresTally[],
  groups: FiguresDay['groups'] = { sessions: 0, attendance: 0, learningMinutes: 0 },
): FiguresDay {
  return {
    kind: 'kiosk-figures-day',
    format: 1,
    kioskId,
    date,
    written: `${date}T17:00:00.000Z`,
    tallies,
    groups,
  };
}

let home: string;

async function put(kioskId: string, name: string, content: unknown): Promise<void> {
  const folder = path.join(home, 'figures', kioskId);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, name), typeof content === 'string' ? content : JSON.stringify(content));
}

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'hub-report-'));
  await writeFile(
    path.join(home, 'hub.json'),
    JSON.stringify({
      format: 1,
      organisation: 'Smart Silver',
      kiosks: [
        {
          kioskId: 'ssw-kt-01',
          centre: { name: 'Kwun Tong <Centre> & "Co"', district: 'J' },
          joinedAt: '2026-10-30T02:00:00.000Z',
          deviceId: 'AAA',
        },
        {
          kioskId: 'ssw-kt-02',
          centre: { name: 'Ngau Tau Kok Centre', district: 'J' },
          joinedAt: '2026-10-30T02:00:00.000Z',
        },
        {
          kioskId: 'ssw-tp-01',
          centre: { name: 'Tai Po Centre', district: 'P' },
          joinedAt: '2026-11-10T02:00:00.000Z',
        },
        // Joined on the period's last day (Hong Kong time): not yet due to have reported.
        {
          kioskId: 'ssw-new-01',
          centre: { name: 'New Centre', district: 'P' },
          joinedAt: '2026-11-29T17:00:00.000Z',
        },
      ],
    }),
  );

  // ssw-kt-01: three days in the period, one before it.
  await put('ssw-kt-01', '2026-10-31.json', day('ssw-kt-01', '2026-10-31', [visit('zh-HK', 100)]));
  await put(
    'ssw-kt-01',
    '2026-11-01.json',
    day(
      'ssw-kt-01',
      '2026-11-01',
      [
        visit('zh-HK', 10),
        visit('en', 2),
        { event: 'lesson.started', subject: 'free-wifi', detail: '', language: 'zh-HK', count: 3 },
        { event: 'eligibility.result', subject: 'wifi-hk', detail: 'eligible', language: 'zh-HK', count: 1 },
      ],
      { sessions: 1, attendance: 5, learningMinutes: 450 },
    ),
  );
  await put(
    'ssw-kt-01',
    '2026-11-02.json',
    day('ssw-kt-01', '2026-11-02', [
      visit('zh-CN', 4),
      { event: 'lesson.completed', subject: 'free-wifi', detail: '', language: 'zh-CN', count: 2 },
      { event: 'hotspot.lookup', subject: 'J', detail: '', language: 'zh-CN', count: 3 },
    ]),
  );
  await put(
    'ssw-kt-01',
    '2026-11-29.json',
    day('ssw-kt-01', '2026-11-29', [visit('zh-HK', 1)], {
      sessions: 2,
      attendance: 10,
      learningMinutes: 600,
    }),
  );
  // Syncthing's own entries in the folder are no day files.
  await mkdir(path.join(home, 'figures', 'ssw-kt-01', '.stfolder'), { recursive: true });
  await put('ssw-kt-01', '~syncthing~2026-11-30.json.tmp', '{"kind":');

  // ssw-kt-02: silent since 20 November, with damaged and foreign files after it.
  await put(
    'ssw-kt-02',
    '2026-11-05.json',
    day(
      'ssw-kt-02',
      '2026-11-05',
      [
        visit('en', 5),
        { event: 'eligibility.result', subject: 'wifi-hk', detail: 'not-eligible', language: 'en', count: 2 },
        {
          event: 'eligibility.result',
          subject: 'wifi-hk',
          detail: 'need-more-info',
          language: 'en',
          count: 1,
        },
      ],
      { sessions: 1, attendance: 6, learningMinutes: 540 },
    ),
  );
  await put(
    'ssw-kt-02',
    '2026-11-20.json',
    day('ssw-kt-02', '2026-11-20', [
      visit('zh-HK', 7),
      { event: 'lesson.started', subject: 'spot-the-scam', detail: '', language: 'zh-HK', count: 1 },
    ]),
  );
  await put('ssw-kt-02', '2026-11-25.json', '{"kind":"kiosk-figures-day","format":1,"kio');
  await put('ssw-kt-02', '2026-11-26.json', day('ssw-kt-01', '2026-11-26', [visit('zh-HK', 50)]));
  await put('ssw-kt-02', '2026-11-27.json', {
    ...day('ssw-kt-02', '2026-11-27', [visit('zh-HK', 50)]),
    nickname: 'Ah Fong',
  });
  await put('ssw-kt-02', '2026-11-28.json', day('ssw-kt-02', '2026-11-21', [visit('zh-HK', 50)]));
  await symlink('/etc/hostname', path.join(home, 'figures', 'ssw-kt-02', '2026-11-29.json'));

  // A folder from a kiosk the hub never issued a join for.
  await put('stranger-01', '2026-11-03.json', day('stranger-01', '2026-11-03', [visit('en', 999)]));
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('poolFigures', () => {
  let report: PooledReport;
  beforeAll(async () => {
    report = await poolFigures(home, PERIOD);
  });

  it('sums each kiosk over the period only', () => {
    const [kt1, kt2, tp1] = report.centres;
    expect(report.organisation).toBe('Smart Silver');
    expect(report.centres.map((c) => c.kioskId)).toEqual([
      'ssw-kt-01',
      'ssw-kt-02',
      'ssw-tp-01',
      'ssw-new-01',
    ]);
    expect(kt1!.figures).toMatchObject({
      visits: { 'zh-HK': 11, en: 2, 'zh-CN': 4, total: 17 },
      lessonsStarted: 3,
      lessonsCompleted: 2,
      eligibility: { eligible: 1, total: 1 },
      hotspotLookups: 3,
      groupSessions: 3,
      attendance: 15,
      learningMinutes: 1050,
      learningHours: 17.5,
      days: 3,
    });
    expect(kt1!.lastDay).toBe('2026-11-29');
    expect(kt2!.figures).toMatchObject({
      visits: { 'zh-HK': 7, en: 5, 'zh-CN': 0, total: 12 },
      lessonsStarted: 1,
      eligibility: { 'not-eligible': 2, 'need-more-info': 1, total: 3 },
      groupSessions: 1,
      attendance: 6,
      learningHours: 9,
      days: 2,
    });
    expect(kt2!.lastDay).toBe('2026-11-20');
    expect(tp1!.figures.days).toBe(0);
    expect(tp1!.lastDay).toBeNull();
  });

  it('adds the centres up by district and the districts up to the totals', () => {
    expect(report.districts.map((d) => [d.district, d.kiosks])).toEqual([
      ['J', 2],
      ['P', 2],
    ]);
    const kwunTong = report.districts[0]!.figures;
    expect(kwunTong).toMatchObject({
      visits: { 'zh-HK': 18, en: 7, 'zh-CN': 4, total: 29 },
      lessonsStarted: 4,
      lessonsCompleted: 2,
      eligibility: { eligible: 1, 'not-eligible': 2, 'need-more-info': 1, total: 4 },
      hotspotLookups: 3,
      groupSessions: 4,
      attendance: 21,
      learningHours: 26.5,
      days: 5,
    });
    expect(report.districts[1]!.figures.visits.total).toBe(0);
    expect(report.totals).toEqual(kwunTong);
  });

  it('lists the kiosks not heard from since a day, or never, and not one that joined on the last day', () => {
    expect(report.notReported).toEqual([
      {
        kioskId: 'ssw-tp-01',
        centre: 'Tai Po Centre',
        district: 'P',
        joinedAt: '2026-11-10T02:00:00.000Z',
        lastDay: null,
      },
      {
        kioskId: 'ssw-kt-02',
        centre: 'Ngau Tau Kok Centre',
        district: 'J',
        joinedAt: '2026-10-30T02:00:00.000Z',
        lastDay: '2026-11-20',
      },
    ]);
  });

  it('skips a damaged, foreign or mislabelled file with its reason, and a kiosk it never joined', () => {
    expect(report.skipped.map(({ file, reason }) => [file, reason])).toEqual([
      ['ssw-kt-02/2026-11-25.json', 'notJson'],
      ['ssw-kt-02/2026-11-26.json', 'otherKiosk'],
      ['ssw-kt-02/2026-11-27.json', 'notFigures'],
      ['ssw-kt-02/2026-11-28.json', 'otherDate'],
      ['ssw-kt-02/2026-11-29.json', 'notAFile'],
      ['stranger-01/', 'unknownKiosk'],
    ]);
  });

  it('answers an empty report for a hub with no hub.json yet', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'hub-report-empty-'));
    try {
      const none = await poolFigures(empty, PERIOD);
      expect(none).toMatchObject({ centres: [], districts: [], notReported: [], skipped: [] });
      expect(none.totals.visits.total).toBe(0);
      expect(reportHtml(none, 'en', GENERATED)).toContain('No kiosk has joined yet.');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('report renderings', () => {
  let report: PooledReport;
  beforeAll(async () => {
    report = await poolFigures(home, PERIOD);
  });

  it('CSV files start with the BOM, say whose figures and when, and end in the totals', () => {
    const files = reportCsvFiles(report, 'en', GENERATED);
    expect(files.map((f) => f.name)).toEqual([
      'centres_2026-11-01_2026-11-30.csv',
      'districts_2026-11-01_2026-11-30.csv',
      'visits-by-language_2026-11-01_2026-11-30.csv',
      'eligibility-outcomes_2026-11-01_2026-11-30.csv',
      'not-reported_2026-11-01_2026-11-30.csv',
      'skipped_2026-11-01_2026-11-30.csv',
    ]);
    for (const file of files) expect(file.text.startsWith('\uFEFFOrganisation,Smart Silver\r\n')).toBe(true);
    const centres = files[0]!.text.split('\r\n');
    expect(centres.slice(1, 3)).toEqual([
      'Period,2026-11-01,2026-11-30',
      'Made at (Hong Kong time),2026-12-02 00:30',
    ]);
    expect(centres).toContain(
      '"Kwun Tong <Centre> & ""Co""",ssw-kt-01,Kwun Tong,17,3,2,1,3,3,15,17.5,3,2026-11-29',
    );
    expect(centres.at(-2)).toBe('Total,,,29,4,2,4,3,4,21,26.5,5,');
    const districts = files[1]!.text.split('\r\n');
    expect(districts).toContain('Kwun Tong,2,29,4,2,4,3,4,21,26.5');
    expect(districts.at(-2)).toBe('Total,4,29,4,2,4,3,4,21,26.5');
    const quiet = files[4]!.text;
    expect(quiet).toContain('Tai Po Centre,ssw-tp-01,Tai Po,2026-11-10,,"Joined 2026-11-10, never reported"');
    expect(quiet).toContain(
      'Ngau Tau Kok Centre,ssw-kt-02,Kwun Tong,2026-10-30,2026-11-20,Nothing since 2026-11-20',
    );
  });

  it('CSV headings and district names follow the language', () => {
    const [centres] = reportCsvFiles(report, 'zh-HK', GENERATED);
    expect(centres!.text.startsWith('\uFEFF機構,Smart Silver\r\n')).toBe(true);
    expect(centres!.text).toContain(',ssw-kt-01,觀塘區,');
  });

  it.each(['zh-HK', 'en', 'zh-CN'] as const)(
    'the printable page in %s has no script, no outside address and escapes names',
    (language) => {
      const html = reportHtml(report, language, GENERATED);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:/i);
      expect(html).not.toMatch(/\sstyle=/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).toContain('Kwun Tong &lt;Centre&gt; &amp; &quot;Co&quot;');
      expect(html).not.toContain('<Centre>');
      expect(html).toContain('@page { size: A4');
      expect(html).toContain('2026-12-02 00:30');
    },
  );

  it('the page names districts and quiet kiosks in its language', () => {
    const html = reportHtml(report, 'zh-HK', GENERATED);
    expect(html).toContain('觀塘區');
    expect(html).toContain('2026-11-10 加入，從未交過');
    expect(html).toContain('2026-11-20 之後沒有再交');
    expect(html).toContain('<rect x="0" y="0" height="10" width="100"/>');
  });
});
