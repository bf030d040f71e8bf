import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CoreContent } from '../core-context';
import type { StoredVenue } from '../hotspots/dataset';
import { CATEGORY_LABELS } from '../hotspots/categories';
import type { Lesson } from '../lessons/schema';

/**
 * The words next-character suggestions (聯想字) are drawn from: the kiosk's own texts, so what it
 * offers after 沙 is 田 (the places a visitor looks for), not what a phone's dictionary would say.
 * Each text carries a weight by where it comes from: place names count most, so a district or a
 * well-known place outranks a word that happens to follow the same character in a lesson.
 */
export const WEIGHTS = {
  district: 40,
  region: 20,
  place: 20,
  category: 10,
  everyday: 15,
  venueName: 2,
  address: 1,
  lesson: 1,
} as const;

/** One text of the vocabulary: its Traditional (zh-HK) form, its own Simplified form if it has one. */
export interface VocabularyText {
  'zh-HK'?: string | undefined;
  /** Its own Simplified text where it has one (it may differ in words, not only in script); else converted. */
  'zh-CN'?: string | undefined;
  weight: number;
}

export const COMMON_WORDS_FILE = path.join('handwriting', 'common-words.json');

const CommonWordsSchema = z
  .object({
    source: z.string().min(1),
    places: z.array(z.string().min(2).max(4)),
    everyday: z.array(z.string().min(2).max(4)),
  })
  .strict();
export type CommonWords = z.infer<typeof CommonWordsSchema>;

export function loadCommonWords(contentDir: string): CommonWords {
  return CommonWordsSchema.parse(JSON.parse(readFileSync(path.join(contentDir, COMMON_WORDS_FILE), 'utf8')));
}

/** A district's name with and without 區 / 区: visitors write 沙田 far more often than 沙田區. */
function withoutDistrictSuffix(name: string): string {
  return name.replace(/[區区]$/u, '');
}

/**
 * Everything that does not change while the kiosk runs: district and region names, venue-type
 * labels, lesson titles and step texts, and the committed common words.
 */
export function staticVocabulary(content: CoreContent, common: CommonWords): VocabularyText[] {
  const texts: VocabularyText[] = [];
  const { file } = content.districts;
  for (const district of file.districts) {
    const { 'zh-HK': hk, 'zh-CN': cn } = district.name;
    texts.push({ 'zh-HK': hk, 'zh-CN': cn, weight: WEIGHTS.district });
    texts.push({
      'zh-HK': withoutDistrictSuffix(hk),
      'zh-CN': withoutDistrictSuffix(cn),
      weight: WEIGHTS.district,
    });
  }
  for (const region of file.regions)
    texts.push({ 'zh-HK': region.name['zh-HK'], 'zh-CN': region.name['zh-CN'], weight: WEIGHTS.region });
  for (const label of Object.values(CATEGORY_LABELS))
    texts.push({ 'zh-HK': label['zh-HK'], 'zh-CN': label['zh-CN'], weight: WEIGHTS.category });
  for (const word of common.places) texts.push({ 'zh-HK': word, weight: WEIGHTS.place });
  for (const word of common.everyday) texts.push({ 'zh-HK': word, weight: WEIGHTS.everyday });
  for (const lesson of content.lessons.lessons) texts.push(...lessonTexts(lesson));
  return texts;
}

/** Joins inside a label: 醫院及診所 is two words, so 醫 is followed by 院, not by 院及診所. */
const LABEL_JOINS = /[及和與与、]/u;

/**
 * The words a suggestion may complete in one tap (沙 → 田區, 將 → 軍澳), in both scripts as given:
 * every text of the fixed vocabulary but the lessons' sentences, labels split at their joins.
 */
export function staticWords(content: CoreContent, common: CommonWords): VocabularyText[] {
  const words: VocabularyText[] = [];
  for (const text of staticVocabulary(content, common)) {
    if (text.weight <= WEIGHTS.lesson) continue;
    const hk = text['zh-HK']?.split(LABEL_JOINS) ?? [];
    const cn = text['zh-CN']?.split(LABEL_JOINS) ?? [];
    for (let i = 0; i < Math.max(hk.length, cn.length); i++)
      words.push({ 'zh-HK': hk[i], 'zh-CN': cn[i], weight: text.weight });
  }
  return words;
}

function localised(value: unknown): { 'zh-HK'?: string; 'zh-CN'?: string } | null {
  if (!value || typeof value !== 'object') return null;
  const text = value as Record<string, unknown>;
  const hk = typeof text['zh-HK'] === 'string' ? text['zh-HK'] : undefined;
  const cn = typeof text['zh-CN'] === 'string' ? text['zh-CN'] : undefined;
  return hk || cn ? { 'zh-HK': hk, 'zh-CN': cn } : null;
}

/** A lesson's title and each step's title and text, as the visitor reads them. */
export function lessonTexts(lesson: Lesson): VocabularyText[] {
  const texts: VocabularyText[] = [];
  const add = (value: unknown) => {
    const text = localised(value);
    if (text) texts.push({ ...text, weight: WEIGHTS.lesson });
  };
  add(lesson.title);
  for (const step of lesson.steps as unknown as Record<string, unknown>[]) {
    add(step.title);
    add(step.text);
  }
  return texts;
}

/** The Wi-Fi dataset loaded now: each venue's name and address. */
export function venueVocabulary(venues: readonly StoredVenue[]): VocabularyText[] {
  const texts: VocabularyText[] = [];
  for (const venue of venues) {
    if (venue.name['zh-HK'] || venue.name['zh-CN'])
      texts.push({ 'zh-HK': venue.name['zh-HK'], 'zh-CN': venue.name['zh-CN'], weight: WEIGHTS.venueName });
    if (venue.address['zh-HK'] || venue.address['zh-CN'])
      texts.push({
        'zh-HK': venue.address['zh-HK'],
        'zh-CN': venue.address['zh-CN'],
        weight: WEIGHTS.address,
      });
  }
  return texts;
}
