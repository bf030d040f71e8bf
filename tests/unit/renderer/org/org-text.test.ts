import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  districtName,
  itemTitle,
  refusalText,
  sinceText,
  sizeText,
} from '../../../../renderer/src/org/org-text';

const LOCALES = path.resolve(import.meta.dirname, '../../../../renderer/src/org/locales');

/** The org strings under `org.`, as the renderer merges them, in one language. */
async function translator(language: string) {
  const missing: string[] = [];
  const instance = i18next.createInstance();
  await instance.init({
    resources: {
      [language]: {
        translation: {
          org: JSON.parse(readFileSync(path.join(LOCALES, `${language}.json`), 'utf8')) as object,
        },
      },
    },
    lng: language,
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => missing.push(key),
  });
  return {
    t: (key: string, options?: Record<string, unknown>) => instance.t(key, options),
    has: (key: string) => instance.exists(key),
    missing,
  };
}

const NOW = new Date('2026-12-09T02:30:00.000Z');
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('sinceText: the last contact with the hub, by the core clock', () => {
  it('says recent contact as a span and older contact as a Hong Kong date and time', async () => {
    const { t, missing } = await translator('en');
    expect(sinceText(before(20_000), NOW, 'en', t)).toBe('just now');
    // The hub's clock a little ahead is still "just now", never a time to come.
    expect(sinceText(new Date(NOW.getTime() + 5_000).toISOString(), NOW, 'en', t)).toBe('just now');
    expect(sinceText(before(60_000), NOW, 'en', t)).toBe('1 minute ago');
    expect(sinceText(before(5 * 60_000 + 30_000), NOW, 'en', t)).toBe('5 minutes ago');
    expect(sinceText(before(3_600_000), NOW, 'en', t)).toBe('1 hour ago');
    expect(sinceText(before(23 * 3_600_000), NOW, 'en', t)).toBe('23 hours ago');
    expect(sinceText(before(26 * 3_600_000), NOW, 'en', t)).toBe('8 December 2026 08:30');
    expect(sinceText('not a time', NOW, 'en', t)).toBe('');
    expect(missing).toEqual([]);
  });

  it('says them in Chinese too', async () => {
    const hk = await translator('zh-HK');
    expect(sinceText(before(5 * 60_000), NOW, 'zh-HK', hk.t)).toBe('5 分鐘前');
    expect(sinceText(before(26 * 3_600_000), NOW, 'zh-HK', hk.t)).toBe('2026年12月8日 08:30');
    const cn = await translator('zh-CN');
    expect(sinceText(before(2 * 3_600_000), NOW, 'zh-CN', cn.t)).toBe('2 小时前');
    expect([...hk.missing, ...cn.missing]).toEqual([]);
  });
});

describe('districtName', () => {
  it('names a join file district by its letter code or its slug, in the reader language', () => {
    expect(districtName('J', 'zh-HK')).toBe('觀塘區');
    expect(districtName('J', 'en')).toBe('Kwun Tong');
    expect(districtName('kwun-tong', 'zh-CN')).toBe(districtName('J', 'zh-CN'));
    expect(districtName('central-and-western', 'en')).toBe('Central and Western');
    // Unknown: shown as written rather than hidden.
    expect(districtName('atlantis', 'en')).toBe('atlantis');
  });
});

describe('refusalText', () => {
  it('says a refused pack by its reason key with its params, else a plain sentence', async () => {
    const { t, has } = await translator('en');
    const known = refusalText({ reason: 'org.refusals.sameVersion', params: { version: '3' } }, t, has);
    expect(known).not.toContain('org.refusals');
    expect(known).toBe(t('org.refusals.sameVersion', { version: '3' }));
    expect(refusalText({ reason: 'org.refusals.fromTheFuture', params: {} }, t, has)).toBe(
      "The content did not pass the kiosk's checks.",
    );
  });
});

describe('sizes and titles', () => {
  it('says a waiting size in MB, never as nothing', () => {
    expect(sizeText(1)).toBe('0.1 MB');
    expect(sizeText(1_572_864)).toBe('1.5 MB');
    expect(sizeText(25 * 1024 * 1024)).toBe('25 MB');
  });

  it('takes a pack item title in the reader language, zh-HK when zh-CN has none, else its id', () => {
    const item = { id: 'org-news', title: { 'zh-HK': '機構新課堂', en: 'New lesson' } };
    expect(itemTitle(item, 'en')).toBe('New lesson');
    expect(itemTitle(item, 'zh-CN')).toBe('機構新課堂');
    expect(itemTitle('plain-id', 'en')).toBe('plain-id');
  });
});
