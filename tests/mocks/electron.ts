/**
 * Class mocks of the Electron APIs the shell uses. Importing the real `electron` package outside
 * Electron tries to download the binary and throws, so unit tests do:
 *
 *   vi.mock('electron', () => import('../../mocks/electron'));
 *
 * Each mock records what it was given (handlers, listeners, exposed APIs) so tests can drive it.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron-style event: preventDefault plus whatever details the event carries. */
export class MockEvent {
  defaultPrevented = false;
  constructor(details: Record<string, unknown> = {}) {
    Object.assign(this, details);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: unknown,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin?: string,
  details?: unknown,
) => boolean;

export class MockSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;

  setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler | null) => {
    this.permissionCheckHandler = handler;
  });
  setDevicePermissionHandler = vi.fn((handler: ((details: unknown) => boolean) | null) => {
    this.devicePermissionHandler = handler;
  });
  webRequest = { onBeforeRequest: vi.fn() };
  protocol = { handle: vi.fn() };
}

export class MockWebFrameMain {
  constructor(
    public url: string,
    public parent: MockWebFrameMain | null = null,
  ) {}
}

let nextContentsId = 1;

export class MockWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame: MockWebFrameMain;
  session = new MockSession();
  destroyed = false;

  constructor(url = 'app://kiosk/index.html') {
    super();
    this.mainFrame = new MockWebFrameMain(url);
  }

  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  loadURL = vi.fn(async (_url: string) => {});
  reload = vi.fn();
  send = vi.fn((_channel: string, ..._args: unknown[]) => {});
  openDevTools = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  printToPDF = vi.fn(async (_options: unknown) => new Uint8Array([0x25, 0x50, 0x44, 0x46]));
  isDestroyed = vi.fn(() => this.destroyed);
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.instances];
  }

  readonly webContents = new MockWebContents();
  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL = vi.fn(async (url: string) => this.webContents.loadURL(url));
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  close = vi.fn();
  showInactive = vi.fn();
  getBounds = vi.fn(() => ({ x: 0, y: 0, width: 1920, height: 1080 }));
  isMinimized = vi.fn(() => false);
  isDestroyed = vi.fn(() => false);
}

// `any` on purpose: Electron's listener type is as loose, and code under test narrows its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InvokeListener = (event: any, ...args: any[]) => unknown;

export class MockIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeListener>();

  handle = vi.fn((channel: string, listener: InvokeListener) => {
    // As in Electron: a second handler for one channel is a programming error.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });

  /** What ipcRenderer.invoke would do: run the channel's handler with a (fake) event. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export class MockIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({
    ok: true,
    value: null,
  }));
  send = vi.fn();
  sendSync = vi.fn();
}

export class MockContextBridge {
  readonly exposed: Record<string, unknown> = {};
  exposeInMainWorld = vi.fn((key: string, api: unknown) => {
    this.exposed[key] = api;
  });
}

export class MockApp extends EventEmitter {
  isPackaged = false;
  commandLine = { appendSwitch: vi.fn(), hasSwitch: vi.fn(() => false) };
  paths: Record<string, string> = { userData: '/tmp/kiosk-mock-user-data' };

  getPath = vi.fn((name: string) => this.paths[name] ?? `/tmp/kiosk-mock-${name}`);
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(() => Promise.resolve());
  enableSandbox = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  relaunch = vi.fn();
  focus = vi.fn();
}

export const app = new MockApp();
export const ipcMain = new MockIpcMain();
export const ipcRenderer = new MockIpcRenderer();
export const contextBridge = new MockContextBridge();
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn(), unhandle: vi.fn() };
export const session = { defaultSession: new MockSession() };
export const Menu = { setApplicationMenu: vi.fn() };
export const powerMonitor = new EventEmitter();
export const shell = { openExternal: vi.fn() };
/** One display by default; tests add a second with getAllDisplays.mockReturnValue. */
export const PRIMARY_DISPLAY = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
export const screen = {
  getAllDisplays: vi.fn(
    (): { id: number; bounds: { x: number; y: number; width: number; height: number } }[] => [
      PRIMARY_DISPLAY,
    ],
  ),
  getDisplayMatching: vi.fn((_rect: unknown) => PRIMARY_DISPLAY),
  getPrimaryDisplay: vi.fn(() => PRIMARY_DISPLAY),
};
/** Resolves as if staff cancelled; tests set mockResolvedValueOnce for a chosen folder. */
export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({
    canceled: true,
    filePaths: [],
  })),
};

export default {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  Menu,
  powerMonitor,
  shell,
  dialog,
  screen,
};
