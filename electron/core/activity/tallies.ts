import type { Language } from '../i18n';
import type { StoredDocument } from '../store/document';
import { hongKongDateKey, type ActivityDoc } from './schema';

export interface TallyEvent {
  event: string;
  subject?: string;
  detail?: string;
  language: Language;
}

/**
 * Adds one to the anonymous counter for this event today; returns once it is on disk.
 * Every capability counts through here so the staff reports read one shape.
 */
export function countEvent(
  activity: StoredDocument<ActivityDoc>,
  event: TallyEvent,
  at: Date,
): Promise<void> {
  const date = hongKongDateKey(at);
  const subject = event.subject ?? '';
  const detail = event.detail ?? '';
  return activity.update((doc) => {
    const tally = doc.tallies.find(
      (t) =>
        t.date === date &&
        t.event === event.event &&
        t.subject === subject &&
        t.detail === detail &&
        t.language === event.language,
    );
    if (tally) tally.count += 1;
    else doc.tallies.push({ date, event: event.event, subject, detail, language: event.language, count: 1 });
  });
}
