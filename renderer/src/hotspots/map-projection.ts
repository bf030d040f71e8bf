/**
 * The offline dot map's geometry. An equirectangular projection scaled by cos(latitude) is exact
 * enough for one district (a few kilometres across) and needs no map tiles or libraries.
 */

export interface Bounds {
  north: number;
  south: number;
  east: number;
  west: number;
}

export interface Projection {
  /** The SVG viewBox size; the bounds are centred in it with their true shape. */
  width: number;
  height: number;
  /** Ground metres per SVG unit (for the scale bar). */
  metresPerUnit: number;
  project(latitude: number, longitude: number): { x: number; y: number };
}

const METRES_PER_DEGREE_LATITUDE = 111_195;
const RAD = Math.PI / 180;

/**
 * Fit `bounds` into a `width` × `height` box, keeping north up and distances true in both axes,
 * with at least `inset` units to spare on every side (room for a dot drawn at the very edge).
 */
export function fitProjection(bounds: Bounds, width = 1000, height = 700, inset = 0): Projection {
  const midLatitude = (bounds.north + bounds.south) / 2;
  const xFactor = Math.cos(midLatitude * RAD);
  // A district with a single venue has no extent: give it about 400 m so the dot sits in the middle.
  const spanX = Math.max((bounds.east - bounds.west) * xFactor, 0.004);
  const spanY = Math.max(bounds.north - bounds.south, 0.004);
  const scale = Math.min(Math.max(width - 2 * inset, 1) / spanX, Math.max(height - 2 * inset, 1) / spanY);
  const centreX = ((bounds.east + bounds.west) / 2) * xFactor;
  const centreY = midLatitude;
  return {
    width,
    height,
    metresPerUnit: METRES_PER_DEGREE_LATITUDE / scale,
    project(latitude, longitude) {
      return {
        x: width / 2 + (longitude * xFactor - centreX) * scale,
        y: height / 2 - (latitude - centreY) * scale,
      };
    },
  };
}

/** The index of the point nearest (x, y) within `maxDistance`, or -1: a tap picks a dot without aiming. */
export function nearestPointIndex(
  points: readonly { x: number; y: number }[],
  x: number,
  y: number,
  maxDistance: number,
): number {
  let best = -1;
  let bestSquared = maxDistance * maxDistance;
  points.forEach((point, index) => {
    const squared = (point.x - x) ** 2 + (point.y - y) ** 2;
    if (squared <= bestSquared) {
      best = index;
      bestSquared = squared;
    }
  });
  return best;
}

/** A round scale-bar length (100 m, 200 m, 500 m, 1 km …) close to a quarter of the map's width. */
export function scaleBarMetres(projection: Projection): number {
  const target = (projection.width * projection.metresPerUnit) / 4;
  const steps = [50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000];
  let chosen = steps[0]!;
  for (const step of steps) if (step <= target) chosen = step;
  return chosen;
}
