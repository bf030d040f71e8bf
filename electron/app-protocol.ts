import { APP_ORIGIN, isAppUrl } from './app-origin';
import { readStaticFile, resolveStaticFile, SECURITY_HEADERS, staticFileHeaders } from './web/static-files';

/** Serves the built renderer on app://kiosk. No Electron import, so it is unit-tested in plain Node. */

/** The renderer file a URL path names, or null when it would leave the folder (static-files.ts). */
export const resolveRendererFile = resolveStaticFile;

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
<p lang="zh-CN">这台信息站正在休息，请找职员协助。</p>
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
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const appOrigin = options.appOrigin ?? APP_ORIGIN;
  const baseHeaders = { ...SECURITY_HEADERS, 'content-security-policy': options.contentSecurityPolicy };
  const notFound = () =>
    new Response('Not found.', {
      status: 404,
      headers: { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8' },
    });

  return async (request) => {
    if (!isAppUrl(request.url, appOrigin)) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed.', {
        status: 405,
        headers: { ...baseHeaders, allow: 'GET, HEAD' },
      });
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

    const found = await readStaticFile(options.rendererDir, pathname);
    if (!found) return notFound();
    return new Response(headOnly ? null : new Uint8Array(found.contents), {
      status: 200,
      headers: { ...staticFileHeaders(found), 'content-security-policy': options.contentSecurityPolicy },
    });
  };
}
