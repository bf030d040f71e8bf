/**
 * The shape of `window.kiosk`, the only thing the preload exposes. Types only, no runtime code, so
 * the renderer can `import type { KioskBridge } from '…/electron/preload-api'` without pulling in
 * anything from the Electron side.
 */
import type { InputOf, MethodName, OutputOf } from './core/contract';
import type { KioskErrorShape } from './core/errors';
import type { GroupDisplayView } from './core/staff-console/group-display';

export type KioskResult<T> = { ok: true; value: T } | { ok: false; error: KioskErrorShape };

/**
 * Events main may send to the page, with what each carries. Keep in step with KIOSK_EVENTS (and
 * KIOSK_EVENTS_WITH_DATA) in ipc-channels.ts (a test checks).
 */
export interface KioskEventPayloads {
  /** The machine woke from sleep: treat the visitor as gone and return to the attract screen. */
  'system-resumed': [];
  /** To the group window on a second display only (#group-view): the step the facilitator shows. */
  'group-display': [view: GroupDisplayView];
}
export type KioskEventName = keyof KioskEventPayloads;

export interface KioskBridge {
  /**
   * Calls one contract method in the core. Never rejects: failures (including an unknown method,
   * refused before it leaves the page) arrive as `{ ok: false, error }`.
   */
  invoke<M extends MethodName>(
    method: M,
    input: InputOf<M>,
    staffSession?: string,
  ): Promise<KioskResult<OutputOf<M>>>;
  /** Listens for one of the allowlisted events; returns a function that stops listening. */
  on<E extends KioskEventName>(event: E, listener: (...payload: KioskEventPayloads[E]) => void): () => void;
}

/** `window` in the Electron shell; `kiosk` is absent in the browser kiosk. */
export type WindowWithKiosk = Window & { kiosk?: KioskBridge };
