/**
 * What staff entry and Data health are told about the staff credential: codes and numbers the
 * screens put into words. Types only, so the renderer can import them.
 */

/**
 * What the staff entry screen offers:
 * - `sign-in`: the PIN pad;
 * - `set-up`: first-run set-up, only while no PIN can be read and no personal data is on the kiosk;
 * - `recovery`: no PIN can be read but personal data is here, so the recovery code is needed;
 * - `closed`: as `recovery`, but the recovery code cannot be read either: a technician must come.
 */
export type StaffEntryMode = 'sign-in' | 'set-up' | 'recovery' | 'closed';

/** A staff account as the entry screen and the console see it (never its PIN hash). */
export interface StaffAccountView {
  id: string;
  name: string;
  role: 'coordinator' | 'facilitator';
}

export interface StaffStatus {
  pinSet: boolean;
  /** The names the entry screen offers, oldest account first (none before set-up). */
  accounts: StaffAccountView[];
  /** ISO time until which PIN entry is locked, or null. */
  lockedUntil: string | null;
  entry: StaffEntryMode;
  /** Wrong PINs still allowed before the next lock. */
  triesLeft: number;
  /** Minutes the current PIN lock lasts, or the next one would (locks grow when they come one after another). */
  lockMinutes: number;
  recovery: {
    /** A recovery code is stored and can be used (to set a new PIN, or to lift a lock). */
    available: boolean;
    lockedUntil: string | null;
    triesLeft: number;
  };
}

export type StaffHealthCode =
  /** staff-credential.json was damaged and restored from its backup: the PIN still works. */
  | 'credential-restored'
  /** Neither staff-credential.json nor its backup could be read (`time`: when this was found). */
  | 'credential-lost'
  /** The staff PIN was set again with the recovery code this launch. */
  | 'pin-recovered'
  | 'recovery-restored'
  /** The recovery code's record could not be read: a new code is made at the next sign-in. */
  | 'recovery-lost'
  /** No recovery code is stored (a kiosk set up before they existed): one is made at the next sign-in. */
  | 'recovery-missing'
  /** The wrong-PIN count could not be saved (`count` times): the lock holds in memory until a restart. */
  | 'lockout-not-saved'
  /** A new recovery code could not be saved: the previous one (if any) still works. */
  | 'recovery-not-saved'
  /** The PIN moved from settings.json into its own file this launch. */
  | 'moved-from-settings'
  /** The PIN could not be moved out of settings.json (disk full?): it is used from memory and moved at the next start. */
  | 'move-not-saved';

export interface StaffHealthNotice {
  code: StaffHealthCode;
  time: string;
  count?: number;
}

export interface StaffHealth {
  pinSet: boolean;
  recoveryCode: boolean;
  notices: StaffHealthNotice[];
}
