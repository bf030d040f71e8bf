import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HTTP_STATUS, KioskError, type KioskErrorShape } from '../core/errors';
import { contract, isMethodName } from '../core/contract';
import { parseGuardedJson } from '../core/json-guard';
import type { KioskCore } from '../core/service';
import { readStaticFile, SECURITY_HEADERS, staticFileHeaders } from './static-files';
import { isUploadRequest, uploadInput } from './upload-body';

export { CONTENT_SECURITY_POLICY } from './static-files';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * Loopback only, so a real client sends its headers at once and a 70 MB upload in well under a
 * second; anything slower is a stuck or hostile client holding a socket.
 */
export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 120_000,
  keepAliveMs: 5_000,
  checkIntervalMs: 1_000,
  lingerMs: 2_000,
};

export interface ServerTimeouts {
  /** Time to receive a request's headers (server.headersTimeout). */
  headersMs: number;
  /** Time to receive a whole request, body included (server.requestTimeout). */
  requestMs: number;
  /** An idle keep-alive connection is closed after this (server.keepAliveTimeout). */
  keepAliveMs: number;
  /** How often Node checks the two above (connectionsCheckingInterval). */
  checkIntervalMs: number;
  /** After refusing a body mid-stream, how long the client may read the answer before the socket is dropped. */
  lingerMs: number;
}

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
  /** Small values let tests see a slow client cut off quickly. */
  timeouts?: Partial<ServerTimeouts>;
}

export interface KioskServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

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

  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = http.createServer(
    {
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        console.error('[kiosk] request failed:', error);
        if (!response.headersSent)
          sendError(
            response,
            new KioskError('internal', 'Something went wrong inside the kiosk.', {
              reason: 'errors.codes.internal',
            }),
          );
        else response.destroy();
      });
    },
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      return sendError(
        response,
        new KioskError('forbidden', 'This kiosk only answers on its own address.', {
          reason: 'errors.request.wrongAddress',
        }),
      );
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendError(
        response,
        new KioskError('forbidden', 'Requests from other sites are refused.', {
          reason: 'errors.request.otherSite',
        }),
      );
    }
    const pathname = requestPath(request.url);
    if (pathname === null) {
      return sendError(
        response,
        new KioskError('invalid_input', 'The address of the request is not valid.', {
          reason: 'errors.request.badAddress',
        }),
      );
    }

    if (pathname === '/healthz' && request.method === 'GET') {
      return sendJson(response, 200, { ok: true });
    }
    if (pathname.startsWith('/api/')) {
      const method = decodePath(pathname.slice('/api/'.length));
      if (method === null)
        return sendError(
          response,
          new KioskError('not_found', 'There is no such method.', { reason: 'errors.request.noSuchMethod' }),
        );
      return handleApi(request, response, method);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(
        response,
        new KioskError('not_found', 'Not found.', { reason: 'errors.codes.not_found' }),
      );
    }
    return serveStatic(response, pathname, request.method === 'HEAD');
  }

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    method: string,
  ): Promise<void> {
    if (request.method !== 'POST') {
      return sendError(
        response,
        new KioskError('not_found', 'API calls use POST.', { reason: 'errors.request.noSuchMethod' }),
      );
    }
    if (request.headers['x-kiosk-token'] !== token) {
      return sendError(
        response,
        new KioskError('unauthorized', 'The kiosk token is missing or wrong.', {
          reason: 'errors.request.pageOutOfDate',
        }),
      );
    }
    const maxBody = bodyLimit(method);
    const declared = Number(request.headers['content-length'] ?? 0);
    const uploadField = isMethodName(method) ? (contract[method] as { upload?: string }).upload : undefined;
    if (uploadField && isUploadRequest(request)) {
      if (declared > maxBody) return refuseTooLarge(request, response, timeouts.lingerMs);
      return handleUpload(request, response, method, uploadField, maxBody);
    }
    // A method's own large limit is for its file, which comes only as the raw body: as JSON it can
    // never be valid, so a JSON body gets the default limit instead of being buffered to 100 MB.
    const jsonLimit = uploadField && options.maxBodyBytes === undefined ? DEFAULT_MAX_BODY_BYTES : maxBody;
    const body = declared > jsonLimit ? 'too_large' : await readBody(request, jsonLimit);
    if (body === 'too_large') return refuseTooLarge(request, response, timeouts.lingerMs);
    // The client hung up part-way: nobody is left to answer, and nothing was done.
    if (body === 'aborted') return void response.destroy();
    let input: unknown = {};
    if (body.length > 0) {
      // The one nesting guard for every method, before any schema or handler sees the value.
      const parsed = parseGuardedJson(body);
      if (!parsed.ok) {
        const message =
          parsed.reason === 'too_deep'
            ? 'The request body is nested too deeply.'
            : 'The request body is not valid JSON.';
        return sendError(
          response,
          new KioskError('invalid_input', message, { reason: 'errors.request.notValid' }),
        );
      }
      input = parsed.value;
    }
    const staffHeader = request.headers['x-kiosk-staff'];
    const result = await options.core.invoke(method, input, {
      staffSession: typeof staffHeader === 'string' ? staffHeader : undefined,
    });
    if (result.ok) return sendJson(response, 200, result);
    return sendJson(response, HTTP_STATUS[result.error.code], result);
  }

  /** A file upload (upload-body.ts): the handler reads the body as it streams in. */
  async function handleUpload(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    method: string,
    field: string,
    maxBody: number,
  ): Promise<void> {
    const prepared = uploadInput(request, field, maxBody);
    if (!prepared.ok) return sendError(response, prepared.error);
    const staffHeader = request.headers['x-kiosk-staff'];
    const result = await options.core.invoke(method, prepared.input, {
      staffSession: typeof staffHeader === 'string' ? staffHeader : undefined,
    });
    // A refused file leaves the rest of its body unread: close the connection instead of reading it.
    const unread = !request.readableEnded;
    if (unread) closeWhenAnswered(request, timeouts.lingerMs);
    sendJson(
      response,
      result.ok ? 200 : HTTP_STATUS[result.error.code],
      result,
      unread ? { connection: 'close' } : {},
    );
  }

  async function serveStatic(
    response: http.ServerResponse,
    pathname: string,
    headOnly: boolean,
  ): Promise<void> {
    const found = await readStaticFile(rendererDir, pathname);
    if (!found)
      return sendError(
        response,
        new KioskError('not_found', 'Not found.', { reason: 'errors.codes.not_found' }),
      );
    // The page gets the per-launch token that every API call must carry.
    if (found.entry) {
      found.contents = Buffer.from(
        found.contents
          .toString('utf8')
          .replace('<head>', `<head>\n<meta name="kiosk-token" content="${token}">`),
      );
    }
    response.writeHead(200, staticFileHeaders(found));
    response.end(headOnly ? undefined : found.contents);
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

/**
 * The path of an origin-form request target (`/a/b?c`), left percent-encoded, or null for anything
 * else (`*`, `http://host/…`, empty). Not `new URL()`: it throws on `//[` and reads `//etc/passwd` as
 * host `etc`, path `/passwd`.
 */
function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/**
 * 413 at once, without reading the rest of the body, then the connection is closed so the client
 * stops sending: an oversized upload never costs more than the limit in memory.
 */
function refuseTooLarge(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  lingerMs: number,
): void {
  closeWhenAnswered(request, lingerMs);
  sendError(
    response,
    new KioskError('too_large', 'The request is too large.', { reason: 'errors.request.tooLarge' }),
    { connection: 'close' },
  );
}

/**
 * Closes the connection after an answer sent while the client is still sending its body (the
 * answer carries `connection: close`). Node would then close at once with socket.destroySoon(),
 * and closing on unread data sends a reset that can make the client drop the answer it has not
 * read yet (2 of 12 refused 40 MB uploads here). Instead: a lingering close. Half-close, leave the
 * rest of the body unread (the client is held back by TCP, not buffered here), and drop the
 * socket after `lingerMs` or when the client closes first.
 */
function closeWhenAnswered(request: http.IncomingMessage, lingerMs: number): void {
  // Null already when the client hung up first: nothing left to close then.
  const socket: net.Socket | null = request.socket;
  if (!socket) return;
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
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

/**
 * The body, 'too_large' as soon as it passes the limit (the chunks so far are dropped then), or
 * 'aborted' when the client goes away before the end.
 */
function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks = [];
      request.off('data', onData);
      request.pause();
      resolve('too_large');
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks, size)));
    request.on('error', () => resolve('aborted'));
  });
}

function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
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

function sendError(
  response: http.ServerResponse,
  error: KioskError,
  extraHeaders: Record<string, string> = {},
): void {
  const shape: KioskErrorShape = error.toShape();
  sendJson(response, HTTP_STATUS[shape.code], { ok: false, error: shape }, extraHeaders);
}
