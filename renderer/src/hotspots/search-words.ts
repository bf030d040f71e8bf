/**
 * Common words to search by, for visitors who cannot type Chinese on the on-screen keyboard.
 * Each word searches by its English form: every record in the official Wi-Fi.HK data has an English
 * name, while Chinese names are often missing (the copy in ../shared/data has none), so the English
 * word finds the same places in every dataset. Its label, in the visitor's language, is the
 * hotspots locale key `searchWords.<id>`.
 */
export interface SearchWord {
  id: string;
  query: string;
}

export const SEARCH_WORDS: readonly SearchWord[] = [
  { id: 'library', query: 'library' },
  { id: 'community', query: 'community' },
  { id: 'elderly', query: 'elderly' },
  { id: 'market', query: 'market' },
  { id: 'park', query: 'park' },
  { id: 'sports-centre', query: 'sports centre' },
  { id: 'swimming-pool', query: 'swimming pool' },
  { id: 'estate', query: 'estate' },
];

export const searchWordKey = (word: SearchWord): string => `hotspots.searchWords.${word.id}`;

export function searchWordFor(query: string): SearchWord | undefined {
  return SEARCH_WORDS.find((word) => word.query === query);
}
