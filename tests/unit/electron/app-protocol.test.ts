import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_RESTING_URL, isAppUrl } from '../../../electron/app-origin';
import { createAppProtocolHandler, resolveRendererFile } from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/web/server';

describe('isAppUrl', () => {
  it.each(['app://kiosk/', 'app://kiosk/index.html', 'app://kiosk/assets/a.js?x=1#y'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );
  it.each([
    'app://kiosk.evil/',
    'app://evil/',
    'app://kiosk:8080/',
    'app://user:pass@kiosk/',
    'http://kiosk/',
    'file:///kiosk/index.html',
    'data:text/html,x',
    '',
    'kiosk',
  ])('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('the app:// protocol handler', () => {
  let root: string;
  let rendererDir: string;
  let handle: (request: Request) => Promise<Response>;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'kiosk-protocol-'));
    rendererDir = path.join(root, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(path.join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
    // Beside the renderer folder, where a traversal would land.
    await writeFile(path.join(root, 'secret.txt'), 'do not serve');
    await writeFile(path.join(root, 'renderer-other.txt'), 'do not serve either');
    handle = createAppProtocolHandler({ rendererDir, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('serves index.html for the root, with the CSP and no caching', async () => {
    for (const url of ['app://kiosk/', 'app://kiosk/index.html']) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>kiosk</title>');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('serves assets with their content type', async () => {
    const response = await handle(new Request('app://kiosk/assets/app-1234.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const response = await handle(new Request('app://kiosk/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://kiosk/..%2Fsecret.txt',
    'app://kiosk/%2e%2e%2fsecret.txt',
    'app://kiosk/assets/..%2F..%2Fsecret.txt',
    'app://kiosk/..%5Csecret.txt',
    'app://kiosk/../renderer-other.txt',
    'app://kiosk/%00index.html',
    'app://kiosk/%E0%A4%A',
    'app://kiosk/missing.js',
    'app://kiosk/assets',
  ])('answers 404 for %s', async (url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('serves nothing for another host or scheme', async () => {
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('serves the resting page from memory, even with no renderer built', async () => {
    const bare = createAppProtocolHandler({
      rendererDir: path.join(root, 'absent'),
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    });
    const page = await bare(new Request(APP_RESTING_URL));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="en"');
    expect(html).not.toMatch(/<script|style=/);
    const css = await bare(new Request('app://kiosk/__kiosk/resting.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});

describe('resolveRendererFile', () => {
  const dir = path.resolve('/srv/renderer');
  it('maps paths inside the folder', () => {
    expect(resolveRendererFile(dir, '/')).toBe(path.join(dir, 'index.html'));
    expect(resolveRendererFile(dir, '/assets/a%20b.js')).toBe(path.join(dir, 'assets', 'a b.js'));
  });
  it('refuses paths that leave it', () => {
    expect(resolveRendererFile(dir, '/..%2F..%2Fetc/passwd')).toBeNull();
    expect(resolveRendererFile(dir, '/%2e%2e')).toBeNull();
    expect(resolveRendererFile(dir, '/a%5C..%5C..%5Cx')).toBeNull();
    expect(resolveRendererFile(dir, '/%00')).toBeNull();
  });
});
