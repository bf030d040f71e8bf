// Builds what is stale: the renderer (Vite), the browser-kiosk server and the Electron main and
// preload (esbuild). `--force` rebuilds everything. Each target's stamp, dist/.build-<target>.json,
// lists the files the bundler itself reported reading (esbuild's metafile, Vite's module graph)
// plus the configs and lock file, with a hash of their contents (scripts/build-inputs.mjs), so a
// fresh clone builds once, a second run is instant, and editing any file a bundle contains — in
// whichever folder — rebuilds that bundle.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  changedSince,
  esbuildInputs,
  inputsFromIds,
  makeStamp,
  recordModuleGraph,
  stampIsFresh,
  staleStamp,
} from './build-inputs.mjs';
import { refreshOutlines } from './simplify-districts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const quiet = process.argv.includes('--quiet');
// KIOSK_DIST lets engineers build side by side (dist-<name>/) without clobbering each other.
const dist = process.env.KIOSK_DIST ?? 'dist';
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

// What every bundle depends on without importing it: dependencies, the version, this script.
const alwaysInputs = ['package.json', 'package-lock.json', 'scripts/build.mjs', 'scripts/build-inputs.mjs'];

const esbuildCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __KIOSK_VERSION__: JSON.stringify(version) },
  absWorkingDir: root,
  metafile: true,
};

const targets = [
  {
    name: 'renderer',
    output: `${dist}/renderer/index.html`,
    async build() {
      const { build } = await import('vite');
      let graph = [];
      await build({
        configFile: path.join(root, 'vite.config.ts'),
        logLevel: 'warn',
        plugins: [recordModuleGraph((ids) => (graph = ids))],
      });
      // renderer/src/ by name: the locale files are found by import.meta.glob, so a new one counts.
      return [
        ...inputsFromIds(graph, root),
        'vite.config.ts',
        'svelte.config.js',
        'renderer/tsconfig.json',
        'renderer/src/',
      ];
    },
  },
  {
    name: 'server',
    output: `${dist}/server/cli.mjs`,
    async build() {
      const esbuild = await import('esbuild');
      const result = await esbuild.build({
        ...esbuildCommon,
        entryPoints: [path.join(root, 'electron/web/cli.ts')],
        outfile: path.join(root, `${dist}/server/cli.mjs`),
        format: 'esm',
        // Bundled CommonJS dependencies may call require(); give ESM output one.
        banner: {
          js: "import { createRequire as __kioskRequire } from 'node:module'; const require = __kioskRequire(import.meta.url);",
        },
      });
      return [...esbuildInputs(result.metafile, root), 'tsconfig.json'];
    },
  },
  {
    name: 'electron',
    output: `${dist}/electron/main.cjs`,
    enabled: () => existsSync(path.join(root, 'electron/main.ts')),
    async build() {
      const esbuild = await import('esbuild');
      const inputs = ['tsconfig.json'];
      for (const [entry, out] of [
        ['electron/main.ts', `${dist}/electron/main.cjs`],
        ['electron/preload.ts', `${dist}/electron/preload.cjs`],
      ]) {
        const result = await esbuild.build({
          ...esbuildCommon,
          entryPoints: [path.join(root, entry)],
          outfile: path.join(root, out),
          format: 'cjs',
          external: ['electron'],
        });
        inputs.push(...esbuildInputs(result.metafile, root));
      }
      return inputs;
    },
  },
  {
    name: 'handwriting',
    output: `${dist}/handwriting/templates.bin`,
    async build() {
      const { buildHandwriting } = await import('./build-handwriting.mjs');
      return buildHandwriting(root, dist);
    },
  },
];

function readStamp(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync(path.join(root, dist), { recursive: true });
// The shipped district outlines follow the HAD boundary file when a checkout has it (../shared).
if (await refreshOutlines({ quiet })) console.log('Rewrote data/district-outlines.json from ../shared');
for (const target of targets) {
  if (target.enabled && !target.enabled()) continue;
  const stampFile = path.join(root, `${dist}/.build-${target.name}.json`);
  if (!force && existsSync(path.join(root, target.output)) && stampIsFresh(root, readStamp(stampFile)))
    continue;
  const started = new Date();
  let inputs;
  try {
    inputs = await target.build();
  } catch (error) {
    console.error(`Build of the ${target.name} failed: ${error.message ?? error}`);
    process.exit(1);
  }
  const all = [...inputs, ...alwaysInputs];
  const stamp = makeStamp(root, all, new Date());
  // An edit during the build may or may not be in the bundle: the next run builds again.
  writeFileSync(
    stampFile,
    JSON.stringify(changedSince(root, all, started) ? staleStamp(stamp) : stamp, null, 1),
  );
  if (!quiet) console.log(`Built ${target.name} in ${Date.now() - started.getTime()} ms`);
}
