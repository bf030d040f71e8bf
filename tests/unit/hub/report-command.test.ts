import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FiguresDay } from '../../../electron/core/org/figures-file';
import { runHub, type HubIo } from '../../../electron/hub/cli';
import { hubPaths } from '../../../electron/hub/home';
import { sayIn } from '../../../electron/hub/messages';
import { runReport } from '../../../electron/hub/report-command';
import { fakeHubSyncthing } from '../../helpers/fake-hub-syncthing';
import { manualClock } from '../../helpers/manual-clock';
import { tempDirs } from '../../helpers/temp-dir';

const dirs = tempDirs('hub-report-command-');
afterEach(dirs.cleanup);

function day(kioskId: string, date: string, visits: number): FiguresDay {
  return {
    kind: 'kiosk-figures-day',
    format: 1,
    kioskId,
    date,
    written: `${date}T17:00:00.000Z`,
    tallies: [{ event: 'visit', subject: '', detail: '', language: 'zh-HK', count: visits }],
    groups: { sessions: 1, attendance: 9, learningMinutes: 540 },
  };
}

/** A hub with two kiosks joined on 1 November; only the first has sent figures (up to 20 November). */
async function hubWithFigures(): Promise<string> {
  const home = await dirs.make();
  const joinedOn = manualClock('2026-11-01T02:00:00.000Z');
  const lines = { out: () => undefined, err: () => undefined };
  const base: HubIo = {
    ...lines,
    env: { KIOSK_HUB_HOME: home },
    syncthing: fakeHubSyncthing(),
    now: joinedOn.now,
  };
  expect(await runHub(['keys', '--organisation', 'Smart Silver'], base)).toBe(0);
  expect(await runHub(['join', 'ssw-kt-01', '--centre', '觀塘中心', '--district', 'J'], base)).toBe(0);
  expect(
    await runHub(['join', 'ssw-sp-02', '--centre', '深水埗中心', '--district', 'sham-shui-po'], base),
  ).toBe(0);
  const folder = path.join(hubPaths(home).figures, 'ssw-kt-01');
  await fs.mkdir(folder, { recursive: true });
  for (const [date, visits] of [
    ['2026-11-19', 12],
    ['2026-11-20', 30],
  ] as const)
    await fs.writeFile(path.join(folder, `${date}.json`), JSON.stringify(day('ssw-kt-01', date, visits)));
  return home;
}

describe('hub report', () => {
  it('writes the CSV files (with BOM) and the printable page under reports/<from>_<to>/ and says who went quiet', async () => {
    const home = await hubWithFigures();
    const out: string[] = [];
    const code = await runHub(
      ['report', '--from', '2026-11-01', '--to', '2026-11-30', '--language', 'zh-HK'],
      {
        out: (line) => out.push(line),
        err: (line) => out.push(`ERR ${line}`),
        env: { KIOSK_HUB_HOME: home },
        now: manualClock('2026-12-01T01:00:00.000Z').now,
      },
    );
    expect(code).toBe(0);
    const folder = path.join(hubPaths(home).reports, '2026-11-01_2026-11-30');
    const say = sayIn('zh-HK');
    expect(out[0]).toBe(say('report.done', { from: '2026-11-01', to: '2026-11-30', folder }));

    const names = (await fs.readdir(folder)).sort();
    expect(names.filter((n) => n.endsWith('.csv')).length).toBeGreaterThan(0);
    expect(names).toContain('report-2026-11-01_2026-11-30.html');
    for (const name of names) expect(out).toContain(say('report.file', { file: path.join(folder, name) }));
    for (const name of names.filter((n) => n.endsWith('.csv')))
      expect((await fs.readFile(path.join(folder, name), 'utf8')).startsWith('\uFEFF')).toBe(true);
    const page = await fs.readFile(path.join(folder, 'report-2026-11-01_2026-11-30.html'), 'utf8');
    expect(page).toContain('觀塘中心');
    expect(page).toContain('42');

    expect(out).toContain(
      say('report.notReported', { since: '2026-11-20', kioskId: 'ssw-kt-01', centre: '觀塘中心' }),
    );
    expect(out).toContain(say('report.neverReported', { kioskId: 'ssw-sp-02', centre: '深水埗中心' }));
    expect(out.some((line) => line.startsWith('ERR'))).toBe(false);
  });

  it('writes to --out when given, and refuses a period that ends before it starts', async () => {
    const home = await hubWithFigures();
    const out = await dirs.make();
    const result = await runReport({ home, from: '2026-11-19', to: '2026-11-21', language: 'en', out });
    expect(result.folder).toBe(out);
    expect(result.report.totals.visits.total).toBe(42);
    expect(result.notReported.map((k) => k.kioskId)).toEqual(['ssw-sp-02']);
    await expect(
      runReport({ home, from: '2026-11-21', to: '2026-11-19', language: 'en' }),
    ).rejects.toMatchObject({
      exitCode: 1,
      key: 'errors.badRange',
    });
  });
});
