import { config } from '../lib/settings.svelte';
import { staffCall } from '../lib/staff.svelte';

/**
 * The staff console's "Print". The desktop kiosk has no print dialog worth showing staff at a
 * kiosk, so it saves the page (through print.css) as a PDF in a folder they choose; the browser
 * kiosk uses the browser's own print. Either way the @media print stylesheet decides what shows.
 */

export type PrintKind = 'report' | 'session-summary' | 'sign-in-sheet';

/** The saved file's path, or null when the browser printed or staff cancelled the folder dialog. */
export async function printPage(kind: PrintKind, suggestedName: string): Promise<string | null> {
  if (!savesAsPdf()) {
    window.print();
    // The core cannot see a browser print: it is logged (under the signed-in account) here.
    await staffCall('staff.log.print', { kind, name: suggestedName }).catch(() => undefined);
    return null;
  }
  const result = await staffCall('staff.print.pdf', { kind, suggestedName });
  return result.saved && result.file ? result.file : null;
}

export function savesAsPdf(): boolean {
  return config.info?.shell === 'electron';
}
