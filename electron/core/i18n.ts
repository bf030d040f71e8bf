import { z } from 'zod';

import { LANGUAGES, type Language } from '../shared/languages';

export { LANGUAGES, type Language };
export const LanguageSchema = z.enum(LANGUAGES);

/** Localised text in content and settings: zh-HK and English are required, zh-CN may be derived. */
export const LocalisedTextSchema = z.object({
  'zh-HK': z.string().trim().min(1),
  en: z.string().trim().min(1),
  'zh-CN': z.string().trim().min(1).optional(),
});
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;
