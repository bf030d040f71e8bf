/**
 * The app's own origin. The renderer is served from `app://kiosk/…`, never `file://`: a privileged
 * standard scheme gives the page a real origin, so the CSP's `'self'` means "this app" and nothing
 * else on disk can be reached. No imports at all, so any process may bundle it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** A calm page served from memory, so it shows even when the renderer build is broken or missing. */
export const APP_RESTING_URL = `${APP_ORIGIN}/__kiosk/resting.html`;

/** True when `url` is on the app's own origin (same scheme and host, no credentials). */
export function isAppUrl(url: string, appOrigin: string = APP_ORIGIN): boolean {
  try {
    const candidate = new URL(url);
    const origin = new URL(appOrigin);
    return (
      candidate.protocol === origin.protocol &&
      candidate.host === origin.host &&
      candidate.username === '' &&
      candidate.password === ''
    );
  } catch {
    return false;
  }
}
