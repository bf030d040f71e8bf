import { AsyncLocalStorage } from 'node:async_hooks';

/** The staff member a call is made by, as the staff log names them. */
export interface StaffActor {
  id: string;
  name: string;
}

const calls = new AsyncLocalStorage<StaffActor>();

/**
 * Runs one staff call as `actor`, so whatever it logs (in any capability, however deep) is
 * recorded under that name without every handler passing it down.
 */
export function runAsStaff<T>(actor: StaffActor, call: () => Promise<T>): Promise<T> {
  return calls.run(actor, call);
}

/** Who the running call is made by; undefined outside a signed-in staff call (start-up, timers). */
export function currentStaffActor(): StaffActor | undefined {
  return calls.getStore();
}
