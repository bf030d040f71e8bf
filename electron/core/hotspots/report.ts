import en from '../../../renderer/src/hotspots/locales/en.json';
import zhCN from '../../../renderer/src/hotspots/locales/zh-CN.json';
import zhHK from '../../../renderer/src/hotspots/locales/zh-HK.json';
import type { Language } from '../i18n';
import { countBy, defineReportSection, nameIn, ordered, type Names } from '../report-section';

const CSV: Record<Language, typeof en.report.csv> = {
  en: en.report.csv,
  'zh-HK': zhHK.report.csv,
  'zh-CN': zhCN.report.csv,
};

/** The headline's words and what it counts, for the report's summary file. */
const WORDS: Record<Language, { total: string; define: string }> = {
  en: en.report,
  'zh-HK': zhHK.report,
  'zh-CN': zhCN.report,
};

/** Hotspot look-ups by district, every district listed (A–T). */
export const hotspotsReport = defineReportSection({
  id: 'hotspots',
  names: ({ districts }) => {
    const names: Names = {};
    for (const district of districts.all) names[district.code] = district.name;
    return { names, order: districts.all.map((d) => d.code).sort() };
  },
  compute: ({ tallies, names }) => {
    const lookups = countBy(tallies, 'hotspot.lookup', (t) => t.subject);
    return ordered(names.order, lookups.keys()).map((district) => ({
      district,
      name: names.names[district] ?? null,
      count: lookups.get(district) ?? 0,
    }));
  },
  figure: (hotspots) => {
    // Eighteen districts are mostly zeros on screen; the CSV keeps every one.
    const used = hotspots.filter((h) => h.count > 0);
    return {
      title: 'hotspots.report.title',
      definitions: ['hotspots.report.define'],
      totals: [
        {
          id: 'lookups',
          label: 'hotspots.report.total',
          value: hotspots.reduce((sum, h) => sum + h.count, 0),
        },
      ],
      columns: [{ label: 'hotspots.report.district' }, { label: 'hotspots.report.lookups' }],
      rows: used.map((h) => ({ key: h.district, head: { name: h.name, id: h.district }, cells: [h.count] })),
      chart: {
        kind: 'bars',
        bars: used.map((h) => ({ label: [{ name: h.name, id: h.district }], values: [h.count] })),
      },
    };
  },
  csv: (hotspots, _report, language) => {
    const l = CSV[language];
    return {
      file: 'hotspot-lookups',
      header: [l.districtCode, l.district, l.lookups],
      rows: hotspots.map((row) => [row.district, nameIn(row.name, row.district, language), row.count]),
      totals: [2],
      summary: [
        {
          label: WORDS[language].total,
          value: hotspots.reduce((sum, row) => sum + row.count, 0),
          counts: WORDS[language].define,
        },
      ],
    };
  },
});
