import { KioskError, type Result } from '../../electron/core/errors';

/** The value of a successful core call; a failed one fails the test with its code and message. */
export function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The error code of a failed core call, or undefined when it succeeded. */
export function errorCode(result: Result<unknown>): string | undefined {
  return result.ok ? undefined : result.error.code;
}

/** The KioskError a promise rejects with; anything else (or success) fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<KioskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KioskError) return error;
    throw error;
  }
  throw new Error('expected a KioskError');
}
