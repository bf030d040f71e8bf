import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_RESTING_URL } from '../../../electron/app-origin';
import { METHOD_NAMES } from '../../../electron/core/contract';
import { eventChannel, invokeChannel } from '../../../electron/ipc-channels';
import { UNRESPONSIVE_GRACE_MS } from '../../../electron/recovery';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MockEvent,
  MockWebContents,
  powerMonitor,
  PRIMARY_DISPLAY,
  protocol,
  screen,
  session,
  shell,
} from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

/** main.ts is the glue; these tests check the wiring, with Electron mocked and a fresh data folder. */
let dataDir: string;
let window: BrowserWindow;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-main-'));
  vi.stubEnv('KIOSK_DATA_DIR', dataDir);
  // Unbundled, main.ts's __dirname is electron/, not dist/electron/: point it at the repo's content.
  vi.stubEnv('KIOSK_CONTENT_DIR', path.resolve(import.meta.dirname, '../../../data'));
  vi.stubEnv('KIOSK_DEV', '');
  await import('../../../electron/main');
  await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
  window = BrowserWindow.instances[0]!;
});

afterAll(async () => {
  window.emit('closed');
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('electron/main', () => {
  it('takes the single-instance lock and sets up app:// and the sandbox before ready', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const registered = protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    expect(registered).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    expect(protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
  });

  it('removes the menu and denies permissions and network requests', () => {
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    const callback = vi.fn();
    session.defaultSession.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.defaultSession.permissionCheckHandler?.({}, 'geolocation')).toBe(false);
    const [filter, listener] = session.defaultSession.webRequest.onBeforeRequest.mock.calls[0] as [
      { urls: string[] },
      (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'file:///*']));
    const answer = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    listener({ url: 'https://example.com/' }, answer);
    warn.mockRestore();
    expect(answer).toHaveBeenCalledWith({ cancel: true });
  });

  it('opens one kiosk window with the hardened options and shows it once painted', () => {
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, show: false });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('hardens every web contents that is created', () => {
    const contents = new MockWebContents('app://kiosk/index.html');
    app.emit('web-contents-created', new MockEvent(), contents);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const navigation = new MockEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', navigation, 'https://example.com/');
    warn.mockRestore();
    expect(navigation.defaultPrevented).toBe(true);
  });

  it('answers IPC from the kiosk window only, through the real core', async () => {
    expect(ipcMain.handlers.size).toBe(METHOD_NAMES.length);
    const contents = window.webContents;
    const info = await ipcMain.invoke(
      invokeChannel('app.info'),
      { sender: contents, senderFrame: contents.mainFrame },
      { input: {} },
    );
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', canExit: true } });

    const stranger = new MockWebContents();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const refused = await ipcMain.invoke(
      invokeChannel('app.info'),
      { sender: stranger, senderFrame: stranger.mainFrame },
      { input: {} },
    );
    warn.mockRestore();
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("saves the staff console's page as a PDF in the folder staff choose", async () => {
    const contents = window.webContents;
    const call = (method: string, input: unknown, staffSession?: string) =>
      ipcMain.invoke(
        invokeChannel(method),
        { sender: contents, senderFrame: contents.mainFrame },
        { input, staffSession },
      ) as Promise<{ ok: boolean; value?: unknown }>;
    const setup = await call('staff.setup', { pin: '246810', confirm: '246810' });
    const staffSession = (setup.value as { session: string }).session;
    const folder = await mkdtemp(path.join(dataDir, 'usb-'));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });

    const saved = await call(
      'staff.print.pdf',
      { kind: 'report', suggestedName: 'report-2026-11' },
      staffSession,
    );
    expect(saved).toEqual({
      ok: true,
      value: { saved: true, file: path.join(folder, 'report-2026-11.pdf') },
    });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }),
    );
    expect(contents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
    expect(await readdir(folder)).toEqual(['report-2026-11.pdf']);
  });

  it("shows facilitator mode's group view on a second display, in a window that cannot call the core", async () => {
    const contents = window.webContents;
    const call = (method: string, input: unknown, staffSession?: string) =>
      ipcMain.invoke(
        invokeChannel(method),
        { sender: contents, senderFrame: contents.mainFrame },
        { input, staffSession },
      ) as Promise<{ ok: boolean; value?: unknown }>;
    const login = await call('staff.login', { pin: '246810' });
    const staffSession = (login.value as { session: string }).session;
    const step = { lessonId: 'free-wifi', stepIndex: 1, language: 'en' };

    // One display: nothing opens.
    expect(await call('staff.groups.display', step, staffSession)).toEqual({
      ok: true,
      value: { shown: false },
    });
    expect(BrowserWindow.instances).toHaveLength(1);

    const projector = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
    screen.getAllDisplays.mockReturnValue([PRIMARY_DISPLAY, projector]);
    try {
      expect(await call('staff.groups.display', step, staffSession)).toEqual({
        ok: true,
        value: { shown: true },
      });
      expect(BrowserWindow.instances).toHaveLength(2);
      const group = BrowserWindow.instances[1]!;
      expect(group.options).toMatchObject({ ...projector.bounds, fullscreen: true });
      expect(group.loadURL).toHaveBeenCalledWith(`${APP_ENTRY_URL}#group-view`);
      expect(group.webContents.send).toHaveBeenCalledWith(
        eventChannel('group-display'),
        expect.objectContaining({ lessonId: 'free-wifi', position: expect.objectContaining({ number: 2 }) }),
      );

      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const refused = await ipcMain.invoke(
        invokeChannel('app.info'),
        { sender: group.webContents, senderFrame: group.webContents.mainFrame },
        { input: {} },
      );
      warn.mockRestore();
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      // The kiosk page reloading takes the group view with it.
      contents.emit('did-navigate', new MockEvent(), APP_ENTRY_URL);
      expect(group.close).toHaveBeenCalled();
    } finally {
      screen.getAllDisplays.mockReturnValue([PRIMARY_DISPLAY]);
    }
  });

  it('brings the kiosk to the front when a second instance starts', () => {
    window.focus.mockClear();
    app.emit('second-instance', new MockEvent(), [], '/');
    expect(window.focus).toHaveBeenCalled();
  });

  it('tells the page when the machine wakes up', () => {
    powerMonitor.emit('resume');
    expect(window.webContents.send).toHaveBeenCalledWith(eventChannel('system-resumed'));
  });

  it('reloads a crashed page, and rests after more than three crashes in a minute', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const contents = window.webContents;
    contents.loadURL.mockClear();
    const crash = () =>
      contents.emit('render-process-gone', new MockEvent(), { reason: 'crashed', exitCode: 139 });
    crash();
    crash();
    crash();
    expect(contents.loadURL.mock.calls.map(([url]) => url)).toEqual([
      APP_ENTRY_URL,
      APP_ENTRY_URL,
      APP_ENTRY_URL,
    ]);
    crash();
    expect(contents.loadURL).toHaveBeenLastCalledWith(APP_RESTING_URL);
    error.mockRestore();
  });

  it('kills a page that stays unresponsive, unless it recovers in time', () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const contents = window.webContents;
    try {
      contents.emit('unresponsive');
      contents.emit('responsive');
      vi.advanceTimersByTime(UNRESPONSIVE_GRACE_MS);
      expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();

      contents.emit('unresponsive');
      vi.advanceTimersByTime(UNRESPONSIVE_GRACE_MS);
      expect(contents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    } finally {
      warn.mockRestore();
      vi.useRealTimers();
    }
  });

  it('keeps the window open against Alt+F4, but lets a real quit through', () => {
    const close = new MockEvent();
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(true);

    app.emit('before-quit', new MockEvent());
    const quitClose = new MockEvent();
    window.emit('close', quitClose);
    expect(quitClose.defaultPrevented).toBe(false);
  });

  it('never opens anything outside the kiosk', () => {
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
