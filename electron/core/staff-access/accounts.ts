import { randomBytes } from 'node:crypto';
import { KioskError } from '../errors';
import { MAX_STAFF_ACCOUNTS, type StaffAccount, type StaffRole } from './credential-schema';
import type { StaffDocuments } from './credential-store';
import { hashPin } from './pin';
import type { StaffAuth } from './staff-auth';
import { viewOf } from './staff-auth';
import type { StaffAccountView } from './staff-status';

/**
 * Coordinators set up the staff accounts: add (the person enters their own PIN twice), rename,
 * change role, reset a forgotten PIN, remove. The kiosk always keeps at least one coordinator, so
 * nobody can lock the centre out of its own settings and data.
 */
export class StaffAccounts {
  constructor(
    private readonly auth: StaffAuth,
    private readonly docs: StaffDocuments,
    private readonly now: () => Date,
  ) {}

  list(): StaffAccountView[] {
    return this.auth.accounts.map(viewOf);
  }

  async add(input: {
    name: string;
    role: StaffRole;
    pin: string;
    confirm: string;
  }): Promise<StaffAccountView> {
    const name = input.name.trim();
    this.auth.assertNewPin(input.pin, input.confirm);
    const account: StaffAccount = {
      id: `staff-${randomBytes(6).toString('hex')}`,
      name,
      role: input.role,
      pinHash: await hashPin(input.pin),
      createdAt: this.now().toISOString(),
    };
    await this.change((accounts) => {
      assertNameFree(accounts, name, null);
      if (accounts.length >= MAX_STAFF_ACCOUNTS)
        throw new KioskError('conflict', `At most ${MAX_STAFF_ACCOUNTS} staff accounts.`, {
          reason: 'staff.accounts.errors.tooMany',
          params: { max: MAX_STAFF_ACCOUNTS },
        });
      accounts.push(account);
    });
    return viewOf(account);
  }

  async rename(id: string, name: string): Promise<StaffAccountView> {
    const trimmed = name.trim();
    return this.changeOne(id, (account, accounts) => {
      assertNameFree(accounts, trimmed, id);
      account.name = trimmed;
    });
  }

  async setRole(id: string, role: StaffRole): Promise<StaffAccountView> {
    return this.changeOne(id, (account, accounts) => {
      if (account.role === 'coordinator' && role !== 'coordinator') assertNotLastCoordinator(accounts, id);
      account.role = role;
    });
  }

  /** A new PIN for someone who forgot theirs; their open sessions end. */
  async resetPin(id: string, pin: string, confirm: string): Promise<StaffAccountView> {
    this.auth.assertNewPin(pin, confirm);
    const pinHash = await hashPin(pin);
    const view = await this.changeOne(id, (account) => {
      account.pinHash = pinHash;
    });
    this.auth.sessions.endAccount(id);
    return view;
  }

  /** Removes an account (never the last coordinator); its open sessions end. */
  async remove(id: string): Promise<StaffAccountView> {
    let removed: StaffAccountView | null = null;
    await this.change((accounts) => {
      const index = accounts.findIndex((a) => a.id === id);
      if (index < 0) throw notFound();
      if (accounts[index]!.role === 'coordinator') assertNotLastCoordinator(accounts, id);
      removed = viewOf(accounts[index]!);
      accounts.splice(index, 1);
    });
    this.auth.sessions.endAccount(id);
    return removed!;
  }

  private async changeOne(
    id: string,
    edit: (account: StaffAccount, accounts: StaffAccount[]) => void,
  ): Promise<StaffAccountView> {
    let changed: StaffAccountView | null = null;
    await this.change((accounts) => {
      const account = accounts.find((a) => a.id === id);
      if (!account) throw notFound();
      edit(account, accounts);
      changed = viewOf(account);
    });
    return changed!;
  }

  /** One serialised write; a PIN still only in memory (not moved out of settings) is written first. */
  private async change(edit: (accounts: StaffAccount[]) => void): Promise<void> {
    const memory = this.auth.accounts;
    await this.docs.credential.update((draft) => {
      if (draft.accounts.length === 0) draft.accounts = structuredClone([...memory]);
      edit(draft.accounts);
    });
  }
}

function sameName(a: string, b: string): boolean {
  return a.normalize('NFKC').toLocaleLowerCase() === b.normalize('NFKC').toLocaleLowerCase();
}

function assertNameFree(accounts: readonly StaffAccount[], name: string, except: string | null): void {
  if (accounts.some((a) => a.id !== except && sameName(a.name, name)))
    throw new KioskError('conflict', 'Another staff account has that name.', {
      reason: 'staff.accounts.errors.nameTaken',
      params: { name },
    });
}

function assertNotLastCoordinator(accounts: readonly StaffAccount[], id: string): void {
  if (!accounts.some((a) => a.id !== id && a.role === 'coordinator'))
    throw new KioskError('conflict', 'The kiosk needs at least one coordinator.', {
      reason: 'staff.accounts.errors.lastCoordinator',
    });
}

function notFound(): KioskError {
  return new KioskError('not_found', 'That staff account is no longer on this kiosk.', {
    reason: 'staff.accounts.errors.notFound',
  });
}
