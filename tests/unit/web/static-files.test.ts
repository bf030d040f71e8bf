import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/web/server';
import { rawRequest, startTransport, type TransportHarness } from './harness';
import { tempDirs } from '../../helpers/temp-dir';

/**
 * The browser kiosk and Electron's app:// serve the same renderer folder: the same file must come
 * back with the same type and the same protections from both, and what one refuses the other
 * refuses too.
 */
const dirs = tempDirs('kiosk-static-');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await dirs.cleanup();
});

const ASSETS = [
  'app.mjs',
  'font.woff',
  'font.woff2',
  'photo.webp',
  'photo.JPG',
  'sound.mp3',
  'style.css',
  'data.json',
  'unknown.bin',
];
/** Per-answer headers that rightly differ: the length (the browser page carries its token). */
const PER_ANSWER = new Set(['content-length', 'date', 'connection', 'keep-alive']);

async function bothShells(): Promise<{
  web: TransportHarness;
  app: (request: Request) => Promise<Response>;
  root: string;
}> {
  const root = await dirs.make();
  const web = await startTransport(root);
  closers.push(() => web.server.close());
  const rendererDir = path.join(root, 'renderer');
  for (const name of ASSETS) await fs.writeFile(path.join(rendererDir, 'assets', name), 'x');
  const app = createAppProtocolHandler({ rendererDir, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  return { web, app, root };
}

function headersOf(entries: Iterable<[string, string | string[] | undefined]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of entries)
    if (!PER_ANSWER.has(name) && value !== undefined) out[name] = String(value);
  return out;
}

describe('one static file server for both shells', () => {
  it.each(['/', ...ASSETS.map((name) => `/assets/${name}`)])(
    'answers %s with the same type and headers from both',
    async (urlPath) => {
      const { web, app } = await bothShells();
      const fromWeb = await rawRequest(web.server, { path: urlPath, headers: { host: web.host } });
      const fromApp = await app(new Request(`app://kiosk${urlPath}`));
      expect(fromWeb.status).toBe(200);
      expect(fromApp.status).toBe(200);
      expect(headersOf(Object.entries(fromWeb.headers))).toEqual(headersOf(fromApp.headers.entries()));
    },
  );

  it('types fonts, modules and pictures rather than sending them as bytes', async () => {
    const { web } = await bothShells();
    const typeOf = async (name: string) =>
      (await rawRequest(web.server, { path: `/assets/${name}`, headers: { host: web.host } })).headers[
        'content-type'
      ];
    expect(await typeOf('font.woff')).toBe('font/woff');
    expect(await typeOf('app.mjs')).toBe('text/javascript; charset=utf-8');
    expect(await typeOf('photo.webp')).toBe('image/webp');
    expect(await typeOf('photo.JPG')).toBe('image/jpeg');
    expect(await typeOf('unknown.bin')).toBe('application/octet-stream');
  });

  // A backslash is a separator on Windows: a name holding one is refused by both, even where
  // (on Linux) such a file exists inside the folder.
  it('refuses a path with a backslash in both', async () => {
    const { web, app, root } = await bothShells();
    await fs.writeFile(path.join(root, 'renderer', 'odd\\name.txt'), 'x');
    const fromWeb = await rawRequest(web.server, { path: '/odd%5Cname.txt', headers: { host: web.host } });
    const fromApp = await app(new Request('app://kiosk/odd%5Cname.txt'));
    expect(fromWeb.status).toBe(404);
    expect(fromApp.status).toBe(404);
  });
});
