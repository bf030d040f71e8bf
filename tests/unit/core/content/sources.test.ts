import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectLocalisedTexts, withSimplifiedDeep } from '../../../../electron/core/content/localise';
import { SourceSchema, type Source } from '../../../../electron/core/content/source';
import type { LocalisedText } from '../../../../electron/core/i18n';

/**
 * Sources a family or a social worker can follow: every source in the kiosk's content (programme
 * pages and rules, lessons, the accessibility pages) points at the page that supports the fact, as
 * ../shared/FACTS.md records it, or says it is not linked yet; Chinese screens name sources and
 * schemes in Chinese; a fact is credited to what supports it.
 */

const DATA = fileURLToPath(new URL('../../../../data', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../../shared', import.meta.url));

type File = { name: string; json: unknown };
let files: File[] = [];
let facts = '';

beforeAll(async () => {
  const names = [
    ...(await fs.readdir(path.join(DATA, 'programmes'))).map((file) => `programmes/${file}`),
    ...(await fs.readdir(path.join(DATA, 'lessons'))).map((file) => `lessons/${file}`),
    'accessibility-demos.json',
  ].filter((name) => name.endsWith('.json'));
  files = await Promise.all(
    names.map(async (name) => ({
      name,
      // zh-CN as the loaders derive it, so the Simplified screens are checked too.
      json: withSimplifiedDeep(JSON.parse(await fs.readFile(path.join(DATA, name), 'utf8')) as unknown),
    })),
  );
  // FACTS.md points to shared/data/SOURCES.md for the open-data files' addresses.
  facts = [
    await fs.readFile(path.join(SHARED, 'FACTS.md'), 'utf8'),
    await fs.readFile(path.join(SHARED, 'data', 'SOURCES.md'), 'utf8'),
  ].join('\n');
});

/** Every `sources` list in a file: a page's, its rules', a lesson's. */
function sourcesIn(value: unknown, where: string): { where: string; source: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => sourcesIn(item, `${where}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'sources' && Array.isArray(item)
      ? item.map((source, index) => ({ where: `${where}.sources[${index}]`, source }))
      : sourcesIn(item, `${where}.${key}`),
  );
}

function allSources(): { where: string; source: unknown }[] {
  return files.flatMap((file) => sourcesIn(file.json, file.name));
}

/**
 * Names written in Latin letters on Chinese screens too, because that is how they appear on the
 * phone or the sign: network names, app names, the open-data portal, standards.
 */
const PRODUCT_NAMES = [
  'Wi-Fi.HK (High Speed)',
  'Wi-Fi.HK via',
  'Wi-Fi.HK',
  'DATA.GOV.HK',
  'iAM Smart',
  'HA Go',
  'My SmartPLAY',
  /WCAG \d\.\d/g,
];
const URL_PATTERN = /https?:\/\/\S+/g;
/** Two or more Latin words in a row: an English name or phrase left in Chinese text. */
const LATIN_RUN = /[A-Za-z][\w'’.&-]*(?:[ \u00a0]+[A-Za-z0-9(][\w'’.&()-]*)+/g;

function latinRuns(text: string): string[] {
  let rest = text.replace(URL_PATTERN, ' ');
  for (const name of PRODUCT_NAMES) rest = rest.replaceAll(name, ' ');
  return rest.match(LATIN_RUN) ?? [];
}

describe('sources', () => {
  it('finds the sources of every kind of content', () => {
    const where = allSources().map(({ where }) => where);
    expect(where.some((w) => w.startsWith('programmes/') && w.includes('.rules.sources'))).toBe(true);
    expect(where.some((w) => w.startsWith('lessons/'))).toBe(true);
    expect(where.some((w) => w.startsWith('accessibility-demos.json'))).toBe(true);
    expect(where.length).toBeGreaterThan(30);
  });

  it('each is a localised title with, at most, the address FACTS.md gives for it', () => {
    for (const { where, source } of allSources()) {
      const parsed = SourceSchema.safeParse(source);
      expect(parsed.success, `${where}: ${parsed.error?.message}`).toBe(true);
      const { url } = source as Source;
      if (url === undefined) continue;
      // A home page supports no fact: the address must name a page.
      expect(new URL(url).pathname, `${where}: ${url} is a home page`).not.toMatch(/^\/?$/);
      expect(facts.includes(url), `${where}: ${url} is not in FACTS.md`).toBe(true);
    }
  });

  it('the schema refuses a home page and an address that is not the web', () => {
    const title = { 'zh-HK': '政府新聞公報', en: 'Government press release' };
    expect(SourceSchema.safeParse({ title, url: 'https://www.info.gov.hk/' }).success).toBe(false);
    expect(SourceSchema.safeParse({ title, url: 'https://www.gov.hk' }).success).toBe(false);
    expect(SourceSchema.safeParse({ title, url: 'ftp://www.gov.hk/en/theme/' }).success).toBe(false);
    expect(SourceSchema.safeParse({ title }).success).toBe(true);
    expect(
      SourceSchema.safeParse({
        title,
        url: 'https://www.info.gov.hk/gia/general/201106/27/P201106270123.htm',
      }).success,
    ).toBe(true);
  });

  it('a fact is never credited to a data file (the hotspot list supports locations, not dates or counts)', () => {
    for (const file of files.filter((f) => f.name.startsWith('programmes/'))) {
      const programme = file.json as {
        sources?: Source[];
        facts?: { text: LocalisedText; source: number }[];
        parameters?: { values: { source: number }[] }[];
      };
      const credited = [
        ...(programme.facts ?? []).map((fact) => ({ what: fact.text.en, source: fact.source })),
        ...(programme.parameters ?? []).flatMap((parameter) =>
          parameter.values.map((value) => ({ what: 'an amount', source: value.source })),
        ),
      ];
      for (const { what, source } of credited) {
        const url = programme.sources?.[source]?.url ?? '';
        expect(url, `${file.name}: "${what}" is credited to ${url}`).not.toMatch(/\.(json|csv|geojson)$/);
      }
    }
  });
});

describe('Chinese screens say names in Chinese', () => {
  it('no zh-HK or zh-CN source title has English words in it', () => {
    for (const { where, source } of allSources()) {
      const { title } = source as Source;
      for (const language of ['zh-HK', 'zh-CN'] as const)
        expect(latinRuns(title[language] ?? ''), `${where} ${language}: ${title[language]}`).toEqual([]);
    }
  });

  it('no zh-HK or zh-CN programme or accessibility text has English words in it', () => {
    const texts = files
      .filter((file) => file.name.startsWith('programmes/') || file.name === 'accessibility-demos.json')
      .flatMap((file) => collectLocalisedTexts(file.json, file.name));
    expect(texts.length).toBeGreaterThan(200);
    for (const { path: where, text } of texts)
      for (const language of ['zh-HK', 'zh-CN'] as const)
        expect(latinRuns(text[language] ?? ''), `${where} ${language}: ${text[language]}`).toEqual([]);
  });

  it('the check catches an English scheme name and lets product names and addresses through', () => {
    expect(
      latinRuns(
        '用學生資助處的家庭申請表（Household Application for Student Financial Assistance Schemes）申請',
      ),
    ).toEqual(['Household Application for Student Financial Assistance Schemes']);
    expect(
      latinRuns('在名為「Wi-Fi.HK」的網絡（也有「Wi-Fi.HK (High Speed)」）；「智方便」iAM Smart、HA Go'),
    ).toEqual([]);
    expect(latinRuns('香港政府新聞網：https://www.news.gov.hk/chi/2025/01/a.html')).toEqual([]);
  });
});

describe('both languages say the same thing', () => {
  it('a planned figure is planned in Chinese too, not already done', () => {
    const texts = files.flatMap((file) => collectLocalisedTexts(file.json, file.name));
    let checked = 0;
    for (const { path: where, text } of texts) {
      // Each English clause that plans or expects a figure; the Chinese sentence with that figure.
      for (const clause of text.en.split(/[;.] /)) {
        if (!/\b(plans?|planned|expected|will)\b/i.test(clause)) continue;
        for (const figure of clause.match(/\d{1,3}(?:,\d{3})+/g) ?? []) {
          const sentence = text['zh-HK'].split(/[。；]/).find((part) => part.includes(figure)) ?? '';
          expect(sentence, `${where}: ${figure}`).toMatch(/預計|預期|目標|將會/);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
