import type http from 'node:http';
import { KioskError } from '../core/errors';

/**
 * A file upload over HTTP: the file is the raw request body (`application/octet-stream`) and the
 * rest of the method's input is JSON in the `x-kiosk-input` header (URI-encoded, so a Chinese
 * file name survives). The body is never buffered here: the handler reads it as it streams in,
 * and the limit is enforced chunk by chunk, so an oversized upload is refused at the limit.
 */
export const UPLOAD_INPUT_HEADER = 'x-kiosk-input';

export function isUploadRequest(request: http.IncomingMessage): boolean {
  return (
    (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/octet-stream'
  );
}

export function uploadInput(
  request: http.IncomingMessage,
  field: string,
  limit: number,
): { ok: true; input: Record<string, unknown> } | { ok: false; error: KioskError } {
  const header = request.headers[UPLOAD_INPUT_HEADER];
  let text: string;
  try {
    text = typeof header === 'string' ? decodeURIComponent(header) : '{}';
  } catch {
    return {
      ok: false,
      error: new KioskError('invalid_input', 'The request is not valid.', {
        reason: 'errors.request.notValid',
      }),
    };
  }
  let value: unknown;
  try {
    // A header is at most a few KB (Node refuses more), so it cannot nest deep enough to matter.
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: new KioskError('invalid_input', 'The request is not valid.', {
        reason: 'errors.request.notValid',
      }),
    };
  }
  return { ok: true, input: { ...(value as Record<string, unknown>), [field]: limitedBody(request, limit) } };
}

async function* limitedBody(request: http.IncomingMessage, limit: number): AsyncGenerator<Uint8Array> {
  let size = 0;
  try {
    // Not destroyed when the handler stops reading early (a refused file): the socket must stay up
    // for the answer, and the server closes it once that is sent.
    for await (const chunk of request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > limit)
        throw new KioskError('too_large', 'The request is too large.', { reason: 'errors.request.tooLarge' });
      yield chunk;
    }
  } catch (error) {
    if (error instanceof KioskError) throw error;
    // The client hung up part-way ('aborted'): the file is incomplete, so nothing is kept.
    throw new KioskError('invalid_input', 'The file did not arrive whole.', {
      reason: 'errors.request.notWhole',
    });
  }
}
