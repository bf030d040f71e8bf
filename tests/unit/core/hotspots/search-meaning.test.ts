import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, CATEGORY_LABELS } from '../../../../electron/core/hotspots/categories';
import { DistrictDirectory } from '../../../../electron/core/hotspots/districts';
import { haversineMetres } from '../../../../electron/core/hotspots/geo';
import type { SearchFilters } from '../../../../electron/core/hotspots/search-index';
import { contentDir, officialIndex } from '../../../helpers/hotspots-context';

/** The real official file, read in place at test time. */
const directory = DistrictDirectory.load(contentDir);
const real = officialIndex(directory);
/** A centre in Sham Shui Po, so Sha Tin venues are not simply the nearest ones. */
const CENTRE = { latitude: 22.3307, longitude: 114.1622 };

const all = (filters: SearchFilters) => real.search(CENTRE, filters, 1, 100_000);
const found = (text: string) => new Set(all({ text }).positions);
const nameOf = (position: number) => real.venues[position]!.name.en ?? '';
const englishWords = (position: number) =>
  ` ${`${real.venues[position]!.name.en ?? ''} ${real.venues[position]!.address.en ?? ''}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')} `;
const inDistrict = (code: string) =>
  real.venues.flatMap((venue, position) => (venue.district === code ? [position] : []));

describe('search finds what people mean', () => {
  it('finds the same venues for Sha Tin spelt with or without spaces, in Chinese, with or without 區', () => {
    const shaTin = found('sha tin');
    expect(shaTin.size).toBeGreaterThan(inDistrict('R').length);
    for (const query of ['shatin', 'Sha Tin', 'SHATIN', 'Sha  tin']) expect(found(query)).toEqual(shaTin);
    // Every venue in the district, and every one named "Shatin …" in the file's own spelling.
    for (const position of inDistrict('R')) expect(shaTin.has(position)).toBe(true);
    const namedShatin = real.venues.flatMap((venue, position) =>
      /\bshatin\b/i.test(venue.name.en ?? '') ? [position] : [],
    );
    expect(namedShatin.length).toBeGreaterThan(10);
    for (const position of namedShatin) expect(shaTin.has(position)).toBe(true);

    const chinese = found('沙田');
    expect(found('沙田區')).toEqual(chinese);
    expect(found('沙田区')).toEqual(chinese);
    for (const position of inDistrict('R')) expect(chinese.has(position)).toBe(true);
    const wanChai = found('灣仔');
    expect(found('灣仔區')).toEqual(wanChai);
    for (const position of inDistrict('B')) expect(wanChai.has(position)).toBe(true);
  });

  it('knows the short forms and joined spellings Hong Kong people use', () => {
    const groups = [
      ['tsim sha tsui', 'tst', 'tsimshatsui', 'Tsim Sha Tsui'],
      ['mong kok', 'mongkok', 'mk'],
      ['causeway bay', 'cwb', 'causewaybay'],
      ['sham shui po', 'ssp', 'shamshuipo'],
      ['tseung kwan o', 'tko', 'tseungkwano'],
      ['kwun tong', 'kwuntong'],
      ['yau ma tei', 'yaumatei', 'ymt'],
      ['tuen mun', 'tuenmun'],
      ['yuen long', 'yuenlong'],
      ['tin shui wai', 'tinshuiwai', 'tsw'],
      ['sheung wan', 'sheungwan'],
      ['wan chai', 'wanchai'],
      ['hung hom', 'hunghom'],
    ];
    for (const [spaced, ...others] of groups) {
      const expected = found(spaced!);
      expect(expected.size, spaced).toBeGreaterThan(5);
      for (const other of others) expect(found(other), `${other} = ${spaced}`).toEqual(expected);
    }
    // The file itself writes "TST" and "TKO" in addresses; the full names find those venues too.
    const tst = real.venues.findIndex((venue) => /\bTST\b/.test(venue.address.en ?? ''));
    expect(tst).toBeGreaterThanOrEqual(0);
    expect(found('tsim sha tsui').has(tst)).toBe(true);
    const tko = real.venues.findIndex((venue) => /\bTKO Spot\b/.test(venue.address.en ?? ''));
    expect(found('tseung kwan o spot').has(tko)).toBe(true);
    // A name run together that the table does not list is still split at the index's own words.
    expect(found('pingshan')).toEqual(found('ping shan'));
    expect(found('pingshan').size).toBeGreaterThan(10);
  });

  it('finds English-only records by Chinese words for places and kinds of place', () => {
    // The official file has no Chinese names or addresses: 泳池 means what "swimming pool" finds.
    expect(real.venues.some((venue) => venue.name['zh-HK'] && venue.name['zh-HK'] !== venue.name.en)).toBe(
      false,
    );
    expect(found('泳池')).toEqual(found('swimming pool'));
    expect(found('游泳池').size).toBeGreaterThan(10);
    expect(found('街市')).toEqual(found('market'));
    expect(found('旺角')).toEqual(found('mong kok'));
    expect(found('尖沙咀')).toEqual(found('tst'));
    // A place and a kind of place written as one run: the markets in Mong Kok, Mong Kok's own first.
    const markets = all({ text: '旺角街市' }).positions;
    expect(markets.length).toBeGreaterThan(2);
    for (const position of markets) {
      expect(englishWords(position)).toMatch(/ market /);
      expect(englishWords(position)).toMatch(/ mong ?kok /);
    }
    expect(nameOf(markets[0]!)).toMatch(/^Mong Kok .*Market/);
    const shaTinPools = all({ text: '沙田區游泳池' }).positions;
    expect(shaTinPools.length).toBeGreaterThan(1);
    for (const position of shaTinPools) {
      expect(real.venues[position]!.district).toBe('R');
      expect(nameOf(position)).toMatch(/swimming pool/i);
    }
  });

  it('matches whole words in order, the last word by its start, never scattered letters', () => {
    const shaTin = found('sha tin');
    const pingShan = real.venues.findIndex(
      (venue) => venue.name.en === 'Ping Shan Tin Shui Wai Public Library',
    );
    expect(pingShan).toBeGreaterThanOrEqual(0);
    expect(shaTin.has(pingShan)).toBe(false);
    // Every venue found by its words (not by its district) has both words whole, or the joined "shatin".
    for (const position of shaTin) {
      if (real.venues[position]!.district === 'R') continue;
      expect(englishWords(position), nameOf(position)).toMatch(/ sha .*tin | shatin /);
    }
    // The word being typed may be unfinished: "sha ti" already finds the Sha Tin Town Hall.
    const townHall = real.venues.findIndex((venue) => venue.name.en === 'Sha Tin Town Hall');
    expect(townHall).toBeGreaterThanOrEqual(0);
    expect(found('sha ti').has(townHall)).toBe(true);
    expect(found('town hall sha tin').has(townHall)).toBe(true);
  });

  it('does not pull in another district by the start of its name', () => {
    const hits = all({ text: 'sha tin' }).positions;
    const pakTin = hits.filter((position) => /pak tin/i.test(nameOf(position)));
    expect(pakTin).toEqual([]);
    // Sham Shui Po venues come in only by their own words.
    for (const position of hits.filter((p) => real.venues[p]!.district === 'F'))
      expect(englishWords(position)).toMatch(/ sha tin | shatin /);
  });

  it('ranks a venue in the named district or holding the whole phrase in its name first', () => {
    for (const query of ['sha tin', 'shatin', '沙田']) {
      const hits = all({ text: query }).positions;
      const first = (position: number) =>
        real.venues[position]!.district === 'R' ||
        /\bsha ?tin\b/i.test(nameOf(position)) ||
        (real.venues[position]!.name['zh-HK'] ?? '').includes('沙田');
      const flags = hits.map(first);
      expect(flags.filter(Boolean).length, query).toBeGreaterThanOrEqual(inDistrict('R').length);
      // Nothing else comes before the last of them.
      expect(flags.slice(0, flags.lastIndexOf(true)), query).not.toContain(false);
    }
  });

  it('puts an exact word before a word it only starts: parks before PARKnSHOP', () => {
    const hits = all({ text: 'park' }).positions;
    const shops = hits.flatMap((position, rank) => (/parknshop/i.test(nameOf(position)) ? [rank] : []));
    const parks = hits.flatMap((position, rank) =>
      /\bpark\b/i.test(nameOf(position)) || real.categoryOf(position) === 'park' ? [rank] : [],
    );
    expect(shops.length).toBeGreaterThan(8);
    expect(parks.length).toBeGreaterThan(20);
    expect(Math.max(...parks)).toBeLessThan(Math.min(...shops));
    // The first page is parks, not supermarkets.
    expect(hits.slice(0, 10).every((position) => !/parknshop/i.test(nameOf(position)))).toBe(true);
  });

  it('keeps district and venue-type filters and the total exact under the scored order', () => {
    for (const text of ['sha tin', 'park', 'library', '沙田 library']) {
      const whole = all({ text });
      expect(new Set(whole.positions).size).toBe(whole.total);
      for (const filters of [
        { district: 'R' as const },
        { category: 'park' as const },
        { district: 'F' as const, category: 'public-library' as const },
      ]) {
        const filtered = all({ text, ...filters });
        const expected = whole.positions.filter(
          (position) =>
            (!('district' in filters) || real.venues[position]!.district === filters.district) &&
            (!('category' in filters) || real.categoryOf(position) === filters.category),
        );
        // Same venues, same order: a filter only removes venues from the ranked list.
        expect(filtered.positions, `${text} ${JSON.stringify(filters)}`).toEqual(expected);
        expect(filtered.total).toBe(expected.length);
      }
    }
    // Every Sha Tin venue answers "shatin" in its district, as the Sha Tin filter alone counts them.
    expect(all({ text: 'shatin', district: 'R' }).total).toBe(inDistrict('R').length);
    expect(all({ text: 'tst', category: 'shops-services' }).positions).toEqual(
      all({ text: 'tsim sha tsui', category: 'shops-services' }).positions,
    );
    // "sha tin" among Sha Tin's parks: the Sha Tin Park itself is first.
    const parks = all({ text: 'sha tin', district: 'R', category: 'park' }).positions;
    expect(parks.length).toBeGreaterThan(5);
    expect(nameOf(parks[0]!)).toMatch(/sha ?tin/i);
  });

  it('keeps its order page after page from any point: equally good matches nearest first', () => {
    const elsewhere = { latitude: 22.38, longitude: 114.19 };
    for (const text of ['sha tin', 'park', '沙田']) {
      const whole = real.search(elsewhere, { text }, 1, 100_000);
      const paged = [1, 2, 3, 4, 5, 6].flatMap(
        (page) => real.search(elsewhere, { text }, page, 10).positions,
      );
      expect(paged).toEqual(whole.positions.slice(0, 60));
      // Venues in Sha Tin whose names hold neither word are equally good matches: nearest first.
      if (text === 'sha tin') {
        const districtOnly = whole.positions.filter(
          (position) =>
            real.venues[position]!.district === 'R' &&
            !/ (sha|tin|shatin) /.test(
              ` ${nameOf(position)
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, ' ')} `,
            ),
        );
        const metres = districtOnly.map((position) =>
          haversineMetres(
            elsewhere.latitude,
            elsewhere.longitude,
            real.venues[position]!.latitude,
            real.venues[position]!.longitude,
          ),
        );
        expect(metres.length).toBeGreaterThan(50);
        expect(metres).toEqual([...metres].sort((a, b) => a - b));
      }
      // Venues named "… Park" are the best "park" matches: they lead the list, nearest first.
      if (text === 'park') {
        const named = whole.positions.map((position) => /\bpark\b/i.test(nameOf(position)));
        const group = named.indexOf(false);
        expect(group).toBeGreaterThan(20);
        expect(named.slice(group)).not.toContain(true);
        expect(whole.metres.slice(0, group)).toEqual([...whole.metres.slice(0, group)].sort((a, b) => a - b));
      }
    }
  });
});

describe('a venue type written out in full', () => {
  // "Park or sitting-out area", "Shops and restaurants": the joining words are in no name, so
  // a search that asked for every word would find none of the type the label names.
  // "Other" is what is left over, not a kind of place anyone looks for.
  const named = CATEGORY_IDS.filter((id) => id !== 'other');
  it.each(named.map((id) => [CATEGORY_LABELS[id].en, id] as const))(
    '"%s" finds every venue of that type',
    (label, id) => {
      const wanted = real.venues.flatMap((_venue, position) =>
        real.categoryOf(position) === id ? [position] : [],
      );
      const hits = found(label);
      for (const position of wanted) expect(hits.has(position), nameOf(position)).toBe(true);
    },
  );
});
