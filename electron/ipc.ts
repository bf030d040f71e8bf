import { z } from 'zod';
import { APP_ORIGIN, isAppUrl } from './app-origin';
import { METHOD_NAMES } from './core/contract';
import type { Result } from './core/errors';
import { valueTooDeep } from './core/json-guard';
import type { KioskCore } from './core/service';
import { eventChannel, invokeChannel } from './ipc-channels';
import type { KioskEventName } from './preload-api';

/**
 * The Electron transport: one `ipcMain.handle` per contract method, generic over the contract, so a
 * new method needs nothing here. Channel names live in ipc-channels.ts, which the preload shares.
 */
export { eventChannel, invokeChannel, isKioskEvent, KIOSK_EVENTS, methodsArgument } from './ipc-channels';

/** What the preload sends with each call. */
export const InvokePayloadSchema = z
  .object({
    input: z.unknown().optional(),
    staffSession: z.string().min(1).max(512).optional(),
  })
  .strict();
export type InvokePayload = z.infer<typeof InvokePayloadSchema>;

/** The part of IpcMainInvokeEvent the sender check reads (the real event satisfies it). */
export interface IpcSenderEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of ipcMain used here (the real ipcMain satisfies it). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface SenderCheckOptions {
  /** The kiosk window's web contents, or undefined while there is none. */
  kioskContents: () => unknown;
  appOrigin?: string;
}

/**
 * Trusts a call only from the main frame of the kiosk window's own web contents while it shows an
 * app:// page. A subframe, another window, or a page that somehow left the app is refused.
 */
export function createSenderCheck(options: SenderCheckOptions): (event: IpcSenderEvent) => boolean {
  const appOrigin = options.appOrigin ?? APP_ORIGIN;
  return (event) => {
    try {
      const frame = event.senderFrame;
      // null once the frame has navigated away or been destroyed.
      if (!frame || frame.parent !== null) return false;
      const contents = options.kioskContents();
      if (contents === undefined || contents === null || event.sender !== contents) return false;
      return isAppUrl(frame.url, appOrigin);
    } catch {
      return false;
    }
  };
}

export interface RegisterIpcOptions {
  isTrustedSender: (event: IpcSenderEvent) => boolean;
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Calls are only accepted from the kiosk page.' },
};
const BAD_PAYLOAD: Result<never> = {
  ok: false,
  error: { code: 'invalid_input', message: 'The request is not valid.' },
};

/**
 * Registers every contract method. The core validates input and staff sessions itself; this layer
 * checks who is calling and the envelope's shape. Returns a function that removes the handlers.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  core: Pick<KioskCore, 'invoke'>,
  options: RegisterIpcOptions,
): () => void {
  const channels: string[] = [];
  for (const method of METHOD_NAMES) {
    const channel = invokeChannel(method);
    ipcMain.handle(channel, async (event, payload) => {
      if (!options.isTrustedSender(event)) {
        console.warn(`[kiosk] refused ${method} from an untrusted sender`);
        return FORBIDDEN;
      }
      // The same nesting guard as the HTTP transport's, on the structured-cloned value.
      if (valueTooDeep(payload)) return BAD_PAYLOAD;
      const envelope = InvokePayloadSchema.safeParse(payload ?? {});
      if (!envelope.success) return BAD_PAYLOAD;
      return core.invoke(method, envelope.data.input, { staffSession: envelope.data.staffSession });
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** The part of WebContents that pushing an event needs. */
export interface KioskEventTarget {
  send(channel: string): void;
  isDestroyed(): boolean;
}

/** Tells the page about an allowlisted event. Events carry no data, so nothing can leak through them. */
export function sendKioskEvent(contents: KioskEventTarget | undefined, event: KioskEventName): void {
  if (contents && !contents.isDestroyed()) contents.send(eventChannel(event));
}
