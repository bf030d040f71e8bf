import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../../helpers/temp-dir';
import { sharedDataDir } from '../../../helpers/hotspots-context';
import { staffSession, startTransport, type TransportHarness } from '../../web/harness';

const temp = tempDirs('kiosk-wifi-upload-');
const running: TransportHarness[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.server.close()));
  await temp.cleanup();
});

const realJson = readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'));

async function kiosk() {
  const h = await startTransport(await temp.make());
  running.push(h);
  return { h, session: await staffSession(h) };
}

/** POSTs a file as the renderer does: the raw body, the rest of the input URI-encoded in a header. */
function upload(
  h: TransportHarness,
  session: string,
  input: object,
  body: (request: http.ClientRequest) => void,
) {
  return new Promise<{ status: number; text: string; sentBeforeAnswer: number }>((resolve, reject) => {
    let sent = 0;
    const request = http.request({
      host: '127.0.0.1',
      port: h.server.port,
      method: 'POST',
      path: '/api/staff.hotspots.preview',
      agent: false,
      headers: {
        host: h.host,
        'x-kiosk-token': h.server.token,
        'x-kiosk-staff': session,
        'content-type': 'application/octet-stream',
        'x-kiosk-input': encodeURIComponent(JSON.stringify(input)),
      },
    });
    const write = request.write.bind(request);
    request.write = ((chunk: Buffer, ...rest: unknown[]) => {
      sent += chunk.length;
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof request.write;
    request.on('response', (response) => {
      const sentBeforeAnswer = sent;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          sentBeforeAnswer,
        }),
      );
    });
    // The server may close the connection on a refused upload while this side is still sending.
    request.on('error', (error: NodeJS.ErrnoException) =>
      ['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error),
    );
    body(request);
  });
}

describe('a Wi-Fi file uploaded over HTTP as the raw request body', () => {
  it('is read as it streams in: the real file previews with its 5,430 records and a Chinese file name intact', async () => {
    const { h, session } = await kiosk();
    const answer = await upload(h, session, { fileName: '香港 Wi-Fi.json', format: 'json' }, (request) =>
      request.end(realJson),
    );
    expect(answer.status).toBe(200);
    const preview = JSON.parse(answer.text) as {
      value: { recordsRead: number; fileName: string; previewId: string };
    };
    expect(preview.value).toMatchObject({ recordsRead: 5430, fileName: '香港 Wi-Fi.json' });
    const confirmed = await h.api(
      'staff.hotspots.confirm',
      { previewId: preview.value.previewId },
      { 'x-kiosk-staff': session },
    );
    expect(confirmed.status).toBe(200);
  });

  it('is refused at 100 MB while it is still being sent, not after the client sent it all', async () => {
    const { h, session } = await kiosk();
    const socket = net.connect(h.server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    let sentBeforeAnswer = -1;
    let sent = 0;
    const closed = new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        if (sentBeforeAnswer < 0) sentBeforeAnswer = sent;
        received += chunk.toString('latin1');
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });
    socket.write(
      `POST /api/staff.hotspots.preview HTTP/1.1\r\nHost: ${h.host}\r\nX-Kiosk-Token: ${h.server.token}\r\nX-Kiosk-Staff: ${session}\r\n` +
        `Content-Type: application/octet-stream\r\nX-Kiosk-Input: ${encodeURIComponent(JSON.stringify({ fileName: 'huge.json' }))}\r\n` +
        'Transfer-Encoding: chunked\r\n\r\n1\r\n[\r\n',
    );
    // Up to 300 MB with no length given, never finished: only a server that counts as it reads can answer.
    const chunk = Buffer.concat([
      Buffer.from(`${(1024 * 1024).toString(16)}\r\n`),
      Buffer.alloc(1024 * 1024, 0x20),
      Buffer.from('\r\n'),
    ]);
    for (let i = 0; i < 300 && !socket.destroyed && sentBeforeAnswer < 0; i++) {
      sent += 1024 * 1024;
      if (!socket.write(chunk))
        await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
    }
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toContain('"too_large"');
    expect(sentBeforeAnswer).toBeGreaterThan(100 * 1024 * 1024 - 1);
    expect(sentBeforeAnswer).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);
});
