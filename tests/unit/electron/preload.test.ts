import { build } from 'esbuild';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../electron/core/contract';
import { eventChannel, invokeChannel, KIOSK_EVENTS, methodsArgument } from '../../../electron/ipc-channels';
import type { KioskBridge, KioskEventName } from '../../../electron/preload-api';
import { contextBridge, ipcRenderer } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

// Compile-time: the runtime event allowlist and the bridge's event type name the same events.
type EventsMissingAtRunTime = Exclude<KioskEventName, (typeof KIOSK_EVENTS)[number]>;
const eventListsMatch: [EventsMissingAtRunTime] extends [never] ? true : false = true;

const repoRoot = path.resolve(import.meta.dirname, '../../..');
let kiosk: KioskBridge;

beforeAll(async () => {
  // As window.ts arranges: main passes the method names on the renderer's command line.
  process.argv.push(methodsArgument(METHOD_NAMES));
  await import('../../../electron/preload');
  kiosk = contextBridge.exposed.kiosk as KioskBridge;
});

afterAll(() => {
  process.argv = process.argv.filter((argument) => !argument.startsWith('--kiosk-methods='));
});

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.removeAllListeners();
});

describe('the preload bridge', () => {
  it('exposes exactly window.kiosk with exactly invoke and on', () => {
    expect(eventListsMatch).toBe(true);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(contextBridge.exposed)).toEqual(['kiosk']);
    expect(Object.keys(kiosk).sort()).toEqual(['invoke', 'on']);
    expect(typeof kiosk.invoke).toBe('function');
    expect(typeof kiosk.on).toBe('function');
  });

  it.each(['fs.readFile', 'kiosk:app.info', '__proto__', 'constructor', '', 'APP.INFO'])(
    'refuses the unknown method %j without sending anything',
    async (method) => {
      const result = await kiosk.invoke(method as 'app.info', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses a method name that is not text', async () => {
    const result = await kiosk.invoke(42 as unknown as 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sends every contract method on its own channel and returns the answer', async () => {
    for (const method of METHOD_NAMES) {
      ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: method });
      await expect(kiosk.invoke(method, {} as never)).resolves.toEqual({ ok: true, value: method });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeChannel(method), { input: {} });
    }
  });

  it('sends the staff session beside the input', async () => {
    await kiosk.invoke('staff.health', {}, 'session-123');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(invokeChannel('staff.health'), {
      input: {},
      staffSession: 'session-123',
    });
  });

  it('refuses a staff session that is not text', async () => {
    const result = await kiosk.invoke('staff.health', {}, { session: 'x' } as unknown as string);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('never rejects: a failed send becomes an error result', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    const result = await kiosk.invoke('visit.start', { language: 'en' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('forwards an allowlisted event without the IPC event object, until unsubscribed', () => {
    const listener = vi.fn();
    const stop = kiosk.on('system-resumed', listener);
    ipcRenderer.emit(eventChannel('system-resumed'), { sender: 'secret', ports: [] }, 'extra');
    expect(listener).toHaveBeenCalledExactlyOnceWith();

    stop();
    ipcRenderer.emit(eventChannel('system-resumed'), {});
    expect(listener).toHaveBeenCalledOnce();
    expect(ipcRenderer.listenerCount(eventChannel('system-resumed'))).toBe(0);
  });

  it('passes on the one payload of an event that carries data, never the IPC event object', () => {
    const listener = vi.fn();
    const stop = kiosk.on('group-display', listener);
    const view = { lessonId: 'phone-basics', position: { number: 2, total: 6 } };
    ipcRenderer.emit(eventChannel('group-display'), { sender: 'secret', ports: [] }, view, 'extra');
    expect(listener).toHaveBeenCalledExactlyOnceWith(view);
    stop();
    expect(ipcRenderer.listenerCount(eventChannel('group-display'))).toBe(0);
  });

  it('ignores events that are not allowlisted', () => {
    const stop = kiosk.on('kiosk:app.info' as KioskEventName, vi.fn());
    expect(ipcRenderer.eventNames()).toEqual([]);
    expect(() => stop()).not.toThrow();
  });
});

describe('the preload bundle', () => {
  it('requires nothing but electron, so it runs in a sandboxed renderer', async () => {
    const result = await build({
      entryPoints: [path.join(repoRoot, 'electron/preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const externals = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.filter((entry) => entry.external).map((entry) => entry.path),
    );
    expect([...new Set(externals)]).toEqual(['electron']);
    // No node_modules (zod and friends) in the preload: it stays small and auditable.
    expect(Object.keys(result.metafile.inputs).filter((file) => file.includes('node_modules'))).toEqual([]);
  });
});
