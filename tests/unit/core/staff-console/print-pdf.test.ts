import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKioskCore, type CoreOptions } from '../../../../electron/core/service';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-print-pdf-core-');
afterEach(() => dirs.cleanup());

const PIN = '246813';
const INPUT = { kind: 'report', suggestedName: 'report-2026-11-01-to-2026-11-30' } as const;

async function signedIn(options: Partial<CoreOptions>) {
  const core = await createKioskCore({ dataDir: await dirs.make(), shell: 'browser', ...options });
  const setup = await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
  if (!setup.ok) throw new Error(setup.error.message);
  const staffSession = (setup.value as { session: string }).session;
  return { core, staffSession };
}

describe('staff.print.pdf', () => {
  it('is refused in the browser kiosk, which prints with window.print()', async () => {
    const { core, staffSession } = await signedIn({});
    const result = await core.invoke('staff.print.pdf', INPUT, { staffSession });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('forbidden');
      expect(result.error.message).toMatch(/desktop kiosk/);
    }
  });

  it('needs a staff session, even in the desktop kiosk', async () => {
    const printToPdf = vi.fn(async () => ({ saved: true, file: '/media/usb/x.pdf' }));
    const { core } = await signedIn({ shell: 'electron', printToPdf });
    for (const context of [{}, { staffSession: 'not-a-session' }]) {
      const result = await core.invoke('staff.print.pdf', INPUT, context);
      expect(!result.ok && result.error.code).toBe('unauthorized');
    }
    expect(printToPdf).not.toHaveBeenCalled();
  });

  it('passes the name to the shell and logs the saved file name (not its folder)', async () => {
    const printToPdf = vi.fn(async () => ({
      saved: true,
      file: '/media/usb/ada/report-2026-11-01-to-2026-11-30.pdf',
    }));
    const { core, staffSession } = await signedIn({ shell: 'electron', printToPdf });
    const result = await core.invoke('staff.print.pdf', INPUT, { staffSession });
    expect(result).toEqual({
      ok: true,
      value: { saved: true, file: '/media/usb/ada/report-2026-11-01-to-2026-11-30.pdf' },
    });
    expect(printToPdf).toHaveBeenCalledWith({ suggestedName: INPUT.suggestedName });

    const log = await core.invoke('staff.log.list', {}, { staffSession });
    const latest = log.ok
      ? (log.value as { entries: { action: string; detail: string }[] }).entries[0]
      : undefined;
    expect(latest).toEqual(
      expect.objectContaining({
        action: 'export',
        detail: 'figures: PDF report-2026-11-01-to-2026-11-30.pdf',
      }),
    );
  });

  it('logs nothing when staff cancel, and reports a failed write as a storage error', async () => {
    const printToPdf = vi.fn(async () => ({ saved: false }));
    const { core, staffSession } = await signedIn({ shell: 'electron', printToPdf });
    expect(await core.invoke('staff.print.pdf', INPUT, { staffSession })).toEqual({
      ok: true,
      value: { saved: false },
    });
    const log = await core.invoke('staff.log.list', {}, { staffSession });
    expect(
      log.ok && (log.value as { entries: { action: string }[] }).entries.map((e) => e.action),
    ).not.toContain('export');

    printToPdf.mockRejectedValueOnce(new Error('ENOSPC'));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed = await core.invoke(
      'staff.print.pdf',
      { kind: 'session-summary', suggestedName: 'group-session' },
      { staffSession },
    );
    spy.mockRestore();
    expect(!failed.ok && failed.error.code).toBe('storage');
  });

  it('refuses an unknown kind or an empty name', async () => {
    const { core, staffSession } = await signedIn({
      shell: 'electron',
      printToPdf: async () => ({ saved: false }),
    });
    for (const input of [
      { kind: 'receipt', suggestedName: 'x' },
      { kind: 'report', suggestedName: '  ' },
    ]) {
      const result = await core.invoke('staff.print.pdf', input, { staffSession });
      expect(!result.ok && result.error.code).toBe('invalid_input');
    }
  });
});
