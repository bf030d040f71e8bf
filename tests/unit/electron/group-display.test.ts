import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { GroupDisplayView } from '../../../electron/core/staff-console/group-display';
import {
  createGroupDisplay,
  GROUP_VIEW_URL,
  type DisplayLike,
  type GroupWindow,
} from '../../../electron/group-display';
import { createSenderCheck } from '../../../electron/ipc';
import { eventChannel } from '../../../electron/ipc-channels';
import { MockWebContents } from '../../mocks/electron';

const KIOSK: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const PROJECTOR: DisplayLike = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };

function view(number: number): GroupDisplayView {
  return {
    lessonId: 'phone-basics',
    lessonTitle: { 'zh-HK': '手機', en: 'Phone', 'zh-CN': '手机' },
    step: {
      id: `s${number}`,
      kind: 'recap',
      narration: { 'zh-HK': 'a', en: 'a' },
      title: { 'zh-HK': 'b', en: 'b' },
      points: [],
    },
    position: { number, total: 5 },
    stage: 0,
    language: 'en',
    phoneStyle: 'android',
  };
}

/** A window whose page loads when the test says so. */
class FakeWindow extends EventEmitter {
  readonly webContents = new MockWebContents('app://kiosk/index.html#group-view');
  destroyed = false;
  finishLoad!: () => void;
  failLoad!: (error: Error) => void;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  loadURL = vi.fn(
    (_url: string) =>
      new Promise<void>((resolve, reject) => {
        this.finishLoad = resolve;
        this.failLoad = reject;
      }),
  );
  showInactive = vi.fn();
  close = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  isDestroyed = vi.fn(() => this.destroyed);
}

function setUp(displays: DisplayLike[]) {
  const windows: FakeWindow[] = [];
  const screen = { getAllDisplays: vi.fn(() => displays), getDisplayMatching: vi.fn(() => KIOSK) };
  const primary = { getBounds: () => KIOSK.bounds, isDestroyed: () => false };
  const display = createGroupDisplay({
    screen,
    createWindow: (options) => {
      const window = new FakeWindow(options);
      windows.push(window);
      return window as unknown as GroupWindow;
    },
    primaryWindow: () => primary,
    preloadPath: '/app/preload.cjs',
    development: false,
    onError: vi.fn(),
  });
  return { display, windows, screen };
}

describe('the group display on a second screen', () => {
  it('opens a hardened window on the other display, loads #group-view and sends the view once loaded', async () => {
    const { display, windows, screen } = setUp([KIOSK, PROJECTOR]);
    const shown = display(view(1));
    expect(windows).toHaveLength(1);
    const window = windows[0]!;
    expect(screen.getDisplayMatching).toHaveBeenCalledWith(KIOSK.bounds);
    expect(window.options).toMatchObject({ ...PROJECTOR.bounds, fullscreen: true, show: false });
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(GROUP_VIEW_URL);
    expect(GROUP_VIEW_URL).toBe('app://kiosk/index.html#group-view');

    await Promise.resolve();
    expect(window.webContents.send).not.toHaveBeenCalled();
    window.finishLoad();
    await expect(shown).resolves.toEqual({ shown: true });
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(eventChannel('group-display'), view(1));

    window.emit('ready-to-show');
    expect(window.showInactive).toHaveBeenCalledOnce();
  });

  it('reuses the window for the next step, and null closes it', async () => {
    const { display, windows } = setUp([KIOSK, PROJECTOR]);
    const first = display(view(1));
    windows[0]!.finishLoad();
    await first;
    await expect(display(view(2))).resolves.toEqual({ shown: true });
    expect(windows).toHaveLength(1);
    expect(windows[0]!.webContents.send).toHaveBeenLastCalledWith(eventChannel('group-display'), view(2));

    await expect(display(null)).resolves.toEqual({ shown: false });
    expect(windows[0]!.close).toHaveBeenCalledOnce();
    // The next step opens a fresh window.
    void display(view(3));
    expect(windows).toHaveLength(2);
  });

  it('sends only the newest step when several arrive while the page loads', async () => {
    const { display, windows } = setUp([KIOSK, PROJECTOR]);
    const calls = [display(view(1)), display(view(2))];
    windows[0]!.finishLoad();
    await Promise.all(calls);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.webContents.send).toHaveBeenCalledExactlyOnceWith(
      eventChannel('group-display'),
      view(2),
    );
  });

  it('opens nothing with one display', async () => {
    const { display, windows } = setUp([KIOSK]);
    await expect(display(view(1))).resolves.toEqual({ shown: false });
    expect(windows).toHaveLength(0);
  });

  it('closes its window when main says so (the kiosk page reloaded), and after a crash of its own page', async () => {
    const { display, windows } = setUp([KIOSK, PROJECTOR]);
    const first = display(view(1));
    windows[0]!.finishLoad();
    await first;
    display.close();
    expect(windows[0]!.close).toHaveBeenCalledOnce();

    const second = display(view(2));
    windows[1]!.finishLoad();
    await second;
    windows[1]!.webContents.emit('render-process-gone');
    expect(windows[1]!.close).toHaveBeenCalledOnce();
  });

  it('answers shown:false when the page cannot load', async () => {
    const { display, windows } = setUp([KIOSK, PROJECTOR]);
    const shown = display(view(1));
    windows[0]!.failLoad(new Error('ERR_FAILED'));
    await expect(shown).resolves.toEqual({ shown: false });
    expect(windows[0]!.close).toHaveBeenCalled();
  });

  it('cannot call the core: IPC trusts only the kiosk window', () => {
    const kioskContents = new MockWebContents();
    const groupContents = new MockWebContents('app://kiosk/index.html#group-view');
    const trusted = createSenderCheck({ kioskContents: () => kioskContents });
    expect(trusted({ sender: kioskContents, senderFrame: kioskContents.mainFrame })).toBe(true);
    expect(trusted({ sender: groupContents, senderFrame: groupContents.mainFrame })).toBe(false);
  });
});
