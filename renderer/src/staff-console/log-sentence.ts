import type { StaffAction, StaffLogEntry } from '../../../electron/core/staff-console/staff-log';
import type { Language } from '../../../electron/shared/languages';
import { sayList } from '../lib/say-list';
import { formatDate, formatDateTime } from '../lib/dates';
import { formatMegabytes } from './health-text';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type HasKey = (key: string) => boolean;

/**
 * The params each sentence of an action needs, most specific first: the first set the entry has
 * all of says it (`staff-console.log.says.<action>.<names joined by _>`). An action whose params
 * match none (sign-in with nothing more to say) is said by its title alone.
 */
const SENTENCES: Partial<Record<StaffAction, string[][]>> = {
  'sign-in': [['firstPin'], ['newRecoveryCode']],
  'settings-changed': [['fields']],
  'pin-changed': [['recovery'], ['name']],
  'hotspots-imported': [['file', 'kind']],
  'hotspots-previous-removed': [['bytes']],
  'retention-changed': [
    ['fromDays', 'toDays'],
    ['codeDays', 'removed'],
  ],
  purge: [
    ['when', 'participants', 'resumeCodes', 'notes', 'days'],
    ['when', 'resumeCodes', 'days'],
  ],
  wipe: [['participants', 'resumeCodes', 'notes']],
  export: [
    ['pdf', 'document'],
    ['from', 'to', 'files'],
    ['date', 'files'],
    ['format', 'document'],
  ],
  backup: [['file']],
  restore: [['day', 'encrypted']],
  'session-created': [['date', 'lessons']],
  'session-closed': [['date', 'attendance']],
  'course-created': [['sessions', 'lessons']],
  'course-closed': [['sessions', 'members']],
  'account-added': [['name', 'role']],
  'account-changed': [['previousName', 'role'], ['previousName'], ['role']],
  'account-removed': [['name']],
  'org-joined': [['organisation', 'kioskId']],
  'org-left': [['organisation', 'syncthingNotTold'], ['organisation']],
  'org-mode-changed': [['applyMode']],
  'org-pack-applied': [['version', 'auto'], ['version']],
  'org-pack-rolled-back': [['version', 'previousVersion'], ['version']],
};

/** Params that are words of the console's own (a role, a kind of file), said through its locale. */
const WORDS: Record<string, string> = {
  when: 'staff-console.log.when',
  kind: 'staff-console.log.kinds',
  document: 'staff-console.log.documents',
  encrypted: 'staff-console.log.encrypted',
  role: 'staff.accounts.roles',
  applyMode: 'staff-console.log.applyModes',
};
const DAYS = new Set(['date', 'from', 'to', 'day']);

export interface LogSentence {
  text: string;
  /**
   * True for an entry written before entries carried params: its stored English words are all
   * there is, shown as they are and marked, rather than guessed at in another language.
   */
  recordedInEnglish: boolean;
}

/** What a staff log entry says beyond its action's title, in the console's language (null: nothing more). */
export function logSentence(
  entry: Pick<StaffLogEntry, 'action' | 'detail' | 'params'>,
  t: Translate,
  hasKey: HasKey,
  language: Language,
): LogSentence | null {
  const params = entry.params;
  if (!params) return entry.detail ? { text: entry.detail, recordedInEnglish: true } : null;
  const needs = SENTENCES[entry.action]?.find((names) => names.every((name) => name in params));
  const key = needs && `staff-console.log.says.${entry.action}.${needs.join('_')}`;
  if (!key || !hasKey(key)) return null;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) values[name] = sayFieldList(value, name, language, t, hasKey);
    else if (typeof value === 'string' && WORDS[name] && hasKey(`${WORDS[name]}.${value}`))
      values[name] = t(`${WORDS[name]}.${value}`);
    else if (typeof value === 'string' && DAYS.has(name)) values[name] = formatDate(value, language);
    else if (name === 'createdAt' && typeof value === 'string')
      values[name] = formatDateTime(value, language);
    else if (name === 'bytes' && typeof value === 'number') values.size = formatMegabytes(value);
    else values[name] = value;
  }
  return { text: t(key, values), recordedInEnglish: false };
}

/** A list param: field names are said as their labels (「中心名稱」, not "centreName"). */
function sayFieldList(
  items: string[],
  name: string,
  language: Language,
  t: Translate,
  hasKey: HasKey,
): string {
  if (items.length === 0) return t('staff-console.log.nothing');
  const said = items.map((item) =>
    name === 'fields' ? (hasKey(`fields.${item}`) ? t(`fields.${item}`) : t('fields.unknown')) : item,
  );
  return sayList(said, language);
}
