/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import path from 'node:path';
import os from 'node:os';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffAccountView } from '../../../../electron/core/contract';
import { locale, t } from '../../../../renderer/src/i18n/i18n.svelte';
import { followCoreClock } from '../../../../renderer/src/lib/clock';
import { staffSignIn } from '../../../../renderer/src/lib/staff.svelte';
import OrgPanel from '../../../../renderer/src/org/OrgPanel.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

/**
 * The Organisation section against a real core on a machine with no Syncthing set up: it says so
 * calmly, offers the join file to a coordinator, and greys it for a facilitator, saying why.
 */
let connection: Awaited<ReturnType<typeof connectRealCore>>;
const previousHome = process.env['KIOSK_SYNCTHING_HOME'];
const call = async (method: string, input: unknown, staffSession?: string) => {
  const result = await connection.core.invoke(method, input, staffSession ? { staffSession } : {});
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as { session: string; account: StaffAccountView };
};

beforeEach(async () => {
  // A Syncthing home with no config.xml: Syncthing is "not found", whatever this machine has.
  process.env['KIOSK_SYNCTHING_HOME'] = path.join(os.tmpdir(), 'kiosk-no-syncthing-here');
  connection = await connectRealCore('2026-12-09T10:30:00+08:00');
  followCoreClock(connection.clock.now().toISOString());
  locale.set('zh-HK');
});
afterEach(async () => {
  cleanup();
  await staffSignIn.end();
  await connection.disconnect();
  locale.set('zh-HK');
  if (previousHome === undefined) delete process.env['KIOSK_SYNCTHING_HOME'];
  else process.env['KIOSK_SYNCTHING_HOME'] = previousHome;
});

describe('the Organisation section, not joined', () => {
  it('says calmly that Syncthing is not set up and offers a coordinator the join file', async () => {
    const { session, account } = await call('staff.setup', { pin: '482916', confirm: '482916' });
    staffSignIn.begin(session, account);
    render(OrgPanel);
    const syncthing = await screen.findByTestId('org-syncthing');
    expect(syncthing.dataset.state).toBe('not-found');
    expect(syncthing.textContent?.trim()).toBe(t('org.sync.notFound'));
    // Plain words, not an alarm: the kiosk works on.
    expect(syncthing.getAttribute('role')).toBeNull();
    expect(screen.getByTestId('org-not-joined').textContent).toContain(t('org.notJoined.personal'));
    // The browser kiosk's upload (the core has no file dialog to open here).
    const input = screen.getByTestId('org-join-file');
    expect(input.getAttribute('type')).toBe('file');
    expect(input.closest('label')?.hasAttribute('data-primary-action')).toBe(true);
  });

  it('greys the join file for a facilitator and says why when tapped', async () => {
    const coordinator = await call('staff.setup', { pin: '482916', confirm: '482916' });
    await call(
      'staff.accounts.add',
      { name: '陳姑娘', role: 'facilitator', pin: '735194', confirm: '735194' },
      coordinator.session,
    );
    const facilitator = (await call('staff.status', {})) as unknown as { accounts: StaffAccountView[] };
    const chan = facilitator.accounts.find((a) => a.name === '陳姑娘')!;
    const signedIn = await call('staff.login', { pin: '735194', account: chan.id });
    expect(signedIn.account.role).toBe('facilitator');
    staffSignIn.begin(signedIn.session, signedIn.account);
    render(OrgPanel);
    const load = await screen.findByTestId('org-join-load');
    expect(screen.queryByTestId('org-join-file')).toBeNull();
    expect(load.getAttribute('aria-disabled')).toBe('true');
    await fireEvent.click(load);
    expect(screen.getByTestId('disabled-reason').textContent).toBe(t('org.coordinatorOnly'));
    // Nothing was asked of the core's file dialog.
    expect(connection.calls).not.toContain('staff.org.join.choose');
  });
});
