import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ActivityDocSchema, type ActivityDoc } from '../activity/schema';
import { KioskError, type ErrorParams } from '../errors';
import { parseGuardedJson } from '../json-guard';
import { hongKongDateTime } from '../../shared/period';
import { ResumeCodesDocSchema, type ResumeCodesDoc } from '../lessons/resume-codes';
import { PublicSettingsSchema, SETTINGS_SCHEMA_VERSION } from '../settings/schema';
import { DocumentSchema } from '../store/document-schema';
import {
  EncryptionSchema,
  MAX_PASSPHRASE,
  MIN_PASSPHRASE,
  open,
  seal,
  type Encryption,
} from './backup-crypto';
import { GROUP_SESSIONS_MIGRATIONS, GroupSessionsDocSchema, type GroupSessionsDoc } from './group-sessions';
import { StaffLogDocSchema, type StaffLogDoc } from './staff-log';

/**
 * One backup file of the kiosk's own records: centre settings, anonymous tallies, group
 * sessions and courses, resume codes and the staff log.
 *
 * Version 2 (made now) is sealed with a passphrase staff choose (backup-crypto.ts): only the
 * format marker, the version, when it was made, the app version and the sealing parameters are
 * readable; every document (nicknames, notes, resume codes) is inside the ciphertext.
 * Version 1 (older kiosks) was plain JSON with a SHA-256 checksum; it still previews and
 * restores, said to be "not encrypted", its group sessions migrated like the store does.
 *
 * Left out on purpose:
 * - the staff PIN hash and lock state. A backup travels on a USB stick; a scrypt hash of a
 *   6-digit PIN can be brute-forced offline in hours, so the file would give the PIN away. A
 *   restore keeps the PIN of the kiosk it is restored on (staff are signed in there already).
 * - the imported hotspot dataset: public open data, large, and re-imported from DATA.GOV.HK.
 */

export const BACKUP_FORMAT = 'digital-inclusion-kiosk-backup';
export const BACKUP_VERSION = 2;
/** Plain JSON with a checksum, made before backups were encrypted. */
export const PLAIN_BACKUP_VERSION = 1;
/** Large enough for years of tallies; the HTTP transport refuses anything bigger. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;
export { MIN_PASSPHRASE, MAX_PASSPHRASE };

export const BackupDocumentsSchema = z
  .object({
    settings: z
      .object({ schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION), public: PublicSettingsSchema })
      .strict(),
    activity: ActivityDocSchema,
    groupSessions: GroupSessionsDocSchema,
    resumeCodes: ResumeCodesDocSchema,
    staffLog: StaffLogDocSchema,
  })
  .strict();
export type BackupDocuments = z.infer<typeof BackupDocumentsSchema>;

const Header = {
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string().datetime(),
  appVersion: z.string().max(40),
};
const PlainEnvelopeSchema = z
  .object({ ...Header, checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/), documents: z.unknown() })
  .strict();
const SealedEnvelopeSchema = z
  .object({ ...Header, encryption: EncryptionSchema, ciphertext: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) })
  .strict();

/** A backup file opened and checked. */
export interface BackupFile {
  createdAt: string;
  appVersion: string;
  /** False for a version-1 file: anyone who had the file could read it. */
  encrypted: boolean;
  documents: BackupDocuments;
}

/** What a file says about itself before it is opened. */
export interface BackupLabel {
  createdAt: string;
  appVersion: string;
  encrypted: boolean;
}

export interface BackupSources {
  settings: { public: unknown };
  activity: ActivityDoc;
  groupSessions: GroupSessionsDoc;
  resumeCodes: ResumeCodesDoc;
  staffLog: StaffLogDoc;
}

/** The documents a backup (or this kiosk, for a comparison) holds, checked against their schemas. */
export function backupDocuments(sources: BackupSources): BackupDocuments {
  return BackupDocumentsSchema.parse({
    settings: { schemaVersion: SETTINGS_SCHEMA_VERSION, public: sources.settings.public },
    activity: sources.activity,
    groupSessions: sources.groupSessions,
    resumeCodes: sources.resumeCodes,
    staffLog: sources.staffLog,
  });
}

/** kiosk-backup-2026-12-02-0815.json for 00:15Z: staff find the file by the time on their own clock. */
export function backupFileName(createdAt: Date): string {
  const [day, time] = hongKongDateTime(createdAt).split(' ');
  return `kiosk-backup-${day}-${time!.replace(':', '')}.json`;
}

/**
 * The text GCM binds to the ciphertext: the readable fields, in a fixed order, so an edited date
 * or parameter fails the tag.
 */
function sealedHeader(
  label: { createdAt: string; appVersion: string },
  encryption: Omit<Encryption, 'tag'>,
): string {
  const { cipher, kdf, N, r, p, salt, iv, check } = encryption;
  return JSON.stringify([
    BACKUP_FORMAT,
    BACKUP_VERSION,
    label.createdAt,
    label.appVersion,
    { cipher, kdf, N, r, p, salt, iv, check },
  ]);
}

const say = (code: 'invalid_input' | 'too_large', log: string, name: string, params?: ErrorParams) =>
  new KioskError(code, `${log} Nothing was changed.`, {
    reason: `staff-console.errors.${name}`,
    ...(params ? { params } : {}),
  });

/** Refuses a passphrase that is too short to choose for a new backup. */
export function checkNewPassphrase(passphrase: string, confirm: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE)
    throw say('invalid_input', 'The passphrase is too short.', 'backupPassphraseShort', {
      min: MIN_PASSPHRASE,
    });
  if (passphrase !== confirm)
    throw say('invalid_input', 'The two passphrases differ.', 'backupPassphraseMismatch');
}

export async function createBackup(
  sources: BackupSources,
  createdAt: Date,
  appVersion: string,
  passphrase: string,
  N?: number,
): Promise<{ fileName: string; text: string }> {
  const documents = backupDocuments(sources);
  const label = { createdAt: createdAt.toISOString(), appVersion };
  const { encryption, ciphertext } = await seal(
    JSON.stringify(documents),
    passphrase,
    (params) => sealedHeader(label, params),
    N,
  );
  const file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...label, encryption, ciphertext };
  return { fileName: backupFileName(createdAt), text: `${JSON.stringify(file, null, 1)}\n` };
}

type Envelope =
  | { kind: 'plain'; data: z.infer<typeof PlainEnvelopeSchema> }
  | { kind: 'sealed'; data: z.infer<typeof SealedEnvelopeSchema> };

/** The envelope of a file, checked; throws saying why, without echoing the content. */
function readEnvelope(text: string): Envelope {
  if (text.length > MAX_BACKUP_BYTES)
    throw say('too_large', 'This file is too large to be a kiosk backup.', 'backupTooLarge');
  // Guarded: the checksum stringifies the documents, which overflows the stack on deep nesting.
  const parsed = parseGuardedJson(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    throw parsed.reason === 'too_deep'
      ? say('invalid_input', 'The file is not in the shape this kiosk keeps.', 'backupNotShape')
      : say('invalid_input', 'The file is not JSON (damaged or cut short?).', 'backupNotJson');
  }
  const raw = parsed.value;
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT)
    throw say('invalid_input', 'The file is not a backup made by this kiosk.', 'backupNotOurs');
  const version = (raw as { version?: unknown }).version;
  if (version !== BACKUP_VERSION && version !== PLAIN_BACKUP_VERSION) {
    throw typeof version === 'number'
      ? say('invalid_input', `Backup format ${version} is not one this kiosk reads.`, 'backupOtherVersion', {
          version,
        })
      : say('invalid_input', 'The backup header is damaged.', 'backupHeaderDamaged');
  }
  if (version === PLAIN_BACKUP_VERSION) {
    const plain = PlainEnvelopeSchema.safeParse(raw);
    if (!plain.success) throw say('invalid_input', 'The backup header is damaged.', 'backupHeaderDamaged');
    return { kind: 'plain', data: plain.data };
  }
  const sealed = SealedEnvelopeSchema.safeParse(raw);
  if (!sealed.success) throw say('invalid_input', 'The backup header is damaged.', 'backupHeaderDamaged');
  return { kind: 'sealed', data: sealed.data };
}

/** When a file was made and whether it needs a passphrase; the documents are not opened. */
export function labelOf(text: string): BackupLabel {
  const envelope = readEnvelope(text);
  return {
    createdAt: envelope.data.createdAt,
    appVersion: envelope.data.appVersion,
    encrypted: envelope.kind === 'sealed',
  };
}

function checksumOf(documents: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(documents)).digest('hex')}`;
}

const groupSessionsForward = new DocumentSchema(GroupSessionsDocSchema, GROUP_SESSIONS_MIGRATIONS);

/** An older file's group sessions brought to today's schema, as the store does on start-up. */
function migrated(documents: unknown): unknown {
  if (!documents || typeof documents !== 'object') return documents;
  const groupSessions = (documents as { groupSessions?: unknown }).groupSessions;
  if (!groupSessions || typeof groupSessions !== 'object') return documents;
  const forward = groupSessionsForward.parse(JSON.stringify(groupSessions));
  return forward.ok ? { ...documents, groupSessions: forward.data } : documents;
}

/**
 * Parses, opens and checks a backup file; throws saying why (never echoing the content). A
 * sealed file needs its passphrase; a wrong one and a damaged file are told apart.
 */
export async function readBackup(text: string, passphrase?: string): Promise<BackupFile> {
  const envelope = readEnvelope(text);
  let documents: unknown;
  if (envelope.kind === 'plain') {
    if (checksumOf(envelope.data.documents) !== envelope.data.checksum)
      throw say('invalid_input', 'The checksum does not match (damaged or edited).', 'backupChecksum');
    documents = envelope.data.documents;
  } else {
    if (!passphrase)
      throw say(
        'invalid_input',
        'This backup is encrypted; its passphrase is needed.',
        'backupNeedsPassphrase',
      );
    const { encryption, ciphertext } = envelope.data;
    const opened = await open(encryption, ciphertext, passphrase, sealedHeader(envelope.data, encryption));
    if (!opened.ok) {
      throw opened.why === 'passphrase'
        ? say('invalid_input', 'The passphrase does not open this backup.', 'backupWrongPassphrase')
        : say('invalid_input', 'The encrypted part is damaged or was edited.', 'backupDamaged');
    }
    const inner = parseGuardedJson(opened.plaintext);
    if (!inner.ok) throw say('invalid_input', 'The opened backup is not JSON.', 'backupNotShape');
    documents = inner.value;
  }
  const checked = BackupDocumentsSchema.safeParse(migrated(documents));
  if (!checked.success) {
    const where = checked.error.issues[0]?.path[0];
    throw say(
      'invalid_input',
      `Part of the file${where ? ` (${String(where)})` : ''} is not in the shape this kiosk keeps.`,
      'backupPartDamaged',
    );
  }
  return {
    createdAt: envelope.data.createdAt,
    appVersion: envelope.data.appVersion,
    encrypted: envelope.kind === 'sealed',
    documents: checked.data,
  };
}
