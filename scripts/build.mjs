// Builds what is stale: the renderer (Vite), the browser-kiosk server and the Electron main and
// preload (esbuild). `--force` rebuilds everything. A fingerprint of each target's inputs (path,
// size, mtime) lives in dist/.build-<target>.json, so a fresh clone builds once and a second run
// is instant.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const quiet = process.argv.includes('--quiet');
// KIOSK_DIST lets engineers build side by side (dist-<name>/) without clobbering each other.
const dist = process.env.KIOSK_DIST ?? 'dist';
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

function listFiles(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules' ? [] : listFiles(path.join(relative, entry.name)),
  );
}

function fingerprint(inputs) {
  const hash = createHash('sha1');
  for (const file of inputs.flatMap(listFiles).sort()) {
    const stat = statSync(path.join(root, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const esbuildCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __KIOSK_VERSION__: JSON.stringify(version) },
};

const targets = [
  {
    name: 'renderer',
    inputs: ['renderer', 'vite.config.ts', 'svelte.config.js', 'electron/core/contract.ts', 'electron/preload-api.ts'],
    output: `${dist}/renderer/index.html`,
    async build() {
      const { build } = await import('vite');
      await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
    },
  },
  {
    name: 'server',
    inputs: ['electron/core', 'electron/web', 'package.json'],
    output: `${dist}/server/cli.mjs`,
    async build() {
      const esbuild = await import('esbuild');
      await esbuild.build({
        ...esbuildCommon,
        entryPoints: [path.join(root, 'electron/web/cli.ts')],
        outfile: path.join(root, `${dist}/server/cli.mjs`),
        format: 'esm',
        // Bundled CommonJS dependencies may call require(); give ESM output one.
        banner: { js: "import { createRequire as __kioskRequire } from 'node:module'; const require = __kioskRequire(import.meta.url);" },
      });
    },
  },
  {
    name: 'electron',
    inputs: ['electron', 'package.json'],
    output: `${dist}/electron/main.cjs`,
    enabled: () => existsSync(path.join(root, 'electron/main.ts')),
    async build() {
      const esbuild = await import('esbuild');
      for (const [entry, out] of [
        ['electron/main.ts', `${dist}/electron/main.cjs`],
        ['electron/preload.ts', `${dist}/electron/preload.cjs`],
      ]) {
        await esbuild.build({
          ...esbuildCommon,
          entryPoints: [path.join(root, entry)],
          outfile: path.join(root, out),
          format: 'cjs',
          external: ['electron'],
        });
      }
    },
  },
];

mkdirSync(path.join(root, dist), { recursive: true });
for (const target of targets) {
  if (target.enabled && !target.enabled()) continue;
  const stampFile = path.join(root, `${dist}/.build-${target.name}.json`);
  const print = fingerprint(target.inputs);
  const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')).fingerprint : null;
  if (!force && stamp === print && existsSync(path.join(root, target.output))) continue;
  const started = Date.now();
  try {
    await target.build();
  } catch (error) {
    console.error(`Build of the ${target.name} failed: ${error.message ?? error}`);
    process.exit(1);
  }
  writeFileSync(stampFile, JSON.stringify({ fingerprint: print, builtAt: new Date().toISOString() }));
  if (!quiet) console.log(`Built ${target.name} in ${Date.now() - started} ms`);
}
