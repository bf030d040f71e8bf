import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HTTP_STATUS, KioskError, type KioskErrorShape } from '../core/errors';
import { contract, isMethodName } from '../core/contract';
import type { KioskCore } from '../core/service';

/** Same policy as the Electron window: nothing but this server, no inline script. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export interface KioskServerOptions {
  core: KioskCore;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
  /** Overrides every method's limit (tests). */
  maxBodyBytes?: number;
}

export interface KioskServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

/**
 * The browser kiosk's transport: the renderer and `POST /api/<method>` on 127.0.0.1 only.
 * Defends against other pages in the same browser and DNS rebinding: Host and Origin must be this
 * server's own, and every API call carries the per-launch token that only the served page holds.
 */
export async function startKioskServer(options: KioskServerOptions): Promise<KioskServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const bodyLimit = (method: string): number => {
    if (options.maxBodyBytes !== undefined) return options.maxBodyBytes;
    const spec = isMethodName(method) ? contract[method] : undefined;
    return (spec && 'maxBodyBytes' in spec ? spec.maxBodyBytes : undefined) ?? DEFAULT_MAX_BODY_BYTES;
  };
  const rendererDir = path.resolve(options.rendererDir);
  let port = options.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[kiosk] request failed:', error);
      if (!response.headersSent) sendError(response, new KioskError('internal', 'Something went wrong inside the kiosk.'));
      else response.destroy();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      return sendError(response, new KioskError('forbidden', 'This kiosk only answers on its own address.'));
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendError(response, new KioskError('forbidden', 'Requests from other sites are refused.'));
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === '/healthz' && request.method === 'GET') {
      return sendJson(response, 200, { ok: true });
    }
    if (url.pathname.startsWith('/api/')) {
      const method = decodePath(url.pathname.slice('/api/'.length));
      if (method === null) return sendError(response, new KioskError('not_found', 'There is no such method.'));
      return handleApi(request, response, method);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(response, new KioskError('not_found', 'Not found.'));
    }
    return serveStatic(response, url.pathname, request.method === 'HEAD');
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      return sendError(response, new KioskError('not_found', 'API calls use POST.'));
    }
    if (request.headers['x-kiosk-token'] !== token) {
      return sendError(response, new KioskError('unauthorized', 'The kiosk token is missing or wrong.'));
    }
    const maxBody = bodyLimit(method);
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      request.resume();
      return sendError(response, new KioskError('too_large', 'The request is too large.'), { connection: 'close' });
    }
    const body = await readBody(request, maxBody);
    if (body === 'too_large') {
      return sendError(response, new KioskError('too_large', 'The request is too large.'), { connection: 'close' });
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(response, new KioskError('invalid_input', 'The request body is not valid JSON.'));
      }
    }
    const staffHeader = request.headers['x-kiosk-staff'];
    const result = await options.core.invoke(method, input, {
      staffSession: typeof staffHeader === 'string' ? staffHeader : undefined,
    });
    if (result.ok) return sendJson(response, 200, result);
    return sendJson(response, HTTP_STATUS[result.error.code], result);
  }

  async function serveStatic(response: http.ServerResponse, pathname: string, headOnly: boolean): Promise<void> {
    const decoded = pathname === '/' ? '/index.html' : decodePath(pathname);
    if (decoded === null) return sendError(response, new KioskError('not_found', 'Not found.'));
    const relative = decoded.replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep)) {
      return sendError(response, new KioskError('not_found', 'Not found.'));
    }
    let contents: Buffer;
    try {
      contents = await fs.readFile(file);
    } catch {
      return sendError(response, new KioskError('not_found', 'Not found.'));
    }
    const isIndex = relative === 'index.html';
    if (isIndex) {
      contents = Buffer.from(
        contents.toString('utf8').replace('<head>', `<head>\n<meta name="kiosk-token" content="${token}">`),
      );
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': contents.length,
      // Hashed asset names never change; the page holds the per-launch token and must not be cached.
      'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    response.end(headOnly ? undefined : contents);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** decodeURIComponent that answers null for a malformed escape (`%E0%A4%A`) instead of throwing. */
function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

function sendError(response: http.ServerResponse, error: KioskError, extraHeaders: Record<string, string> = {}): void {
  const shape: KioskErrorShape = error.toShape();
  sendJson(response, HTTP_STATUS[shape.code], { ok: false, error: shape }, extraHeaders);
}
