import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-origin';
import { METHOD_NAMES } from './core/contract';
import { methodsArgument } from './ipc-channels';

/**
 * The kiosk window's options and the hardening every web contents gets. Pure functions over small
 * structural types, so unit tests drive them with plain mocks; main.ts passes the real objects.
 */

/** Shown behind the page until the first paint, so the kiosk never flashes a white or black frame. */
export const KIOSK_BACKGROUND = '#fdfaf3';

export interface KioskWindowSettings {
  /** Absolute path of the bundled, sandboxed preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** Development builds get DevTools; nothing else changes. */
  development: boolean;
}

export function kioskWindowOptions({
  preloadPath,
  development,
}: KioskWindowSettings): BrowserWindowConstructorOptions {
  return {
    title: 'Digital Inclusion Kiosk',
    // Shown on ready-to-show, once the first frame is painted.
    show: false,
    fullscreen: true,
    kiosk: true,
    autoHideMenuBar: true,
    backgroundColor: KIOSK_BACKGROUND,
    webPreferences: {
      preload: preloadPath,
      // The preload's allowlist of contract methods, from the one list in contract.ts.
      additionalArguments: [methodsArgument(METHOD_NAMES)],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      // A dropped file would navigate the kiosk away from itself.
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: development,
    },
  };
}

/** The part of an Electron event the guards use. */
export interface PreventableEvent {
  preventDefault(): void;
  /** Newer Electron passes the target URL on the event itself. */
  url?: string;
  isMainFrame?: boolean;
}

/** The part of WebContents that hardening touches (the real WebContents satisfies it). */
export interface HardenableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface HardenOptions {
  /** The only origin the kiosk may show, `app://kiosk`. */
  appOrigin?: string;
  /** Told about everything refused; defaults to a console warning. */
  onBlocked?: (what: 'window-open' | 'navigation' | 'redirect' | 'webview', url: string) => void;
}

const warnBlocked: NonNullable<HardenOptions['onBlocked']> = (what, url) => {
  console.warn(`[kiosk] blocked ${what}: ${url}`);
};

/**
 * Keeps a web contents on the app's own origin: no new windows, no navigation or redirect elsewhere
 * (http, file, data, another app:// host), no <webview>. Applied to every web contents in main.ts.
 */
export function hardenWebContents(contents: HardenableContents, options: HardenOptions = {}): void {
  const appOrigin = options.appOrigin ?? APP_ORIGIN;
  const onBlocked = options.onBlocked ?? warnBlocked;

  contents.setWindowOpenHandler(({ url }) => {
    onBlocked('window-open', url);
    return { action: 'deny' };
  });

  const guard =
    (what: 'navigation' | 'redirect', report = true) =>
    (event: PreventableEvent, url?: string) => {
      const target = event.url ?? url ?? '';
      if (!isAppUrl(target, appOrigin)) {
        event.preventDefault();
        if (report) onBlocked(what, target);
      }
    };
  contents.on('will-navigate', guard('navigation'));
  // Also fires for subframes (the kiosk has none, so any frame leaving the app is refused). The main
  // frame is refused here too, but reported once, by will-navigate.
  contents.on('will-frame-navigate', (event) => guard('navigation', event.isMainFrame !== true)(event));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', event.url ?? '');
  });
}

/** The part of Session that permission denial touches (the real Session satisfies it). */
export interface PermissionTarget {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void;
}

/**
 * A kiosk needs no camera, microphone, location, notifications, clipboard, HID or USB: every request
 * and every check answers no. Speech synthesis needs no permission.
 */
export function denyAllPermissions(session: PermissionTarget): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}
