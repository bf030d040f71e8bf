import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VisitTokenSchema } from '../../electron/core/activity/visit-token';
import { contract } from '../../electron/core/contract';
import { method, type HandlersOf, type MethodSpec } from '../../electron/core/contract-method';
import type { CoreContext } from '../../electron/core/core-context';
import { KioskError } from '../../electron/core/errors';
import { LanguageSchema, type Language } from '../../electron/core/i18n';
import {
  countBy,
  defineReportSection,
  nameIn,
  ordered,
  type Names,
} from '../../electron/core/report-section';
import { reportCsvFiles } from '../../electron/core/staff-console/csv';
import { REPORT_SECTIONS, reportNames } from '../../electron/core/staff-console/report-sections';
import { computeReport } from '../../electron/core/staff-console/reports';
import { makeCoreContext } from '../helpers/hotspots-context';
import { manualClock } from '../helpers/manual-clock';
import { LOCALE_LANGUAGES, readLocaleFolder } from '../helpers/locale-files';
import { tableLines, TEST_ABOUT } from '../helpers/report-csv';
import { tempDirs } from '../helpers/temp-dir';

/**
 * "Add a capability" (electron/README.md, renderer/README.md) walked once with a throwaway
 * capability, a book corner that lends books, built step by step as the recipe says, in a temp
 * folder and a temp wiring: if a step of the recipe stops being true, this test fails.
 */

const dirs = tempDirs('kiosk-recipe-');
afterEach(() => dirs.cleanup());

// Step 1: its strings, renderer/src/<capability>/locales/<lang>.json (here in a temp folder), with
// the report's words under `report` and its CSV headings under `report.csv`.
const STRINGS: Record<Language, unknown> = {
  en: {
    tile: { title: 'Book corner' },
    report: {
      title: 'Books lent by book',
      total: 'Books lent',
      book: 'Book',
      lent: 'Lent',
      csv: { bookId: 'Book ID', book: 'Book', lent: 'Times lent' },
    },
  },
  'zh-HK': {
    tile: { title: '圖書角' },
    report: {
      title: '按書本劃分的借出次數',
      total: '借出書本',
      book: '書本',
      lent: '借出',
      csv: { bookId: '書本編號', book: '書本', lent: '借出次數' },
    },
  },
  'zh-CN': {
    tile: { title: '图书角' },
    report: {
      title: '按书本划分的借出次数',
      total: '借出书本',
      book: '书本',
      lent: '借出',
      csv: { bookId: '书本编号', book: '书本', lent: '借出次数' },
    },
  },
};
type CsvWords = { bookId: string; book: string; lent: string };

// Step 2: its contract entries, electron/core/<capability>/contract.ts.
const bookCornerMethods = {
  'books.lend': method<{ counted: boolean }>()({
    input: z
      .object({
        bookId: z.string().min(1).max(40),
        language: LanguageSchema,
        visit: VisitTokenSchema.optional(),
      })
      .strict(),
    staff: false,
  }),
} as const;

const BOOKS: Names = {
  'big-print-atlas': { 'zh-HK': '大字地圖集', en: 'Big-print atlas', 'zh-CN': '大字地图集' },
  'phone-basics': { 'zh-HK': '手機入門', en: 'Phone basics', 'zh-CN': '手机入门' },
};

// Step 3: its handlers, electron/core/<capability>/handlers.ts, given the one CoreContext; it counts
// through the visit counter, under the visit's token, never who.
async function createBookCornerHandlers(ctx: CoreContext): Promise<HandlersOf<typeof bookCornerMethods>> {
  return {
    'books.lend': async ({ bookId, language, visit }) => {
      if (!BOOKS[bookId]) throw new KioskError('not_found', `There is no book called ${bookId}.`);
      return { counted: await ctx.visits.count(visit, { event: 'books.lent', subject: bookId, language }) };
    },
  };
}

// Step 5: its report section, electron/core/<capability>/report.ts.
function bookCornerReport(csvWords: Record<Language, CsvWords>) {
  return defineReportSection({
    id: 'books',
    names: () => ({ names: BOOKS, order: Object.keys(BOOKS) }),
    compute: ({ tallies, names }) => {
      const lent = countBy(tallies, 'books.lent', (t) => t.subject);
      return ordered(names.order, lent.keys()).map((bookId) => ({
        bookId,
        name: names.names[bookId] ?? null,
        lent: lent.get(bookId) ?? 0,
      }));
    },
    figure: (books) => ({
      title: 'books.report.title',
      totals: [
        { id: 'books-lent', label: 'books.report.total', value: books.reduce((s, b) => s + b.lent, 0) },
      ],
      columns: [{ label: 'books.report.book' }, { label: 'books.report.lent' }],
      rows: books.map((b) => ({ key: b.bookId, head: { name: b.name, id: b.bookId }, cells: [b.lent] })),
      chart: {
        kind: 'bars',
        bars: books.map((b) => ({ label: [{ name: b.name, id: b.bookId }], values: [b.lent] })),
      },
    }),
    csv: (books, _report, language) => {
      const l = csvWords[language];
      return {
        file: 'books-lent',
        header: [l.bookId, l.book, l.lent],
        rows: books.map((b) => [b.bookId, nameIn(b.name, b.bookId, language), b.lent]),
      };
    },
  });
}

describe('the "Add a capability" recipe, walked with a book corner', () => {
  it('reaches the contract, counts under a visit, and shows in the report, its CSV and the locale checks', async () => {
    const root = await dirs.make();

    // Step 1, checked as the locale test checks renderer/src: the same keys in the three languages.
    const folder = path.join(root, 'renderer/src/books/locales');
    mkdirSync(folder, { recursive: true });
    for (const language of LOCALE_LANGUAGES)
      writeFileSync(path.join(folder, `${language}.json`), JSON.stringify(STRINGS[language]));
    const strings = readLocaleFolder(folder);
    const keys = [...strings.en!.keys()].sort();
    for (const language of LOCALE_LANGUAGES)
      expect([...strings[language]!.keys()].sort(), language).toEqual(keys);

    // Step 4: spread into electron/core/contract.ts and service.ts; here into a copy of each.
    const wholeContract = { ...contract, ...bookCornerMethods };
    expect(Object.keys(wholeContract)).toHaveLength(Object.keys(contract).length + 1);
    const spec: MethodSpec<z.ZodType, unknown> = wholeContract['books.lend'];
    expect(spec.staff).toBe(false);

    // The temp wiring: the same openCoreContext service.ts and every test context use.
    const clock = manualClock('2026-12-01T10:00:00+08:00');
    const ctx = await makeCoreContext(await dirs.make(), clock.now);
    const handlers = await createBookCornerHandlers(ctx);
    const call = (input: unknown) => handlers['books.lend'](spec.input.parse(input) as never, {});

    expect(() => spec.input.parse({ bookId: 'phone-basics', language: 'xx' })).toThrow();
    const { visit } = await ctx.visits.start('zh-HK');
    expect(await call({ bookId: 'phone-basics', language: 'zh-HK', visit })).toEqual({ counted: true });
    // Once per visit, like every counter.
    expect(await call({ bookId: 'phone-basics', language: 'zh-HK', visit })).toEqual({ counted: false });
    expect(await call({ bookId: 'big-print-atlas', language: 'zh-HK' })).toEqual({ counted: false });
    await expect(call({ bookId: 'no-such-book', language: 'zh-HK', visit })).rejects.toThrow(KioskError);

    // Step 5: one line in REPORT_SECTIONS (here a copy of it).
    const csvWords = Object.fromEntries(
      LOCALE_LANGUAGES.map((language) => [
        language,
        (STRINGS[language] as { report: { csv: CsvWords } }).report.csv,
      ]),
    ) as Record<Language, CsvWords>;
    const sections = [...REPORT_SECTIONS, bookCornerReport(csvWords)];
    const names = {
      ...reportNames(ctx.content),
      books: sections.at(-1)!.names?.(ctx.content),
    };
    const report = computeReport(
      ctx.activity.data.tallies,
      ctx.documents.groupSessions.data,
      { from: '2026-12-01', to: '2026-12-01' },
      names,
      sections,
    );

    const figure = report.figures.find((f) => f.id === 'books')!;
    expect(figure.totals).toEqual([{ id: 'books-lent', label: 'books.report.total', value: 1 }]);
    expect(figure.rows.map((row) => [row.key, row.cells])).toEqual([
      ['big-print-atlas', [0]],
      ['phone-basics', [1]],
    ]);
    // Every word the console will show is a key the locale files have, in all three languages.
    const labels = [
      figure.title,
      ...figure.totals.map((t) => t.label),
      ...figure.columns.map((c) => c.label),
    ];
    for (const label of labels)
      for (const language of LOCALE_LANGUAGES)
        expect(strings[language]!.get(label.replace(/^books\./, '')), `${language}:${label}`).toBeTruthy();
    // The visit the book was lent in counts in the shipped sections too.
    expect(report.figures.find((f) => f.id === 'visits')!.totals[0]!.value).toBe(1);

    const files = reportCsvFiles(report, 'zh-HK', TEST_ABOUT, sections);
    // One file a section, then the summary of every section's headline figures.
    expect(files).toHaveLength(REPORT_SECTIONS.length + 2);
    expect(files.at(-2)!.name).toBe('books-lent_2026-12-01_2026-12-01.csv');
    expect(tableLines(files.at(-2)!.text)).toEqual([
      '書本編號,書本,借出次數',
      'big-print-atlas,大字地圖集,0',
      'phone-basics,手機入門,1',
    ]);
  });
});
