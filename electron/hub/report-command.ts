import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/clock';
import { writeFileDurably } from '../core/store/durable-file';
import type { Language } from '../shared/languages';
import { isDateKey } from '../shared/period';
import { HubError, hubPaths, requireHubFile } from './home';
import { poolFigures, type PooledReport } from './report';
import { reportCsvFiles } from './report-csv';
import { reportHtml } from './report-html';

export interface ReportOptions {
  home: string;
  from: string;
  to: string;
  language: Language;
  /** Where to write; reports/<from>_<to>/ in the hub's home by default. */
  out?: string;
  now?: Clock;
}

export interface ReportResult {
  from: string;
  to: string;
  folder: string;
  /** Every file written, absolute: the CSV tables and the printable page. */
  files: string[];
  /** Kiosks gone quiet: `since` their newest day, null when they never reported. */
  notReported: { kioskId: string; centre: string; since: string | null }[];
  /** Figures files left out (damaged, not the schema, not the kiosk's): the page lists them. */
  skipped: number;
  report: PooledReport;
}

/**
 * `hub report --from --to`: every kiosk's figures pooled (H5's poolFigures) and written as the CSV
 * files and the printable HTML page, in the admin's language, into one folder per period.
 */
export async function runReport(options: ReportOptions): Promise<ReportResult> {
  for (const value of [options.from, options.to])
    if (!isDateKey(value)) throw new HubError(1, 'errors.badDate', { value });
  if (options.from > options.to)
    throw new HubError(1, 'errors.badRange', { from: options.from, to: options.to });
  const paths = hubPaths(options.home);
  await requireHubFile(paths);

  const report = await poolFigures(options.home, { from: options.from, to: options.to });
  const generatedAt = options.now ? options.now() : new Date();
  const folder = options.out ?? path.join(paths.reports, `${options.from}_${options.to}`);
  await fs.mkdir(folder, { recursive: true });
  const files: string[] = [];
  for (const csv of reportCsvFiles(report, options.language, generatedAt)) {
    const file = path.join(folder, csv.name);
    await writeFileDurably(file, csv.text);
    files.push(file);
  }
  const page = path.join(folder, `report-${options.from}_${options.to}.html`);
  await writeFileDurably(page, reportHtml(report, options.language, generatedAt));
  files.push(page);

  return {
    from: options.from,
    to: options.to,
    folder,
    files,
    notReported: report.notReported.map((kiosk) => ({
      kioskId: kiosk.kioskId,
      centre: kiosk.centre,
      since: kiosk.lastDay,
    })),
    skipped: report.skipped.length,
    report,
  };
}
