/**
 * The one error shape that crosses both transports (Electron IPC and loopback HTTP).
 * Core code throws KioskError; the transports turn it into `{ code, message }`.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'too_large',
  'locked',
  'conflict',
  'storage',
  /** A write failed because the data folder's disk is full (ENOSPC): nothing was changed. */
  'disk_full',
  /** Something the kiosk relies on outside itself (the Syncthing service) is not there or refuses it. */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values a screen puts into the sentence it says for a reason (a nickname, a line number, a limit). */
export type ErrorParams = Record<string, string | number>;

export interface KioskErrorShape {
  code: ErrorCode;
  /** For logs and tests only: screens never show it (it is English). */
  message: string;
  /**
   * What went wrong, as the renderer's i18n key of the sentence that says it
   * (`<capability>.errors.<name>`, e.g. `staff-console.errors.duplicateNickname`), with `params`
   * for its placeholders. A screen says this in the reader's language; without a reason it says
   * the code's own sentence (`errors.codes.<code>`).
   */
  reason?: string;
  params?: ErrorParams;
}

/** HTTP status for each code; IPC carries the code only. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  locked: 423,
  conflict: 409,
  storage: 500,
  // Insufficient Storage: the server is fine, the disk under it is full.
  disk_full: 507,
  // Service Unavailable: a helper service the kiosk talks to is down or refuses it.
  unavailable: 503,
  internal: 500,
};

export class KioskError extends Error {
  readonly reason: string | undefined;
  readonly params: ErrorParams | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    said?: { reason: string; params?: ErrorParams },
  ) {
    super(message);
    this.name = 'KioskError';
    this.reason = said?.reason;
    this.params = said?.params;
  }

  toShape(): KioskErrorShape {
    const shape: KioskErrorShape = { code: this.code, message: this.message };
    if (this.reason) shape.reason = this.reason;
    if (this.params) shape.params = this.params;
    return shape;
  }
}

/** Any thrown value → the wire shape. Unknown errors never leak their stack or text. */
export function toErrorShape(error: unknown): KioskErrorShape {
  if (error instanceof KioskError) return error.toShape();
  return { code: 'internal', message: 'Something went wrong inside the kiosk.' };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskErrorShape };
