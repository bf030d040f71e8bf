// @ts-check
// What a build read, and whether it still matches. The bundlers say what they read (esbuild's
// metafile, the Vite/Rolldown module graph), so a file one bundle imports from another folder —
// the renderer bundling electron/shared/period.ts, say — is an input without anyone listing it.
// A stamp keeps that list and a hash of those files' contents; a build is fresh while the hash of
// the same files, read again, is unchanged.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** @typedef {{ fingerprint: string, inputs: string[], builtAt?: string }} BuildStamp */

/**
 * Repository-relative, forward slashes, so a stamp reads the same on Windows and Linux.
 * @param {string} root
 * @param {string} file
 */
function relativeTo(root, file) {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * The files a bundler read, as repository-relative paths. Drops virtual modules (`\0…`), query
 * suffixes (`?svelte&type=style`), anything outside the repository and anything in node_modules:
 * package-lock.json stands for those.
 * @param {Iterable<string>} ids absolute paths or ids as the bundler names them
 * @param {string} root
 * @param {string} [base] what relative ids are relative to (esbuild: its working directory)
 * @returns {string[]}
 */
export function inputsFromIds(ids, root, base = root) {
  const out = new Set();
  for (const id of ids) {
    if (id.startsWith('\0') || (id.includes(':') && !path.isAbsolute(id))) continue;
    const file = path.resolve(base, id.replace(/[?#].*$/, ''));
    const relative = relativeTo(root, file);
    if (relative.startsWith('..') || relative.split('/').includes('node_modules')) continue;
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    out.add(relative);
  }
  return [...out].sort();
}

/**
 * The inputs of an esbuild build run with `metafile: true`.
 * @param {{ inputs: Record<string, unknown> }} metafile
 * @param {string} root
 * @param {string} [absWorkingDir] the build's working directory (metafile paths are relative to it)
 */
export function esbuildInputs(metafile, root, absWorkingDir = root) {
  return inputsFromIds(Object.keys(metafile.inputs), root, absWorkingDir);
}

/**
 * A Vite plugin that hands every module of the build's graph to `record` once the bundle is
 * written, so the renderer's stamp lists exactly what Vite bundled.
 * @param {(ids: string[]) => void} record
 */
export function recordModuleGraph(record) {
  return {
    name: 'kiosk-record-module-graph',
    apply: /** @type {const} */ ('build'),
    generateBundle() {
      // @ts-expect-error -- the plugin context is Rollup's/Rolldown's; this file does not import their types.
      record(Array.from(this.getModuleIds()));
    },
  };
}

/**
 * Every file's path under a folder (names only), skipping node_modules.
 * @param {string} root
 * @param {string} relative
 * @returns {string[]}
 */
function listNames(root, relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const child = `${relative.replace(/\/$/, '')}/${entry.name}`;
    return entry.isDirectory() ? listNames(root, child) : [child];
  });
}

/**
 * A hash of the inputs. A file counts by its contents (a missing one as missing); an entry ending
 * in `/` counts by the names of the files under it, for what a bundler finds by listing a folder
 * (`import.meta.glob`) rather than by an import: a new locale file changes the list.
 * @param {string} root
 * @param {string[]} inputs
 */
export function fingerprint(root, inputs) {
  const hash = createHash('sha1');
  for (const input of [...new Set(inputs)].sort()) {
    if (input.endsWith('/')) {
      hash.update(`${input}\0${listNames(root, input).sort().join('\0')}\n`);
      continue;
    }
    const file = path.join(root, input);
    const content = existsSync(file)
      ? createHash('sha1').update(readFileSync(file)).digest('hex')
      : 'missing';
    hash.update(`${input}\0${content}\n`);
  }
  return hash.digest('hex');
}

/**
 * The stamp to write after a build: the inputs the bundler reported plus the ones it cannot see
 * (configs, the lock file, this script), with their fingerprint now.
 * @param {string} root
 * @param {string[]} inputs
 * @param {Date} builtAt
 * @returns {BuildStamp}
 */
export function makeStamp(root, inputs, builtAt) {
  const all = [...new Set(inputs)].sort();
  return { fingerprint: fingerprint(root, all), inputs: all, builtAt: builtAt.toISOString() };
}

/**
 * The stamp of a build whose inputs changed while it ran: it lists them, and never matches.
 * @param {BuildStamp} stamp
 * @returns {BuildStamp}
 */
export function staleStamp(stamp) {
  return { ...stamp, fingerprint: 'changed-during-build' };
}

/**
 * Whether any input was written after `since` (a build's start): the bundle may hold the old
 * contents while a stamp made now would hash the new ones, so such a build must not count as fresh.
 * @param {string} root
 * @param {string[]} inputs
 * @param {Date} since
 */
export function changedSince(root, inputs, since) {
  return inputs.some((input) => {
    if (input.endsWith('/')) return false;
    const file = path.join(root, input);
    return existsSync(file) && statSync(file).mtimeMs > since.getTime();
  });
}

/**
 * Whether a stamp still describes the files on disk. A stamp without an input list (from an older
 * build script) or one that cannot be read is never fresh.
 * @param {string} root
 * @param {unknown} stamp
 */
export function stampIsFresh(root, stamp) {
  if (typeof stamp !== 'object' || stamp === null) return false;
  const { fingerprint: recorded, inputs } = /** @type {Partial<BuildStamp>} */ (stamp);
  if (typeof recorded !== 'string' || !Array.isArray(inputs) || inputs.length === 0) return false;
  return fingerprint(root, inputs) === recorded;
}
