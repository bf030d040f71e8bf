import { readdir } from 'node:fs/promises';
import type { SettingsDoc } from '../settings/schema';
import { StoredDocument, type DocumentOptions, type HealthEvent } from '../store/document';
import {
  credentialMigrations,
  defaultStaffCredentialDoc,
  FIRST_COORDINATOR,
  defaultStaffRecoveryDoc,
  StaffCredentialDocSchema,
  StaffRecoveryDocSchema,
  type LegacyStaffAuth,
  type StaffCredentialDoc,
  type StaffRecoveryDoc,
} from './credential-schema';
import type { StaffHealthCode, StaffHealthNotice } from './staff-status';

export const CREDENTIAL_DOCUMENT = 'staff-credential';
export const RECOVERY_DOCUMENT = 'staff-recovery';

export interface StaffDocuments {
  credential: StoredDocument<StaffCredentialDoc>;
  recovery: StoredDocument<StaffRecoveryDoc>;
  /**
   * The PIN still in settings.json when it could not be moved out (a full disk at the upgrade):
   * used from memory so staff can sign in, and moved at the next start.
   */
  unmovedLegacy: LegacyStaffAuth | null;
  /** When each was found lost (kept in the document itself, and in memory should that write fail). */
  lostAt: { credential: string | null; recovery: string | null };
  /** What this start found, for Data health. */
  notices: StaffHealthNotice[];
  /**
   * Whether a PIN was ever set on this kiosk: a loss remembered, a recovery code stored, or a
   * damaged credential file kept aside. A kiosk that never had one opens first-run set-up even
   * when visitors have saved resume codes (nobody could have seen them); one that had a PIN and
   * lost it needs the recovery code while personal data is here.
   */
  everHadPin: boolean;
}

type Common = Pick<DocumentOptions<unknown>, 'dataDir' | 'onHealthEvent' | 'now' | 'fs'>;

export interface StaffDocumentOptions extends Common {
  settings: StoredDocument<SettingsDoc>;
  /** Only for the credential document: tests put a disk that fills up here. */
  credentialFs?: DocumentOptions<unknown>['fs'];
}

/**
 * Opens a document and says whether the store had to restore it from its backup, or found neither
 * it nor its backup readable. A document whose files are simply absent is new, not lost.
 */
async function openWatched<T>(
  options: DocumentOptions<T>,
): Promise<{ doc: StoredDocument<T>; restored: boolean; lost: boolean }> {
  let restored = false;
  let lost = false;
  const doc = await StoredDocument.open<T>({
    ...options,
    onHealthEvent: (event: HealthEvent) => {
      if (event.kind === 'recovered-from-backup') restored = true;
      if (event.kind === 'reset-to-defaults') lost = true;
      options.onHealthEvent?.(event);
    },
  });
  return { doc, restored, lost };
}

/**
 * The staff credential and the recovery record, each in its own document with its own backup.
 * A credential that was there and can no longer be read is remembered as lost (`lostAt`), never
 * taken for "no PIN yet". A kiosk upgraded from settings.json's `staff` gets its PIN moved: the
 * credential is written first, then removed from settings, so a crash between the two loses nothing.
 */
export async function openStaffDocuments(options: StaffDocumentOptions): Promise<StaffDocuments> {
  const now = options.now ?? (() => new Date());
  const notices: StaffHealthNotice[] = [];
  const notice = (code: StaffHealthCode, time = now().toISOString()) => notices.push({ code, time });
  const common = { dataDir: options.dataDir, onHealthEvent: options.onHealthEvent, now };

  const credential = await openWatched<StaffCredentialDoc>({
    ...common,
    fs: options.credentialFs ?? options.fs,
    name: CREDENTIAL_DOCUMENT,
    schema: StaffCredentialDocSchema,
    migrations: credentialMigrations(now),
    defaults: defaultStaffCredentialDoc,
  });
  const recovery = await openWatched<StaffRecoveryDoc>({
    ...common,
    fs: options.fs,
    name: RECOVERY_DOCUMENT,
    schema: StaffRecoveryDocSchema,
    defaults: defaultStaffRecoveryDoc,
  });
  if (credential.restored) notice('credential-restored');
  if (recovery.restored) notice('recovery-restored');
  const lostAt = {
    credential: await rememberLoss(credential.doc, credential.lost, now),
    recovery: await rememberLoss(recovery.doc, recovery.lost, now),
  };

  const unmovedLegacy = await moveFromSettings(options.settings, credential.doc, notice, now);
  const hasPin = credential.doc.data.accounts.length > 0;
  if (hasPin || unmovedLegacy) lostAt.credential = null;
  if (lostAt.credential) notice('credential-lost', lostAt.credential);
  if (lostAt.recovery && !recovery.doc.data.code) notice('recovery-lost', lostAt.recovery);
  else if (!recovery.doc.data.code && (hasPin || unmovedLegacy)) notice('recovery-missing');
  const everHadPin =
    Boolean(hasPin || unmovedLegacy || recovery.doc.data.code || lostAt.credential || lostAt.recovery) ||
    (await keptAside(options.dataDir, [CREDENTIAL_DOCUMENT, RECOVERY_DOCUMENT]));
  return { credential: credential.doc, recovery: recovery.doc, unmovedLegacy, lostAt, notices, everHadPin };
}

/**
 * A `<name>.corrupt-<time>.json` the store moved aside: a rename needs no free space, so this is
 * evidence of a lost PIN even when the disk was too full to remember the loss in the document.
 */
async function keptAside(dataDir: string, names: string[]): Promise<boolean> {
  const files = await readdir(dataDir).catch(() => [] as string[]);
  return files.some((file) => names.some((name) => file.startsWith(`${name}.corrupt-`)));
}

/** When the document was found lost: now, at a start that found it so, or as it remembers from before. */
async function rememberLoss<T extends { lostAt: string | null }>(
  doc: StoredDocument<T>,
  lost: boolean,
  now: () => Date,
): Promise<string | null> {
  if (!lost || doc.data.lostAt) return doc.data.lostAt;
  const time = now().toISOString();
  // Not saved (a full disk)? Memory knows for this run; after a restart the personal-data rule
  // still keeps first-run set-up closed.
  await doc
    .update((draft) => {
      draft.lostAt = time;
    })
    .catch(() => undefined);
  return time;
}

async function moveFromSettings(
  settings: StoredDocument<SettingsDoc>,
  credential: StoredDocument<StaffCredentialDoc>,
  notice: (code: StaffHealthCode) => void,
  now: () => Date,
): Promise<LegacyStaffAuth | null> {
  const legacy = settings.data.staff;
  if (!legacy) return null;
  // The credential document, once it holds a PIN, is the truth: a PIN still in settings is a copy
  // left by a move cut short, or by an older copy of settings restored from its backup.
  if (credential.data.accounts.length === 0 && legacy.pin) {
    const pinHash = legacy.pin;
    try {
      await credential.update((draft) => {
        draft.accounts = [
          { ...FIRST_COORDINATOR, role: 'coordinator', pinHash, createdAt: now().toISOString() },
        ];
        draft.failedAttempts = legacy.failedAttempts;
        draft.lockedUntil = legacy.lockedUntil;
        draft.lostAt = null;
      });
      notice('moved-from-settings');
    } catch {
      notice('move-not-saved');
      return structuredClone(legacy);
    }
  }
  try {
    await settings.update((draft) => {
      delete draft.staff;
    });
  } catch {
    // Harmless: the credential document holds the PIN and wins at every start.
  }
  return null;
}
