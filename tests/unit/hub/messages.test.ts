import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageFromEnvironment, sayIn } from '../../../electron/hub/messages';

const HUB = path.resolve(import.meta.dirname, '../../../electron/hub');
/** A sentence key the hub's code names: 'errors.noKey', 'pack.done', … (under `hub.` in the locale files). */
const KEY = /'((?:errors|keys|pack|join|accept|report)\.[A-Za-z]+)'/g;

function keysNamedInCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of readdirSync(HUB).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(path.join(HUB, name), 'utf8');
    for (const match of text.matchAll(KEY)) found.set(match[1]!, name);
  }
  return found;
}

describe('hub tool sentences', () => {
  it('every sentence key the commands name is in all three languages', () => {
    const keys = keysNamedInCode();
    expect(keys.size).toBeGreaterThan(30);
    for (const language of ['en', 'zh-HK', 'zh-CN'] as const) {
      const say = sayIn(language);
      for (const [key, file] of keys) expect(say(key), `${language}: ${key} (${file})`).not.toBe(key);
    }
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    const say = sayIn('en');
    expect(say('errors.badDate', { value: '2026-02-30' })).toBe(
      '"2026-02-30" is not a date: use YYYY-MM-DD.',
    );
    expect(say('errors.badDate')).toContain('{{value}}');
  });

  it('takes the admin’s language from LC_ALL, LC_MESSAGES or LANG', () => {
    expect(languageFromEnvironment({ LANG: 'zh_HK.UTF-8' })).toBe('zh-HK');
    expect(languageFromEnvironment({ LANG: 'zh_TW.UTF-8' })).toBe('zh-HK');
    expect(languageFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnvironment({ LANG: 'zh_SG.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnvironment({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({})).toBe('en');
    expect(languageFromEnvironment({ LANG: 'en_GB.UTF-8', LC_ALL: 'zh_HK.UTF-8' })).toBe('zh-HK');
  });
});
