/**
 * The shape of `window.kiosk`, the only thing the preload exposes. Types only, no runtime code, so
 * the renderer can `import type { KioskBridge } from '…/electron/preload-api'` without pulling in
 * anything from the Electron side.
 */
import type { InputOf, MethodName, OutputOf } from './core/contract';
import type { KioskErrorShape } from './core/errors';

export type KioskResult<T> = { ok: true; value: T } | { ok: false; error: KioskErrorShape };

/** Events main may send to the page. Keep in step with KIOSK_EVENTS in ipc.ts (a test checks). */
export type KioskEventName =
  /** The machine woke from sleep: treat the visitor as gone and return to the attract screen. */
  'system-resumed';

export interface KioskBridge {
  /**
   * Calls one contract method in the core. Never rejects: failures (including an unknown method,
   * refused before it leaves the page) arrive as `{ ok: false, error }`.
   */
  invoke<M extends MethodName>(method: M, input: InputOf<M>, staffSession?: string): Promise<KioskResult<OutputOf<M>>>;
  /** Listens for one of the allowlisted events; returns a function that stops listening. */
  on(event: KioskEventName, listener: () => void): () => void;
}

/** `window` in the Electron shell; `kiosk` is absent in the browser kiosk. */
export type WindowWithKiosk = Window & { kiosk?: KioskBridge };
