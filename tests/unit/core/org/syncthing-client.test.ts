import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import {
  isLoopbackAddress,
  readGuiSettings,
  SyncthingClient,
} from '../../../../electron/core/org/syncthing-client';
import { rejection } from '../../../helpers/results';

/**
 * The client's rules without a Syncthing: which addresses count as this machine, how config.xml's
 * GUI settings are read, and how each kind of failure becomes a reason a screen can say. The
 * real-Syncthing checks are in tests/integration/syncthing-client.test.ts.
 */

let server: Server | null = null;
afterEach(async () => {
  const open = server;
  server = null;
  if (open) await new Promise((resolve) => open.close(resolve));
});

/** A loopback HTTP server answering every request with `answer` (or never, for `hang`). */
async function fakeSyncthing(answer: { status: number; body: string } | 'hang'): Promise<string> {
  const started = createServer((request, response) => {
    if (answer === 'hang') return;
    response.writeHead(answer.status, { 'Content-Type': 'application/json' });
    response.end(answer.body);
  });
  server = started;
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  started.unref();
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
}

describe('Syncthing client rules', () => {
  it('takes only loopback addresses', () => {
    for (const address of [
      '127.0.0.1:8384',
      '[::1]:8384',
      'localhost:8384',
      'LOCALHOST:1',
      'http://127.0.0.1:8384',
    ])
      expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of [
      '0.0.0.0:8384',
      '192.168.1.5:8384',
      '[::]:8384',
      '127.0.0.1.evil.example:80',
      '[::1',
      '',
    ])
      expect(isLoopbackAddress(address), address).toBe(false);
  });

  it("reads the GUI's address, key and TLS flag from config.xml, not another element's", () => {
    const xml = `<configuration>
      <device id="X"><address>dynamic</address></device>
      <gui enabled="true" tls="true" debugging="false">
        <address>127.0.0.1:9999</address>
        <apikey>k&amp;ey</apikey>
      </gui>
    </configuration>`;
    expect(readGuiSettings(xml)).toEqual({ address: '127.0.0.1:9999', apiKey: 'k&ey', tls: true });
    expect(
      readGuiSettings('<configuration><device><address>x</address></device></configuration>'),
    ).toBeNull();
  });

  it('says a refused key, an error answer and a silent service each their own way', async () => {
    let client = new SyncthingClient({
      baseUrl: await fakeSyncthing({ status: 403, body: 'CSRF Error' }),
      apiKey: 'k',
    });
    let error = await rejection(client.ping());
    expect([error.code, error.reason]).toEqual(['unavailable', 'org.errors.syncthingRefused']);

    await new Promise((resolve) => server?.close(resolve));
    client = new SyncthingClient({
      baseUrl: await fakeSyncthing({ status: 500, body: 'folder is paused' }),
      apiKey: 'k',
    });
    error = await rejection(client.scan('content'));
    expect([error.code, error.reason, error.params]).toEqual([
      'unavailable',
      'org.errors.syncthingFailed',
      { status: 500 },
    ]);
    expect(error.message).toContain('folder is paused');

    await new Promise((resolve) => server?.close(resolve));
    client = new SyncthingClient({ baseUrl: await fakeSyncthing('hang'), apiKey: 'k', timeoutMs: 200 });
    error = await rejection(client.myDeviceId());
    expect([error.code, error.reason]).toEqual(['unavailable', 'org.errors.syncthingNotRunning']);
  });

  it('sends its key on every call and reads empty answers as empty', async () => {
    const seen: (string | undefined)[] = [];
    const started = createServer((request, response) => {
      seen.push(request.headers['x-api-key'] as string | undefined);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        request.url?.startsWith('/rest/folder/errors') ? '{"folder":"content","errors":null}' : 'null',
      );
    });
    server = started;
    await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
    const client = new SyncthingClient({
      baseUrl: `http://127.0.0.1:${(started.address() as AddressInfo).port}`,
      apiKey: 'the-key',
    });
    expect(await client.pendingDevices()).toEqual({});
    expect(await client.pendingFolders()).toEqual({});
    expect(await client.folderErrors('content')).toEqual([]);
    expect(seen).toEqual(['the-key', 'the-key', 'the-key']);
  });

  it('refuses to be pointed anywhere but loopback http', () => {
    for (const baseUrl of ['http://10.0.0.2:8384', 'https://127.0.0.1:8384']) {
      let thrown: unknown;
      try {
        new SyncthingClient({ baseUrl, apiKey: 'k' });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(KioskError);
      expect((thrown as KioskError).reason).toBe('org.errors.syncthingNotLoopback');
    }
  });
});
