/**
 * Child process of the hotspot benchmark: a fresh kiosk process imports one file (preview, then
 * confirm) with the file streaming in from disk in 64 KB chunks, as the HTTP transport hands the
 * request body over, and reports its peak resident memory: the kernel's high-water mark
 * (VmHWM), which catches a peak between samples, and the highest of rss samples taken every 5 ms.
 * Usage: node --expose-gc --import tsx tests/bench/hotspots-import-peak.ts <dataDir> <file>
 */
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHotspotHandlers } from '../../electron/core/hotspots/handlers';
import { makeCoreContext } from '../helpers/hotspots-context';

const [dataDir, file] = process.argv.slice(2);
if (!dataDir || !file) throw new Error('data folder and file?');

const highWaterMark = (): number => {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};

const ctx = await makeCoreContext(dataDir);
const handlers = await createHotspotHandlers(ctx);
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage().rss;
let sampled = before;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 5);
const staff = { staffSession: 'bench' };
const start = performance.now();
const preview = await handlers['staff.hotspots.preview'](
  { fileName: path.basename(file), content: createReadStream(file, { highWaterMark: 64 * 1024 }) },
  staff,
);
const previewMs = performance.now() - start;
await handlers['staff.hotspots.confirm']({ previewId: preview.previewId }, staff);
const importMs = performance.now() - start;
clearInterval(sampler);
sampled = Math.max(sampled, process.memoryUsage().rss);
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(
  JSON.stringify({ venues: preview.venues, previewMs, importMs, rssBefore: before, sampledPeak: sampled, vmHwm: highWaterMark(), rssAfter: process.memoryUsage().rss }),
);
