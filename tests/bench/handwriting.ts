/**
 * Handwriting benchmark: `node --expose-gc --import tsx tests/bench/handwriting.ts` (run.ts runs it
 * in `npm run bench`). The recogniser's time per written character, median and p95, over a few
 * hundred common characters drawn with the accuracy test's finger-like distortion (seeded), and
 * its memory once the templates are loaded (heap + array buffers retained, measured after a full
 * GC); then the next-character suggestions' build time, memory and time per request.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRecogniser } from '../../electron/core/handwriting/recognise';
import { Suggester } from '../../electron/core/handwriting/suggest';
import { createHotspotHandlers } from '../../electron/core/hotspots/handlers';
import { distort } from '../helpers/handwriting-distort';
import { medians, simplifiedSet, templateBytes, traditionalSet } from '../helpers/handwriting-sets';
import { makeCoreContext, repoRoot } from '../helpers/hotspots-context';
import { median, percentile, round } from './stats';

const SEED = 20261201;
const TRADITIONAL = 300;
const SIMPLIFIED = 150;

const gc = (globalThis as { gc?: () => void }).gc;
function retainedBytes(): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
const ms = (value: number) => round(value, 2);

/** The template file the build made (what the kiosk loads), else the one compiled from node_modules. */
function templateFile(): { bytes: Uint8Array; from: string } {
  const built = path.join(repoRoot, process.env.KIOSK_DIST ?? 'dist', 'handwriting/templates.bin');
  if (existsSync(built))
    return { bytes: new Uint8Array(readFileSync(built)), from: path.relative(repoRoot, built) };
  return { bytes: templateBytes(), from: 'node_modules/.cache (compiled from hanzi-writer-data)' };
}

export async function runHandwritingBench(): Promise<Record<string, string | number>> {
  const figures: Record<string, string | number> = {};
  figures['gc exposed'] = gc ? 'yes' : 'no (run with --expose-gc; memory figures are rough)';

  // Memory: what stays reachable once the recogniser is built and the file's bytes are dropped.
  const before = retainedBytes();
  // Built in a function of its own: the file's bytes are unreachable once it returns.
  const load = () => {
    const file = templateFile();
    return { recogniser: createRecogniser(file.bytes), from: file.from, bytes: file.bytes.byteLength };
  };
  let started = performance.now();
  const { recogniser, from, bytes: fileBytes } = load();
  const loadMs = performance.now() - started;
  const retained = retainedBytes() - before;
  figures['templates file'] = `${from}, ${mb(fileBytes)} MB, ${recogniser.size} characters`;
  figures['load: read the file + build the recogniser (ms)'] = ms(loadMs);
  figures['recogniser memory: heap + array buffers retained (MB, budget 40)'] = mb(retained);

  // Time per character: the visitor's script first, as the pad asks.
  const jobs = [
    ...traditionalSet(TRADITIONAL).map((char) => ({ char, prefer: 'traditional' as const })),
    ...simplifiedSet(SIMPLIFIED).map((char) => ({ char, prefer: 'simplified' as const })),
  ].map((job, n) => ({ ...job, strokes: distort(medians(job.char), { seed: SEED + n * 7919 }) }));
  for (const job of jobs.slice(0, 20)) recogniser.recognise(job.strokes, { prefer: job.prefer, limit: 10 });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let top1 = 0;
  let top8 = 0;
  for (const job of jobs) {
    const cpu = process.cpuUsage();
    started = performance.now();
    const candidates = recogniser.recognise(job.strokes, { prefer: job.prefer, limit: 10 });
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    if (candidates[0] === job.char) top1++;
    if (candidates.slice(0, 8).includes(job.char)) top8++;
  }
  figures[`recognise one character, ${jobs.length} written (ms, median / p95, budget p95 30)`] =
    `${ms(median(times))} / ${ms(percentile(times, 95))}`;
  // CPU time beside wall time: on a busy machine the wall time also counts waiting for a core.
  figures['  its CPU time (ms, median / p95)'] = `${ms(median(cpuTimes))} / ${ms(percentile(cpuTimes, 95))}`;
  figures['  slowest (ms)'] = ms(Math.max(...times));
  figures['  right character first / among the 8 shown (%)'] =
    `${round((100 * top1) / jobs.length)} / ${round((100 * top8) / jobs.length)}`;

  // Suggestions: the fixed vocabulary plus the shipped sample's venues, built on the first request.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-suggest-'));
  try {
    const ctx = await makeCoreContext(dataDir);
    await createHotspotHandlers(ctx);
    const suggestBefore = retainedBytes();
    const suggester = new Suggester({
      content: ctx.content,
      contentDir: ctx.contentDir,
      venues: () => ctx.venuesInUse.current(),
    });
    started = performance.now();
    suggester.models();
    const buildMs = performance.now() - started;
    figures['suggestions: build on first request, vocabulary + sample venues (ms)'] = ms(buildMs);
    figures['suggestions: memory retained (MB)'] = mb(retainedBytes() - suggestBefore);
    const afters = ['沙', '沙田', '灣', '將', '觀', '九龍', '香港中', '醫', '街', '深水'];
    const requestTimes: number[] = [];
    for (let round = 0; round < 50; round++) {
      for (const after of afters) {
        started = performance.now();
        suggester.suggest(after, round % 2 ? 'simplified' : 'traditional');
        requestTimes.push(performance.now() - started);
      }
    }
    figures[`suggestions: one request, ${requestTimes.length} (ms, median / p95)`] =
      `${ms(median(requestTimes))} / ${ms(percentile(requestTimes, 95))}`;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runHandwritingBench().then((figures) => {
    const width = Math.max(...Object.keys(figures).map((key) => key.length));
    for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(width)}  ${value}`);
  });
}
