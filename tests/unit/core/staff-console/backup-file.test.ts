import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultActivityDoc } from '../../../../electron/core/activity/schema';
import { KioskError } from '../../../../electron/core/errors';
import { defaultResumeCodesDoc } from '../../../../electron/core/lessons/resume-codes';
import { defaultSettingsDoc, SETTINGS_SCHEMA_VERSION } from '../../../../electron/core/settings/schema';
import {
  BACKUP_FORMAT,
  backupFileName,
  checkNewPassphrase,
  createBackup,
  labelOf,
  readBackup,
  type BackupSources,
} from '../../../../electron/core/staff-console/backup';
import { SCRYPT_N } from '../../../../electron/core/staff-console/backup-crypto';
import { defaultGroupSessionsDoc } from '../../../../electron/core/staff-console/group-sessions';
import { defaultStaffLogDoc } from '../../../../electron/core/staff-console/staff-log';
import { SEEDED_SESSIONS } from './seed';

const MADE = new Date('2026-12-02T00:15:00.000Z');
const PASSPHRASE = 'tea at 3 on Friday';
// The smallest N a file may carry keeps these tests quick; the kiosk's own N is tested once below.
const QUICK_N = 2 ** 15;
const NICKNAME = 'Auntie Lai Fong';
const NOTE = 'Ring her daughter about the SIM card';

function sources(): BackupSources {
  const groupSessions = defaultGroupSessionsDoc();
  const session = structuredClone(SEEDED_SESSIONS[0]!);
  session.notes = NOTE;
  session.participants = [
    {
      id: 'p-1',
      kind: 'nickname',
      label: NICKNAME,
      consentAt: '2026-11-30T02:00:00.000Z',
      picsVersion: 1,
      progress: [],
      needsHelp: false,
      present: true,
    },
  ];
  groupSessions.sessions = [session];
  const activity = defaultActivityDoc();
  activity.tallies = [
    { date: '2026-12-01', event: 'visit', subject: '', detail: '', language: 'zh-HK', count: 4 },
  ];
  const resumeCodes = defaultResumeCodesDoc();
  resumeCodes.codes = [
    {
      code: 'K7P2QX',
      lessonId: 'free-wifi',
      stepIndex: 2,
      completedLessons: [],
      createdAt: MADE.toISOString(),
    },
  ];
  return {
    settings: defaultSettingsDoc(),
    activity,
    groupSessions,
    resumeCodes,
    staffLog: defaultStaffLogDoc(),
  };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; reason?: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(KioskError);
    return { code: (error as KioskError).code, reason: (error as KioskError).reason };
  }
  throw new Error('expected a refusal');
}

/** One base64 character of the ciphertext changed: one byte (or a few bits of one) differs. */
function oneByteChanged(text: string): string {
  const file = JSON.parse(text) as { ciphertext: string };
  const bytes = Buffer.from(file.ciphertext, 'base64');
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  return JSON.stringify({ ...file, ciphertext: bytes.toString('base64') });
}

describe('encrypted backup file', () => {
  it('opens with its passphrase and gives back the same documents', async () => {
    const { text } = await createBackup(sources(), MADE, '1.2.3', PASSPHRASE, QUICK_N);
    const file = await readBackup(text, PASSPHRASE);
    expect(file).toMatchObject({ createdAt: MADE.toISOString(), appVersion: '1.2.3', encrypted: true });
    expect(file.documents.groupSessions.sessions[0]!.participants[0]!.label).toBe(NICKNAME);
    expect(file.documents.groupSessions.sessions[0]!.notes).toBe(NOTE);
    expect(file.documents.resumeCodes.codes.map((c) => c.code)).toEqual(['K7P2QX']);
    expect(labelOf(text)).toEqual({ createdAt: MADE.toISOString(), appVersion: '1.2.3', encrypted: true });
  });

  it('says in its format marker how it is sealed, and holds no nickname, note or code in the open', async () => {
    const { text } = await createBackup(sources(), MADE, '1.2.3', PASSPHRASE);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file).sort()).toEqual(
      ['appVersion', 'ciphertext', 'createdAt', 'encryption', 'format', 'version'].sort(),
    );
    expect(file).toMatchObject({
      format: BACKUP_FORMAT,
      version: 2,
      encryption: { cipher: 'aes-256-gcm', kdf: 'scrypt', N: SCRYPT_N, r: 8, p: 1 },
    });
    expect(SCRYPT_N).toBeGreaterThanOrEqual(2 ** 15);
    const encryption = file.encryption as Record<string, string>;
    expect(Buffer.from(encryption.salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(encryption.iv!, 'base64')).toHaveLength(12);
    expect(Buffer.from(encryption.tag!, 'base64')).toHaveLength(16);
    for (const secret of [
      NICKNAME,
      'Lai Fong',
      NOTE,
      'SIM card',
      'K7P2QX',
      'free-wifi',
      'Ms Chan',
      PASSPHRASE,
    ])
      expect(text, secret).not.toContain(secret);
    // Two backups of the same records share no salt, IV or ciphertext.
    const again = JSON.parse((await createBackup(sources(), MADE, '1.2.3', PASSPHRASE, QUICK_N)).text) as {
      encryption: { salt: string; iv: string };
    };
    expect(again.encryption.salt).not.toBe(encryption.salt);
    expect(again.encryption.iv).not.toBe(encryption.iv);
  });

  it('refuses a wrong passphrase with its own reason, and a damaged file with another', async () => {
    const { text } = await createBackup(sources(), MADE, '1.2.3', PASSPHRASE, QUICK_N);
    expect(await refusal(readBackup(text, 'tea at 4 on Friday'))).toEqual({
      code: 'invalid_input',
      reason: 'staff-console.errors.backupWrongPassphrase',
    });
    expect(await refusal(readBackup(oneByteChanged(text), PASSPHRASE))).toEqual({
      code: 'invalid_input',
      reason: 'staff-console.errors.backupDamaged',
    });
    // The readable header is bound to the ciphertext: a changed date fails like changed bytes.
    const redated = text.replace(MADE.toISOString(), '2027-01-01T00:00:00.000Z');
    expect(await refusal(readBackup(redated, PASSPHRASE))).toMatchObject({
      reason: 'staff-console.errors.backupDamaged',
    });
    expect(await refusal(readBackup(text))).toMatchObject({
      reason: 'staff-console.errors.backupNeedsPassphrase',
    });
  });

  it('refuses a file asking for a huge scrypt cost before spending it', async () => {
    const { text } = await createBackup(sources(), MADE, '1.2.3', PASSPHRASE, QUICK_N);
    const costly = text.replace(`"N": ${QUICK_N}`, `"N": ${2 ** 24}`);
    expect(costly).not.toBe(text);
    expect(await refusal(readBackup(costly, PASSPHRASE))).toMatchObject({
      reason: 'staff-console.errors.backupHeaderDamaged',
    });
  });

  it('asks for at least 8 characters, typed the same twice', () => {
    expect(() => checkNewPassphrase('short12', 'short12')).toThrow(
      expect.objectContaining({ reason: 'staff-console.errors.backupPassphraseShort', params: { min: 8 } }),
    );
    expect(() => checkNewPassphrase('long enough', 'long enougj')).toThrow(
      expect.objectContaining({ reason: 'staff-console.errors.backupPassphraseMismatch' }),
    );
    expect(() => checkNewPassphrase('long enough', 'long enough')).not.toThrow();
  });

  it('is named by the Hong Kong time it was made', async () => {
    expect(backupFileName(MADE)).toBe('kiosk-backup-2026-12-02-0815.json');
    // 16:30Z is already the next day in Hong Kong; midnight is 00, not 24.
    expect(backupFileName(new Date('2026-11-30T16:00:00.000Z'))).toBe('kiosk-backup-2026-12-01-0000.json');
    expect((await createBackup(sources(), MADE, '1.2.3', PASSPHRASE, QUICK_N)).fileName).toBe(
      'kiosk-backup-2026-12-02-0815.json',
    );
  });
});

describe('plain backup file from before encryption (version 1)', () => {
  /** A version-1 file as older kiosks wrote it: group sessions in their own version 1 too. */
  function plainV1(): string {
    const current = sources();
    const session = current.groupSessions.sessions[0]!;
    const { startTime: _s, endTime: _e, courseId: _c, ...oldSession } = session;
    const documents = {
      settings: { schemaVersion: SETTINGS_SCHEMA_VERSION, public: current.settings.public },
      activity: current.activity,
      groupSessions: {
        schemaVersion: 1,
        retentionDays: current.groupSessions.retentionDays,
        lastPurgeAt: null,
        sessions: [
          {
            ...oldSession,
            participants: oldSession.participants.map(({ needsHelp: _n, present: _p, ...p }) => p),
          },
        ],
      },
      resumeCodes: current.resumeCodes,
      staffLog: current.staffLog,
    };
    const checksum = `sha256:${createHash('sha256').update(JSON.stringify(documents)).digest('hex')}`;
    return JSON.stringify(
      {
        format: BACKUP_FORMAT,
        version: 1,
        createdAt: MADE.toISOString(),
        appVersion: '0.9.0',
        checksum,
        documents,
      },
      null,
      1,
    );
  }

  it('still opens, said to be not encrypted, its sessions migrated', async () => {
    const text = plainV1();
    expect(labelOf(text).encrypted).toBe(false);
    const file = await readBackup(text);
    expect(file.encrypted).toBe(false);
    const session = file.documents.groupSessions.sessions[0]!;
    expect(session).toMatchObject({ startTime: null, endTime: null, courseId: null, notes: NOTE });
    expect(session.participants[0]).toMatchObject({ label: NICKNAME, needsHelp: false, present: true });
    expect(file.documents.groupSessions.courses).toEqual([]);
  });

  it('is refused when edited after it was made', async () => {
    const edited = plainV1().replace(NOTE, 'Something else');
    expect(await refusal(readBackup(edited))).toMatchObject({
      reason: 'staff-console.errors.backupChecksum',
    });
  });
});
