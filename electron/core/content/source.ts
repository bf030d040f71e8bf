import { z } from 'zod';
import { LocalisedTextSchema } from '../i18n';

/**
 * Where a fact on the kiosk comes from, for every kind of content (programmes, lessons, the
 * accessibility pages). The title is localised, so a Chinese screen names the page in Chinese.
 * `url` is the page that supports the fact, never a site's home page; a source that
 * ../shared/FACTS.md records without an address has no `url`, and the screens say "source: FACTS
 * entry, not yet linked" instead of pointing at a home page. Addresses are shown as text and never
 * opened by the kiosk; a few publishers (WebOrganic) only serve plain http.
 */
export const SourceSchema = z
  .object({
    title: LocalisedTextSchema,
    url: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict()
  .refine((source) => source.url === undefined || new URL(source.url).pathname.length > 1, {
    message: 'a source points at the page that supports the fact, not a home page',
    path: ['url'],
  });
export type Source = z.infer<typeof SourceSchema>;
