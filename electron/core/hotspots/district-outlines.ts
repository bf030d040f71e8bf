import { readFileSync } from 'node:fs';
import path from 'node:path';
import inside from 'point-in-polygon-hao';
import { z } from 'zod';
import { DistrictCodeSchema } from '../settings/schema';
import type { DistrictCode } from './districts';

export const OUTLINES_FILE = 'district-outlines.json';

const Point = z.tuple([z.number().min(113.7).max(114.6), z.number().min(22.1).max(22.6)]);
// A closed ring: at least a triangle plus the repeated first point.
const Ring = z
  .array(Point)
  .min(4)
  .refine((ring) => {
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    return first[0] === last[0] && first[1] === last[1];
  }, 'ring not closed');

export const DistrictOutlinesFileSchema = z.object({
  source: z.object({
    title: z.object({ 'zh-HK': z.string().min(1), en: z.string().min(1), 'zh-CN': z.string().min(1) }),
    file: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    tolerance: z.number().positive(),
  }),
  districts: z.array(
    z.object({
      id: DistrictCodeSchema,
      // Each polygon: outer ring, then holes (GeoJSON order).
      polygons: z.array(z.array(Ring).min(1)).min(1),
    }),
  ),
});
export type DistrictOutlinesFile = z.infer<typeof DistrictOutlinesFileSchema>;

export interface DistrictHit {
  code: DistrictCode;
  /** False when the point lay inside the polygon (or on its edge); true when it was outside every one. */
  outside: boolean;
}

interface Outline {
  code: DistrictCode;
  polygons: number[][][][];
  box: { west: number; east: number; south: number; north: number };
}

/**
 * The district a point lies in, from the Home Affairs Department outlines (simplified, shipped in
 * data/). A point outside every outline — the Shenzhen Bay port area, or a pier just off a
 * simplified coast — gets the district whose edge is nearest, reported as outside.
 */
export class DistrictOutlines {
  private readonly outlines: Outline[];

  constructor(readonly file: DistrictOutlinesFile) {
    this.outlines = file.districts.map((district) => {
      const points = district.polygons.flatMap((polygon) => polygon[0]!);
      return {
        code: district.id,
        polygons: district.polygons,
        box: {
          west: Math.min(...points.map((p) => p[0]!)),
          east: Math.max(...points.map((p) => p[0]!)),
          south: Math.min(...points.map((p) => p[1]!)),
          north: Math.max(...points.map((p) => p[1]!)),
        },
      };
    });
  }

  static load(contentDir: string): DistrictOutlines {
    const text = readFileSync(path.join(contentDir, OUTLINES_FILE), 'utf8');
    return new DistrictOutlines(DistrictOutlinesFileSchema.parse(JSON.parse(text)));
  }

  locate(latitude: number, longitude: number): DistrictHit {
    const point = [longitude, latitude];
    for (const outline of this.outlines) {
      const { box } = outline;
      if (longitude < box.west || longitude > box.east || latitude < box.south || latitude > box.north)
        continue;
      // inside() is true inside, 0 on the edge (a shared border: the first district listed wins).
      if (outline.polygons.some((polygon) => inside(point, polygon) !== false))
        return { code: outline.code, outside: false };
    }
    return { code: this.nearestEdge(latitude, longitude), outside: true };
  }

  private nearestEdge(latitude: number, longitude: number): DistrictCode {
    // Distances in a local equirectangular frame: exact enough to rank edges a few km away.
    const kx = Math.cos((latitude * Math.PI) / 180);
    let best = this.outlines[0]!.code;
    let bestSquared = Infinity;
    for (const outline of this.outlines) {
      for (const polygon of outline.polygons) {
        const ring = polygon[0]!;
        for (let i = 1; i < ring.length; i += 1) {
          const squared = segmentDistanceSquared(
            (longitude - ring[i - 1]![0]!) * kx,
            latitude - ring[i - 1]![1]!,
            (ring[i]![0]! - ring[i - 1]![0]!) * kx,
            ring[i]![1]! - ring[i - 1]![1]!,
          );
          if (squared < bestSquared) {
            bestSquared = squared;
            best = outline.code;
          }
        }
      }
    }
    return best;
  }
}

/** Squared distance from point p to the segment from the origin to d. */
function segmentDistanceSquared(px: number, py: number, dx: number, dy: number): number {
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length));
  const x = px - t * dx;
  const y = py - t * dy;
  return x * x + y * y;
}
