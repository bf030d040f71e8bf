import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const LOCALE_LANGUAGES = ['zh-HK', 'en', 'zh-CN'] as const;

/** Every locales/ folder under a folder: the shell's and each capability's. */
export function localeFolders(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) return [];
    return name === 'locales' ? [full] : localeFolders(full);
  });
}

/** A locale file's strings by dotted key (`report.csv.day`). */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      for (const [k, v] of flatten(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else out.set(prefix, value);
  return out;
}

/** One locales/ folder's three files, flattened. */
export function readLocaleFolder(folder: string): Record<string, Map<string, unknown>> {
  return Object.fromEntries(
    LOCALE_LANGUAGES.map((language) => [
      language,
      flatten(JSON.parse(readFileSync(path.join(folder, `${language}.json`), 'utf8'))),
    ]),
  );
}
