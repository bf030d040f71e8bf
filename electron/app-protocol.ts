import { promises as fs } from 'node:fs';
import path from 'node:path';
import { APP_ORIGIN, isAppUrl } from './app-origin';

/** Serves the built renderer on app://kiosk. No Electron import, so it is unit-tested in plain Node. */

/**
 * Maps a URL path to a file inside `rendererDir`, or null when it would leave the folder
 * (`..`, encoded separators, NUL bytes) or is not a plain path.
 */
export function resolveRendererFile(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

const RESTING_HTML = `<!doctype html>
<html lang="zh-HK">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>數碼共融站 Digital Inclusion Kiosk</title>
<link rel="stylesheet" href="/__kiosk/resting.css">
</head>
<body>
<main>
<h1>這部資訊站正在休息，請找職員協助。</h1>
<p lang="en">This kiosk is taking a short rest. Please ask a member of staff for help.</p>
<p lang="zh-CN">这部资讯站正在休息，请找职员协助。</p>
</main>
</body>
</html>
`;

const RESTING_CSS = `html { background: #fdfaf3; color: #1b1b1b; font-family: "Noto Sans CJK TC", "Noto Sans", sans-serif; }
body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; }
main { max-width: 48rem; padding: 3rem; text-align: center; }
h1 { font-size: 2.5rem; line-height: 1.4; font-weight: 600; }
p { font-size: 1.75rem; line-height: 1.5; }
`;

const BUILT_IN: Record<string, { body: string; type: string }> = {
  '/__kiosk/resting.html': { body: RESTING_HTML, type: 'text/html; charset=utf-8' },
  '/__kiosk/resting.css': { body: RESTING_CSS, type: 'text/css; charset=utf-8' },
};

export interface AppProtocolOptions {
  /** The built renderer (dist/renderer, inside app.asar when packaged). */
  rendererDir: string;
  /** Sent with every response; the same policy the browser kiosk sends. */
  contentSecurityPolicy: string;
  appOrigin?: string;
}

/** Builds the `protocol.handle('app', …)` handler: GET/HEAD of renderer files and the resting page. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const appOrigin = options.appOrigin ?? APP_ORIGIN;
  const baseHeaders = {
    'content-security-policy': options.contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
  const notFound = () =>
    new Response('Not found.', { status: 404, headers: { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (!isAppUrl(request.url, appOrigin)) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed.', { status: 405, headers: { ...baseHeaders, allow: 'GET, HEAD' } });
    }
    const { pathname } = new URL(request.url);
    const headOnly = request.method === 'HEAD';

    const builtIn = BUILT_IN[pathname];
    if (builtIn) {
      return new Response(headOnly ? null : builtIn.body, {
        status: 200,
        headers: { ...baseHeaders, 'content-type': builtIn.type, 'cache-control': 'no-store' },
      });
    }

    const file = resolveRendererFile(options.rendererDir, pathname);
    if (!file) return notFound();
    let contents: Buffer;
    try {
      contents = await fs.readFile(file);
    } catch {
      return notFound();
    }
    return new Response(headOnly ? null : new Uint8Array(contents), {
      status: 200,
      headers: {
        ...baseHeaders,
        'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': String(contents.length),
        // A fresh index.html after an update; hashed asset names never change.
        'cache-control': path.basename(file) === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
      },
    });
  };
}
