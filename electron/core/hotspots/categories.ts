import en from '../../../renderer/src/hotspots/locales/en.json';
import zhCN from '../../../renderer/src/hotspots/locales/zh-CN.json';
import zhHK from '../../../renderer/src/hotspots/locales/zh-HK.json';
import { labelsFromLocales } from '../content/locale-labels';
import type { FullText } from './districts';

/**
 * The official data has 19 venue types, worded for operators ("Welfare Service Units"). The kiosk
 * shows a short list of places a visitor recognises, in the order the chips appear. A venue's
 * category comes from its name first (a library is filed under "Sports, Cultural & Recreational
 * Venues") and then from its official type. Computed when the index is built, never stored, so the
 * rules can improve without re-importing.
 */
export const CATEGORY_IDS = [
  'public-library',
  'elderly-centre',
  'community-hall',
  'sports-venue',
  'park',
  'government-office',
  'transport',
  'welfare-service',
  'hospital-clinic',
  'education',
  'shops-services',
  'phone-booth',
  'other',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** The short names, in the screens' locale files (hotspots `categories`). */
export const CATEGORY_LABELS: Record<CategoryId, FullText> = labelsFromLocales({
  en: en.categories,
  'zh-HK': zhHK.categories,
  'zh-CN': zhCN.categories,
});

const NAME_RULES: [CategoryId, RegExp][] = [
  ['public-library', /\b(public|central) library\b|公共圖書館|公共图书馆|中央圖書館|中央图书馆/i],
  ['elderly-centre', /\belderly\b|\bthe aged\b|\bsenior citizens?\b|長者|长者|老人/i],
  [
    'community-hall',
    /\bcommunity (hall|centre|center|complex)\b|\bcivic centre\b|\btown hall\b|社區會堂|社区会堂|社區中心|社区中心|大會堂|大会堂|文娛中心|文娱中心/i,
  ],
];

// Parks only among leisure-type venues: "PARKnSHOP", car parks and science parks are not parks.
const PARK_NAME =
  /\b(park|garden|gardens|playground|promenade|beach|sitting[- ]out area)\b|泳灘|泳滩|公園|公园|花園|花园|休憩處|休憩处/i;
const NOT_A_PARK = /car ?park|science park|industrial|ocean park|theme park/i;
const LEISURE_TYPES = new Set([
  'sports, cultural & recreational venues',
  'entertainment & leisure',
  'others',
  'government buildings & offices',
]);

const TYPE_RULES: Record<string, CategoryId> = {
  'sports, cultural & recreational venues': 'sports-venue',
  'government buildings & offices': 'government-office',
  'government related organisation offices': 'government-office',
  'transportation/boundary & related facilities': 'transport',
  'welfare service units': 'welfare-service',
  'hospitals & clinics': 'hospital-clinic',
  'university & tertiary institutes': 'education',
  'schools & learning/study centres': 'education',
  'stores/shopping malls': 'shops-services',
  'convenience stores': 'shops-services',
  'food & beverage': 'shops-services',
  'banking & finance': 'shops-services',
  'hotels/guesthouses': 'shops-services',
  'entertainment & leisure': 'other',
  'telephone booths': 'phone-booth',
  'public rental housing estate sitting-out areas': 'park',
  'village premises': 'community-hall',
};

export function categorise(venueTypeEn: string, names: readonly string[]): CategoryId {
  const type = venueTypeEn.trim().toLowerCase();
  const name = names.join(' \u0001 ');
  for (const [category, pattern] of NAME_RULES) if (pattern.test(name)) return category;
  if (LEISURE_TYPES.has(type) && PARK_NAME.test(name) && !NOT_A_PARK.test(name)) return 'park';
  if (/\bmtr\b|港鐵|港铁/i.test(name)) return 'transport';
  return TYPE_RULES[type] ?? 'other';
}
