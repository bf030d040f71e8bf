import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT } from '../../../electron/core/staff-console/backup';
import { DEFAULT_MAX_BODY_BYTES, type KioskServer } from '../../../electron/web/server';
import { tempDirs } from '../../helpers/temp-dir';
import { rawRequest, staffSession, startTransport, type TransportHarness } from './harness';

const dirs = tempDirs('kiosk-limits-');
const servers: KioskServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await dirs.cleanup();
});

async function start(options: Parameters<typeof startTransport>[1] = {}): Promise<TransportHarness> {
  const h = await startTransport(await dirs.make(), options);
  servers.push(h.server);
  return h;
}

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('kiosk server: malformed request targets', () => {
  it.each(['//', '///', '//[', '//%', '//[::1', '//a:b@c/', '//?%', '//?x', '//#['])(
    'answers %s with 400 or 404, never a server error',
    async (target) => {
      const h = await start();
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      for (const method of ['GET', 'POST', 'HEAD']) {
        const response = await rawRequest(h.server, {
          method,
          path: target,
          headers: { host: h.host, 'x-kiosk-token': h.server.token },
        });
        expect([400, 404], `${method} ${target}`).toContain(response.status);
        if (method !== 'HEAD') expect(JSON.parse(response.text)).toMatchObject({ ok: false });
      }
      expect(logged).not.toHaveBeenCalled();
    },
  );

  it('answers a target that is not a path (absolute form, asterisk) with 400 invalid_input', async () => {
    const h = await start();
    for (const [method, target] of [
      ['GET', `http://${'127.0.0.1'}/index.html`],
      ['OPTIONS', '*'],
    ] as const) {
      const response = await rawRequest(h.server, { method, path: target, headers: { host: h.host } });
      expect(response.status, target).toBe(400);
      expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});

describe('kiosk server: JSON nesting guard', () => {
  it.each([
    ['visit.start', nestedArrays(10_000)],
    ['staff.backup.preview', nestedObjects(10_000)],
    ['staff.backup.restore', `{"text":${nestedArrays(10_000)}}`],
    ['staff.settings.update', `{"centreName":${nestedObjects(10_000)}}`],
    ['no.such.method', nestedArrays(100)],
  ])('refuses %s with a body nested too deeply before any handler runs', async (method, body) => {
    const h = await start();
    const session = await staffSession(h);
    const invoke = vi.spyOn(h.core, 'invoke');
    const response = await h.api(method, body, { 'x-kiosk-staff': session });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('answers 400 to a backup file nested 10,000 levels inside the text (not a stack overflow)', async () => {
    const h = await start();
    const session = await staffSession(h);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const text = `{"format":"${BACKUP_FORMAT}","version":1,"createdAt":"2026-12-01T00:00:00.000Z","appVersion":"0.1.0","checksum":"sha256:${'0'.repeat(64)}","documents":${nestedArrays(10_000)}}`;
    for (const method of ['staff.backup.preview', 'staff.backup.restore']) {
      const response = await h.api(method, { text }, { 'x-kiosk-staff': session });
      expect(response.status, method).toBe(400);
      expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(logged).not.toHaveBeenCalled();
  });
});

/** Opens a raw socket and sends `head` plus `body`, leaving the request unfinished unless told. */
function openSocket(h: TransportHarness): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(h.server.port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Resolves with what the server sent once it closes the socket; the test's timeout catches a hang. */
function closedBy(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

describe('kiosk server: oversized bodies are refused while they stream in', () => {
  it('answers 413 and closes the connection before the client has finished sending', async () => {
    const h = await start({ maxBodyBytes: 64 * 1024, timeouts: { lingerMs: 100 } });
    const session = await staffSession(h);
    const socket = await openSocket(h);
    const closed = closedBy(socket);
    socket.write(
      `POST /api/staff.backup.preview HTTP/1.1\r\nHost: ${h.host}\r\nX-Kiosk-Token: ${h.server.token}\r\nX-Kiosk-Staff: ${session}\r\n` +
        'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    // Far past the limit, and the request is never finished: only a server that refuses as it
    // reads can answer at all.
    const chunk = Buffer.alloc(16 * 1024, 'x');
    for (let i = 0; i < 8; i++)
      socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`);
    const received = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.toLowerCase()).toContain('connection: close');
    expect(received).toContain('"too_large"');
  }, 5_000);
});

describe('kiosk server: bodies that cannot be valid, and clients that go away', () => {
  it('gives a JSON body to a file-upload method the default limit, not the file limit', async () => {
    const h = await start();
    const session = await staffSession(h);
    const body = JSON.stringify({ fileName: 'wifi-hk.json', content: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) });
    const response = await h.api('staff.hotspots.preview', body, { 'x-kiosk-staff': session });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('says nothing and stays up when a client hangs up part-way through a body', async () => {
    const h = await start();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const invoke = vi.spyOn(h.core, 'invoke');
    const socket = await openSocket(h);
    const closed = closedBy(socket);
    socket.end(
      `POST /api/visit.start HTTP/1.1\r\nHost: ${h.host}\r\nX-Kiosk-Token: ${h.server.token}\r\nContent-Length: 40\r\n\r\n{"language":`,
    );
    await closed;
    expect((await h.api('app.info')).status).toBe(200);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('kiosk server: slow clients', () => {
  const quick = { headersMs: 300, requestMs: 600, keepAliveMs: 300, checkIntervalMs: 50 };

  it('closes a socket that trickles its headers one byte at a time (slowloris)', async () => {
    const h = await start({ timeouts: quick });
    const socket = await openSocket(h);
    const closed = closedBy(socket);
    const head = `GET /healthz HTTP/1.1\r\nHost: ${h.host}\r\nX-Padding: ${'p'.repeat(10_000)}`;
    let sent = 0;
    const trickle = setInterval(() => {
      if (!socket.destroyed && sent < head.length) socket.write(head[sent++]!);
    }, 20);
    const received = await closed;
    clearInterval(trickle);
    // Still inside the headers when cut off: the server answered 408 or just closed.
    expect(sent).toBeLessThan(head.length);
    expect(received === '' || received.startsWith('HTTP/1.1 408')).toBe(true);
  }, 5_000);

  it('closes a socket that sends its headers and then stalls in the body', async () => {
    const h = await start({ timeouts: quick });
    const socket = await openSocket(h);
    const closed = closedBy(socket);
    socket.write(
      `POST /api/visit.start HTTP/1.1\r\nHost: ${h.host}\r\nX-Kiosk-Token: ${h.server.token}\r\nContent-Length: 100\r\n\r\n{"lang`,
    );
    const received = await closed;
    expect(received).not.toMatch(/^HTTP\/1\.1 [25]/);
  }, 5_000);

  it('closes an idle keep-alive connection', async () => {
    const h = await start({ timeouts: quick });
    const socket = await openSocket(h);
    const closed = closedBy(socket);
    socket.write(`GET /healthz HTTP/1.1\r\nHost: ${h.host}\r\n\r\n`);
    const received = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
  }, 2_000);
});
