import type { LocalisedText } from '../../../electron/core/i18n';
import districtsFile from '../../../data/districts.json';

/**
 * The 18 districts by HAD letter code, in the order data/districts.json lists them. The same file
 * the core uses for the Wi-Fi directory, so names are written once.
 */
export const DISTRICT_NAMES: Record<string, LocalisedText> = Object.fromEntries(
  districtsFile.districts.map((district) => [district.code, district.name]),
);
