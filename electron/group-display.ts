import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import type { GroupDisplayView, ShowGroupDisplay } from './core/staff-console/group-display';
import { eventChannel } from './ipc-channels';
import { kioskWindowOptions } from './window';

/**
 * Facilitator mode's second screen: while the facilitator keeps the controls on the
 * kiosk's own display, a second display (a projector, a large TV) shows the group view. The core
 * calls the hook with each step the facilitator shows; this opens one window on the other
 * display, loads the renderer's `#group-view` entry and sends it the step. The window gets the same
 * preload and hardening as the kiosk window but cannot call the core: IPC trusts only the kiosk
 * window's main frame (ipc.ts createSenderCheck), and the view arrives as an event.
 *
 * Takes the screen and a window factory as parameters (types-only Electron import), so unit tests
 * drive it with mocks; main.ts passes Electron's `screen` and `new BrowserWindow`.
 */

export const GROUP_VIEW_URL = `${APP_ENTRY_URL}#group-view`;

export interface DisplayLike {
  id: number;
  bounds: Rectangle;
}

/** The part of Electron's `screen` used here. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getDisplayMatching(rect: Rectangle): DisplayLike;
}

/** The part of a BrowserWindow used here (the real one satisfies it). */
export interface GroupWindow {
  loadURL(url: string): Promise<void>;
  showInactive(): void;
  close(): void;
  isDestroyed(): boolean;
  once(event: 'ready-to-show' | 'closed', listener: () => void): unknown;
  webContents: {
    send(channel: string, ...args: unknown[]): void;
    isDestroyed(): boolean;
    once(event: 'render-process-gone', listener: () => void): unknown;
  };
}

export interface GroupDisplayDependencies {
  screen: ScreenLike;
  createWindow: (options: BrowserWindowConstructorOptions) => GroupWindow;
  /** The facilitator's (kiosk) window; the group view goes on any other display. */
  primaryWindow: () => { getBounds(): Rectangle; isDestroyed(): boolean } | undefined;
  /** As for the kiosk window (window.ts). */
  preloadPath: string;
  development: boolean;
  /** Told when the group window cannot load; defaults to a console error. */
  onError?: (error: unknown) => void;
}

/** The core's hook, plus `close()` for main: the kiosk page reloaded or the app is quitting. */
export type GroupDisplay = ShowGroupDisplay & { close(): void };

interface OpenWindow {
  window: GroupWindow;
  displayId: number;
  /** Settles when the page has loaded (Electron's loadURL resolves on did-finish-load). */
  loaded: Promise<boolean>;
}

export function createGroupDisplay(deps: GroupDisplayDependencies): GroupDisplay {
  const onError =
    deps.onError ?? ((error: unknown) => console.error('[kiosk] the group display could not load:', error));
  let open: OpenWindow | undefined;
  let latest: GroupDisplayView | undefined;

  function otherDisplay(): DisplayLike | undefined {
    const primary = deps.primaryWindow();
    if (!primary || primary.isDestroyed()) return undefined;
    const facilitator = deps.screen.getDisplayMatching(primary.getBounds());
    return deps.screen.getAllDisplays().find((display) => display.id !== facilitator.id);
  }

  function close(): void {
    const current = open;
    open = undefined;
    latest = undefined;
    if (current && !current.window.isDestroyed()) current.window.close();
  }

  function openOn(display: DisplayLike): OpenWindow {
    const base = kioskWindowOptions({ preloadPath: deps.preloadPath, development: deps.development });
    const window = deps.createWindow({
      ...base,
      title: 'Digital Inclusion Kiosk — group view',
      ...display.bounds,
      fullscreen: true,
    });
    const opened: OpenWindow = {
      window,
      displayId: display.id,
      loaded: window.loadURL(GROUP_VIEW_URL).then(
        () => true,
        (error: unknown) => {
          onError(error);
          return false;
        },
      ),
    };
    // Shown without taking focus: the facilitator's touches stay on the kiosk window.
    window.once('ready-to-show', () => {
      if (!window.isDestroyed()) window.showInactive();
    });
    // Closed from outside (a window manager, the display unplugged): the next step opens a new one.
    window.once('closed', () => {
      if (open?.window === window) open = undefined;
    });
    // A crashed group page is not nursed back: it is closed, and the next step opens a fresh one.
    window.webContents.once('render-process-gone', () => {
      if (open?.window === window) close();
    });
    return opened;
  }

  const show = async (view: GroupDisplayView | null): Promise<{ shown: boolean }> => {
    if (view === null) {
      close();
      return { shown: false };
    }
    const display = otherDisplay();
    if (!display) {
      // One display (or it was unplugged): the facilitator's own screen is the group view.
      close();
      return { shown: false };
    }
    if (open && (open.window.isDestroyed() || open.displayId !== display.id)) close();
    open ??= openOn(display);
    const current = open;
    latest = view;
    if (!(await current.loaded)) {
      if (open === current) close();
      return { shown: false };
    }
    if (open !== current || current.window.isDestroyed() || current.window.webContents.isDestroyed())
      return { shown: false };
    // Steps that arrived while the page loaded: only the newest is shown.
    if (latest === view) current.window.webContents.send(eventChannel('group-display'), view);
    return { shown: true };
  };
  return Object.assign(show, { close });
}
