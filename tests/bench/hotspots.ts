/**
 * Wi-Fi directory benchmark: `npx tsx tests/bench/hotspots.ts` (add `--expose-gc` through
 * NODE_OPTIONS for a steadier memory figure). Prints figures against the README's budgets and
 * asserts nothing. The real files are read from ../shared/data; the 10× file is made in memory.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { countEvent } from '../../electron/core/activity/tallies';
import { DISTRICT_CODES } from '../../electron/core/settings/schema';
import { DistrictDirectory } from '../../electron/core/hotspots/districts';
import { createHotspotHandlers } from '../../electron/core/hotspots/handlers';
import { readImport } from '../../electron/core/hotspots/importer';
import { HotspotIndex } from '../../electron/core/hotspots/search-index';
import { INDEX_FILE } from '../../electron/core/hotspots/index-file';
import { JsonRecords } from '../../electron/core/hotspots/source-file';
import { readSource } from '../../electron/core/hotspots/source-stream';
import { readVenueFile } from '../../electron/core/hotspots/venue-file';
import { round } from './stats';
import { contentDir, makeCoreContext, repoRoot, sharedDataDir } from '../helpers/hotspots-context';

const TEXT_QUERIES = [
  'library',
  'lib',
  '圖書館',
  '图书馆',
  'sha tin',
  'mtr',
  'elderly centre',
  '7-eleven',
  'park',
  '沙田 library',
  // Place spellings and Chinese words read as the file's English (search-aliases.ts).
  'shatin',
  'tst',
  '旺角街市',
];

/** 54,300 records: each real record plus nine copies moved up to ~170 m, with new LocationIDs. */
export function makeTenfoldFile(realJson: Buffer): Buffer {
  const records = JSON.parse(realJson.toString('utf8').replace(/^\uFEFF/, '')) as Record<string, string>[];
  let seed = 20261127;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: Record<string, string>[] = [];
  for (let copy = 0; copy < 10; copy++) {
    for (const record of records) {
      if (copy === 0) {
        out.push(record);
        continue;
      }
      const lat = Math.min(22.59, Math.max(22.11, Number(record.Latitude) + (random() - 0.5) * 0.003));
      const lon = Math.min(114.49, Math.max(113.81, Number(record.Longitude) + (random() - 0.5) * 0.003));
      out.push({
        ...record,
        LocationID: `${record.LocationID}-x${copy}`,
        Latitude: lat.toFixed(6),
        Longitude: lon.toFixed(6),
      });
    }
  }
  return Buffer.from(`\uFEFF${JSON.stringify(out, null, 1)}`, 'utf8');
}

/** Resident memory of a fresh process that opens the data folder as the kiosk does at start. */
function residentMemory(dataDir: string): {
  loadMs: number;
  loadCpuMs: number;
  rss: number;
  rssBefore: number;
  heapUsed: number;
} {
  const script = fileURLToPath(new URL('./hotspots-resident.ts', import.meta.url));
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, dataDir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return JSON.parse(output) as {
    loadMs: number;
    loadCpuMs: number;
    rss: number;
    rssBefore: number;
    heapUsed: number;
  };
}

/**
 * A fresh browser-kiosk server is sent the file over HTTP as the renderer sends it and reports its
 * peak resident memory (hotspots-import-peak.ts). The file goes to a temporary folder outside the
 * project for the child to read.
 */
function importPeak(
  bytes: Buffer,
  fileName: string,
): { vmHwm: number; sampledPeak: number; rssBefore: number; rssAfter: number; importMs: number } {
  const script = fileURLToPath(new URL('./hotspots-import-peak.ts', import.meta.url));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-peak-'));
  try {
    const file = path.join(folder, fileName);
    writeFileSync(file, bytes);
    const dataDir = path.join(folder, 'data');
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, dataDir, file], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    return JSON.parse(output) as {
      vmHwm: number;
      sampledPeak: number;
      rssBefore: number;
      rssAfter: number;
      importMs: number;
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => Math.round(value * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function time<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

async function benchOneFile(
  label: string,
  fileName: string,
  bytes: Buffer,
  figures: Record<string, string | number>,
): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-bench-'));
  try {
    const ctx = await makeCoreContext(dataDir);
    const handlers = await createHotspotHandlers(ctx);
    const staff = { staffSession: 'bench' };
    const directory = DistrictDirectory.load(contentDir);

    const [, parseMs] = await time(() => readImport(bytes, { fileName, directory, now: new Date() }));
    const [preview, previewMs] = await time(() =>
      handlers['staff.hotspots.preview']({ fileName, content: bytes }, staff),
    );
    const [, confirmMs] = await time(() =>
      handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff),
    );
    figures[`${label}: records read`] = preview.recordsRead;
    figures[`${label}: venues`] = preview.venues;
    figures[`${label}: parse + normalise (ms)`] = ms(parseMs);
    figures[`${label}: import = preview + confirm (ms, budget 3000 for 54k)`] = ms(previewMs + confirmMs);
    figures[`${label}:   preview (ms)`] = ms(previewMs);
    figures[`${label}:   confirm: durable write + index (ms)`] = ms(confirmMs);

    // Rebuild an index alone for the index figure (the handler's is already built).
    const stored = await readVenueFile(path.join(dataDir, 'hotspots.json'));
    if (!stored.ok) throw new Error(`hotspots.json ${stored.reason}`);
    const [, indexMs] = await time(() => new HotspotIndex(stored.venues, directory));
    figures[`${label}: index build (ms, budget 400)`] = ms(indexMs);

    const search = handlers['hotspots.search'];
    const runs = 60;
    const district: number[] = [];
    const text: number[] = [];
    const nearest: number[] = [];
    const newPoint: number[] = [];
    for (let i = 0; i < runs; i++) {
      const code = DISTRICT_CODES[i % DISTRICT_CODES.length]!;
      // Page 2 is not counted as a look-up, so this times the search alone (no tally write).
      district.push(
        (
          await time(() =>
            search({ district: code, near: 'centre', page: 2, pageSize: 10, language: 'en' }, {}),
          )
        )[1],
      );
      const query = TEXT_QUERIES[i % TEXT_QUERIES.length]!;
      text.push(
        (
          await time(() => search({ text: query, near: 'centre', page: 1, pageSize: 10, language: 'en' }, {}))
        )[1],
      );
      nearest.push(
        (await time(() => search({ near: 'centre', page: 1, pageSize: 10, language: 'en' }, {})))[1],
      );
      const point = { latitude: 22.25 + (i % 10) * 0.02, longitude: 113.95 + (i % 7) * 0.05 };
      newPoint.push(
        (await time(() => search({ near: point, page: 1, pageSize: 10, language: 'en' }, {})))[1],
      );
    }
    figures[`${label}: district query p95 (ms, budget 15)`] = ms(percentile(district, 95));
    figures[`${label}: text query p95 (ms, budget 15)`] = ms(percentile(text, 95));
    figures[`${label}: nearest to centre p95 (ms, budget 15)`] = ms(percentile(nearest, 95));
    figures[`${label}: nearest to a new point p95 (ms, uncached)`] = ms(percentile(newPoint, 95));

    const lookups: number[] = [];
    for (let i = 0; i < 20; i++) {
      lookups.push(
        (
          await time(() =>
            search({ district: 'F', near: 'centre', page: 1, pageSize: 10, language: 'zh-HK' }, {}),
          )
        )[1],
      );
    }
    figures[`${label}: district look-up incl. durable tally write, median (ms)`] = ms(
      percentile(lookups, 50),
    );

    const writes: number[] = [];
    for (let i = 0; i < 20; i++)
      writes.push(
        (await time(() => countEvent(ctx.activity, { event: 'bench.write', language: 'en' }, new Date())))[1],
      );
    figures[`${label}: small write to activity.json with venues loaded, median (ms)`] = ms(
      percentile(writes, 50),
    );

    if (fileName.endsWith('.json')) {
      // The streaming reader against the old way: one JSON.parse of the whole text, then the same
      // records made from the parsed list. Same work after parsing, so the ratio is the streaming's cost.
      const sink = { begin: () => undefined, record: () => undefined };
      const [, wholeMs] = await time(() => {
        const records = new JsonRecords(sink);
        (JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')) as unknown[]).forEach((item, i) =>
          records.element(item, i),
        );
        return records.finish();
      });
      const [, streamMs] = await time(() => readSource(bytes, undefined, sink));
      figures[`${label}: streaming read / whole-file JSON.parse, to records (ms, ratio)`] =
        `${ms(streamMs)} / ${ms(wholeMs)} = ${round(streamMs / wholeMs, 2)}x`;
    }

    const peak = importPeak(bytes, fileName);
    figures[
      `${label}: peak RSS of a fresh browser-kiosk server during the import over HTTP (MB, budget 350)`
    ] = mb(Math.max(peak.vmHwm, peak.sampledPeak));
    figures[`${label}:   its RSS before / after the import (MB)`] =
      `${mb(peak.rssBefore)} / ${mb(peak.rssAfter)}`;
    figures[`${label}:   its import = preview + confirm (ms)`] = ms(peak.importMs);

    const starts = [residentMemory(dataDir), residentMemory(dataDir), residentMemory(dataDir)];
    const resident = starts.sort((a, b) => a.loadMs - b.loadMs)[1]!;
    figures[
      `${label}: kiosk start with this dataset: load + saved index, median of 3 (ms, budget 500 for 54k)`
    ] = ms(resident.loadMs);
    figures[`${label}:   of which CPU time (ms)`] = ms(resident.loadCpuMs);
    // Without the saved index (a first start after an upgrade, or a damaged one): built and saved again.
    await rm(path.join(dataDir, INDEX_FILE), { force: true });
    const rebuilt = residentMemory(dataDir);
    figures[`${label}:   with no saved index: load + build + save (ms; CPU ms)`] =
      `${ms(rebuilt.loadMs)}; ${ms(rebuilt.loadCpuMs)}`;
    figures[`${label}: RSS of a fresh process with it loaded (MB, budget 250)`] = mb(resident.rss);
    figures[`${label}:   of which the bare runtime before loading (MB)`] = mb(resident.rssBefore);
    figures[`${label}:   heap used (MB)`] = mb(resident.heapUsed);
    (globalThis as { gc?: () => void }).gc?.();
    figures[`${label}: RSS of this bench process after importing (MB)`] = mb(process.memoryUsage().rss);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runHotspotBench(): Promise<Record<string, string | number>> {
  const figures: Record<string, string | number> = {};
  figures['gc exposed'] =
    typeof (globalThis as { gc?: unknown }).gc === 'function'
      ? 'yes'
      : 'no (run with NODE_OPTIONS=--expose-gc)';

  // Baseline: a small write with only the sample loaded.
  {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-bench-'));
    const ctx = await makeCoreContext(dataDir);
    await createHotspotHandlers(ctx);
    const writes: number[] = [];
    for (let i = 0; i < 20; i++)
      writes.push(
        (await time(() => countEvent(ctx.activity, { event: 'bench.write', language: 'en' }, new Date())))[1],
      );
    figures['sample only: small write to activity.json, median (ms)'] = ms(percentile(writes, 50));
    await rm(dataDir, { recursive: true, force: true });
  }

  const csv = readFileSync(path.join(sharedDataDir, 'wifi-hk-hotspots.csv'));
  const json = readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'));
  await benchOneFile('real CSV (5,430)', 'wifi-hk-hotspots.csv', csv, figures);
  await benchOneFile('real JSON (5,430)', 'wifi-hk-fixed-official-shape.json', json, figures);
  const tenfold = makeTenfoldFile(json);
  figures['10x file size (MB)'] = mb(tenfold.byteLength);
  await benchOneFile('10x JSON (54,300)', 'tenfold.json', tenfold, figures);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runHotspotBench().then((figures) => {
    const width = Math.max(...Object.keys(figures).map((key) => key.length));
    for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(width)}  ${value}`);
  });
}
