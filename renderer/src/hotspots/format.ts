import type { LocalisedField } from '../../../electron/core/hotspots/views';
import type { Language } from '../../../electron/core/i18n';

/** "350 m" / "1.2 km" as numbers and a unit key: rounded the way people say distances aloud. */
export function roundDistance(metres: number): { value: string; unit: 'metres' | 'km' } {
  if (metres < 1000) return { value: String(Math.max(10, Math.round(metres / 10) * 10)), unit: 'metres' };
  const km = metres / 1000;
  return { value: km < 10 ? km.toFixed(1) : String(Math.round(km)), unit: 'km' };
}

/**
 * Text from the data in the visitor's language. `fallbackLanguage` says which language the text
 * really is in when the data has none in the visitor's own (so the screen can say so, and mark it
 * with the right `lang` for screen readers and read aloud).
 */
export function localText(
  field: LocalisedField,
  language: Language,
): { text: string; fallbackLanguage: Language | null } {
  const text = field[language];
  if (!field.fallback.includes(language)) return { text, fallbackLanguage: null };
  if (text && text === field.en && language !== 'en') return { text, fallbackLanguage: 'en' };
  if (text && text === field['zh-HK'] && language !== 'zh-HK') return { text, fallbackLanguage: 'zh-HK' };
  if (text && text === field['zh-CN']) return { text, fallbackLanguage: 'zh-CN' };
  return { text, fallbackLanguage: language === 'en' ? 'zh-HK' : 'en' };
}

/** The words a QR code carries: the place, where it is, and a map link for the visitor's phone. */
export function takeAwayText(name: string, address: string, mapLink: string): string {
  return [name, address, mapLink].filter((line) => line.trim().length > 0).join('\n');
}
