import { afterEach, describe, expect, it } from 'vitest';
import type { KioskServer } from '../../../electron/web/server';
import { joinFileBytes, organisationKeys } from '../../helpers/fake-kiosk-syncthing';
import { tempDirs } from '../../helpers/temp-dir';
import { rawRequest, staffSession, startTransport } from './harness';

const dirs = tempDirs('kiosk-org-upload-');
const servers: KioskServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await dirs.cleanup();
});

describe('browser kiosk: a join file is uploaded as the raw body', () => {
  it('previews the file streamed in, and refuses one past 64 KiB with 413', async () => {
    const h = await startTransport(await dirs.make());
    servers.push(h.server);
    const session = await staffSession(h);
    const upload = (body: Buffer) =>
      rawRequest(h.server, {
        method: 'POST',
        path: '/api/staff.org.join.preview',
        headers: {
          host: h.host,
          'content-type': 'application/octet-stream',
          'x-kiosk-token': h.server.token,
          'x-kiosk-staff': session,
          'x-kiosk-input': encodeURIComponent('{}'),
        },
        body,
      });
    const answer = await upload(joinFileBytes(organisationKeys().publicKeyPem));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({
      ok: true,
      value: {
        kioskId: 'ssw-kt-01',
        organisation: 'Smart Silver',
        folders: { figures: 'figures-ssw-kt-01' },
      },
    });
    const tooLarge = await upload(Buffer.alloc(64 * 1024 + 1, 0x20));
    expect(tooLarge.status).toBe(413);
  });
});
