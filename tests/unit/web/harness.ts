import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createKioskCore, type CoreOptions, type KioskCore } from '../../../electron/core/service';
import { startKioskServer, type KioskServer, type KioskServerOptions } from '../../../electron/web/server';

/**
 * A browser-kiosk server on a fresh data folder for transport tests that need more than
 * server.test.ts's own harness: raw requests, the core itself (to spy on it) and a staff session.
 */
export interface TransportHarness {
  server: KioskServer;
  core: KioskCore;
  dataDir: string;
  host: string;
  /** POST /api/<method> with the token; a string body is sent as is. */
  api(method: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse>;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export const STAFF_PIN = '864209';
const INDEX_HTML =
  '<!doctype html>\n<html lang="zh-HK">\n<head>\n<title>Kiosk</title>\n</head>\n<body></body>\n</html>\n';

export async function startTransport(
  root: string,
  options: Partial<Pick<KioskServerOptions, 'maxBodyBytes' | 'timeouts'>> & { now?: CoreOptions['now'] } = {},
): Promise<TransportHarness> {
  const dataDir = path.join(root, 'data');
  const rendererDir = path.join(root, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("kiosk");\n');
  const core = await createKioskCore({ dataDir, shell: 'browser', now: options.now });
  const server = await startKioskServer({
    core,
    rendererDir,
    port: 0,
    maxBodyBytes: options.maxBodyBytes,
    timeouts: options.timeouts,
  });
  const host = `127.0.0.1:${server.port}`;
  return {
    server,
    core,
    dataDir,
    host,
    api: (method, body = {}, headers = {}) =>
      rawRequest(server, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { host, 'content-type': 'application/json', 'x-kiosk-token': server.token, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

/** Any method, path and headers, byte for byte; the answer is read whole. */
export function rawRequest(
  server: KioskServer,
  options: {
    method?: string;
    path: string;
    headers?: http.OutgoingHttpHeaders;
    body?: string | Buffer;
    timeoutMs?: number;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    if (options.timeoutMs)
      request.setTimeout(options.timeoutMs, () =>
        request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      );
    request.on('error', reject);
    request.end(options.body);
  });
}

export async function staffSession(h: TransportHarness): Promise<string> {
  const { status, text } = await h.api('staff.setup', { pin: STAFF_PIN, confirm: STAFF_PIN });
  if (status !== 200) throw new Error(`staff.setup answered ${status}: ${text}`);
  return (JSON.parse(text) as { value: { session: string } }).value.session;
}
