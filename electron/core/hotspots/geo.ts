import en from '../../../renderer/src/hotspots/locales/en.json';
import zhCN from '../../../renderer/src/hotspots/locales/zh-CN.json';
import zhHK from '../../../renderer/src/hotspots/locales/zh-HK.json';
import { labelsFromLocales } from '../content/locale-labels';
import type { FullText } from './districts';

const EARTH_RADIUS_METRES = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine): exact enough for "how far is it" at city scale. */
export function haversineMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from point 1 to point 2, degrees clockwise from north, 0–360. */
export function bearingDegrees(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const φ1 = lat1 * RAD;
  const φ2 = lat2 * RAD;
  const Δλ = (lon2 - lon1) * RAD;
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return (Math.atan2(y, x) / RAD + 360) % 360;
}

export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** "north", "東北": in the screens' locale files (hotspots `compass`). */
export const COMPASS_LABELS: Record<CompassPoint, FullText> = labelsFromLocales({
  en: en.compass,
  'zh-HK': zhHK.compass,
  'zh-CN': zhCN.compass,
});

export function compassPoint(bearing: number): CompassPoint {
  return COMPASS_POINTS[Math.round(bearing / 45) % 8]!;
}

/** Below this a direction means nothing to a visitor (same building or next door). */
export const SAME_PLACE_METRES = 15;

export interface DistanceFromOrigin {
  metres: number;
  /** Null when the venue is at the origin (within SAME_PLACE_METRES). */
  direction: { point: CompassPoint; label: FullText } | null;
}

export function distanceFrom(
  origin: { latitude: number; longitude: number },
  latitude: number,
  longitude: number,
): DistanceFromOrigin {
  const metres = Math.round(haversineMetres(origin.latitude, origin.longitude, latitude, longitude));
  if (metres < SAME_PLACE_METRES) return { metres, direction: null };
  const point = compassPoint(bearingDegrees(origin.latitude, origin.longitude, latitude, longitude));
  return { metres, direction: { point, label: COMPASS_LABELS[point] } };
}
