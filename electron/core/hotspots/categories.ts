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

export const CATEGORY_LABELS: Record<CategoryId, FullText> = {
  'public-library': { 'zh-HK': '公共圖書館', en: 'Public library', 'zh-CN': '公共图书馆' },
  'elderly-centre': { 'zh-HK': '長者中心', en: 'Elderly centre', 'zh-CN': '长者中心' },
  'community-hall': { 'zh-HK': '社區會堂', en: 'Community hall', 'zh-CN': '社区会堂' },
  'sports-venue': { 'zh-HK': '體育及康樂場地', en: 'Sports venue', 'zh-CN': '体育及康乐场地' },
  park: { 'zh-HK': '公園及休憩處', en: 'Park or sitting-out area', 'zh-CN': '公园及休憩处' },
  'government-office': { 'zh-HK': '政府辦事處', en: 'Government office', 'zh-CN': '政府办事处' },
  transport: { 'zh-HK': '港鐵及交通', en: 'MTR and transport', 'zh-CN': '港铁及交通' },
  'welfare-service': { 'zh-HK': '社會福利服務', en: 'Social welfare service', 'zh-CN': '社会福利服务' },
  'hospital-clinic': { 'zh-HK': '醫院及診所', en: 'Hospital or clinic', 'zh-CN': '医院及诊所' },
  education: { 'zh-HK': '學校及大專院校', en: 'School or college', 'zh-CN': '学校及大专院校' },
  'shops-services': { 'zh-HK': '商場、商店及食肆', en: 'Shops and restaurants', 'zh-CN': '商场、商店及食肆' },
  'phone-booth': { 'zh-HK': '電話亭', en: 'Telephone booth', 'zh-CN': '电话亭' },
  other: { 'zh-HK': '其他', en: 'Other', 'zh-CN': '其他' },
};

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
