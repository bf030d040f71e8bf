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
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface KioskErrorShape {
  code: ErrorCode;
  message: string;
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
  internal: 500,
};

export class KioskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KioskError';
  }

  toShape(): KioskErrorShape {
    return { code: this.code, message: this.message };
  }
}

/** Any thrown value → the wire shape. Unknown errors never leak their stack or text. */
export function toErrorShape(error: unknown): KioskErrorShape {
  if (error instanceof KioskError) return error.toShape();
  return { code: 'internal', message: 'Something went wrong inside the kiosk.' };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskErrorShape };
