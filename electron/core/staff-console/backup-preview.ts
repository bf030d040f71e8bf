import type { LocalisedText } from '../i18n';
import type { BackupDocuments, BackupFile } from './backup';
import { mergeLogs } from './staff-log';

/**
 * What a restore would do to this kiosk, worked out before anything is written: what the file
 * holds, and what the kiosk holds now that the file does not (lost) or holds differently
 * (changed back). Counts only: the preview is shown on screen and never names a participant.
 */

interface DateRange {
  firstDate: string | null;
  lastDate: string | null;
}

export interface BackupHolds {
  tallies: { count: number; visits: number } & DateRange;
  groupSessions: { count: number; participants: number } & DateRange;
  courses: number;
  resumeCodes: number;
  staffLogEntries: number;
}

export interface RestoreLosses {
  /** Sessions on the kiosk that the file does not have (most were made after the backup). */
  sessions: number;
  /** Sessions in both whose attendance, progress or notes changed since: they go back. */
  sessionsChanged: number;
  courses: number;
  coursesChanged: number;
  /** Listed participants and course members on the kiosk that the file does not have. */
  participants: number;
  resumeCodes: number;
  /** Hong Kong days with figures on the kiosk and none in the file. */
  tallyDays: number;
  /** Days in both whose figures differ: the file's replace the kiosk's. */
  tallyDaysChanged: number;
  /** Visits counted on the kiosk now, and in the file. */
  visitsNow: number;
  visitsInFile: number;
}

export interface BackupPreview {
  createdAt: string;
  appVersion: string;
  /** False for an old plain file: anyone who found it could read it. */
  encrypted: boolean;
  centreName: LocalisedText;
  kioskCentreName: LocalisedText;
  holds: BackupHolds;
  retentionDays: number;
  lost: RestoreLosses;
  /** Public settings (by field name) whose value on the kiosk differs from the file's. */
  settingsChanged: string[];
  /** The staff log is merged, never replaced: what it keeps and what the file adds. */
  log: { kept: number; added: number };
}

function range(dates: string[]): DateRange {
  if (dates.length === 0) return { firstDate: null, lastDate: null };
  const sorted = [...dates].sort();
  return { firstDate: sorted[0] ?? null, lastDate: sorted.at(-1) ?? null };
}

export function holdsOf(documents: BackupDocuments): BackupHolds {
  const { activity, groupSessions, resumeCodes, staffLog } = documents;
  return {
    tallies: {
      count: activity.tallies.length,
      ...range(activity.tallies.map((t) => t.date)),
      visits: visitsOf(documents),
    },
    groupSessions: {
      count: groupSessions.sessions.length,
      ...range(groupSessions.sessions.map((s) => s.date)),
      participants: groupSessions.sessions.reduce((sum, s) => sum + s.participants.length, 0),
    },
    courses: groupSessions.courses.length,
    resumeCodes: resumeCodes.codes.length,
    staffLogEntries: staffLog.entries.length,
  };
}

function visitsOf(documents: BackupDocuments): number {
  return documents.activity.tallies.filter((t) => t.event === 'visit').reduce((sum, t) => sum + t.count, 0);
}

/** Items of `now` missing from `file` (by id), and those in both that differ. */
function compareById<T>(now: readonly T[], file: readonly T[], id: (item: T) => string) {
  const inFile = new Map(file.map((item) => [id(item), JSON.stringify(item)]));
  let missing = 0;
  let changed = 0;
  for (const item of now) {
    const there = inFile.get(id(item));
    if (there === undefined) missing += 1;
    else if (there !== JSON.stringify(item)) changed += 1;
  }
  return { missing, changed };
}

function participantKeys(documents: BackupDocuments): Set<string> {
  const keys = new Set<string>();
  for (const session of documents.groupSessions.sessions)
    for (const p of session.participants) keys.add(`${session.courseId ?? session.id}\u0000${p.id}`);
  for (const course of documents.groupSessions.courses)
    for (const m of course.members) keys.add(`${course.id}\u0000${m.id}`);
  return keys;
}

function dayTotals(documents: BackupDocuments): Map<string, string> {
  const days = new Map<string, string[]>();
  for (const t of documents.activity.tallies) {
    const list = days.get(t.date) ?? [];
    list.push(`${t.event}\u0000${t.subject}\u0000${t.detail}\u0000${t.language}\u0000${t.count}`);
    days.set(t.date, list);
  }
  return new Map([...days].map(([day, list]) => [day, list.sort().join('\n')]));
}

export function previewRestore(file: BackupFile, kiosk: BackupDocuments): BackupPreview {
  const theirs = file.documents;
  const sessions = compareById(kiosk.groupSessions.sessions, theirs.groupSessions.sessions, (s) => s.id);
  const courses = compareById(kiosk.groupSessions.courses, theirs.groupSessions.courses, (c) => c.id);
  const fileParticipants = participantKeys(theirs);
  const fileCodes = new Set(theirs.resumeCodes.codes.map((c) => c.code));
  const fileDays = dayTotals(theirs);
  let tallyDays = 0;
  let tallyDaysChanged = 0;
  for (const [day, totals] of dayTotals(kiosk)) {
    const there = fileDays.get(day);
    if (there === undefined) tallyDays += 1;
    else if (there !== totals) tallyDaysChanged += 1;
  }
  const kioskSettings = kiosk.settings.public as Record<string, unknown>;
  const fileSettings = theirs.settings.public as Record<string, unknown>;
  const merged = mergeLogs(kiosk.staffLog, theirs.staffLog);
  return {
    createdAt: file.createdAt,
    appVersion: file.appVersion,
    encrypted: file.encrypted,
    centreName: theirs.settings.public.centreName,
    kioskCentreName: kiosk.settings.public.centreName,
    holds: holdsOf(theirs),
    retentionDays: theirs.groupSessions.retentionDays,
    lost: {
      sessions: sessions.missing,
      sessionsChanged: sessions.changed,
      courses: courses.missing,
      coursesChanged: courses.changed,
      participants: [...participantKeys(kiosk)].filter((key) => !fileParticipants.has(key)).length,
      resumeCodes: kiosk.resumeCodes.codes.filter((c) => !fileCodes.has(c.code)).length,
      tallyDays,
      tallyDaysChanged,
      visitsNow: visitsOf(kiosk),
      visitsInFile: visitsOf(theirs),
    },
    settingsChanged: Object.keys(fileSettings).filter(
      (key) => JSON.stringify(fileSettings[key]) !== JSON.stringify(kioskSettings[key]),
    ),
    log: {
      kept: kiosk.staffLog.entries.length,
      added: Math.max(0, merged.entries.length - kiosk.staffLog.entries.length),
    },
  };
}
