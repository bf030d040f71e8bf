import { z } from 'zod';
import { isDateKey } from '../../shared/period';
import { DistrictCodeSchema } from '../settings/schema';
import { DATA_DATE_SOURCES } from './data-date';

/**
 * What is kept of an import. Text fields hold only the languages the source published (or that
 * were converted between Traditional and Simplified); the fallback to English is made when a venue
 * is shown, so the stored data stays faithful to the source and small.
 */
export const SourceTextSchema = z
  .object({
    en: z.string().min(1).optional(),
    'zh-HK': z.string().min(1).optional(),
    'zh-CN': z.string().min(1).optional(),
  })
  .strict();
export type SourceText = z.infer<typeof SourceTextSchema>;

export const StoredVenueSchema = z
  .object({
    /** The first LocationID of the rows merged into this venue. */
    id: z.string().min(1).max(64),
    locationIds: z.array(z.string().min(1)).min(1),
    organisation: z.string(),
    name: SourceTextSchema,
    address: SourceTextSchema,
    venueType: SourceTextSchema,
    district: DistrictCodeSchema,
    /** True when the source named no district and the point lay outside every district outline. */
    districtApproximate: z.boolean(),
    latitude: z.number().min(22.1).max(22.6),
    longitude: z.number().min(113.8).max(114.5),
    ssids: z.array(z.string()),
    hotspots: z.number().int().min(0),
  })
  .strict();
export type StoredVenue = z.infer<typeof StoredVenueSchema>;

export const StoredVehicleSchema = z
  .object({
    id: z.string().min(1).max(64),
    organisation: z.string(),
    name: SourceTextSchema,
    vehicleType: SourceTextSchema,
    ssid: z.string(),
    hotspots: z.number().int().min(0),
    supportHotline: z.string(),
    remarks: SourceTextSchema,
  })
  .strict();
export type StoredVehicle = z.infer<typeof StoredVehicleSchema>;

export const SOURCE_FORMATS = ['fixed-json', 'fixed-csv', 'non-fixed-json'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const SourceInfoSchema = z
  .object({
    fileName: z.string().max(255),
    format: z.enum(SOURCE_FORMATS),
    importedAt: z.string().datetime(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    recordsRead: z.number().int().min(0),
    rejected: z.number().int().min(0),
    /**
     * The day the data describe (what visitors see as "data as of"), and who said so. Absent in
     * data imported before it was kept: the import day stands in.
     */
    dataDate: z
      .object({ day: z.string().refine(isDateKey), from: z.enum(DATA_DATE_SOURCES) })
      .strict()
      .optional(),
    /** Set when the file came in an organisation's content pack (not a staff import): the pack's version. */
    pack: z
      .object({ version: z.string().min(1).max(40) })
      .strict()
      .optional(),
  })
  .strict();
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

/** The "data as of" day of an imported part. */
export function dataDay(source: SourceInfo): string {
  return source.dataDate?.day ?? source.importedAt.slice(0, 10);
}

export interface FixedPart {
  source: SourceInfo;
  venues: StoredVenue[];
}
export const VehiclePartSchema = z
  .object({ source: SourceInfoSchema, vehicles: z.array(StoredVehicleSchema) })
  .strict();
export type VehiclePart = z.infer<typeof VehiclePartSchema>;

/** Which datasets a rollback would bring back (kept small so status never reads the big file). */
export const PreviousSummarySchema = z
  .object({
    replacedAt: z.string().datetime(),
    fixed: SourceInfoSchema.nullable(),
    vehicles: SourceInfoSchema.nullable(),
  })
  .strict();
export type PreviousSummary = z.infer<typeof PreviousSummarySchema>;

export const HOTSPOTS_SCHEMA_VERSION = 1;

/**
 * The dataset in memory. `fixed: null` means "use the shipped sample"; `vehicles: null` means none
 * imported. `revision` goes up with every change so a preview made against older data cannot be
 * confirmed over newer data.
 */
export interface HotspotsDoc {
  schemaVersion: typeof HOTSPOTS_SCHEMA_VERSION;
  revision: number;
  fixed: FixedPart | null;
  vehicles: VehiclePart | null;
  previous: PreviousSummary | null;
}

export function defaultHotspotsDoc(): HotspotsDoc {
  return { schemaVersion: HOTSPOTS_SCHEMA_VERSION, revision: 0, fixed: null, vehicles: null, previous: null };
}

/** The header line of hotspots.json (see venue-file.ts); the venues follow it, one per line. */
export const HotspotsHeaderSchema = z
  .object({
    schemaVersion: z.literal(HOTSPOTS_SCHEMA_VERSION),
    revision: z.number().int().min(0),
    /** The source of the venues that follow; null when the sample is in use (and no venues follow). */
    fixedSource: SourceInfoSchema.nullable(),
    venueCount: z.number().int().min(0),
    vehicles: VehiclePartSchema.nullable(),
    previous: PreviousSummarySchema.nullable(),
  })
  .strict();
export type HotspotsHeader = z.infer<typeof HotspotsHeaderSchema>;

/** The header line of hotspots.previous.json: the datasets the last confirm replaced. */
export const PreviousHeaderSchema = z
  .object({
    schemaVersion: z.literal(HOTSPOTS_SCHEMA_VERSION),
    replacedAt: z.string().datetime(),
    fixedSource: SourceInfoSchema.nullable(),
    venueCount: z.number().int().min(0),
    vehicles: VehiclePartSchema.nullable(),
  })
  .strict();
export type PreviousHeader = z.infer<typeof PreviousHeaderSchema>;
