import type { InputOf, MethodName, OutputOf } from '../../../electron/core/contract';
import type { ErrorCode, ErrorParams, KioskErrorShape, Result } from '../../../electron/core/errors';
import { hasKey, t } from '../i18n/i18n.svelte';

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

/** A refused call; `message` is already in the reader's language (see `sayError`). */
export class ApiError extends Error {
  readonly reason: string | undefined;
  readonly params: ErrorParams | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    said?: { reason?: string; params?: ErrorParams },
  ) {
    super(message);
    this.reason = said?.reason;
    this.params = said?.params;
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
 * The sentence a screen shows for a refused call, in the reader's language: the reason's own
 * sentence with its params when the core gave one the locale files have, else the code's. The
 * core's English `message` is never shown. A full disk is said the same way whatever the reason,
 * since what staff must do about it is the same.
 */
export function sayError(error: Pick<KioskErrorShape, 'code' | 'reason' | 'params'>): string {
  if (error.code === 'disk_full') return t('errors.disk_full');
  if (error.reason && hasKey(error.reason)) return t(error.reason, withFieldLabel(error.params ?? {}));
  return t(`errors.codes.${error.code}`);
}

/**
 * A `field` param is the input's path ('centreName.en', 'location.latitude'): said as the label
 * of its most specific part the locale files name (`fields.<name>`), else "one of the values",
 * so a screen never shows a raw field name.
 */
function withFieldLabel(params: ErrorParams): ErrorParams {
  const field = params.field;
  if (typeof field !== 'string') return params;
  const known = field
    .split('.')
    .reverse()
    .find((name) => name !== 'unknown' && hasKey(`fields.${name}`));
  return { ...params, field: t(known ? `fields.${known}` : 'fields.unknown') };
}

/** What to show for anything a call threw: its sentence, or the generic one for a thrown non-error. */
export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : t('errors.codes.internal');
}

export async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = window.kiosk
    ? await window.kiosk.invoke(method, input, staffSession)
    : await overHttp(method, input);
  if (!result.ok) throw new ApiError(result.error.code, sayError(result.error), result.error);
  return result.value as OutputOf<M>;
}
