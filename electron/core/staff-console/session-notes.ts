import { identifierProblem, type IdentifierProblem } from '../../shared/personal-data';
import { DAY_MS, type GroupSession, type GroupSessionsDoc } from './group-sessions';

/**
 * A session's notes are personal data: staff write names and phone numbers in them. So they are
 * refused when they look like an identifier, cleared by "wipe personal data" and by the retention
 * purge, and never printed in the totals-only summary or written to a CSV.
 */

/**
 * Notes are personal data (staff write names and phone numbers in them): kept for `days` days
 * after the session's day in Hong Kong, like a participant list after consent.
 */
export function isNoteExpired(session: Pick<GroupSession, 'date'>, now: Date, days: number): boolean {
  return now.getTime() - Date.parse(`${session.date}T00:00:00+08:00`) > days * DAY_MS;
}

/** Clears the notes `clear` picks, in place; returns how many sessions' notes went. */
function clearNotes(doc: GroupSessionsDoc, clear: (session: GroupSession) => boolean): number {
  let cleared = 0;
  for (const session of doc.sessions) {
    if (session.notes === '' || !clear(session)) continue;
    session.notes = '';
    cleared += 1;
  }
  return cleared;
}

/** The retention purge of notes: sessions held more than `days` days ago. */
export function purgeExpiredNotes(doc: GroupSessionsDoc, now: Date, days: number): number {
  return clearNotes(doc, (session) => isNoteExpired(session, now, days));
}

/** "Wipe personal data": every session's notes. */
export function wipeNotes(doc: GroupSessionsDoc): number {
  return clearNotes(doc, () => true);
}

/**
 * Why notes may not be kept as written, or null: an identity-card-, phone- or e-mail-shaped
 * string anywhere in them. Each line and each clause is checked on its own, so two numbers
 * a sentence apart ("room 3, 12 people") are not read as one long number; a date written as
 * 2026-12-01 is not a phone number.
 */
export function notesProblem(notes: string): IdentifierProblem | null {
  for (const part of notes.normalize('NFKC').split(/[\n\r,.;:!?，。；：、！？]+/u)) {
    const problem = identifierProblem(part.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' '));
    if (problem) return problem;
  }
  return null;
}
