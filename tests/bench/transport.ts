/**
 * Transport benchmark: `npx tsx tests/bench/transport.ts` (or through `npm run bench`). Prints the
 * browser kiosk server's resident memory after it has refused two oversized Wi-Fi uploads (the
 * server runs as a child, so the figure is its own), and what the JSON nesting guard costs on the
 * largest bodies next to JSON.parse. Asserts nothing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contract } from '../../electron/core/contract';
import { jsonTextTooDeep } from '../../electron/core/json-guard';
import { DEFAULT_MAX_BODY_BYTES } from '../../electron/web/server';
import { repoRoot, sharedDataDir } from '../helpers/hotspots-context';
import { makeTenfoldFile } from './hotspots';
import { median, round } from './stats';

const MB = 1024 * 1024;
const mb = (bytes: number) => round(bytes / MB, 0);

interface ServerChild {
  child: ChildProcess;
  port: number;
  token: string;
  session: string;
  memory(): Promise<{ rss: number; vmHwm: number }>;
}

async function startServerChild(dataDir: string): Promise<ServerChild> {
  const script = fileURLToPath(new URL('./transport-server.ts', import.meta.url));
  const child = fork(script, [dataDir], {
    cwd: repoRoot,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ port: number; token: string; session: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { port: number; token: string; session: string });
    });
    child.once('exit', (code) => reject(new Error(`the server child exited (${code})`)));
  });
  return {
    child,
    ...ready,
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message as { rss: number; vmHwm: number }));
        child.send('memory');
      }),
  };
}

/**
 * Streams `total` bytes to the method as a chunked body (no declared length, so the server cannot
 * refuse before reading) and stops writing when the answer arrives. Returns the status (0: the
 * connection was reset before the answer could be read) and how much was sent by then.
 */
function upload(
  server: ServerChild,
  method: string,
  contentType: string,
  total: number,
): Promise<{ status: number; sentBeforeAnswer: number }> {
  return new Promise((resolve) => {
    // Whitespace after an opening bracket: still JSON that could go on, so only the size can refuse it.
    const chunk = Buffer.alloc(MB, contentType.includes('json') ? 0x61 : 0x20);
    let sent = 0;
    let answered = false;
    const request = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: `/api/${method}`,
      agent: false,
      headers: {
        host: `127.0.0.1:${server.port}`,
        'content-type': contentType,
        'transfer-encoding': 'chunked',
        'x-kiosk-token': server.token,
        'x-kiosk-staff': server.session,
        'x-kiosk-input': encodeURIComponent(JSON.stringify({ fileName: 'wifi-hk.json' })),
      },
    });
    const finish = (status: number) => {
      if (answered) return;
      answered = true;
      request.destroy();
      resolve({ status, sentBeforeAnswer: sent });
    };
    request.on('response', (response) => {
      response.resume();
      finish(response.statusCode ?? 0);
    });
    request.on('error', () => finish(0));
    // A JSON body that only ends in a string that never closes: the server must refuse it by size.
    request.write(contentType.includes('json') ? '{"text":"' : '[');
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}

async function oversizeUploads(figures: Record<string, string | number>): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-bench-transport-'));
  const server = await startServerChild(dataDir);
  try {
    const method = 'staff.hotspots.preview';
    const limit = contract[method].maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const size = Math.max(100 * MB, limit + 8 * MB);
    const start = await server.memory();
    figures['server resident at start (MB)'] = mb(start.rss);
    const raw = [];
    for (let i = 0; i < 2; i++) raw.push(await upload(server, method, 'application/octet-stream', size));
    const afterRaw = await server.memory();
    figures[`oversize Wi-Fi upload: ${mb(size)} MB file body, limit ${mb(limit)} MB, answers`] = raw
      .map((r) => `${r.status || 'reset'} after ${mb(r.sentBeforeAnswer)} MB`)
      .join(', ');
    figures['server resident after two rejected oversize uploads (MB) [budget 250]'] = mb(afterRaw.rss);
    const json = [];
    const jsonMethod = 'staff.backup.restore';
    const jsonLimit = contract[jsonMethod].maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    for (let i = 0; i < 2; i++) json.push(await upload(server, jsonMethod, 'application/json', size));
    const afterJson = await server.memory();
    figures[
      `the same size as JSON to ${jsonMethod} (limit ${mb(jsonLimit)} MB, the largest JSON body), answers`
    ] = json.map((r) => `${r.status || 'reset'} after ${mb(r.sentBeforeAnswer)} MB`).join(', ');
    figures['server resident after two more rejected as JSON (MB) [budget 250]'] = mb(afterJson.rss);
    // Closing on a client still sending can reset the connection before it reads the 413.
    let resets = 0;
    for (let i = 0; i < 12; i++)
      if ((await upload(server, jsonMethod, 'application/json', jsonLimit + 8 * MB)).status === 0)
        resets += 1;
    figures[`refused ${mb(jsonLimit + 8 * MB)} MB JSON bodies whose 413 was lost to a reset, of 12`] = resets;
    // The way a Wi-Fi file once travelled (base64 inside JSON): now refused at the default limit.
    const asJson = [];
    for (let i = 0; i < 2; i++) asJson.push(await upload(server, method, 'application/json', 100 * MB));
    const afterAsJson = await server.memory();
    figures[`100 MB as JSON to ${method}, answers`] = asJson
      .map((r) => `${r.status || 'reset'} after ${mb(r.sentBeforeAnswer)} MB`)
      .join(', ');
    figures['server resident after all of them (MB) [budget 250]'] = mb(afterAsJson.rss);
    figures['server peak over all (VmHWM, MB)'] = mb(afterAsJson.vmHwm);
  } finally {
    server.child.disconnect();
    await new Promise((resolve) => server.child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

function timeMs(run: () => unknown, times = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** The nesting guard next to the JSON.parse it protects, on the largest bodies the kiosk takes. */
function guardCost(figures: Record<string, string | number>): void {
  const realJson = path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json');
  if (!existsSync(realJson)) {
    figures['JSON nesting guard'] = `skipped: ${realJson} is missing`;
    return;
  }
  const tenfold = makeTenfoldFile(readFileSync(realJson));
  // The 50 MB file as base64 inside JSON (how it once travelled) is one long string: the guard skips it with indexOf.
  const asBase64Body = Buffer.from(
    JSON.stringify({ fileName: 'wifi-hk.json', contentBase64: tenfold.toString('base64') }),
  );
  const records = tenfold.subarray(3);
  for (const [label, body] of [
    [`${mb(asBase64Body.length)} MB base64-in-JSON body`, asBase64Body],
    [`${mb(records.length)} MB JSON of 54,300 records (all structure)`, records],
  ] as const) {
    const guard = timeMs(() => jsonTextTooDeep(body));
    const parse = timeMs(() => JSON.parse(body.toString('utf8')), 3);
    figures[`JSON nesting guard on ${label} (ms; JSON.parse ms; ratio)`] =
      `${round(guard)}; ${round(parse)}; ${round(guard / parse, 2)}`;
  }
}

export async function runTransportBench(): Promise<Record<string, string | number>> {
  const figures: Record<string, string | number> = {};
  await oversizeUploads(figures);
  guardCost(figures);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printFigures } = await import('./stats');
  printFigures('Transport', await runTransportBench());
}
