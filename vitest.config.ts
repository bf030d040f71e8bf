import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const top = fileURLToPath(new URL('.', import.meta.url));

/**
 * Two projects. Most tests run in Node. Tests named `*.svelte.test.ts` exercise the renderer's rune
 * state and components: they are compiled by the Svelte plugin, run in jsdom, and use Vite's root
 * `renderer/` as the app does, so `import.meta.glob('/src/…')` finds the same locale files.
 */
export default defineConfig({
  define: { __KIOSK_VERSION__: JSON.stringify(version) },
  test: {
    // Two cores: the crash-safety test spawns child processes; keep the pool small.
    maxWorkers: 2,
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.svelte.test.ts'],
          environment: 'node',
        },
      },
      {
        // Real Syncthing processes (tests/helpers/syncthing-instance.ts): one file at a time, since
        // each starts several instances and two cores are shared; a journey waits on real transfers.
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        root: fileURLToPath(new URL('./renderer', import.meta.url)),
        plugins: [
          svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) }),
          svelteTesting(),
        ],
        test: {
          name: 'renderer',
          dir: top,
          include: ['tests/unit/**/*.svelte.test.ts'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
