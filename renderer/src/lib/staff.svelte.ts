import type { InputOf, MethodName, OutputOf, StaffAccountView } from '../../../electron/core/contract';
import { ApiError, invoke, setStaffSession } from './api';
import { visit } from './visit.svelte';

/** The staff sign-in for this screen only: in memory, gone on sign-out, wipe or reload. */
class StaffSignIn {
  signedIn = $state(false);
  /** Who signed in: the console hides and greys what their role may not do (the core refuses it anyway). */
  account = $state<StaffAccountView | null>(null);

  begin(session: string, account: StaffAccountView | null = null): void {
    setStaffSession(session);
    this.signedIn = true;
    this.account = account;
  }

  get isCoordinator(): boolean {
    return this.account?.role === 'coordinator';
  }

  async end(): Promise<void> {
    if (this.signedIn) await invoke('staff.logout', {}).catch(() => undefined);
    setStaffSession(undefined);
    this.signedIn = false;
    this.account = null;
  }

  /** The core said the session is gone (expired): forget it here too. */
  expired(): void {
    setStaffSession(undefined);
    this.signedIn = false;
    this.account = null;
  }
}

export const staffSignIn = new StaffSignIn();

/**
 * A staff method call. When the core says the session is gone (expired or signed out elsewhere),
 * forget it and go back to the PIN pad instead of showing a broken console.
 */
export async function staffCall<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  try {
    return await invoke(method, input);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') {
      staffSignIn.expired();
      visit.replace('staff-entry');
    }
    throw error;
  }
}
