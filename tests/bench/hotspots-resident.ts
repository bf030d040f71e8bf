/**
 * Child process of the hotspot benchmark: opens a data folder that already holds an imported
 * dataset, as the kiosk does at start, and reports its resident memory. A separate process so the
 * figure is not inflated by the benchmark's own file buffers.
 * Usage: node --expose-gc --import tsx tests/bench/hotspots-resident.ts <dataDir>
 */
import { createHotspotHandlers } from '../../electron/core/hotspots/handlers';
import { makeCoreContext } from '../helpers/hotspots-context';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('data folder?');
const before = process.memoryUsage().rss;
const start = performance.now();
const cpuStart = process.cpuUsage();
const ctx = await makeCoreContext(dataDir);
const handlers = await createHotspotHandlers(ctx);
const loadMs = performance.now() - start;
// CPU time as well: on a busy machine the wall time says more about the neighbours than the kiosk.
const cpu = process.cpuUsage(cpuStart);
const loadCpuMs = (cpu.user + cpu.system) / 1000;
const facets = await handlers['hotspots.facets']({}, {});
await handlers['hotspots.search'](
  { near: 'centre', page: 1, pageSize: 10, language: 'en', text: 'library' },
  {},
);
(globalThis as { gc?: () => void }).gc?.();
const usage = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    venues: facets.total,
    loadMs,
    loadCpuMs,
    rssBefore: before,
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    external: usage.external,
  }),
);
