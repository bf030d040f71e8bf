import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every refusal the core sends must have words in each language: a reason key that the renderer's
 * locale files say, or screens fall back to the code's generic sentence (less specific, and the
 * reason a duplicate nickname once read "That could not be accepted"). Reasons built at run time
 * (`staff-console.errors.notes.${problem}`) cannot be read here; their owners test them.
 */

const ROOT = path.resolve(__dirname, '../../..');
const LANGUAGES = ['zh-HK', 'en', 'zh-CN'] as const;

function filesUnder(folder: string, test: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The renderer's strings as i18n merges them: the shell's at the top, a capability's under its folder. */
function localeStrings(language: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const file of filesUnder(path.join(ROOT, 'renderer/src'), (name) => name === `${language}.json`)) {
    const match = /\/([\w-]+)\/locales\/[\w-]+\.json$/.exec(file);
    if (!match) continue;
    const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (match[1] === 'i18n') Object.assign(merged, strings);
    else merged[match[1]!] = strings;
  }
  return merged;
}

function sentence(strings: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
}

const sources = filesUnder(path.join(ROOT, 'electron'), (name) => name.endsWith('.ts')).map((file) => ({
  file: path.relative(ROOT, file),
  text: readFileSync(file, 'utf8'),
}));

/** A quoted literal that is a reason key: `<capability>.errors.<name>` or the shell's `errors.<name>`. */
const REASON_LITERAL = /['"`]((?:[a-z][\w-]*\.)*errors\.[A-Za-z][\w.-]*)['"`]/g;

/** The text of each `new KioskError(…)` call, up to its closing parenthesis. */
function kioskErrorCalls(text: string): string[] {
  const calls: string[] = [];
  for (
    let start = text.indexOf('new KioskError(');
    start !== -1;
    start = text.indexOf('new KioskError(', start + 1)
  ) {
    let depth = 0;
    let end = start + 'new KioskError'.length;
    for (; end < text.length; end += 1) {
      if (text[end] === '(') depth += 1;
      else if (text[end] === ')' && --depth === 0) break;
    }
    calls.push(text.slice(start, end + 1));
  }
  return calls;
}

describe('error reasons', () => {
  const strings = Object.fromEntries(LANGUAGES.map((language) => [language, localeStrings(language)]));

  it('every reason key the core names has a sentence in all three languages', () => {
    const missing: string[] = [];
    let reasons = 0;
    for (const { file, text } of sources) {
      // The hub's tool names its sentences under org.hub (`errors.noKey` is org.hub.errors.noKey):
      // tests/unit/hub/messages.test.ts checks those in all three languages.
      if (file.startsWith('electron/hub/')) continue;
      for (const [, key] of text.matchAll(REASON_LITERAL)) {
        reasons += 1;
        for (const language of LANGUAGES) {
          const said = sentence(strings[language]!, key!);
          if (typeof said !== 'string' || said.trim() === '') missing.push(`${file}: ${key} (${language})`);
        }
      }
    }
    expect(missing).toEqual([]);
    // The scan found the reasons at all (a broken pattern would pass with none).
    expect(reasons).toBeGreaterThan(100);
  });

  it('every KioskError the core makes carries a reason', () => {
    const without: string[] = [];
    for (const { file, text } of sources) {
      if (file === 'electron/core/errors.ts') continue;
      for (const call of kioskErrorCalls(text)) {
        if (!/\breason\b|_REASON\b/.test(call))
          without.push(`${file}: ${call.replace(/\s+/g, ' ').slice(0, 100)}`);
      }
    }
    expect(without).toEqual([]);
  });
});
