import { promises as fs } from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import {
  changedSince,
  esbuildInputs,
  inputsFromIds,
  makeStamp,
  recordModuleGraph,
  stampIsFresh,
  staleStamp,
} from '../../../scripts/build-inputs.mjs';
import { tempDirs } from '../../helpers/temp-dir';

// A miniature of the repository: a renderer page that bundles a pure module from electron/shared
// (as the real one bundles period.ts), a server entry that imports core code, and a file neither
// imports. The bundlers run for real on it, into the temp folder, never into dist/.
const files: Record<string, string> = {
  'renderer/index.html':
    '<!doctype html><html><body><script type="module" src="./src/main.ts"></script></body></html>',
  'renderer/src/main.ts':
    "import { addDays } from '../../electron/shared/period';\ndocument.title = addDays('2026-03-01', 1);\n",
  'electron/shared/period.ts':
    'export function addDays(day: string, days: number): string {\n  return `${day}+${days}`;\n}\n',
  'electron/core/service.ts':
    "import { addDays } from '../shared/period';\nexport const tomorrow = addDays('2026-03-01', 1);\n",
  'electron/web/cli.ts': "import { tomorrow } from '../core/service';\nconsole.log(tomorrow);\n",
  'electron/core/unused.ts': 'export const unused = 1;\n',
};
const builtAt = new Date('2026-03-01T04:00:00Z');

const temp = tempDirs('kiosk-build-inputs-');
afterEach(temp.cleanup);

/** The repository sits one level down, so the test can put a file beside it, outside it. */
async function repository(): Promise<string> {
  const root = path.join(await temp.make(), 'repo');
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
  return root;
}

async function rendererInputs(root: string): Promise<string[]> {
  let graph: string[] = [];
  await viteBuild({
    configFile: false,
    root: path.join(root, 'renderer'),
    logLevel: 'silent',
    build: { outDir: path.join(root, 'out/renderer'), emptyOutDir: true },
    plugins: [recordModuleGraph((ids) => (graph = ids))],
  });
  return inputsFromIds(graph, root);
}

describe('build inputs come from the bundlers', () => {
  it('the renderer bundle counts a file it imports from electron/, and editing it makes the renderer stale', async () => {
    const root = await repository();
    const inputs = await rendererInputs(root);
    expect(inputs).toEqual(['electron/shared/period.ts', 'renderer/index.html', 'renderer/src/main.ts']);

    const stamp = makeStamp(root, inputs, builtAt);
    expect(stampIsFresh(root, stamp)).toBe(true);
    // Untouched contents with a new mtime (a checkout, a touch) do not rebuild.
    await fs.utimes(path.join(root, 'electron/shared/period.ts'), builtAt, builtAt);
    expect(stampIsFresh(root, stamp)).toBe(true);
    // A file outside the bundle's graph does not rebuild it either.
    await fs.appendFile(path.join(root, 'electron/core/unused.ts'), 'export const more = 2;\n');
    expect(stampIsFresh(root, stamp)).toBe(true);

    await fs.appendFile(path.join(root, 'electron/shared/period.ts'), 'export const MONTHS = 12;\n');
    expect(stampIsFresh(root, stamp)).toBe(false);
  });

  it("esbuild's metafile gives the server bundle's inputs across folders", async () => {
    const root = await repository();
    const result = await esbuild({
      entryPoints: [path.join(root, 'electron/web/cli.ts')],
      outfile: path.join(root, 'out/server/cli.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      absWorkingDir: root,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = esbuildInputs(result.metafile, root);
    expect(inputs).toEqual(['electron/core/service.ts', 'electron/shared/period.ts', 'electron/web/cli.ts']);

    const stamp = makeStamp(root, inputs, builtAt);
    await fs.writeFile(path.join(root, 'electron/shared/period.ts'), 'export const addDays = () => "";\n');
    expect(stampIsFresh(root, stamp)).toBe(false);
  });

  it('a deleted input, a new file in a listed folder, and a stamp without inputs are stale', async () => {
    const root = await repository();
    const stamp = makeStamp(
      root,
      ['renderer/src/main.ts', 'electron/shared/period.ts', 'renderer/src/'],
      builtAt,
    );
    expect(stampIsFresh(root, stamp)).toBe(true);

    await fs.writeFile(path.join(root, 'renderer/src/new-locale.json'), '{}');
    expect(stampIsFresh(root, stamp)).toBe(false);
    await fs.rm(path.join(root, 'renderer/src/new-locale.json'));
    expect(stampIsFresh(root, stamp)).toBe(true);

    await fs.rm(path.join(root, 'electron/shared/period.ts'));
    expect(stampIsFresh(root, stamp)).toBe(false);

    // What the old build script wrote: a fingerprint and no list of what it covered.
    expect(stampIsFresh(root, { fingerprint: stamp.fingerprint, builtAt: builtAt.toISOString() })).toBe(
      false,
    );
    expect(stampIsFresh(root, null)).toBe(false);
  });

  it('a build whose input was written while it ran leaves a stamp that is never fresh', async () => {
    const root = await repository();
    const inputs = ['renderer/src/main.ts', 'electron/shared/period.ts', 'renderer/src/'];
    const started = new Date('2026-03-01T04:00:00Z');
    await fs.utimes(path.join(root, 'electron/shared/period.ts'), started, new Date('2026-03-01T03:59:00Z'));
    await fs.utimes(path.join(root, 'renderer/src/main.ts'), started, new Date('2026-03-01T03:58:00Z'));
    expect(changedSince(root, inputs, started)).toBe(false);

    await fs.utimes(path.join(root, 'electron/shared/period.ts'), started, new Date('2026-03-01T04:00:05Z'));
    expect(changedSince(root, inputs, started)).toBe(true);
    expect(stampIsFresh(root, staleStamp(makeStamp(root, inputs, builtAt)))).toBe(false);
  });

  it('drops virtual modules, queries, node_modules and files outside the repository', async () => {
    const root = await repository();
    await fs.mkdir(path.join(root, 'node_modules/svelte'), { recursive: true });
    await fs.writeFile(path.join(root, 'node_modules/svelte/index.js'), 'export {};\n');
    await fs.writeFile(path.join(root, '../elsewhere.ts'), 'export {};\n');
    const ids = [
      '\0vite/preload-helper.js',
      `${path.join(root, 'renderer/src/main.ts')}?svelte&type=style&lang.css`,
      path.join(root, 'node_modules/svelte/index.js'),
      path.join(root, '../elsewhere.ts'),
      path.join(root, 'electron/shared/period.ts'),
    ];
    expect(inputsFromIds(ids, root)).toEqual(['electron/shared/period.ts', 'renderer/src/main.ts']);
  });
});
