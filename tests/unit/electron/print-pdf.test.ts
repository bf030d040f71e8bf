import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow as ElectronWindow, Dialog } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileDurably } from '../../../electron/core/store/durable-file';
import { createPrintToPdf, safePdfFileName } from '../../../electron/print-pdf';
import { BrowserWindow, dialog } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

let root: string;
let folder: string;
let window: BrowserWindow;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kiosk-print-pdf-'));
  folder = path.join(root, 'usb-stick');
  await import('node:fs/promises').then((fs) => fs.mkdir(folder));
  window = new BrowserWindow();
  dialog.showOpenDialog.mockClear();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function printer(writeFile = vi.fn(writeFileDurably)) {
  const print = createPrintToPdf({
    dialog: dialog as unknown as Pick<Dialog, 'showOpenDialog'>,
    window: () => window as unknown as ElectronWindow,
    writeFile,
  });
  return { print, writeFile };
}

describe('printing to PDF in the desktop kiosk', () => {
  it('asks for a folder, prints the page as A4 and writes it there with a .pdf name', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    const { print } = printer();
    const result = await print({ suggestedName: 'report-2026-11-01-to-2026-11-30' });

    const file = path.join(folder, 'report-2026-11-01-to-2026-11-30.pdf');
    expect(result).toEqual({ saved: true, file });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, {
      properties: ['openDirectory', 'createDirectory'],
    });
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
    expect([...(await readFile(file))]).toEqual([0x25, 0x50, 0x44, 0x46]);
    // Written durably: no temporary file left beside it.
    expect(await readdir(folder)).toEqual(['report-2026-11-01-to-2026-11-30.pdf']);
  });

  it('saves nothing and does not print when staff cancel the folder dialog', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const { print, writeFile } = printer();
    expect(await print({ suggestedName: 'report' })).toEqual({ saved: false });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
  });

  it('saves nothing when the window has gone', async () => {
    window.isDestroyed.mockReturnValue(true);
    const { print, writeFile } = printer();
    expect(await print({ suggestedName: 'report' })).toEqual({ saved: false });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('keeps a hostile name inside the chosen folder', async () => {
    for (const suggestedName of [
      '../../escape',
      '..\\..\\escape',
      '/etc/passwd',
      'C:\\Windows\\evil',
      '..',
      '.hidden',
    ]) {
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
      const { print } = printer();
      const result = await print({ suggestedName });
      expect(result.saved, suggestedName).toBe(true);
      expect(path.dirname(result.file!), suggestedName).toBe(folder);
      expect(result.file!.endsWith('.pdf'), suggestedName).toBe(true);
    }
    // Everything landed in the folder, nothing beside it.
    expect(await readdir(root)).toEqual(['usb-stick']);
  });
});

describe('safePdfFileName', () => {
  it('keeps a plain name, adding .pdf once', () => {
    expect(safePdfFileName('group-session-2026-11-20')).toBe('group-session-2026-11-20.pdf');
    expect(safePdfFileName('report.PDF')).toBe('report.pdf');
    expect(safePdfFileName('小組 2026-11-20')).toBe('小組 2026-11-20.pdf');
  });

  it('strips separators, reserved characters, leading dots and device names', () => {
    expect(safePdfFileName('../../a/b')).toBe('a-b.pdf');
    expect(safePdfFileName('a\\b:c*?"<>|d')).toBe('a-b-c-d.pdf');
    expect(safePdfFileName('a\u0000b\nc')).toBe('a-b-c.pdf');
    expect(safePdfFileName('..')).toBe('kiosk-report.pdf');
    expect(safePdfFileName('   ')).toBe('kiosk-report.pdf');
    expect(safePdfFileName('NUL')).toBe('kiosk-report.pdf');
    expect(safePdfFileName('x'.repeat(300))).toBe(`${'x'.repeat(100)}.pdf`);
  });
});
