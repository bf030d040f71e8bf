import { describe, expect, it } from 'vitest';
import { DistrictDirectory } from '../../../../electron/core/hotspots/districts';
import {
  bearingDegrees,
  compassPoint,
  distanceFrom,
  haversineMetres,
} from '../../../../electron/core/hotspots/geo';
import { loadSample } from '../../../../electron/core/hotspots/handlers';
import { HotspotIndex } from '../../../../electron/core/hotspots/search-index';
import { foldText, queryTerms } from '../../../../electron/core/hotspots/text-fold';
import { localise } from '../../../../electron/core/hotspots/views';
import { contentDir, officialIndex } from '../../../helpers/hotspots-context';

const directory = DistrictDirectory.load(contentDir);
const sample = new HotspotIndex(loadSample(contentDir, directory).venues, directory);
const real = officialIndex(directory);
const SHAM_SHUI_PO = { latitude: 22.3307, longitude: 114.1622 };

const names = (index: HotspotIndex, positions: number[]) =>
  positions.map((position) => index.venues[position]!.name.en);
const everything = (index: HotspotIndex, filters: Parameters<HotspotIndex['search']>[1]) =>
  index.search(SHAM_SHUI_PO, filters, 1, 10_000);

describe('text folding', () => {
  it('ignores case, full/half width and Traditional vs Simplified', () => {
    expect(foldText('ＬＩＢＲＡＲＹ Library')).toBe('library library');
    expect(foldText('香港中央圖書館')).toBe(foldText('香港中央图书馆'));
    expect(foldText('鰂魚涌')).toBe(foldText('鲗鱼涌'));
    expect(queryTerms('Sha Tin 沙田 library')).toEqual({ words: ['sha', 'tin', 'library'], han: ['沙田'] });
  });
});

describe('search index', () => {
  it('finds Traditional names with a Simplified query, and Simplified with Traditional', () => {
    for (const query of ['图书馆', '圖書館', '中央图书馆']) {
      const found = names(sample, everything(sample, { text: query }).positions);
      expect(found).toContain('Hong Kong Central Library');
    }
    expect(names(sample, everything(sample, { text: '鲗鱼涌' }).positions)).toEqual([
      'Quarry Bay Public Library',
    ]);
  });

  it('matches English by word prefix, not inside words', () => {
    expect(everything(sample, { text: 'libr' }).total).toBeGreaterThan(30);
    expect(everything(sample, { text: 'ibrary' }).total).toBe(0);
    // The name match first, then City Hall Public Library, whose address is in Central.
    expect(names(sample, everything(sample, { text: 'central lib' }).positions)).toEqual([
      'Hong Kong Central Library',
      'City Hall Public Library',
    ]);
  });

  it('puts name matches before address-only matches', () => {
    const hits = everything(real, { text: 'tsuen wan' });
    // "TsuenWan" as the file sometimes writes it is the same name.
    const inName = hits.positions.map((position) => /tsuen ?wan/i.test(real.venues[position]!.name.en ?? ''));
    const firstAddressOnly = inName.indexOf(false);
    expect(firstAddressOnly).toBeGreaterThan(0);
    expect(inName.slice(firstAddressOnly)).not.toContain(true);
  });

  it('finds English-only venues by Chinese district names and venue-type labels', () => {
    const shaTin = everything(real, { text: '沙田' });
    expect(shaTin.total).toBe(everything(real, { district: 'R' }).total);
    const libraries = everything(real, { text: '公共圖書館' });
    const category = everything(real, { category: 'public-library' });
    expect(category.total).toBeGreaterThan(60);
    // Every public library first; after them only places whose English says "public … library"
    // (公共 and 圖書館 read as the file's English words), such as a phone booth outside one.
    const inCategory = libraries.positions.map((position) => real.categoryOf(position) === 'public-library');
    expect(inCategory.slice(0, category.total)).not.toContain(false);
    expect(inCategory.slice(category.total)).not.toContain(true);
    for (const position of libraries.positions.slice(category.total))
      expect(real.venues[position]!.address.en ?? '').toMatch(/public\b.*\blibrary/i);
  });

  it('filters by district and by venue type, alone and together', () => {
    const district = everything(real, { district: 'F' });
    expect(district.total).toBe(real.venues.filter((venue) => venue.district === 'F').length);
    expect(district.positions.every((position) => real.venues[position]!.district === 'F')).toBe(true);
    const libraries = everything(real, { district: 'F', category: 'public-library' });
    expect(libraries.total).toBeGreaterThan(3);
    expect(names(real, libraries.positions).every((name) => /library/i.test(name ?? ''))).toBe(true);
    expect(sample.counts({}).byDistrict.every((count) => count >= 3)).toBe(true);
  });

  it('orders the real data nearest first, exactly as a brute-force haversine does', () => {
    const hits = real.search(SHAM_SHUI_PO, {}, 1, 200);
    const brute = real.venues
      .map((venue, position) => ({
        position,
        metres: haversineMetres(
          SHAM_SHUI_PO.latitude,
          SHAM_SHUI_PO.longitude,
          venue.latitude,
          venue.longitude,
        ),
      }))
      .sort((a, b) => a.metres - b.metres || a.position - b.position)
      .slice(0, 200);
    expect(hits.total).toBe(real.size);
    expect(hits.positions).toEqual(brute.map((entry) => entry.position));
    expect(hits.metres).toEqual(brute.map((entry) => entry.metres));
  });

  it('pages through results without gaps or repeats', () => {
    const elsewhere = { latitude: 22.45, longitude: 114.02 };
    const whole = real.search(elsewhere, { text: 'library' }, 1, 500);
    const paged = [1, 2, 3, 4, 5, 6, 7, 8].flatMap(
      (page) => real.search(elsewhere, { text: 'library' }, page, 10).positions,
    );
    expect(paged).toEqual(whole.positions.slice(0, 80));
    expect(real.search(elsewhere, { text: 'library' }, 1000, 10)).toEqual({
      total: whole.total,
      positions: [],
      metres: [],
    });
  });
});

describe('distance and direction', () => {
  it('gives a compass point in three languages', () => {
    expect(compassPoint(bearingDegrees(22.3, 114.1, 22.4, 114.1))).toBe('N');
    expect(compassPoint(bearingDegrees(22.3, 114.1, 22.3, 114.2))).toBe('E');
    const toTheSouthWest = distanceFrom({ latitude: 22.3, longitude: 114.2 }, 22.29, 114.19);
    expect(toTheSouthWest.direction).toEqual({
      point: 'SW',
      label: { 'zh-HK': '西南', en: 'south-west', 'zh-CN': '西南' },
    });
    expect(toTheSouthWest.metres).toBeGreaterThan(1400);
    expect(distanceFrom({ latitude: 22.3, longitude: 114.2 }, 22.3, 114.2)).toEqual({
      metres: 0,
      direction: null,
    });
  });
});

describe('localised fields', () => {
  it('fills missing languages from another and says which', () => {
    expect(localise({ en: 'Circle K' })).toEqual({
      'zh-HK': 'Circle K',
      en: 'Circle K',
      'zh-CN': 'Circle K',
      fallback: ['zh-HK', 'zh-CN'],
    });
    expect(localise({ en: 'A', 'zh-HK': '甲', 'zh-CN': '甲' }).fallback).toEqual([]);
    expect(localise({ 'zh-HK': '城巴', 'zh-CN': '城巴' })).toMatchObject({ en: '城巴', fallback: ['en'] });
  });
});
