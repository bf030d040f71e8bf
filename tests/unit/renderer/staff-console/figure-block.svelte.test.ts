import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import FigureBlock from '../../../../renderer/src/staff-console/FigureBlock.svelte';

beforeEach(() => locale.set('en'));
afterEach(() => {
  cleanup();
  locale.set('zh-HK');
});

const columns = [{ label: 'Programme' }, { label: 'Outcome', text: true }, { label: 'Checks' }];

describe('a report figure', () => {
  it('draws the chart and gives every number again in a table captioned with the same title', () => {
    render(FigureBlock, {
      title: 'Eligibility checks',
      columns,
      rows: [
        { key: 'a', head: 'Subsidy A', cells: ['Eligible', 3] },
        { key: 'b', head: 'Subsidy B', cells: ['Not eligible', 1] },
      ],
      chart: {
        kind: 'bars',
        bars: [
          { label: 'Subsidy A: Eligible', values: [3] },
          { label: 'Subsidy B: Not eligible', values: [1] },
        ],
      },
    });
    expect(screen.getByRole('figure', { name: 'Eligibility checks' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Eligibility checks' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Programme', 'Outcome', 'Checks']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Subsidy A', 'Subsidy B']);
    const cells = within(table).getAllByRole('cell');
    expect(cells.map((td) => td.textContent)).toEqual(['Eligible', '3', 'Not eligible', '1']);
    // Words read from the start, numbers line up at the end.
    expect(cells.map((td) => td.classList.contains('text'))).toEqual([true, false, true, false]);
  });

  it('says nothing was recorded, across the whole row, and draws no empty chart', () => {
    render(FigureBlock, { title: 'Look-ups', columns, rows: [], chart: { kind: 'bars', bars: [] } });
    expect(screen.queryByRole('figure')).toBeNull();
    const none = within(screen.getByRole('table', { name: 'Look-ups' })).getByRole('cell');
    expect(none.textContent).toBe('Nothing recorded in this period.');
    expect(none.getAttribute('colspan')).toBe('3');
  });

  it('draws a line over time with its first and last periods, and marks a row heading in its own language', () => {
    render(FigureBlock, {
      title: 'Visits by day',
      columns: [{ label: 'Language' }, { label: 'Visits' }],
      rows: [{ key: 'zh-CN', head: '简体中文', lang: 'zh-CN', cells: [2] }],
      chart: {
        kind: 'line',
        points: [
          { period: '2026-12-01', count: 2 },
          { period: '2026-12-02', count: 0 },
        ],
        formatLabel: (p: string) => `day ${p}`,
      },
    });
    const figure = screen.getByRole('figure', { name: 'Visits by day' });
    expect(figure.textContent).toContain('day 2026-12-01');
    expect(figure.textContent).toContain('day 2026-12-02');
    expect(screen.getByRole('rowheader').getAttribute('lang')).toBe('zh-CN');
  });

  it('is a table alone when it has no chart', () => {
    render(FigureBlock, {
      title: 'Group sessions',
      columns,
      rows: [{ key: 's', head: 'Tue', cells: ['Phones', 4] }],
    });
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.getByRole('table', { name: 'Group sessions' })).toBeTruthy();
  });
});
