import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * The screenshot run (`npm run screenshots`): the end-to-end set-up, its own folder of specs, so
 * it is never part of `npm test`. Images go to test-results-screenshots/ (git-ignored, and
 * outside test-results/, which every Playwright run empties).
 */
export default defineConfig({
  ...base,
  testDir: '.',
  outputDir: path.join(import.meta.dirname, '../../test-results-screenshots/run'),
  timeout: 15 * 60_000,
});
