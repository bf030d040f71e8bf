import { describe, expect, it } from 'vitest';
import { localText, roundDistance, takeAwayText } from '../../../../renderer/src/hotspots/format';
import en from '../../../../renderer/src/hotspots/locales/en.json';
import zhCN from '../../../../renderer/src/hotspots/locales/zh-CN.json';
import zhHK from '../../../../renderer/src/hotspots/locales/zh-HK.json';
import { SEARCH_WORDS } from '../../../../renderer/src/hotspots/search-words';

describe('roundDistance', () => {
  it('says metres to the nearest 10 below a kilometre, and kilometres above', () => {
    expect(roundDistance(3)).toEqual({ value: '10', unit: 'metres' });
    expect(roundDistance(187)).toEqual({ value: '190', unit: 'metres' });
    expect(roundDistance(999)).toEqual({ value: '1000', unit: 'metres' });
    expect(roundDistance(2740)).toEqual({ value: '2.7', unit: 'km' });
    expect(roundDistance(12_400)).toEqual({ value: '12', unit: 'km' });
  });
});

describe('localText', () => {
  it('uses the visitor’s language when the data has it', () => {
    const field = {
      'zh-HK': '荔枝角公共圖書館',
      en: 'Lai Chi Kok Public Library',
      'zh-CN': '荔枝角公共图书馆',
      fallback: [],
    };
    expect(localText(field, 'zh-HK')).toEqual({ text: '荔枝角公共圖書館', fallbackLanguage: null });
    expect(localText(field, 'en')).toEqual({ text: 'Lai Chi Kok Public Library', fallbackLanguage: null });
  });

  it('says the name is in English where Chinese is missing', () => {
    const field = {
      'zh-HK': 'Sham Shui Po Station',
      en: 'Sham Shui Po Station',
      'zh-CN': 'Sham Shui Po Station',
      fallback: ['zh-HK' as const, 'zh-CN' as const],
    };
    expect(localText(field, 'zh-HK')).toEqual({ text: 'Sham Shui Po Station', fallbackLanguage: 'en' });
    expect(localText(field, 'zh-CN').fallbackLanguage).toBe('en');
    expect(localText(field, 'en').fallbackLanguage).toBeNull();
  });

  it('says the name is in Chinese where English is missing', () => {
    const field = { 'zh-HK': '大會堂', en: '大會堂', 'zh-CN': '大会堂', fallback: ['en' as const] };
    expect(localText(field, 'en')).toEqual({ text: '大會堂', fallbackLanguage: 'zh-HK' });
  });
});

describe('takeAwayText', () => {
  it('carries the name, the address and the map link, one a line', () => {
    expect(
      takeAwayText(
        'Lai Chi Kok Public Library',
        'G/F, 19 Lai Wan Road',
        'https://www.openstreetmap.org/?mlat=22.33&mlon=114.14',
      ),
    ).toBe(
      'Lai Chi Kok Public Library\nG/F, 19 Lai Wan Road\nhttps://www.openstreetmap.org/?mlat=22.33&mlon=114.14',
    );
    expect(takeAwayText('Name', '', 'link')).toBe('Name\nlink');
  });
});

describe('SEARCH_WORDS', () => {
  it('has a label in every language file and a plain lower-case English query', () => {
    for (const [language, strings] of Object.entries({ 'zh-HK': zhHK, en, 'zh-CN': zhCN })) {
      for (const word of SEARCH_WORDS) {
        expect(
          strings.searchWords[word.id as keyof typeof strings.searchWords],
          `${language} ${word.id}`,
        ).toBeTruthy();
      }
    }
    for (const word of SEARCH_WORDS) expect(word.query).toMatch(/^[a-z ]+$/);
  });
});
