import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ActivityDocSchema, type ActivityDoc } from '../activity/schema';
import { KioskError } from '../errors';
import { parseGuardedJson } from '../json-guard';
import { ResumeCodesDocSchema, type ResumeCodesDoc } from '../lessons/resume-codes';
import { PublicSettingsSchema, SETTINGS_SCHEMA_VERSION } from '../settings/schema';
import { GroupSessionsDocSchema, type GroupSessionsDoc } from './group-sessions';
import { StaffLogDocSchema, type StaffLogDoc } from './staff-log';

/**
 * One backup file of the kiosk's own records: centre settings, anonymous tallies, group
 * sessions, resume codes and the staff log, with a format marker, a version and a SHA-256
 * checksum over the documents.
 *
 * Left out on purpose:
 * - the staff PIN hash and lock state. A backup travels on a USB stick; a scrypt hash of a
 *   6-digit PIN can be brute-forced offline in hours, so the file would give the PIN away. A
 *   restore keeps the PIN of the kiosk it is restored on (staff are signed in there already).
 * - the imported hotspot dataset: public open data, large, and re-imported from DATA.GOV.HK.
 */

export const BACKUP_FORMAT = 'digital-inclusion-kiosk-backup';
export const BACKUP_VERSION = 1;
/** Large enough for years of tallies; the HTTP transport refuses anything bigger. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

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

const BackupEnvelopeSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int(),
    createdAt: z.string().datetime(),
    appVersion: z.string().max(40),
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    documents: z.unknown(),
  })
  .strict();

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  appVersion: string;
  checksum: string;
  documents: BackupDocuments;
}

export interface BackupPreview {
  createdAt: string;
  appVersion: string;
  centreName: { 'zh-HK': string; en: string; 'zh-CN'?: string };
  tallies: { count: number; firstDate: string | null; lastDate: string | null; visits: number };
  groupSessions: { count: number; firstDate: string | null; lastDate: string | null; participants: number };
  resumeCodes: number;
  staffLogEntries: number;
  retentionDays: number;
}

function checksumOf(documents: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(documents)).digest('hex')}`;
}

export interface BackupSources {
  settings: { public: unknown };
  activity: ActivityDoc;
  groupSessions: GroupSessionsDoc;
  resumeCodes: ResumeCodesDoc;
  staffLog: StaffLogDoc;
}

export function createBackup(
  sources: BackupSources,
  createdAt: Date,
  appVersion: string,
): { fileName: string; text: string } {
  const documents = BackupDocumentsSchema.parse({
    settings: { schemaVersion: SETTINGS_SCHEMA_VERSION, public: sources.settings.public },
    activity: sources.activity,
    groupSessions: sources.groupSessions,
    resumeCodes: sources.resumeCodes,
    staffLog: sources.staffLog,
  });
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: createdAt.toISOString(),
    appVersion,
    checksum: checksumOf(documents),
    documents,
  };
  const stamp = file.createdAt.slice(0, 16).replace(/[:T]/g, '-');
  return { fileName: `kiosk-backup_${stamp}.json`, text: `${JSON.stringify(file, null, 1)}\n` };
}

const refuse = (why: string) =>
  new KioskError('invalid_input', `This file cannot be restored: ${why} Nothing was changed.`);

/** Parses and checks a backup file; throws invalid_input saying why, without echoing the content. */
export function readBackup(text: string): BackupFile {
  if (text.length > MAX_BACKUP_BYTES)
    throw new KioskError('too_large', 'This file is too large to be a kiosk backup. Nothing was changed.');
  // Guarded: the checksum stringifies the documents, which overflows the stack on deep nesting.
  const parsed = parseGuardedJson(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    throw refuse(
      parsed.reason === 'too_deep'
        ? 'it is not in the shape this kiosk keeps.'
        : 'it is not a JSON file (it may be damaged or cut short).',
    );
  }
  const raw = parsed.value;
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw refuse('it is not a backup made by this kiosk.');
  }
  const envelope = BackupEnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw refuse('its header is damaged.');
  if (envelope.data.version !== BACKUP_VERSION)
    throw refuse(`it was made by a different version of the kiosk (backup format ${envelope.data.version}).`);
  if (checksumOf(envelope.data.documents) !== envelope.data.checksum)
    throw refuse('its checksum does not match (the file was damaged or edited).');
  const documents = BackupDocumentsSchema.safeParse(envelope.data.documents);
  if (!documents.success) {
    const where = documents.error.issues[0]?.path[0];
    throw refuse(`part of it${where ? ` (${String(where)})` : ''} is not in the shape this kiosk keeps.`);
  }
  return { ...envelope.data, format: BACKUP_FORMAT, version: BACKUP_VERSION, documents: documents.data };
}

function range(dates: string[]): { firstDate: string | null; lastDate: string | null } {
  if (dates.length === 0) return { firstDate: null, lastDate: null };
  const sorted = [...dates].sort();
  return { firstDate: sorted[0] ?? null, lastDate: sorted.at(-1) ?? null };
}

export function previewBackup(file: BackupFile): BackupPreview {
  const { documents } = file;
  return {
    createdAt: file.createdAt,
    appVersion: file.appVersion,
    centreName: documents.settings.public.centreName,
    tallies: {
      count: documents.activity.tallies.length,
      ...range(documents.activity.tallies.map((t) => t.date)),
      visits: documents.activity.tallies
        .filter((t) => t.event === 'visit')
        .reduce((sum, t) => sum + t.count, 0),
    },
    groupSessions: {
      count: documents.groupSessions.sessions.length,
      ...range(documents.groupSessions.sessions.map((s) => s.date)),
      participants: documents.groupSessions.sessions.reduce((sum, s) => sum + s.participants.length, 0),
    },
    resumeCodes: documents.resumeCodes.codes.length,
    staffLogEntries: documents.staffLog.entries.length,
    retentionDays: documents.groupSessions.retentionDays,
  };
}
