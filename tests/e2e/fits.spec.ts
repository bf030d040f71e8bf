import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test as plain } from '@playwright/test';
import { checkFits, type FitsFailure } from './fits-check';
import { prepareRouteKiosk, SCREEN_NAMES, walkRoutes, type Presentation } from './fits-routes';
import { expect, REPO_ROOT, test } from './fixtures';
import type { LanguageCode } from './lessons-helpers';

/**
 * Every visitor screen fits the kiosks centres buy: its main action in view, no text cut off or
 * hidden, the page not scrolling, targets at least 64×64 CSS px — at four screen sizes, three text
 * sizes and in high contrast. One page per screen size walks every screen by touch and steps the
 * text size and contrast in place with the toolbar; the table it prints shows each cell.
 *
 * KIOSK_FITS_REPORT_ONLY=1 prints the table without failing (while layouts are being fixed).
 */

const ALL_VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];
/** KIOSK_FITS_VIEWPORTS=1280x800,1080x1920 checks only those (a quicker look while fixing one). */
const VIEWPORTS = process.env.KIOSK_FITS_VIEWPORTS
  ? ALL_VIEWPORTS.filter((v) =>
      process.env.KIOSK_FITS_VIEWPORTS!.split(',').includes(`${v.width}x${v.height}`),
    )
  : ALL_VIEWPORTS;
/** KIOSK_FITS_LANGUAGE=en checks in another language (zh-HK, the kiosk's default, unless set). */
const LANGUAGE = (process.env.KIOSK_FITS_LANGUAGE ?? 'zh-HK') as LanguageCode;
/** KIOSK_FITS_VERBOSE=1 prints each cell as it is measured, with the time taken. */
const VERBOSE = process.env.KIOSK_FITS_VERBOSE === '1';

const PRESENTATIONS: readonly Presentation[] = [
  { textSize: 1, highContrast: false },
  { textSize: 2, highContrast: false },
  { textSize: 3, highContrast: false },
  // High contrast where it is hardest: with the largest text.
  { textSize: 3, highContrast: true },
];

const REPORT_ONLY = process.env.KIOSK_FITS_REPORT_ONLY === '1';

const viewportName = (v: { width: number; height: number }) => `${v.width}×${v.height}`;
const presentationName = (p: Presentation) => (p.highContrast ? `HC${p.textSize}` : `text ${p.textSize}`);

/** The short reason a cell shows: the first failure's rule (and "+n" more failures after it). */
function shortReason(failure: FitsFailure): string {
  if (failure.detail.startsWith('no primary')) return 'unmarked';
  return failure.rule;
}

interface Cell {
  screen: string;
  viewport: string;
  presentation: string;
  failures: string[];
  short: string;
}

function table(cells: Cell[]): string {
  const columns = PRESENTATIONS.map(presentationName);
  const width = Math.max(...SCREEN_NAMES.map((s) => s.length)) + 2;
  const lines: string[] = [];
  for (const viewport of VIEWPORTS.map(viewportName)) {
    lines.push('', `${viewport.padEnd(width)}${columns.map((c) => c.padEnd(14)).join('')}`);
    for (const screen of SCREEN_NAMES) {
      const row = columns.map((presentation) => {
        const cell = cells.find(
          (c) => c.screen === screen && c.viewport === viewport && c.presentation === presentation,
        );
        return (cell ? cell.short : '—').padEnd(14);
      });
      lines.push(`${screen.padEnd(width)}${row.join('')}`);
    }
  }
  return lines.join('\n');
}

// A tap that cannot land (its target covered or gone) loses its journey, not the whole run.
test.use({ actionTimeout: 10_000 });

test('every visitor screen fits every kiosk screen size, text size and contrast', async ({
  page,
  kiosk,
}, testInfo) => {
  test.setTimeout(20 * 60_000);
  const session = await prepareRouteKiosk(page, kiosk);
  const cells: Cell[] = [];
  // Progress only (VERBOSE); nothing is asserted on time.
  const started = Date.now();
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    const viewport = viewportName(size);
    await walkRoutes(
      { page, kiosk, language: LANGUAGE, session },
      PRESENTATIONS,
      async (screen, presentation) => {
        const failures = await checkFits(page, screen.options);
        if (VERBOSE)
          console.log(
            `${((Date.now() - started) / 1000).toFixed(1)} s ${screen.name} @ ${viewport} ${presentationName(presentation)}: ${failures[0]?.detail ?? 'fits'}`,
          );
        cells.push({
          screen: screen.name,
          viewport,
          presentation: presentationName(presentation),
          failures: failures.map((f) => f.detail),
          short: failures[0]
            ? `${shortReason(failures[0])}${failures.length > 1 ? `+${failures.length - 1}` : ''}`
            : '✓',
        });
      },
      (screens, error) => {
        if (VERBOSE) console.log(`${screens.map((s) => s.name).join(', ')} @ ${viewport}: ${error}`);
        for (const screen of screens)
          for (const presentation of PRESENTATIONS)
            cells.push({
              screen: screen.name,
              viewport,
              presentation: presentationName(presentation),
              failures: [error],
              short: 'unreached',
            });
      },
    );
  }

  const failing = cells.filter((c) => c.failures.length > 0);
  const report = [
    table(cells),
    '',
    `${cells.length - failing.length} of ${cells.length} cells fit (in ${LANGUAGE}).`,
    ...failing.map(
      (c) =>
        `${c.screen} @ ${c.viewport} ${c.presentation}: ${c.failures[0]}${c.failures.length > 1 ? ` (+${c.failures.length - 1} more)` : ''}`,
    ),
  ].join('\n');
  console.log(report);
  const out = path.join(REPO_ROOT, 'test-results-fits');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'table.txt'), report);
  writeFileSync(path.join(out, 'cells.json'), JSON.stringify(cells, null, 2));
  await testInfo.attach('fits table', { body: report, contentType: 'text/plain' });

  expect(cells.length, 'every screen was checked in every cell').toBe(
    SCREEN_NAMES.length * VIEWPORTS.length * PRESENTATIONS.length,
  );
  if (!REPORT_ONLY)
    expect(
      failing.map((c) => `${c.screen} @ ${c.viewport} ${c.presentation}: ${c.failures.join('; ')}`),
      'cells that do not fit',
    ).toEqual([]);
});

/**
 * The checker itself finds each kind of misfit (and passes a page that fits), on tiny pages of
 * its own: no kiosk needed.
 */
plain.describe('the fits checker', () => {
  plain.use({ viewport: { width: 800, height: 600 } });

  const FITTING = `<!doctype html>
    <style>
      body { margin: 0; font: 24px sans-serif; }
      main { height: 460px; overflow: hidden; }
      nav.toolbar { position: fixed; bottom: 0; left: 0; right: 0; height: 120px; background: #ddd; }
      button { min-width: 64px; min-height: 64px; font: inherit; }
    </style>
    <main><h1>Title</h1><p>Some text that fits.</p><button data-primary-action>Next</button></main>
    <nav class="toolbar"><button>Home</button></nav>`;

  async function rules(page: import('@playwright/test').Page, html: string): Promise<string[]> {
    await page.setContent(html);
    return (await checkFits(page)).map((f) => `${f.rule}: ${f.detail}`);
  }

  plain('a screen that fits has no failures', async ({ page }) => {
    expect(await rules(page, FITTING)).toEqual([]);
  });

  plain('a primary action below the window fails', async ({ page }) => {
    const found = await rules(
      page,
      FITTING.replace(
        '<button data-primary-action>Next</button>',
        '<button data-primary-action style="position: fixed; top: 640px">Next</button>',
      ),
    );
    expect(found).toContainEqual(expect.stringMatching(/^primary: primary "Next" off-screen/));
  });

  plain('a screen with no primary action marked fails', async ({ page }) => {
    expect(await rules(page, FITTING.replace(' data-primary-action', ''))).toEqual([
      'primary: no primary action marked',
    ]);
  });

  plain('a primary action under the toolbar, or covered, fails', async ({ page }) => {
    const under = await rules(
      page,
      FITTING.replace('main { height: 460px;', 'main { height: 600px;').replace(
        '<button data-primary-action>',
        '<div style="height: 330px"></div><button data-primary-action>',
      ),
    );
    expect(under).toContainEqual(
      expect.stringMatching(/^primary: primary "Next" (under the toolbar|covered)/),
    );
  });

  plain('a line cut off by a box that hides overflow fails', async ({ page }) => {
    const found = await rules(
      page,
      FITTING.replace(
        '<p>Some text that fits.</p>',
        '<p style="height: 30px; overflow: hidden">One line<br>Two lines<br>Three lines</p>',
      ),
    );
    expect(found).toContainEqual(expect.stringMatching(/^clipped: text "Two lines" cut off/));
  });

  plain(
    'text below the fold of a scrolling box fails, unless the box is a scroll region',
    async ({ page }) => {
      const long = `<div class="box" style="height: 60px; overflow-y: auto">${'<p>Line of text</p>'.repeat(8)}</div>`;
      const cut = await rules(page, FITTING.replace('<p>Some text that fits.</p>', long));
      expect(cut).toContainEqual(expect.stringMatching(/^clipped: text "Line of text" cut off by div\.box/));
      const region = await rules(
        page,
        FITTING.replace(
          '<p>Some text that fits.</p>',
          `<div data-scroll-region style="height: 60px; overflow-y: auto">${'<p>Line of text</p>'.repeat(8)}</div>`,
        ),
      );
      expect(
        region.filter((f) => f.startsWith('clipped')),
        region.join('\n'),
      ).toEqual([]);
    },
  );

  plain("text below a scroll region's fold is neither under the toolbar nor covered", async ({ page }) => {
    // The region reaches down to the toolbar; its hidden lines lie where the toolbar is drawn.
    const lines = '<p>Line of text</p>'.repeat(30);
    const found = await rules(
      page,
      FITTING.replace(
        'main { height: 460px; overflow: hidden; }',
        'main { height: 480px; overflow: hidden; display: flex; flex-direction: column; }',
      ).replace(
        '<p>Some text that fits.</p>',
        `<div data-scroll-region style="flex: 1; min-height: 0; overflow-y: auto">${lines}</div>`,
      ),
    );
    expect(found).toEqual([]);
  });

  plain('a page that scrolls fails', async ({ page }) => {
    const found = await rules(
      page,
      FITTING.replace('main { height: 460px; overflow: hidden; }', 'main { height: 2000px; }'),
    );
    expect(found).toContainEqual(expect.stringMatching(/^page-scroll: page scrolls: \d+ px tall in 600/));
  });

  plain('text under the toolbar fails', async ({ page }) => {
    const found = await rules(
      page,
      FITTING.replace(
        '<h1>Title</h1>',
        '<p style="position: fixed; top: 520px; z-index: -1">Behind the bar</p><h1>Title</h1>',
      ),
    );
    expect(found).toContainEqual(expect.stringMatching(/^toolbar: text "Behind the bar" under the toolbar/));
  });

  plain('text under a see-through control is not covered, under a visible one it is', async ({ page }) => {
    const over = (opacity: number) =>
      FITTING.replace(
        '<h1>Title</h1>',
        `<h1>Title</h1><label style="position: relative; display: inline-block; min-height: 64px; padding: 0 1em"><span>Choose file</span><input type="file" style="position: absolute; inset: 0; width: 100%; height: 100%; opacity: ${opacity}"></label>`,
      );
    expect(await rules(page, over(0))).toEqual([]);
    expect(await rules(page, over(1))).toContainEqual(
      expect.stringMatching(/^covered: text "Choose file" hidden behind input/),
    );
  });

  plain('a button label that spills out of its button fails', async ({ page }) => {
    const found = await rules(
      page,
      FITTING.replace(
        '<h1>Title</h1>',
        '<h1>Title</h1><button style="width: 80px; white-space: nowrap">Previous step</button>',
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^clipped: text "Previous step" spills out of its button/),
    );
  });

  plain('a primary action partly under another button fails', async ({ page }) => {
    const found = await rules(
      page,
      FITTING.replace(
        '<button data-primary-action>Next</button>',
        '<div style="position: relative"><button data-primary-action style="width: 200px">Next</button><button style="position: absolute; left: 150px; top: 0; width: 120px">Back</button></div>',
      ),
    );
    expect(found).toContainEqual(expect.stringMatching(/^primary: primary "Next" covered by button/));
  });

  plain('a 40 px button fails the 64 px rule', async ({ page }) => {
    const found = await rules(
      page,
      FITTING.replace(
        '<h1>Title</h1>',
        '<h1>Title</h1><button style="min-width: 0; min-height: 0; width: 40px; height: 40px">x</button>',
      ),
    );
    expect(found).toContain('target: target under 64×64: button "x" 40×40');
  });

  plain('screen-reader-only text and exempt boxes are not judged', async ({ page }) => {
    const hidden =
      '<span style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap">Announced only</span>';
    const demo =
      '<div class="before" style="height: 20px; overflow: hidden"><button style="min-height: 0; height: 30px">Small</button><p>Cut</p></div>';
    await page.setContent(FITTING.replace('<h1>Title</h1>', `<h1>Title</h1>${hidden}${demo}`));
    expect(await checkFits(page, { exempt: ['.before'] })).toEqual([]);
    expect((await checkFits(page)).length).toBeGreaterThan(0);
  });

  plain('with a dialog open, the dialog must carry the primary action', async ({ page }) => {
    const dialog =
      '<div role="dialog" aria-modal="true" style="position: fixed; inset: 100px; background: #fff"><p>Sure?</p><button>Yes</button></div>';
    const found = await rules(page, FITTING.replace('</main>', `</main>${dialog}`));
    expect(found).toEqual(['primary: no primary action marked']);
  });
});
