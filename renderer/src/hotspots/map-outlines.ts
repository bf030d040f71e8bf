import outlinesFile from '../../../data/district-outlines.json';
import type { Bounds, Projection } from './map-projection';
import type { Polygons } from './map-layout';

/**
 * The 18 district outlines (Home Affairs Department boundaries, simplified at build time into
 * data/district-outlines.json). Only the map imports this module, so the outlines load with the
 * map's own chunk, never with the attract screen.
 */
export interface DistrictOutline {
  /** The district's letter code, as in data/districts.json. */
  id: string;
  /** Polygons of [longitude, latitude] rings: the outer ring, then any holes. */
  polygons: number[][][][];
}

export const DISTRICT_OUTLINES: readonly DistrictOutline[] = outlinesFile.districts;

/** The box around a district's outline and any venue of it that lies outside (a stray coordinate). */
export function districtBounds(
  outline: DistrictOutline | undefined,
  points: readonly { latitude: number; longitude: number }[],
  margin = 0.04,
): Bounds | null {
  let north = -Infinity;
  let south = Infinity;
  let east = -Infinity;
  let west = Infinity;
  const take = (longitude: number, latitude: number) => {
    north = Math.max(north, latitude);
    south = Math.min(south, latitude);
    east = Math.max(east, longitude);
    west = Math.min(west, longitude);
  };
  for (const polygon of outline?.polygons ?? []) for (const [lon, lat] of polygon[0] ?? []) take(lon!, lat!);
  for (const point of points) take(point.longitude, point.latitude);
  if (north < south) return null;
  // A little sea or land around the edge, so no dot or label touches the frame.
  const padLat = Math.max((north - south) * margin, 0.002);
  const padLon = Math.max((east - west) * margin, 0.002);
  return { north: north + padLat, south: south - padLat, east: east + padLon, west: west - padLon };
}

/** The outline in map units. */
export function projectPolygons(polygons: number[][][][], projection: Projection): [number, number][][][] {
  return polygons.map((rings) =>
    rings.map((ring) =>
      ring.map(([lon, lat]) => {
        const { x, y } = projection.project(lat!, lon!);
        return [x, y] as [number, number];
      }),
    ),
  );
}

/** An SVG path for projected polygons (even-odd fill keeps the holes open). */
export function polygonsPath(polygons: Polygons): string {
  return polygons
    .flatMap((rings) =>
      rings.map(
        (ring) =>
          ring.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join('') + 'Z',
      ),
    )
    .join('');
}
