import type { InputOf, MethodName, OutputOf } from '../../../electron/core/contract';
import type { ErrorCode, Result } from '../../../electron/core/errors';
import { t } from '../i18n/i18n.svelte';

/**
 * The renderer's one way to reach the core. Inside Electron the preload gives `window.kiosk`;
 * in the browser kiosk the same calls go to `POST /api/<method>` with the page's token.
 */
interface KioskBridge {
  invoke(method: string, input: unknown, staffSession?: string): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

let staffSession: string | undefined;

/** Staff calls carry this session; set on sign-in, cleared on sign-out and on every wipe. */
export function setStaffSession(session: string | undefined): void {
  staffSession = session;
}

function pageToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
}

/**
 * A file in the input (bytes) goes as the raw body, the rest of the input in a header, so the
 * server reads the file as it streams in instead of a base64 copy inside JSON.
 */
function httpBody(input: unknown, headers: Record<string, string>): BodyInit {
  const fields = Object.entries((input ?? {}) as Record<string, unknown>);
  const file = fields.find(([, value]) => value instanceof Uint8Array);
  if (!file) {
    headers['content-type'] = 'application/json';
    return JSON.stringify(input ?? {});
  }
  headers['content-type'] = 'application/octet-stream';
  headers['x-kiosk-input'] = encodeURIComponent(
    JSON.stringify(Object.fromEntries(fields.filter(([name]) => name !== file[0]))),
  );
  return file[1] as Uint8Array<ArrayBuffer>;
}

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const headers: Record<string, string> = { 'x-kiosk-token': pageToken() };
  if (staffSession) headers['x-kiosk-staff'] = staffSession;
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, { method: 'POST', headers, body: httpBody(input, headers) });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The kiosk service is not answering.' } };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: `The kiosk service answered ${response.status}.` },
    };
  }
}

/**
 * Codes every screen says the same way, in the reader's language, whichever call met them: screens
 * that show an error's message then show this sentence instead of the core's English one.
 */
const SAID_BY_CODE: Partial<Record<ErrorCode, string>> = { disk_full: 'errors.disk_full' };

function messageFor(code: ErrorCode, coreMessage: string): string {
  const key = SAID_BY_CODE[code];
  return key ? t(key) : coreMessage;
}

export async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = window.kiosk
    ? await window.kiosk.invoke(method, input, staffSession)
    : await overHttp(method, input);
  if (!result.ok) throw new ApiError(result.error.code, messageFor(result.error.code, result.error.message));
  return result.value as OutputOf<M>;
}
