import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DISTRICT_CODES, DistrictCodeSchema } from '../settings/schema';
import { DistrictOutlines } from './district-outlines';
import { haversineMetres } from './geo';

export type DistrictCode = (typeof DISTRICT_CODES)[number];

/** Every text a visitor sees here exists in all three languages: no fallback needed. */
const FullText = z.object({ 'zh-HK': z.string().min(1), en: z.string().min(1), 'zh-CN': z.string().min(1) });
export type FullText = z.infer<typeof FullText>;

export const REGION_IDS = ['hong-kong-island', 'kowloon', 'new-territories'] as const;
export type RegionId = (typeof REGION_IDS)[number];

const DistrictSchema = z.object({
  code: DistrictCodeSchema,
  region: z.enum(REGION_IDS),
  name: FullText,
  centre: z.object({ latitude: z.number().min(22.1).max(22.6), longitude: z.number().min(113.8).max(114.5) }),
  grid: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }),
});
export type District = z.infer<typeof DistrictSchema>;

export const DistrictsFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    source: z.string(),
    regions: z.array(z.object({ id: z.enum(REGION_IDS), name: FullText })).length(REGION_IDS.length),
    grid: z.object({ rows: z.number().int().positive(), cols: z.number().int().positive() }),
    districts: z.array(DistrictSchema).length(DISTRICT_CODES.length),
  })
  .refine(
    (file) => new Set(file.districts.map((d) => d.code)).size === DISTRICT_CODES.length,
    'each district once',
  )
  .refine(
    (file) =>
      new Set(file.districts.map((d) => `${d.grid.row},${d.grid.col}`)).size === DISTRICT_CODES.length,
    'one district per map tile',
  )
  .refine(
    (file) => file.districts.every((d) => d.grid.row < file.grid.rows && d.grid.col < file.grid.cols),
    'tiles inside the grid',
  );
export type DistrictsFile = z.infer<typeof DistrictsFileSchema>;

/** A district found from a point; `approximate` when the point lay outside every outline. */
export interface LocatedDistrict {
  code: DistrictCode;
  approximate: boolean;
}

/**
 * The 18 districts with lookups the importer needs: by any spelling of the name (the open data
 * mixes "Central And Western", "中西區", "中西区"), and by the point for a record that names none.
 */
export class DistrictDirectory {
  private readonly byCode = new Map<DistrictCode, District>();
  private readonly byName = new Map<string, DistrictCode>();

  /** Without outlines, a point gets the nearest district centre (approximate). */
  constructor(
    readonly file: DistrictsFile,
    readonly outlines: DistrictOutlines | null = null,
  ) {
    for (const district of file.districts) {
      this.byCode.set(district.code, district);
      for (const name of Object.values(district.name)) this.byName.set(districtNameKey(name), district.code);
    }
  }

  static load(contentDir: string): DistrictDirectory {
    const text = readFileSync(path.join(contentDir, 'districts.json'), 'utf8');
    return new DistrictDirectory(
      DistrictsFileSchema.parse(JSON.parse(text)),
      DistrictOutlines.load(contentDir),
    );
  }

  /**
   * The district a point lies in, by the Home Affairs Department outlines: exact inside one (as
   * exact as the official file's own District fields, which come from the same boundaries). A
   * point outside them all (the Shenzhen Bay port area, a pier off a simplified coast) takes the
   * nearest outline's district, approximate.
   */
  locate(latitude: number, longitude: number): LocatedDistrict {
    if (!this.outlines) return { code: this.nearest(latitude, longitude), approximate: true };
    const hit = this.outlines.locate(latitude, longitude);
    return { code: hit.code, approximate: hit.outside };
  }

  get all(): readonly District[] {
    return this.file.districts;
  }

  get(code: DistrictCode): District {
    const district = this.byCode.get(code);
    if (!district) throw new Error(`Unknown district ${code}`);
    return district;
  }

  /** The district a published name refers to, or null when the name is empty or unknown. */
  codeForName(name: string): DistrictCode | null {
    const key = districtNameKey(name);
    return key ? (this.byName.get(key) ?? null) : null;
  }

  /** Nearest district centre: a rough approximation, only for a directory made without outlines. */
  nearest(latitude: number, longitude: number): DistrictCode {
    let best = this.file.districts[0]!;
    let bestMetres = Infinity;
    for (const district of this.file.districts) {
      const metres = haversineMetres(
        latitude,
        longitude,
        district.centre.latitude,
        district.centre.longitude,
      );
      if (metres < bestMetres) {
        bestMetres = metres;
        best = district;
      }
    }
    return best.code;
  }
}

/** "Central And Western District" → "central and western"; "灣仔區"/"灣仔" → "灣仔". */
function districtNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+district$/, '')
    .replace(/[區区]$/, '')
    .replace(/\s+/g, ' ');
}
