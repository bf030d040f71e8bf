import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { settle } from '../e2e/fits-check';
import { prepareRouteKiosk, SCREEN_NAMES, walkRoutes } from '../e2e/fits-routes';
import { REPO_ROOT, test } from '../e2e/fixtures';
import type { LanguageCode } from '../e2e/lessons-helpers';

/**
 * A picture of every visitor screen (the fits check's route list), with the largest text, at
 * 1280×800 and portrait 1080×1920, in each language, to look at before calling a layout done:
 * test-results-screenshots/<language>/<width>x<height>/<nn>-<screen>.png.
 */

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1080, height: 1920 },
] as const;
const LARGEST_TEXT = [{ textSize: 3, highContrast: false }] as const;
const LANGUAGES: LanguageCode[] = ['zh-HK', 'en', 'zh-CN'];

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

for (const language of LANGUAGES) {
  test(`screenshots of every visitor screen in ${language}`, async ({ page, kiosk }) => {
    const session = await prepareRouteKiosk(page, kiosk);
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      const folder = path.join(
        REPO_ROOT,
        'test-results-screenshots',
        language,
        `${size.width}x${size.height}`,
      );
      mkdirSync(folder, { recursive: true });
      let count = 0;
      await walkRoutes(
        { page, kiosk, language, session },
        LARGEST_TEXT,
        async (screen) => {
          count++;
          await settle(page);
          const number = String(SCREEN_NAMES.indexOf(screen.name) + 1).padStart(2, '0');
          await page.screenshot({
            path: path.join(folder, `${number}-${slug(screen.name)}.png`),
          });
        },
        (screens, error) =>
          console.log(
            `${language} ${size.width}×${size.height}: ${screens.map((s) => s.name).join(', ')} ${error}`,
          ),
      );
      console.log(
        `${language} ${size.width}×${size.height}: ${count} screenshots in ${path.relative(REPO_ROOT, folder)}`,
      );
    }
  });
}
