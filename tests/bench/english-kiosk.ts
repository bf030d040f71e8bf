/**
 * The start every tap benchmark shares: a fresh browser kiosk, Debian's Chromium at 1280×800 by
 * touch, past the attract screen in English, so the figures compare across benchmarks.
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startKiosk } from '../e2e/fixtures';

export async function withEnglishKiosk<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const { kiosk, stop } = await startKiosk();
  const browser = await chromium.launch({
    executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await page.getByTestId('touch-to-start').tap();
    await page.getByRole('button', { name: 'English', exact: true }).tap();
    return await run(page);
  } finally {
    await browser.close();
    await stop();
  }
}
