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

export const COMPASS_LABELS: Record<CompassPoint, FullText> = {
  N: { 'zh-HK': '北', en: 'north', 'zh-CN': '北' },
  NE: { 'zh-HK': '東北', en: 'north-east', 'zh-CN': '东北' },
  E: { 'zh-HK': '東', en: 'east', 'zh-CN': '东' },
  SE: { 'zh-HK': '東南', en: 'south-east', 'zh-CN': '东南' },
  S: { 'zh-HK': '南', en: 'south', 'zh-CN': '南' },
  SW: { 'zh-HK': '西南', en: 'south-west', 'zh-CN': '西南' },
  W: { 'zh-HK': '西', en: 'west', 'zh-CN': '西' },
  NW: { 'zh-HK': '西北', en: 'north-west', 'zh-CN': '西北' },
};

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
