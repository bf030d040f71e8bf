import { t } from '../i18n/i18n.svelte';
import { ApiError } from '../lib/api';

/** The largest file the core accepts (its check is the real one; this only saves reading a huge file). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * A chosen file's bytes, for `staff.hotspots.preview`: sent as they are (the raw body in the browser
 * kiosk, a structured clone in Electron), never as base64, which would add a third and a copy.
 */
export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    // The browser reads a chosen file only now: a USB stick pulled out, or a file moved since it
    // was chosen, fails here. Said as that, not as the kiosk's own fault.
    throw new ApiError('invalid_input', t('errors.request.fileUnreadable'), {
      reason: 'errors.request.fileUnreadable',
    });
  }
}

/** "json" or "csv" from the file name, when it says; otherwise the core tells from the content. */
export function formatFromName(fileName: string): 'json' | 'csv' | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}
