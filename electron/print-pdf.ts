import path from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, PrintToPDFOptions } from 'electron';

/**
 * The staff console's "Print" in the desktop kiosk: staff choose a folder (a USB stick, usually),
 * and the page as it is now, through its @media print stylesheet, is saved there as an A4 PDF.
 * Takes the dialog, the window and a file writer as parameters (no run-time Electron import), so
 * unit tests drive it with mocks; main.ts passes Electron's dialog and writeFileDurably.
 */

export interface PrintPdfRequest {
  /** A file name without folder, e.g. "report-2026-11-01-to-2026-11-30"; cleaned before use. */
  suggestedName: string;
}

export interface PrintPdfResult {
  saved: boolean;
  /** The full path written, when saved. */
  file?: string;
}

export interface PrintPdfDependencies {
  dialog: Pick<Dialog, 'showOpenDialog'>;
  /** The window whose page is printed and that owns the (modal) folder dialog. */
  window: () => Pick<BrowserWindow, 'webContents' | 'isDestroyed'> | undefined;
  writeFile: (target: string, contents: Uint8Array) => Promise<void>;
}

const MAX_NAME_LENGTH = 100;
const FALLBACK_NAME = 'kiosk-report';

/**
 * A file name that stays inside the chosen folder on every platform: no path separators, no
 * characters Windows refuses, no control characters, no leading dots (hidden files, "..") and
 * always ending in .pdf.
 */
export function safePdfFileName(suggested: string): string {
  let name = suggested
    .normalize('NFC')
    .replace(/\.pdf$/i, '')
    // Control characters, path separators and the characters Windows refuses in a name.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '');
  name = [...name].slice(0, MAX_NAME_LENGTH).join('').trim();
  // Windows device names (CON, NUL, COM1…) cannot be files whatever the extension.
  if (!name || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) name = FALLBACK_NAME;
  return `${name}.pdf`;
}

const FOLDER_DIALOG: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
const PDF_OPTIONS: PrintToPDFOptions = { printBackground: true, pageSize: 'A4' };

export function createPrintToPdf(
  deps: PrintPdfDependencies,
): (request: PrintPdfRequest) => Promise<PrintPdfResult> {
  return async ({ suggestedName }) => {
    const win = deps.window();
    if (!win || win.isDestroyed()) return { saved: false };
    const choice = await deps.dialog.showOpenDialog(win as BrowserWindow, FOLDER_DIALOG);
    const folder = choice.filePaths[0];
    if (choice.canceled || !folder) return { saved: false };

    const dir = path.resolve(folder);
    const file = path.join(dir, safePdfFileName(suggestedName));
    // safePdfFileName already keeps the name to one segment; this is the last word on it.
    if (path.dirname(file) !== dir) throw new Error(`refused to write outside ${dir}`);
    // The dialog took time: the window may have gone (a crash, a reload) in the meantime.
    if (win.isDestroyed()) return { saved: false };
    const pdf = await win.webContents.printToPDF(PDF_OPTIONS);
    await deps.writeFile(file, pdf);
    return { saved: true, file };
  };
}
