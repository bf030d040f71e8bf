import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow as ElectronWindow, Dialog } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChooseJoinFile } from '../../../electron/choose-join-file';
import { BrowserWindow, dialog } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

let root: string;
let window: BrowserWindow;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kiosk-join-dialog-'));
  window = new BrowserWindow();
  dialog.showOpenDialog.mockClear();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function chooser(maxBytes = 64) {
  return createChooseJoinFile({
    dialog: dialog as unknown as Pick<Dialog, 'showOpenDialog'>,
    window: () => window as unknown as ElectronWindow,
    maxBytes,
  });
}

describe('choosing a join file in the desktop kiosk', () => {
  it('asks for one .json file and gives back its bytes', async () => {
    const file = path.join(root, 'ssw-kt-01.kiosk-join.json');
    await writeFile(file, '{"kind":"kiosk-join"}');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const bytes = await chooser()();
    expect(bytes?.toString('utf8')).toBe('{"kind":"kiosk-join"}');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, {
      properties: ['openFile'],
      filters: [{ name: 'Join file', extensions: ['json'] }],
    });
  });

  it('reads no more than one byte past the limit of a large file, so the core refuses it', async () => {
    const file = path.join(root, 'big.json');
    await writeFile(file, Buffer.alloc(10_000, 0x20));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    expect((await chooser(64)())?.length).toBe(65);
  });

  it('answers null when staff cancel or the window has gone', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await chooser()()).toBeNull();
    window.isDestroyed.mockReturnValue(true);
    expect(await chooser()()).toBeNull();
    expect(dialog.showOpenDialog).toHaveBeenCalledTimes(1);
  });
});
