import type { FigureCell, ReportFigure } from '../../../electron/core/report-section';
import { LANGUAGE_NAMES, locale, pick, t } from '../i18n/i18n.svelte';
import { formatDay, formatMonth } from '../lib/dates';
import type { FigureChart, FigureColumn, FigureRow } from './FigureBlock.svelte';

/**
 * A report figure as the core declares it (electron/core/report-section.ts), in words on screen:
 * UI string keys through t(), content names through pick(), days and months as staff read them.
 * The Reports panel draws every section through here, so it names no capability.
 */

/** A day key (YYYY-MM-DD) or a month key (YYYY-MM) as staff read it. */
export function periodText(period: string): string {
  return period.length === 7 ? formatMonth(period, locale.current) : formatDay(period, locale.current);
}

export function cellText(cell: FigureCell): string | number {
  if (typeof cell === 'number') return cell;
  if ('text' in cell) return cell.text;
  if ('name' in cell) return cell.name ? pick(cell.name) : cell.id;
  if ('label' in cell) return t(cell.label, { defaultValue: cell.fallback });
  if ('language' in cell) return LANGUAGE_NAMES[cell.language];
  if ('day' in cell) return [formatDay(cell.day, locale.current), cell.time].filter(Boolean).join(' ');
  return periodText(cell.period);
}

/** A language's own name is written in that language, so a screen reader says it rightly. */
function cellLang(cell: FigureCell): string | undefined {
  return typeof cell === 'object' && 'language' in cell ? cell.language : undefined;
}

export interface FigureBlockProps {
  title: string;
  columns: FigureColumn[];
  rows: FigureRow[];
  chart?: FigureChart;
}

export function figureBlock(figure: ReportFigure): FigureBlockProps {
  const { chart } = figure;
  return {
    title: t(figure.title),
    columns: figure.columns.map((column) => ({ label: t(column.label), text: column.text })),
    rows: figure.rows.map((row) => ({
      key: row.key,
      head: String(cellText(row.head)),
      lang: cellLang(row.head),
      cells: row.cells.map(cellText),
    })),
    chart:
      chart?.kind === 'line'
        ? { kind: 'line', points: chart.points, formatLabel: periodText }
        : chart?.kind === 'bars'
          ? {
              kind: 'bars',
              series: chart.series?.map((key) => t(key)),
              bars: chart.bars.map((bar) => ({
                label: bar.label.map((cell) => cellText(cell)).join(': '),
                values: bar.values,
              })),
            }
          : undefined,
  };
}
