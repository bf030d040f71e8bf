import { OUTCOMES } from '../core/programmes/decide';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../shared/languages';
import { addDays, hongKongDateTime } from '../shared/period';
import type { Figures, PooledReport } from './report';
import { fill } from './messages';
import { districtName, figureColumns, outcomeName, reportWords, silenceText } from './report-words';

/**
 * The pooled report as one printable page: a single HTML file with its styles inside it, no
 * script and no address outside itself, so it opens the same from a USB stick, a mail attachment
 * or a browser's "Save as PDF" years later. Tables carry every figure; the bar charts (inline SVG)
 * only show them, each with the numbers beside its bars.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text into HTML: centre and organisation names are typed by people. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #bbb; --band: #f1f1f1; --bar: #1f5fa8; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); background: var(--paper);
  font: 1rem/1.45 "Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", "PingFang TC", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; border-bottom: 0.125rem solid var(--ink); padding-bottom: 0.2rem; }
.about { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 0.25rem; }
.about dt { font-weight: 700; }
.about dd { margin: 0; }
.note { color: var(--muted); margin: 0.25rem 0 0; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.5rem; margin: 1rem 0 0; padding: 0; list-style: none; }
.tiles li { border: 0.0625rem solid var(--rule); padding: 0.5rem; }
.tiles .value { display: block; font-size: 1.4rem; font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 0; font-size: 0.85rem; }
th, td { border: 0.0625rem solid var(--rule); padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { hyphens: auto; }
/* The centre's name first: a name on seven lines is harder to read than a heading on two. */
td:first-child { min-width: 10em; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.keep { white-space: nowrap; }
thead th { background: var(--band); }
tfoot td { font-weight: 700; background: var(--band); }
.chart { margin: 0.5rem 0 0; padding: 0; list-style: none; }
.chart li { display: grid; grid-template-columns: 14rem 1fr 5rem; gap: 0.5rem; align-items: center; }
.chart svg { width: 100%; height: 0.9rem; }
.chart rect { fill: var(--bar); }
.chart .n { text-align: right; font-variant-numeric: tabular-nums; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  table { font-size: 8pt; }
  section { break-inside: avoid; }
  thead { display: table-header-group; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

interface Bar {
  label: string;
  value: number;
}

function number(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** Horizontal bars scaled to the largest; the label and the number are text beside the bar. */
function barChart(title: string, bars: readonly Bar[], language: Language): string {
  const largest = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((bar) => {
    const width = Math.round((bar.value / largest) * 1000) / 10;
    return `<li><span>${escapeHtml(bar.label)}</span><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect x="0" y="0" height="10" width="${width}"/></svg><span class="n">${escapeHtml(number(bar.value, language))}</span></li>`;
  });
  return `<ul class="chart" aria-label="${escapeHtml(title)}">${rows.join('')}</ul>`;
}

function table(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  language: Language,
  foot?: readonly (string | number)[],
  /** Columns kept on one line (kiosk ids, district names): a break inside "ssw-kt-01" helps nobody. */
  keep: readonly number[] = [],
): string {
  const cell = (value: string | number, index: number) =>
    typeof value === 'number'
      ? `<td class="n">${escapeHtml(number(value, language))}</td>`
      : `<td${keep.includes(index) ? ' class="keep"' : ''}>${escapeHtml(value)}</td>`;
  const line = (values: readonly (string | number)[]) => `<tr>${values.map(cell).join('')}</tr>`;
  return [
    '<table>',
    `<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => line(r)).join('')}</tbody>`,
    foot ? `<tfoot>${line(foot)}</tfoot>` : '',
    '</table>',
  ].join('');
}

export function reportHtml(report: PooledReport, language: Language, generatedAt: Date): string {
  const w = reportWords(language);
  const columns = figureColumns(language);
  const figures = (f: Figures) => columns.map((c) => c.value(f));
  const district = (code: string) => districtName(code, language);
  const { totals } = report;
  const sections: string[] = [];

  sections.push(
    `<ul class="tiles">${columns
      .map(
        (c) =>
          `<li>${escapeHtml(c.label)}<span class="value">${escapeHtml(number(c.value(totals), language))}</span></li>`,
      )
      .join('')}</ul>`,
  );

  if (report.centres.length === 0) sections.push(`<p>${escapeHtml(w.noKiosks)}</p>`);
  else {
    sections.push(
      `<section><h2>${escapeHtml(w.byDistrict)}</h2>`,
      barChart(
        w.visits,
        report.districts.map((d) => ({ label: district(d.district), value: d.figures.visits.total })),
        language,
      ),
      table(
        [w.district, w.kiosks, ...columns.map((c) => c.label)],
        report.districts.map((d) => [district(d.district), d.kiosks, ...figures(d.figures)]),
        language,
        [w.total, report.centres.length, ...figures(totals)],
        [0],
      ),
      '</section>',
      `<section><h2>${escapeHtml(w.byCentre)}</h2>`,
      barChart(
        w.visits,
        report.centres.map((c) => ({ label: c.centre, value: c.figures.visits.total })),
        language,
      ),
      table(
        // The last day reported stays in the CSV: the page lists the kiosks gone quiet in their own table.
        [w.centre, w.kiosk, w.district, ...columns.map((c) => c.label)],
        report.centres.map((c) => [c.centre, c.kioskId, district(c.district), ...figures(c.figures)]),
        language,
        [w.total, '', '', ...figures(totals)],
        [1],
      ),
      '</section>',
      `<section><h2>${escapeHtml(w.byLanguage)}</h2>`,
      barChart(
        w.byLanguage,
        LANGUAGES.map((l) => ({ label: LANGUAGE_NAMES[l], value: totals.visits[l] })),
        language,
      ),
      '</section>',
      `<section><h2>${escapeHtml(w.byOutcome)}</h2>`,
      barChart(
        w.byOutcome,
        OUTCOMES.map((o) => ({ label: outcomeName(o, language), value: totals.eligibility[o] })),
        language,
      ),
      '</section>',
    );
  }

  sections.push(`<section><h2>${escapeHtml(w.notReported.title)}</h2>`);
  if (report.notReported.length === 0)
    sections.push(`<p>${escapeHtml(fill(w.notReported.none, { day: addDays(report.period.to, -1) }))}</p>`);
  else
    sections.push(
      table(
        [w.centre, w.kiosk, w.district, w.notReported.state],
        report.notReported.map((k) => [k.centre, k.kioskId, district(k.district), silenceText(k, language)]),
        language,
        undefined,
        [1],
      ),
    );
  sections.push('</section>');

  if (report.skipped.length > 0)
    sections.push(
      `<section><h2>${escapeHtml(w.skipped.title)}</h2>`,
      table(
        [w.kiosk, w.skipped.file, w.skipped.reason],
        report.skipped.map((s) => [s.kioskId, s.file, w.skipped.reasons[s.reason]]),
        language,
        undefined,
        [0, 1],
      ),
      '</section>',
    );

  const title = `${report.organisation} · ${w.title}`;
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} ${escapeHtml(report.period.from)} – ${escapeHtml(report.period.to)}</title>`,
    `<style>${STYLE}</style></head>`,
    '<body><header>',
    `<h1>${escapeHtml(w.title)}</h1>`,
    '<dl class="about">',
    `<dt>${escapeHtml(w.organisation)}</dt><dd>${escapeHtml(report.organisation)}</dd>`,
    `<dt>${escapeHtml(w.period)}</dt><dd>${escapeHtml(report.period.from)} – ${escapeHtml(report.period.to)}</dd>`,
    `<dt>${escapeHtml(w.generatedAt)}</dt><dd>${escapeHtml(hongKongDateTime(generatedAt))}</dd>`,
    '</dl>',
    `<p class="note">${escapeHtml(w.anonymous)}</p>`,
    '</header><main>',
    ...sections,
    '</main></body></html>',
    '',
  ].join('\n');
}
