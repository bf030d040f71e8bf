import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInToConsole } from './staff-console-helpers';

/**
 * The report periods on the days they break most easily, each with the kiosk's clock set to that
 * instant (KIOSK_NOW): what staff see must follow the Hong Kong calendar, whatever UTC says.
 */
interface Edge {
  name: string;
  now: string;
  today: string;
  lastMonth: { from: string; to: string };
  /** After "To: 1 day earlier" from "this month". */
  stepped: { from: string; to: string; pushed: boolean };
}

const EDGES: Edge[] = [
  {
    name: 'the 1st, just after midnight in Hong Kong while UTC is still the 30th',
    now: '2026-12-01T00:30:00+08:00',
    today: '2026-12-01',
    lastMonth: { from: '2026-11-01', to: '2026-11-30' },
    stepped: { from: '2026-11-30', to: '2026-11-30', pushed: true },
  },
  {
    name: 'the last day of a month, just before midnight in Hong Kong',
    now: '2026-11-30T23:56:00+08:00',
    today: '2026-11-30',
    lastMonth: { from: '2026-10-01', to: '2026-10-31' },
    stepped: { from: '2026-11-01', to: '2026-11-29', pushed: false },
  },
  {
    name: '29 February',
    now: '2028-02-29T12:00:00+08:00',
    today: '2028-02-29',
    lastMonth: { from: '2028-01-01', to: '2028-01-31' },
    stepped: { from: '2028-02-01', to: '2028-02-28', pushed: false },
  },
  {
    name: '31 December',
    now: '2026-12-31T15:00:00+08:00',
    today: '2026-12-31',
    lastMonth: { from: '2026-11-01', to: '2026-11-30' },
    stepped: { from: '2026-12-01', to: '2026-12-30', pushed: false },
  },
  {
    name: "New Year's Day in Hong Kong while UTC is still on 31 December",
    now: '2027-01-01T07:00:00+08:00',
    today: '2027-01-01',
    lastMonth: { from: '2026-12-01', to: '2026-12-31' },
    stepped: { from: '2026-12-31', to: '2026-12-31', pushed: true },
  },
];

async function expectPeriod(page: Page, from: string, to: string): Promise<void> {
  await expect(page.getByTestId('report-from')).toHaveAttribute('data-value', from);
  await expect(page.getByTestId('report-to')).toHaveAttribute('data-value', to);
}

for (const edge of EDGES) {
  test.describe(edge.name, () => {
    test.use({ kioskNow: edge.now });

    test(`this month, last month and a day earlier on ${edge.today}`, async ({ page, kiosk }) => {
      // Signing in starts one visit by touch: it is counted on the Hong Kong day.
      await signInToConsole(page, kiosk, 'English');
      await page.getByRole('button', { name: 'Figures and reports' }).tap();
      await expectPeriod(page, `${edge.today.slice(0, 7)}-01`, edge.today);
      await expect(page.getByTestId('figure-visits')).toHaveText('1');

      await page.getByTestId('preset-last-month').tap();
      await expectPeriod(page, edge.lastMonth.from, edge.lastMonth.to);
      await expect(page.getByTestId('figure-visits')).toHaveText('0');

      await page.getByTestId('preset-this-month').tap();
      await page.getByRole('button', { name: 'To: 1 day earlier' }).tap();
      await expectPeriod(page, edge.stepped.from, edge.stepped.to);
      await expect(page.getByTestId('figure-visits')).toHaveText('0');
      await expect(page.getByTestId('preset-this-month')).toHaveAttribute('aria-pressed', 'false');
      // When "To" passes "From", the screen says that "From" moved with it.
      if (edge.stepped.pushed)
        await expect(page.getByTestId('period-pushed')).toContainText('“From” moved to');
      else await expect(page.getByTestId('period-pushed')).toHaveCount(0);

      // And "To" cannot be stepped past today.
      await page.getByRole('button', { name: 'To: 1 month later' }).tap();
      await expect(page.getByTestId('report-to')).toHaveAttribute('data-value', edge.today);
    });
  });
}
