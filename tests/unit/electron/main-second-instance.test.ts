import { describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, protocol } from '../../mocks/electron';

vi.mock('electron', () => import('../../mocks/electron'));

describe('electron/main as a second instance', () => {
  it('quits at once without a window when another kiosk holds the lock', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    await import('../../../electron/main');
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});
