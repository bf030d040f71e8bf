import { contextBridge, ipcRenderer } from 'electron';
import type { KioskErrorShape } from './core/errors';
import {
  eventCarriesData,
  eventChannel,
  invokeChannel,
  isKioskEvent,
  readMethodsArgument,
} from './ipc-channels';
import type { KioskBridge, KioskResult } from './preload-api';

/**
 * The sandboxed preload: bundled to one CJS file that may require only 'electron'. It exposes
 * `window.kiosk = { invoke, on }` and nothing else — no ipcRenderer, no channel names, no event
 * objects — so the page reaches exactly the contract's methods and the allowlisted events.
 */

// Main passes contract.ts's METHOD_NAMES on the renderer's command line (window.ts), so this
// bundle stays free of zod and the contract remains the only list of methods.
const methods = readMethodsArgument(process.argv);
if (methods.size === 0)
  console.error('[kiosk] the preload was given no method names; every call will be refused');

function failure(error: KioskErrorShape): KioskResult<never> {
  return { ok: false, error };
}

const kiosk: KioskBridge = {
  async invoke(method, input, staffSession) {
    // Refused here, before anything is sent, so a page cannot probe other channels.
    if (typeof method !== 'string' || !methods.has(method)) {
      return failure({ code: 'not_found', message: `There is no method called ${String(method)}.` });
    }
    if (staffSession !== undefined && typeof staffSession !== 'string') {
      return failure({ code: 'invalid_input', message: 'The staff session must be text.' });
    }
    const payload = staffSession === undefined ? { input } : { input, staffSession };
    try {
      return (await ipcRenderer.invoke(invokeChannel(method), payload)) as KioskResult<never>;
    } catch {
      // Input that cannot be structured-cloned (functions, DOM nodes) fails before it leaves.
      return failure({ code: 'invalid_input', message: 'The request could not be sent to the kiosk.' });
    }
  },

  on(event, listener) {
    if (!isKioskEvent(event) || typeof listener !== 'function') return () => {};
    const channel = eventChannel(event);
    const deliver = listener as (...payload: unknown[]) => void;
    // The IPC event object never reaches the page: it would hand over `sender` and `ports`. Only
    // the events that carry data pass on their one payload; nothing else gets through.
    const forward = eventCarriesData(event)
      ? (_event: unknown, payload: unknown) => deliver(payload)
      : () => deliver();
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('kiosk', kiosk);
