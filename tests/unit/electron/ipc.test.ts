import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../electron/core/contract';
import type { Result } from '../../../electron/core/errors';
import { createKioskCore } from '../../../electron/core/service';
import {
  createSenderCheck,
  eventChannel,
  invokeChannel,
  registerIpc,
  sendKioskEvent,
  type IpcSenderEvent,
} from '../../../electron/ipc';
import { MockIpcMain, MockWebContents, MockWebFrameMain } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

function fakeCore() {
  return {
    invoke: vi.fn(
      async (
        method: string,
        input: unknown,
        context?: { staffSession?: string },
      ): Promise<Result<unknown>> => ({
        ok: true,
        value: { method, input, context },
      }),
    ),
  };
}

describe('registerIpc', () => {
  let ipcMain: MockIpcMain;
  let kioskContents: MockWebContents;
  let core: ReturnType<typeof fakeCore>;

  beforeEach(() => {
    ipcMain = new MockIpcMain();
    kioskContents = new MockWebContents();
    core = fakeCore();
    registerIpc(ipcMain, core, {
      isTrustedSender: createSenderCheck({ kioskContents: () => kioskContents }),
    });
  });

  /** An invoke event as Electron builds it for a call from `frame` in `sender`. */
  function eventFrom(sender: unknown, frame: MockWebFrameMain | null): IpcSenderEvent {
    return { sender, senderFrame: frame };
  }
  const fromKiosk = () => eventFrom(kioskContents, kioskContents.mainFrame);

  it('registers exactly one handler for every contract method and nothing else', () => {
    expect(ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(invokeChannel).sort());
  });

  it('passes input and staff session from the kiosk page through to the core', async () => {
    const result = await ipcMain.invoke(invokeChannel('staff.settings.update'), fromKiosk(), {
      input: { idleSeconds: 60 },
      staffSession: 'session-123',
    });
    expect(core.invoke).toHaveBeenCalledExactlyOnceWith(
      'staff.settings.update',
      { idleSeconds: 60 },
      { staffSession: 'session-123' },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        method: 'staff.settings.update',
        input: { idleSeconds: 60 },
        context: { staffSession: 'session-123' },
      },
    });
  });

  it('passes a call without input or session as undefined, for the core to judge', async () => {
    await ipcMain.invoke(invokeChannel('app.info'), fromKiosk(), undefined);
    expect(core.invoke).toHaveBeenCalledExactlyOnceWith('app.info', undefined, { staffSession: undefined });
  });

  it.each([
    [
      'a page on another origin',
      () => eventFrom(kioskContents, new MockWebFrameMain('https://evil.example/')),
    ],
    ['a file:// page', () => eventFrom(kioskContents, new MockWebFrameMain('file:///tmp/evil.html'))],
    ['another app:// host', () => eventFrom(kioskContents, new MockWebFrameMain('app://evil/index.html'))],
    [
      'a subframe of the kiosk page',
      () => eventFrom(kioskContents, new MockWebFrameMain('app://kiosk/frame.html', kioskContents.mainFrame)),
    ],
    [
      'another web contents showing the app',
      () => {
        const other = new MockWebContents();
        return eventFrom(other, other.mainFrame);
      },
    ],
    ['a frame that has gone away', () => eventFrom(kioskContents, null)],
  ])('refuses %s without reaching the core', async (_name, makeEvent) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await ipcMain.invoke(invokeChannel('staff.login'), makeEvent(), {
      input: { pin: '123456' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.invoke).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('refuses everything while there is no kiosk window', async () => {
    const lonelyIpc = new MockIpcMain();
    registerIpc(lonelyIpc, core, { isTrustedSender: createSenderCheck({ kioskContents: () => undefined }) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await lonelyIpc.invoke(invokeChannel('app.info'), fromKiosk(), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.invoke).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it.each([
    ['a payload that is not an object', 'app.info'],
    ['an unexpected key', { input: {}, extra: true }],
    ['a staff session that is not text', { input: {}, staffSession: 42 }],
  ])('answers invalid_input for %s', async (_name, payload) => {
    const result = await ipcMain.invoke(invokeChannel('app.info'), fromKiosk(), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it('refuses input nested deeper than the JSON guard allows without reaching the core, but passes a file as bytes', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const result = await ipcMain.invoke(invokeChannel('staff.settings.update'), fromKiosk(), {
      input: { centreName: deep },
      staffSession: 's',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.invoke).not.toHaveBeenCalled();
    const content = new Uint8Array(1024 * 1024);
    await ipcMain.invoke(invokeChannel('staff.hotspots.preview'), fromKiosk(), {
      input: { fileName: 'a.json', content },
      staffSession: 's',
    });
    expect(core.invoke).toHaveBeenCalledExactlyOnceWith(
      'staff.hotspots.preview',
      { fileName: 'a.json', content },
      { staffSession: 's' },
    );
  });

  it('removes every handler it registered when disposed', () => {
    const other = new MockIpcMain();
    const dispose = registerIpc(other, core, { isTrustedSender: () => true });
    dispose();
    expect(other.handlers.size).toBe(0);
    expect(other.removeHandler).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });
});

describe('registerIpc with the real core', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-ipc-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers app.info as the Electron shell and leaves staff methods to the core', async () => {
    const core = await createKioskCore({ dataDir, shell: 'electron', exitKiosk: () => {} });
    const ipcMain = new MockIpcMain();
    const contents = new MockWebContents();
    registerIpc(ipcMain, core, { isTrustedSender: createSenderCheck({ kioskContents: () => contents }) });
    const event = { sender: contents, senderFrame: contents.mainFrame };

    const info = await ipcMain.invoke(invokeChannel('app.info'), event, { input: {} });
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', canExit: true } });
    const health = await ipcMain.invoke(invokeChannel('staff.health'), event, { input: {} });
    expect(health).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('sendKioskEvent', () => {
  it('sends an allowlisted event with no data to a live page only', () => {
    const contents = new MockWebContents();
    sendKioskEvent(contents, 'system-resumed');
    expect(contents.send).toHaveBeenCalledExactlyOnceWith(eventChannel('system-resumed'));

    contents.destroyed = true;
    sendKioskEvent(contents, 'system-resumed');
    sendKioskEvent(undefined, 'system-resumed');
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
