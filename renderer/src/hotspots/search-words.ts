import type { LocalisedText } from '../../../electron/core/i18n';

/**
 * Common words to search by, for visitors who cannot type Chinese on the on-screen keyboard.
 * Each word searches by its English form: every record in the official Wi-Fi.HK data has an English
 * name, while Chinese names are often missing (the copy in ../shared/data has none), so the English
 * word finds the same places in every dataset. The label is shown in the visitor's language.
 */
export interface SearchWord {
  label: LocalisedText;
  query: string;
}

export const SEARCH_WORDS: readonly SearchWord[] = [
  { label: { 'zh-HK': '圖書館', en: 'Library', 'zh-CN': '图书馆' }, query: 'library' },
  { label: { 'zh-HK': '社區中心', en: 'Community', 'zh-CN': '社区中心' }, query: 'community' },
  { label: { 'zh-HK': '長者', en: 'Elderly', 'zh-CN': '长者' }, query: 'elderly' },
  { label: { 'zh-HK': '街市', en: 'Market', 'zh-CN': '街市' }, query: 'market' },
  { label: { 'zh-HK': '公園', en: 'Park', 'zh-CN': '公园' }, query: 'park' },
  { label: { 'zh-HK': '體育館', en: 'Sports centre', 'zh-CN': '体育馆' }, query: 'sports centre' },
  { label: { 'zh-HK': '游泳池', en: 'Swimming pool', 'zh-CN': '游泳池' }, query: 'swimming pool' },
  { label: { 'zh-HK': '屋邨', en: 'Housing estate', 'zh-CN': '屋邨' }, query: 'estate' },
];

export function searchWordFor(query: string): SearchWord | undefined {
  return SEARCH_WORDS.find((word) => word.query === query);
}
