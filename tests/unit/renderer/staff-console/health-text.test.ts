import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { HealthEvent, HealthEventKind } from '../../../../electron/core/store/health-event';
import {
  describeHealthEvent,
  healthCause,
  KNOWN_CODES,
} from '../../../../renderer/src/staff-console/health-text';

const LOCALES = path.resolve(import.meta.dirname, '../../../../renderer/src/i18n/locales');
const LANGUAGES = ['zh-HK', 'en', 'zh-CN'] as const;

async function translator(language: string) {
  const missing: string[] = [];
  const instance = i18next.createInstance();
  await instance.init({
    resources: {
      [language]: {
        translation: JSON.parse(readFileSync(path.join(LOCALES, `${language}.json`), 'utf8')) as object,
      },
    },
    lng: language,
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => missing.push(key),
  });
  return { t: (key: string, options?: Record<string, unknown>) => instance.t(key, options), missing };
}

const TIME = '2025-06-01T03:00:00.000Z';
// Every kind the store sends, with the parameters it sends them with.
const EVENTS: Record<HealthEventKind, HealthEvent> = {
  'recovered-from-backup': { time: TIME, document: 'settings', kind: 'recovered-from-backup' },
  'reset-to-defaults': { time: TIME, document: 'settings', kind: 'reset-to-defaults' },
  'moved-aside': {
    time: TIME,
    document: 'settings',
    kind: 'moved-aside',
    file: 'settings.corrupt-2025-06-01T03-00-00-000Z.json',
    reason: 'unreadable',
    code: 'EISDIR',
  },
  'could-not-move-aside': {
    time: TIME,
    document: 'settings',
    kind: 'could-not-move-aside',
    file: 'settings.json',
    reason: 'unreadable',
    code: 'EBUSY',
  },
  migrated: { time: TIME, document: 'settings', kind: 'migrated' },
  'not-saved': { time: TIME, document: 'group-sessions', kind: 'not-saved', code: 'ENOSPC', count: 12 },
  'backup-not-saved': { time: TIME, document: 'group-sessions', kind: 'backup-not-saved', code: 'ENOSPC' },
  'not-synced': { time: TIME, document: 'activity', kind: 'not-synced', code: 'EIO' },
  'temp-files-removed': { time: TIME, document: '', kind: 'temp-files-removed', count: 42 },
  'purge-failed': { time: TIME, document: 'group-sessions', kind: 'purge-failed', code: 'ENOSPC' },
  'org-check-failed': { time: TIME, document: 'org', kind: 'org-check-failed', code: 'EIO' },
  'content-pack-not-loaded': {
    time: TIME,
    document: 'org',
    kind: 'content-pack-not-loaded',
    file: '3-0a1b2c3d',
  },
};

/** Latin words left once file names and the unit are taken out: English leaking onto a Chinese screen. */
function latinWords(text: string): string[] {
  return (
    text
      .replace(/[\w.-]+\.json/g, '')
      .replace(/\bMB\b/g, '')
      .match(/[A-Za-z]{2,}/g) ?? []
  );
}

describe('Data health says what the store noticed in the reader’s language', () => {
  for (const language of LANGUAGES) {
    it(`every kind, reason and code has a sentence in ${language}`, async () => {
      const { t, missing } = await translator(language);
      for (const event of Object.values(EVENTS)) {
        const text = describeHealthEvent(event, t);
        expect(text, event.kind).not.toMatch(/\{\{|staff\.health/);
        if (event.document) expect(text).toContain(`${event.document}.json`);
        if (language !== 'en') expect(latinWords(text), `${language} ${event.kind}: ${text}`).toEqual([]);
      }
      for (const code of KNOWN_CODES) {
        const text = healthCause({ code }, t);
        expect(text).not.toBe(code);
        if (language !== 'en') expect(latinWords(text), code).toEqual([]);
      }
      for (const reason of ['unreadable', 'not-json', 'not-schema'] as const)
        expect(healthCause({ reason }, t)).not.toContain('staff.');
      expect(missing).toEqual([]);
    });
  }

  it('gives the numbers and names the event carries', async () => {
    const { t } = await translator('en');
    expect(describeHealthEvent(EVENTS['temp-files-removed'], t)).toContain('42');
    expect(describeHealthEvent(EVENTS['not-saved'], t)).toMatch(/disk is full.*12 times/);
    expect(describeHealthEvent(EVENTS['moved-aside'], t)).toContain(
      'settings.corrupt-2025-06-01T03-00-00-000Z.json',
    );
    // A code the console has no words for is still shown, as the code.
    expect(healthCause({ code: 'ENAMETOOLONG' }, t)).toContain('ENAMETOOLONG');
  });
});
