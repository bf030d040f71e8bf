import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test, apart from the browser-kiosk end-to-end run (playwright.config.ts at the
 * top, testDir tests/e2e), so that run is unchanged. Started by `npm run test:electron` (run.mjs).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
