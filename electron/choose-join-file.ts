import { promises as fs } from 'node:fs';
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';

/**
 * The staff console's "Load join file" in the desktop kiosk: a file dialog (the join file is
 * usually on a USB stick the organisation's IT person brought) and the file's bytes, read only up
 * to the join file's limit so a large file picked by mistake is never read whole. Takes the
 * dialog and window as parameters (no run-time Electron import), so unit tests pass mocks;
 * main.ts passes Electron's dialog and the kiosk window.
 */

export interface ChooseJoinFileDependencies {
  dialog: Pick<Dialog, 'showOpenDialog'>;
  /** The window that owns the (modal) dialog. */
  window: () => Pick<BrowserWindow, 'isDestroyed'> | undefined;
  /** The largest file read; one byte more is read so the core can refuse it as too large. */
  maxBytes: number;
}

const FILE_DIALOG: OpenDialogOptions = {
  properties: ['openFile'],
  filters: [{ name: 'Join file', extensions: ['json'] }],
};

/** Null when staff cancel (or the window has gone); else the file's first maxBytes + 1 bytes. */
export function createChooseJoinFile(deps: ChooseJoinFileDependencies): () => Promise<Buffer | null> {
  return async () => {
    const win = deps.window();
    if (!win || win.isDestroyed()) return null;
    const choice = await deps.dialog.showOpenDialog(win as BrowserWindow, FILE_DIALOG);
    const file = choice.filePaths[0];
    if (choice.canceled || !file) return null;
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(deps.maxBytes + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  };
}
