/**
 * Which map a venue's take-away QR code links to. Most people in Hong Kong open places in Google
 * Maps, so that is the default; OpenStreetMap stays a choice for centres that prefer an open map.
 * The kiosk never opens either link: the QR code is drawn locally and read by the visitor's phone.
 */
export const MAP_LINKS = ['google', 'openstreetmap'] as const;
export type MapLinkKind = (typeof MAP_LINKS)[number];

export const DEFAULT_MAP_LINK: MapLinkKind = 'google';

/** The address a phone opens for a point, with the coordinates as the venue data gives them. */
export function mapLinkUrl(kind: MapLinkKind, latitude: number, longitude: number): string {
  if (kind === 'openstreetmap')
    return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;
  return `https://www.google.com/maps/search/?api=1&query=${latitude},${longitude}`;
}
