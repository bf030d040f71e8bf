import { z } from 'zod';

/** The kiosk's languages, in the order the language picker shows them. zh-HK is the default. */
export const LANGUAGES = ['zh-HK', 'en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);

/** Localised text in content and settings: zh-HK and English are required, zh-CN may be derived. */
export const LocalisedTextSchema = z.object({
  'zh-HK': z.string().trim().min(1),
  en: z.string().trim().min(1),
  'zh-CN': z.string().trim().min(1).optional(),
});
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;
