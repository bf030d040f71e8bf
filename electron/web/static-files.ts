import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Serving the built renderer, for both shells: the browser kiosk's HTTP server (server.ts) and
 * Electron's app:// handler (../app-protocol.ts). One path check, one content-type map and one set
 * of security headers, so a fix to any of them reaches both. Plain Node, no Electron.
 */

/** Nothing but the app itself, no inline script or style; the same in the Electron window and the browser. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Sent with every answer, files and API calls alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
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

const ENTRY_PAGE = 'index.html';

/** The content type for a file name; `nosniff` makes an unknown one inert rather than guessed. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path (still percent-encoded) to a file inside `root`, or null when it would leave
 * the folder (`..`, encoded separators), holds a NUL or a backslash (a separator on Windows), or
 * has a malformed escape. `/` is the entry page.
 */
export function resolveStaticFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? ENTRY_PAGE : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!file.startsWith(base + path.sep)) return null;
  return file;
}

export interface StaticFile {
  file: string;
  contents: Buffer;
  /** The entry page: never cached, so an update (or the browser kiosk's per-launch token) is seen at once. */
  entry: boolean;
}

/** The file a request path names under `root`, or null for anything that is not a readable file there. */
export async function readStaticFile(root: string, pathname: string): Promise<StaticFile | null> {
  const file = resolveStaticFile(root, pathname);
  if (!file) return null;
  try {
    const contents = await fs.readFile(file);
    return { file, contents, entry: file === path.join(path.resolve(root), ENTRY_PAGE) };
  } catch {
    return null;
  }
}

/** Headers for a served file: security, type, length, and caching (hashed asset names never change). */
export function staticFileHeaders(found: StaticFile): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'content-type': contentTypeOf(found.file),
    'content-length': String(found.contents.length),
    'cache-control': found.entry ? 'no-store' : 'public, max-age=31536000, immutable',
  };
}
