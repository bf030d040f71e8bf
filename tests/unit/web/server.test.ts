import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKioskCore } from '../../../electron/core/service';
import { startKioskServer, type KioskServer } from '../../../electron/web/server';
import { snapshotDir, tempDirs } from '../../helpers/temp-dir';

const PIN = '864209';
const WRONG = '000000';
const INDEX_HTML =
  '<!doctype html>\n<html lang="zh-HK">\n<head>\n<title>Kiosk</title>\n</head>\n<body><div id="app"></div></body>\n</html>\n';

const dirs = tempDirs('kiosk-server-');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(closers.splice(0).map((close) => close()));
  await dirs.cleanup();
});

interface Harness {
  server: KioskServer;
  dataDir: string;
  /** Holds rendererDir plus files beside it that path traversal must never reach. */
  root: string;
  /** POST /api/<method> with the right token (unless headers say otherwise). */
  api(
    method: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: ApiBody }>;
}

interface ApiBody {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

async function start(options: { maxBodyBytes?: number; token?: string } = {}): Promise<Harness> {
  const root = await dirs.make();
  const dataDir = path.join(root, 'data');
  const rendererDir = path.join(root, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("kiosk");\n');
  // Bait for path traversal: beside the renderer, and in a folder whose name starts like it.
  await fs.writeFile(path.join(root, 'package.json'), '{"secret":"outside the renderer"}');
  await fs.writeFile(path.join(root, 'secret.txt'), 'outside the renderer');
  await fs.mkdir(path.join(root, 'renderer-private'));
  await fs.writeFile(path.join(root, 'renderer-private', 'secret.txt'), 'outside the renderer');

  const core = await createKioskCore({ dataDir, shell: 'browser' });
  const server = await startKioskServer({ core, rendererDir, port: 0, ...options });
  closers.push(() => server.close());

  return {
    server,
    dataDir,
    root,
    async api(method, body = {}, headers = {}) {
      const response = await fetch(`${server.url}api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kiosk-token': server.token, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as ApiBody };
    },
  };
}

/** A raw request: lets a test send any Host header and any path, byte for byte. */
function rawRequest(
  server: KioskServer,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunks?: Buffer[];
  },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
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
    // The server may answer and close before a large body is all sent; the answer is what counts.
    request.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) request.write(chunk);
      request.end();
    } else {
      request.end(options.body);
    }
  });
}

function hostOf(server: KioskServer): string {
  return `127.0.0.1:${server.port}`;
}

async function setUpStaff(h: Harness): Promise<string> {
  const { status, json } = await h.api('staff.setup', { pin: PIN, confirm: PIN });
  expect(status).toBe(200);
  return (json.value as { session: string }).session;
}

async function readSettings(
  dataDir: string,
): Promise<{ public: Record<string, unknown>; staff: Record<string, unknown> }> {
  return JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')) as {
    public: Record<string, unknown>;
    staff: Record<string, unknown>;
  };
}

describe('kiosk server: basics', () => {
  it('listens on 127.0.0.1 only and answers /healthz without a token', async () => {
    const h = await start();
    expect(h.server.url).toBe(`http://127.0.0.1:${h.server.port}/`);
    const response = await fetch(`${h.server.url}healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('serves the renderer with the per-launch token in a meta tag and a strict CSP', async () => {
    const h = await start();
    for (const pathname of ['', 'index.html']) {
      const response = await fetch(`${h.server.url}${pathname}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await response.text();
      const meta = /<meta name="kiosk-token" content="([^"]+)">/.exec(html);
      expect(meta?.[1]).toBe(h.server.token);
      expect(html).toContain('<div id="app"></div>');
    }
  });

  it('makes a fresh, long token each launch unless one is given', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.server.token).not.toBe(b.server.token);
    expect(a.server.token.length).toBeGreaterThanOrEqual(32);
    const fixed = await start({ token: 'fixed-test-token' });
    expect(fixed.server.token).toBe('fixed-test-token');
    expect((await fixed.api('app.info')).status).toBe(200);
  });

  it('serves assets with their content type, and HEAD without a body', async () => {
    const h = await start();
    const js = await fetch(`${h.server.url}assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain('kiosk');
    const head = await fetch(h.server.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers an API call with {"ok":true,"value":…}', async () => {
    const h = await start();
    const { status, json } = await h.api('app.info');
    expect(status).toBe(200);
    expect(json.ok).toBe(true);
    expect(json.value).toMatchObject({ shell: 'browser', languages: ['zh-HK', 'en', 'zh-CN'] });
    // An empty body counts as {}.
    const empty = await fetch(`${h.server.url}api/settings.get`, {
      method: 'POST',
      headers: { 'x-kiosk-token': h.server.token },
    });
    expect(empty.status).toBe(200);
  });
});

describe('kiosk server: Host and Origin', () => {
  it.each(['evil.example', 'evil.example:80', '127.0.0.1', '127.0.0.1:1', '0.0.0.0', '[::1]'])(
    'refuses Host %s with 403 forbidden, even for /healthz and the page',
    async (host) => {
      const h = await start();
      for (const [method, pathname] of [
        ['GET', '/healthz'],
        ['GET', '/'],
        ['POST', '/api/app.info'],
      ] as const) {
        const response = await rawRequest(h.server, {
          method,
          path: pathname,
          headers: { host, 'x-kiosk-token': h.server.token, 'content-type': 'application/json' },
          body: method === 'POST' ? '{}' : undefined,
        });
        expect(response.status, `${method} ${pathname}`).toBe(403);
        expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(response.text).not.toContain(h.server.token);
      }
    },
  );

  it('accepts its own Host, by address or as localhost', async () => {
    const h = await start();
    for (const host of [hostOf(h.server), `localhost:${h.server.port}`]) {
      const response = await rawRequest(h.server, { path: '/healthz', headers: { host } });
      expect(response.status, host).toBe(200);
    }
  });

  it.each([
    'http://evil.example',
    'null',
    'https://127.0.0.1:PORT',
    'http://127.0.0.1:1',
    'http://127.0.0.1.evil.example:PORT',
  ])('refuses Origin %s with 403 forbidden', async (originTemplate) => {
    const h = await start();
    const origin = originTemplate.replace('PORT', String(h.server.port));
    const { status, json } = await h.api('app.info', {}, { origin });
    expect(status).toBe(403);
    expect(json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const page = await fetch(h.server.url, { headers: { origin } });
    expect(page.status).toBe(403);
    expect(await page.text()).not.toContain(h.server.token);
  });

  it('accepts its own Origin', async () => {
    const h = await start();
    const { status } = await h.api('app.info', {}, { origin: `http://127.0.0.1:${h.server.port}` });
    expect(status).toBe(200);
  });
});

describe('kiosk server: token', () => {
  it.each<[string, Record<string, string>]>([
    ['no token', {}],
    ['an empty token', { 'x-kiosk-token': '' }],
    ['a wrong token', { 'x-kiosk-token': 'wrong-token' }],
    ['the token with a character changed', { 'x-kiosk-token': 'TOKEN_MUTATED' }],
  ])('answers 401 unauthorized to an API call with %s', async (_label, headers) => {
    const h = await start();
    const sent = { ...headers };
    if (sent['x-kiosk-token'] === 'TOKEN_MUTATED') {
      const t = h.server.token;
      sent['x-kiosk-token'] = `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`;
    }
    const before = await snapshotDir(h.dataDir);
    const response = await fetch(`${h.server.url}api/staff.setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sent },
      body: JSON.stringify({ pin: PIN, confirm: PIN }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await snapshotDir(h.dataDir)).toEqual(before);
  });
});

describe('kiosk server: request bodies', () => {
  it('answers 413 too_large to a body over the limit (declared length)', async () => {
    const h = await start({ maxBodyBytes: 1024 });
    const before = await snapshotDir(h.dataDir);
    const { status, json } = await h.api('visit.start', { language: 'en', padding: 'x'.repeat(2000) });
    expect(status).toBe(413);
    expect(json).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(await snapshotDir(h.dataDir)).toEqual(before);
  });

  it('answers 413 too_large to a chunked body that grows over the limit', async () => {
    const h = await start({ maxBodyBytes: 1024 });
    const before = await snapshotDir(h.dataDir);
    const response = await rawRequest(h.server, {
      method: 'POST',
      path: '/api/visit.start',
      headers: {
        host: hostOf(h.server),
        'x-kiosk-token': h.server.token,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      chunks: [Buffer.from('{"language":"en","padding":"'), Buffer.alloc(3000, 'x'), Buffer.from('"}')],
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(await snapshotDir(h.dataDir)).toEqual(before);
  });

  it('has a default limit', async () => {
    const h = await start();
    const { status } = await h.api('visit.start', { language: 'en', padding: 'x'.repeat(1024 * 1024) });
    expect(status).toBe(413);
  });

  it.each(['{', '{"pin":', 'not json', '{"pin":"864209",}', "{'pin':'864209'}", '\u0000'])(
    'answers 400 invalid_input to malformed JSON %j and writes nothing',
    async (body) => {
      const h = await start();
      const before = await snapshotDir(h.dataDir);
      const { status, json } = await h.api('staff.setup', body);
      expect(status).toBe(400);
      expect(json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await snapshotDir(h.dataDir)).toEqual(before);
    },
  );

  it.each<[string, unknown]>([
    ['staff.setup', { pin: 'abc', confirm: 'abc' }],
    ['staff.setup', { pin: PIN }],
    ['staff.setup', { pin: PIN, confirm: '864208' }],
    ['staff.setup', [PIN, PIN]],
    ['visit.start', { language: 'klingon' }],
    ['visit.start', 'en'],
  ])('answers 400 invalid_input to %s with %j and writes nothing', async (method, body) => {
    const h = await start();
    const before = await snapshotDir(h.dataDir);
    const { status, json } = await h.api(method, body);
    expect(status).toBe(400);
    expect(json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await snapshotDir(h.dataDir)).toEqual(before);
  });
});

describe('kiosk server: staff over HTTP', () => {
  it('answers 401 to a staff method without x-kiosk-staff or with a wrong one, writing nothing', async () => {
    const h = await start();
    await setUpStaff(h);
    const before = await snapshotDir(h.dataDir);
    const attempts: Record<string, string>[] = [
      {},
      { 'x-kiosk-staff': '' },
      { 'x-kiosk-staff': 'made-up-session' },
    ];
    for (const headers of attempts) {
      const { status, json } = await h.api('staff.settings.update', { idleSeconds: 30 }, headers);
      expect(status).toBe(401);
      expect(json).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(await snapshotDir(h.dataDir)).toEqual(before);
  });

  it('runs set-up → session → settings update, and the change is on disk when the call returns', async () => {
    const h = await start();
    const session = await setUpStaff(h);
    expect(session.length).toBeGreaterThanOrEqual(32);

    const patch = {
      idleSeconds: 30,
      centreName: { 'zh-HK': '深水埗數碼共融站', en: 'Sham Shui Po Digital Inclusion Kiosk' },
    };
    const { status, json } = await h.api('staff.settings.update', patch, { 'x-kiosk-staff': session });
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, value: patch });
    // Read the file straight away: the answer means the write is durable already.
    const onDisk = await readSettings(h.dataDir);
    expect(onDisk.public).toMatchObject(patch);

    const publicSettings = await h.api('settings.get');
    expect(publicSettings.json.value).toMatchObject(patch);
    expect(JSON.stringify(publicSettings.json.value)).not.toMatch(/scrypt|salt|hash|failedAttempts/);

    const logout = await h.api('staff.logout', {}, { 'x-kiosk-staff': session });
    expect(logout.status).toBe(200);
    expect((await h.api('staff.health', {}, { 'x-kiosk-staff': session })).status).toBe(401);
  });

  it('answers 401 to each of five wrong PINs and 423 locked to the sixth, even with the right PIN', async () => {
    const h = await start();
    await setUpStaff(h);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const { status, json } = await h.api('staff.login', { pin: WRONG });
      expect(status, `attempt ${attempt}`).toBe(401);
      expect(json.error?.code).toBe('unauthorized');
    }
    const sixth = await h.api('staff.login', { pin: PIN });
    expect(sixth.status).toBe(423);
    expect(sixth.json).toMatchObject({ ok: false, error: { code: 'locked' } });
    // The lock is kept in the staff credential's own document, apart from the settings.
    const credential = JSON.parse(
      await fs.readFile(path.join(h.dataDir, 'staff-credential.json'), 'utf8'),
    ) as { lockedUntil: string | null };
    expect(credential.lockedUntil).toEqual(expect.any(String));
  });

  it('answers 409 conflict to a second set-up', async () => {
    const h = await start();
    await setUpStaff(h);
    const { status, json } = await h.api('staff.setup', { pin: '111111', confirm: '111111' });
    expect(status).toBe(409);
    expect(json.error?.code).toBe('conflict');
  });
});

describe('kiosk server: paths', () => {
  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%2frenderer-private%2fsecret.txt',
    '/../renderer-private/secret.txt',
    '/%2Fetc%2Fpasswd',
    '//etc/passwd',
    '/..%5csecret.txt',
  ])('answers 404 to %s', async (pathname) => {
    const h = await start();
    const response = await rawRequest(h.server, { path: pathname, headers: { host: hostOf(h.server) } });
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('outside the renderer');
    expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers 404 to a missing file and to a folder', async () => {
    const h = await start();
    expect((await fetch(`${h.server.url}nope.js`)).status).toBe(404);
    expect((await fetch(`${h.server.url}assets`)).status).toBe(404);
    expect((await fetch(`${h.server.url}assets/`)).status).toBe(404);
  });

  it('answers 404 not_found to an unknown API method, and to GET on an API path', async () => {
    const h = await start();
    const unknown = await h.api('no.such.method');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const name of ['constructor', '__proto__', 'toString'])
      expect((await h.api(name)).status, name).toBe(404);
    const get = await fetch(`${h.server.url}api/app.info`, { headers: { 'x-kiosk-token': h.server.token } });
    expect(get.status).toBe(404);
  });

  it('answers a malformed percent-encoding with 404, not a server error', async () => {
    const h = await start();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const page = await rawRequest(h.server, { path: '/%E0%A4%A', headers: { host: hostOf(h.server) } });
    expect(page.status).toBe(404);
    const api = await rawRequest(h.server, {
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: {
        host: hostOf(h.server),
        'x-kiosk-token': h.server.token,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(api.status).toBe(404);
    expect(JSON.parse(api.text)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(logged).not.toHaveBeenCalled();
  });
});
