import { LANGUAGES, type Language } from '../i18n';
import { CATEGORY_LABELS, type CategoryId } from './categories';
import type { SourceText, StoredVehicle, StoredVenue } from './dataset';
import type { DistrictCode, DistrictDirectory, FullText } from './districts';
import { distanceFrom, type DistanceFromOrigin } from './geo';

/**
 * Text from the data, ready for any language. Where the source has no text in a language, another
 * language's text fills in and that language is listed in `fallback`, so the screen can say
 * "name in English only" instead of pretending it is a translation.
 */
export interface LocalisedField {
  'zh-HK': string;
  en: string;
  'zh-CN': string;
  fallback: Language[];
}

export interface HotspotSummary {
  id: string;
  name: LocalisedField;
  address: LocalisedField;
  /** The kiosk's short list of venue types (the chips), not the official one. */
  venueType: { id: CategoryId; label: FullText };
  /** The official venue type as published (often English only). */
  publishedVenueType: LocalisedField;
  district: { code: DistrictCode; name: FullText; approximate: boolean };
  location: { latitude: number; longitude: number };
  /** Distance and direction from the search origin (the centre, by default). */
  distance: DistanceFromOrigin;
  ssids: string[];
  hotspots: number;
}

export interface HotspotDetail extends HotspotSummary {
  organisation: string;
  /** The official LocationIDs merged into this venue (floors or blocks of one place). */
  locationIds: string[];
  /** For the take-away QR code: the kiosk itself never opens these. */
  links: { geo: string; map: string };
}

export interface VehicleHotspot {
  id: string;
  name: LocalisedField;
  vehicleType: LocalisedField;
  ssid: string;
  hotspots: number;
  supportHotline: string;
  remarks: LocalisedField | null;
}

const ORDER: Record<Language, Language[]> = {
  'zh-HK': ['zh-HK', 'zh-CN', 'en'],
  en: ['en', 'zh-HK', 'zh-CN'],
  'zh-CN': ['zh-CN', 'zh-HK', 'en'],
};

export function localise(text: SourceText): LocalisedField {
  const fallback: Language[] = [];
  const pick = (language: Language): string => {
    for (const candidate of ORDER[language]) {
      const value = text[candidate];
      if (value) {
        if (candidate !== language) fallback.push(language);
        return value;
      }
    }
    fallback.push(language);
    return '';
  };
  const field = { 'zh-HK': pick('zh-HK'), en: pick('en'), 'zh-CN': pick('zh-CN') };
  return { ...field, fallback: LANGUAGES.filter((language) => fallback.includes(language)) };
}

export function venueSummary(
  venue: StoredVenue,
  category: CategoryId,
  origin: { latitude: number; longitude: number },
  directory: DistrictDirectory,
): HotspotSummary {
  return {
    id: venue.id,
    name: localise(venue.name),
    address: localise(venue.address),
    venueType: { id: category, label: CATEGORY_LABELS[category] },
    publishedVenueType: localise(venue.venueType),
    district: {
      code: venue.district,
      name: directory.get(venue.district).name,
      approximate: venue.districtApproximate,
    },
    location: { latitude: venue.latitude, longitude: venue.longitude },
    distance: distanceFrom(origin, venue.latitude, venue.longitude),
    ssids: [...venue.ssids],
    hotspots: venue.hotspots,
  };
}

export function venueDetail(
  venue: StoredVenue,
  category: CategoryId,
  origin: { latitude: number; longitude: number },
  directory: DistrictDirectory,
): HotspotDetail {
  const { latitude, longitude } = venue;
  return {
    ...venueSummary(venue, category, origin, directory),
    organisation: venue.organisation,
    locationIds: [...venue.locationIds],
    links: {
      geo: `geo:${latitude},${longitude}`,
      map: `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`,
    },
  };
}

export function vehicleView(vehicle: StoredVehicle): VehicleHotspot {
  const hasRemarks = Object.keys(vehicle.remarks).length > 0;
  return {
    id: vehicle.id,
    name: localise(vehicle.name),
    vehicleType: localise(vehicle.vehicleType),
    ssid: vehicle.ssid,
    hotspots: vehicle.hotspots,
    supportHotline: vehicle.supportHotline,
    remarks: hasRemarks ? localise(vehicle.remarks) : null,
  };
}
