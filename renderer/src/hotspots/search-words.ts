/**
 * A few words to search by with one tap, beside the keyboard. Chinese can now be written on the
 * kiosk's keyboard, so these are no longer the only way to search in Chinese; they stay as
 * shortcuts for places the directory's "Type of place" chips do not cover (libraries, elderly
 * centres, community halls, sports venues and parks are types there, so they are not repeated
 * here) and that are worth finding in one tap rather than three written characters.
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
  { id: 'market', query: 'market' },
  { id: 'swimming-pool', query: 'swimming pool' },
  { id: 'estate', query: 'estate' },
];

export const searchWordKey = (word: SearchWord): string => `hotspots.searchWords.${word.id}`;

export function searchWordFor(query: string): SearchWord | undefined {
  return SEARCH_WORDS.find((word) => word.query === query);
}
