import { defineConfig } from '@playwright/test';
import { makeSpeechHome } from './tests/e2e/speech-home';

/**
 * End-to-end tests drive Debian's Chromium (Playwright's own browser download does not work on
 * the build machines) against the browser kiosk, each test on a fresh data folder and port.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-speech-dispatcher',
];

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: one browser at a time keeps timings calm and the machine responsive.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      env: { ...process.env, HOME: makeSpeechHome() },
    },
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
    locale: 'zh-HK',
    timezoneId: 'Asia/Hong_Kong',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
