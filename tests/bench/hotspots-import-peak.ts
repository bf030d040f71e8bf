/**
 * Child process of the hotspot benchmark: a fresh browser-kiosk server (the whole core and the
 * loopback HTTP transport) is sent one file as the renderer sends it (the raw request body,
 * streamed from disk), previews and confirms it, and reports its peak resident memory: the
 * kernel's high-water mark (VmHWM), which catches a peak between samples, and the highest of rss
 * samples taken every 5 ms. The client side is a 64 KB file stream, so the figure is the server's.
 * Usage: node --expose-gc --import tsx tests/bench/hotspots-import-peak.ts <dataDir> <file>
 */
import { createReadStream, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createKioskCore } from '../../electron/core/service';
import { startKioskServer, type KioskServer } from '../../electron/web/server';
import { contentDir } from '../helpers/hotspots-context';

const [dataDir, file] = process.argv.slice(2);
if (!dataDir || !file) throw new Error('data folder and file?');

const highWaterMark = (): number => {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};

function post(
  server: KioskServer,
  method: string,
  session: string,
  body: { json: unknown } | { file: string; input: unknown },
): Promise<{ status: number; value: unknown }> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = {
      host: `127.0.0.1:${server.port}`,
      'x-kiosk-token': server.token,
      'x-kiosk-staff': session,
    };
    if ('file' in body) {
      headers['content-type'] = 'application/octet-stream';
      headers['x-kiosk-input'] = encodeURIComponent(JSON.stringify(body.input));
    } else headers['content-type'] = 'application/json';
    const request = http.request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/${method}`, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            value: (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { value: unknown }).value,
          }),
        );
      },
    );
    request.on('error', reject);
    if ('file' in body) createReadStream(body.file, { highWaterMark: 64 * 1024 }).pipe(request);
    else request.end(JSON.stringify(body.json));
  });
}

const rendererDir = path.join(dataDir, '..', 'renderer');
mkdirSync(rendererDir, { recursive: true });
const core = await createKioskCore({ dataDir, shell: 'browser', contentDir });
const server = await startKioskServer({ core, rendererDir, port: 0 });
const setup = await core.invoke('staff.setup', { pin: '864209', confirm: '864209' });
if (!setup.ok) throw new Error(`staff.setup: ${setup.error.message}`);
const session = (setup.value as { session: string }).session;

(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage().rss;
let sampled = before;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 5);
const start = performance.now();
const preview = await post(server, 'staff.hotspots.preview', session, {
  file,
  input: { fileName: path.basename(file) },
});
if (preview.status !== 200) throw new Error(`preview answered ${preview.status}`);
const previewMs = performance.now() - start;
const { previewId, venues } = preview.value as { previewId: string; venues: number };
const confirmed = await post(server, 'staff.hotspots.confirm', session, { json: { previewId } });
if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}`);
const importMs = performance.now() - start;
clearInterval(sampler);
sampled = Math.max(sampled, process.memoryUsage().rss);
(globalThis as { gc?: () => void }).gc?.();
const result = {
  venues,
  previewMs,
  importMs,
  rssBefore: before,
  sampledPeak: sampled,
  vmHwm: highWaterMark(),
  rssAfter: process.memoryUsage().rss,
};
await server.close();
process.stdout.write(JSON.stringify(result));
