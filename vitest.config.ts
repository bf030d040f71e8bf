import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __KIOSK_VERSION__: JSON.stringify(version) },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Two cores: the crash-safety test spawns child processes; keep the pool small.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
