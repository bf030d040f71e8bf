import type { LocalisedText } from '../../../electron/core/i18n';
import type { Language } from '../../../electron/shared/languages';
import { formatDateTime } from '../lib/dates';
import { sayList } from '../lib/say-list';
import { DISTRICT_NAMES } from '../lib/districts';
import districtsFile from '../../../data/districts.json';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type HasKey = (key: string) => boolean;

/**
 * Words for the Organisation section: how long ago the hub was last heard from, a district from a
 * join file, a waiting size, a refused pack's reason. The core sends codes, instants and numbers;
 * these say them in the reader's language from the org locale files.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * "just now", "5 minutes ago", "3 hours ago", then the date and time: a social worker reads "last
 * contact" to know whether the link is alive, so recent is said as a span, older as a day.
 * `now` is the core's clock (kioskNow), never the page's.
 */
export function sinceText(iso: string, now: Date, language: Language, t: Translate): string {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return '';
  const ago = now.getTime() - at;
  // A moment a little ahead (the hub's clock, rounding) is "just now", not a date in the future.
  if (ago < MINUTE) return t('org.time.justNow');
  if (ago < HOUR) {
    const minutes = Math.floor(ago / MINUTE);
    return minutes === 1 ? t('org.time.minute') : t('org.time.minutes', { count: minutes });
  }
  if (ago < 24 * HOUR) {
    const hours = Math.floor(ago / HOUR);
    return hours === 1 ? t('org.time.hour') : t('org.time.hours', { count: hours });
  }
  return formatDateTime(iso, language);
}

/** Slugs of the districts' English names ("kwun-tong"), for a join file that names a district so. */
const BY_SLUG: Record<string, LocalisedText> = Object.fromEntries(
  districtsFile.districts.map((district) => [
    district.name.en
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    district.name,
  ]),
);

/**
 * A join file's district in words: its HAD letter code ("J") or its name's slug ("kwun-tong"),
 * both from data/districts.json; anything else is shown as written rather than hidden.
 */
export function districtName(id: string, language: Language): string {
  const name = DISTRICT_NAMES[id] ?? BY_SLUG[id];
  if (!name) return id;
  return name[language] ?? name['zh-HK'];
}

/** A size still to move, "0.3 MB" / "12 MB": Syncthing's needBytes, enough to tell little from much. */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 10) return `${Math.round(mb)} MB`;
  return `${Math.max(0.1, Math.round(mb * 10) / 10).toFixed(1)} MB`;
}

/** A refused pack's reason sentence, or a plain one when the reason is newer than these screens. */
export function refusalText(
  refusal: { reason: string; params: Record<string, string | number> },
  t: Translate,
  hasKey: HasKey,
): string {
  return hasKey(refusal.reason) ? t(refusal.reason, refusal.params) : t('org.packs.refusedOther');
}

/** The parts a pack carries, said as a list: "lessons, the Wi-Fi list". */
export function partsText(parts: readonly string[], t: Translate, language: Language): string {
  return sayList(
    parts.map((part) => t(`org.packs.part.${part}`)),
    language,
  );
}

/** A preview's lesson or programme: an id, or an id with its title in every language. */
export type PreviewItem = string | { id: string; title?: LocalisedText | null };

/** The item's title in the reader's language, else its id (a removed lesson may have no title left). */
export function itemTitle(item: PreviewItem, language: Language): string {
  if (typeof item === 'string') return item;
  if (!item.title) return item.id;
  return item.title[language] ?? item.title['zh-HK'];
}

export function itemKey(item: PreviewItem): string {
  return typeof item === 'string' ? item : item.id;
}
