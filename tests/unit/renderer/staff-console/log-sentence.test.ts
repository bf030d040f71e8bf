import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../electron/shared/languages';
import { logSentence } from '../../../../renderer/src/staff-console/log-sentence';

const SRC = path.resolve(import.meta.dirname, '../../../../renderer/src');
const read = (file: string) =>
  JSON.parse(readFileSync(path.join(SRC, file), 'utf8')) as Record<string, unknown>;

/** The console's strings as the app merges them: the shell's at the top, the console's under its name. */
async function console(language: Language) {
  const missing: string[] = [];
  const instance = i18next.createInstance();
  await instance.init({
    resources: {
      [language]: {
        translation: {
          ...read(`i18n/locales/${language}.json`),
          'staff-console': read(`staff-console/locales/${language}.json`),
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
  const t = (key: string, options?: Record<string, unknown>) => instance.t(key, options);
  const hasKey = (key: string) => instance.exists(key);
  return {
    say: (entry: Parameters<typeof logSentence>[0]) => logSentence(entry, t, hasKey, language),
    missing,
  };
}

describe('staff log sentences', () => {
  it('names the changed settings by their labels, in the console language', async () => {
    const zh = await console('zh-HK');
    expect(
      zh.say({
        action: 'settings-changed',
        detail: 'centreName, district',
        params: { fields: ['centreName', 'district'] },
      }),
    ).toEqual({ text: '已更改：中心名稱及地區', recordedInEnglish: false });
    const en = await console('en');
    expect(
      en.say({
        action: 'settings-changed',
        detail: 'centreName, district, idleSeconds',
        params: { fields: ['centreName', 'district', 'idleSeconds'] },
      })?.text,
    ).toMatch(/^Changed: [^,]+, [^,]+, and [^,]+$/);
    expect(
      en.say({ action: 'settings-changed', detail: 'idleSeconds', params: { fields: ['idleSeconds'] } })
        ?.text,
    ).toBe('Changed: Seconds without a touch');
    // A field the console has no label for is never shown by its raw name.
    expect(
      zh.say({ action: 'settings-changed', detail: '', params: { fields: ['someNewField'] } })?.text,
    ).toBe('已更改：其中一項資料');
    expect(zh.missing).toEqual([]);
  });

  it('says counts, dates, sizes and its own words in each language', async () => {
    const zh = await console('zh-HK');
    expect(
      zh.say({
        action: 'export',
        detail: 'figures …',
        params: { from: '2026-11-01', to: '2026-11-30', files: 3 },
      })?.text,
    ).toBe('2026年11月1日 至 2026年11月30日 的數字：3 個 CSV 檔案');
    expect(
      zh.say({ action: 'hotspots-imported', detail: '', params: { file: 'wifi.json', kind: 'fixed' } })?.text,
    ).toBe('wifi.json（固定地點）');
    expect(
      zh.say({ action: 'hotspots-previous-removed', detail: '', params: { bytes: 5 * 1024 * 1024 } })?.text,
    ).toBe('騰出 5.0 MB');
    const cn = await console('zh-CN');
    expect(
      cn.say({
        action: 'purge',
        detail: '',
        params: { when: 'daily', participants: 2, resumeCodes: 1, notes: 0, days: 30 },
      })?.text,
    ).toBe('每日检查：删除了超过 30 天的 2 个参加者、1 个续学代码和 0 则活动备注');
    expect(zh.missing).toEqual([]);
    expect(cn.missing).toEqual([]);
  });

  it('shows an old entry without params as its English words, marked; says nothing more when there is nothing', async () => {
    const zh = await console('zh-HK');
    expect(zh.say({ action: 'settings-changed', detail: 'centreName, district' })).toEqual({
      text: 'centreName, district',
      recordedInEnglish: true,
    });
    expect(zh.say({ action: 'sign-in', detail: '' })).toBeNull();
    expect(zh.say({ action: 'sign-in', detail: '', params: {} })).toBeNull();
    expect(
      zh.say({ action: 'sign-in', detail: 'first staff PIN set', params: { firstPin: 'yes' } })?.text,
    ).toBe('設定了第一個職員密碼');
  });

  it('says what the organisation actions did, in each language, with the apply mode as words', async () => {
    const zh = await console('zh-HK');
    expect(
      zh.say({
        action: 'org-joined',
        detail: '',
        params: { organisation: 'Smart Silver', kioskId: 'ssw-kt-01' },
      })?.text,
    ).toBe('Smart Silver，名稱 ssw-kt-01');
    expect(zh.say({ action: 'org-mode-changed', detail: '', params: { applyMode: 'auto' } })?.text).toBe(
      '現在：自動套用',
    );
    expect(
      zh.say({
        action: 'org-left',
        detail: '',
        params: { organisation: 'Smart Silver', syncthingNotTold: 'yes' },
      })?.text,
    ).toContain('未能通知');
    expect(
      zh.say({ action: 'org-pack-applied', detail: '', params: { version: '3', auto: 'yes' } })?.text,
    ).toBe('第 3 版，自動套用');
    expect(
      zh.say({ action: 'org-pack-rolled-back', detail: '', params: { version: '3', previousVersion: '2' } })
        ?.text,
    ).toBe('由第 3 版返回第 2 版');
    expect(zh.missing).toEqual([]);
    const en = await console('en');
    expect(en.say({ action: 'org-pack-rolled-back', detail: '', params: { version: '3' } })?.text).toBe(
      'From version 3 back to the built-in content',
    );
    expect(en.say({ action: 'org-mode-changed', detail: '', params: { applyMode: 'preview' } })?.text).toBe(
      'Now: staff look first, then apply',
    );
    const cn = await console('zh-CN');
    expect(cn.say({ action: 'org-left', detail: '', params: { organisation: 'Smart Silver' } })?.text).toBe(
      'Smart Silver',
    );
    expect(en.missing).toEqual([]);
    expect(cn.missing).toEqual([]);
  });
});
