import { z } from 'zod';
import { VisitTokenSchema } from '../activity/visit-token';
import { method } from '../contract-method';
import { LanguageSchema, type Language } from '../i18n';
import { isDateKey } from '../../shared/period';
import { DistrictCodeSchema, LocationSchema } from '../settings/schema';
import { CATEGORY_IDS, type CategoryId } from './categories';
import type { DataDateSource } from './data-date';
import type { SourceFormat } from './dataset';
import type { DistrictCode, FullText, RegionId } from './districts';
import type { DatasetChanges, ImportSummary } from './importer';
import { MAX_SOURCE_BYTES } from './source-file';
import { isSourceContent, type SourceContent } from './source-stream';
import type { HotspotDetail, HotspotSummary, VehicleHotspot } from './views';

export const VenueTypeSchema = z.enum(CATEGORY_IDS);
/** 'centre' (the default) is the centre's configured location; a point is for "near this venue". */
const NearSchema = z.union([z.literal('centre'), LocationSchema.strict()]).default('centre');
const Empty = z.object({}).strict();
const DayKey = z.string().refine(isDateKey, 'a calendar day as YYYY-MM-DD');

// The file is the raw body over HTTP; the core refuses it at MAX_SOURCE_BYTES as it streams in.
const MAX_PREVIEW_BODY_BYTES = MAX_SOURCE_BYTES + 1024;
/** The file itself: bytes over IPC, the request body as it streams in over HTTP (never base64). */
const ContentSchema = z.custom<SourceContent>(isSourceContent, { message: 'Expected the file itself' });

export interface DatasetLabel {
  kind: 'sample' | 'imported' | 'none';
  fileName: string | null;
  importedAt: string | null;
  /** The organisation's content pack the file came in (its version); absent for a staff import. */
  packVersion?: string;
}

/** Which data the directory shows and how to credit it; visitor screens show the attribution. */
export interface DatasetInfo {
  kind: 'sample' | 'imported';
  /** The date the data describe, as far as known (the sample's source date, else the import date). */
  asOf: string;
  attribution: FullText;
}

export interface HotspotSearchResult {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  origin: { kind: 'centre' | 'point'; latitude: number; longitude: number };
  results: HotspotSummary[];
}

export interface HotspotFacets {
  total: number;
  /** The 18-tile map: regions in order, each district with its tile position and venue count. */
  grid: { rows: number; cols: number };
  regions: {
    id: RegionId;
    name: FullText;
    districts: { code: DistrictCode; name: FullText; venues: number; grid: { row: number; col: number } }[];
  }[];
  /** The kiosk's venue-type chips in display order, with counts (under the district filter, if any). */
  venueTypes: { id: CategoryId; label: FullText; venues: number }[];
  vehicles: number;
  dataset: DatasetInfo;
}

export interface HotspotMap {
  district: { code: DistrictCode; name: FullText };
  /** Bounding box of the points, with a small margin; null when the district has no venues. */
  bounds: { north: number; south: number; east: number; west: number } | null;
  /** The centre's own location when it lies inside the bounds, to mark "you are here". */
  centre: { latitude: number; longitude: number } | null;
  points: { id: string; latitude: number; longitude: number; venueType: CategoryId }[];
}

export interface HotspotPreview extends ImportSummary {
  previewId: string;
  /** The file's modified day as the console gave it, offered when the file does not say its date. */
  fileModified: string | null;
  /** Today in Hong Kong: the latest day the data can be from. */
  today: string;
  /** Against the data now loaded (the sample, the imported file, or no vehicles). */
  changes: DatasetChanges;
  replaces: DatasetLabel;
  expiresAt: string;
}

export interface HotspotStatus {
  fixed: DatasetLabel & {
    kind: 'sample' | 'imported';
    format: SourceFormat;
    asOf: string;
    /** Who gave `asOf`: the sample's source, the file, staff at import, the file's modified day, or the import day. */
    asOfFrom: 'sample' | DataDateSource | 'import';
    recordsRead: number;
    rejected: number;
    venues: number;
    hotspots: number;
    approximateDistricts: number;
    missingChinese: number;
  };
  vehicles: DatasetLabel & { records: number };
  /** What a rollback would bring back, or null when there is nothing to go back to. */
  previous: {
    replacedAt: string;
    fixed: DatasetLabel;
    vehicles: DatasetLabel;
    /** Disk space the copy takes. */ bytes: number | null;
  } | null;
  pendingPreview: { previewId: string; fileName: string; expiresAt: string } | null;
  attribution: FullText;
  termsUrl: string;
}

export const hotspotMethods = {
  /** Venues nearest the centre (by default), filtered and paged. Counts a district look-up on page 1. */
  'hotspots.search': method<HotspotSearchResult>()({
    input: z
      .object({
        district: DistrictCodeSchema.optional(),
        venueType: VenueTypeSchema.optional(),
        text: z.string().max(100).optional(),
        near: NearSchema,
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(1).max(50).default(10),
        /** The visitor's language, for the anonymous look-up tally only. */
        language: LanguageSchema.default('zh-HK' satisfies Language),
        /** The token from `visit.start`: a district's look-up counts once per visit under it, and not at all without. */
        visit: VisitTokenSchema.optional(),
      })
      .strict(),
    staff: false,
  }),
  'hotspots.venue': method<HotspotDetail>()({
    input: z.object({ id: z.string().min(1).max(64), near: NearSchema }).strict(),
    staff: false,
  }),
  'hotspots.facets': method<HotspotFacets>()({
    input: z
      .object({ district: DistrictCodeSchema.optional(), venueType: VenueTypeSchema.optional() })
      .strict(),
    staff: false,
  }),
  /** Every venue of one district as points, for the offline dot map. */
  'hotspots.map': method<HotspotMap>()({
    input: z.object({ district: DistrictCodeSchema, venueType: VenueTypeSchema.optional() }).strict(),
    staff: false,
  }),
  /** On-vehicle Wi-Fi (buses, taxis, trains): no fixed place. */
  'hotspots.vehicles': method<{ vehicles: VehicleHotspot[]; dataset: DatasetInfo | null }>()({
    input: Empty,
    staff: false,
  }),

  'staff.hotspots.status': method<HotspotStatus>()({ input: Empty, staff: true, role: 'coordinator' }),
  /** Reads a file and says what importing it would do; nothing is stored until confirm. */
  'staff.hotspots.preview': method<HotspotPreview>()({
    input: z
      .object({
        fileName: z.string().min(1).max(255),
        format: z.enum(['json', 'csv']).optional(),
        /** The file's last-modified day (File.lastModified in Hong Kong time), offered as its date. */
        modified: DayKey.optional(),
        content: ContentSchema,
      })
      .strict(),
    staff: true,
    role: 'coordinator',
    maxBodyBytes: MAX_PREVIEW_BODY_BYTES,
    upload: 'content',
  }),
  /** `asOf`: the day the data are from, as staff confirmed it; used when the file does not say. */
  'staff.hotspots.confirm': method<HotspotStatus>()({
    input: z.object({ previewId: z.string().min(1).max(64), asOf: DayKey.optional() }).strict(),
    staff: true,
    role: 'coordinator',
  }),
  'staff.hotspots.discard': method<{ discarded: boolean }>()({
    input: z.object({ previewId: z.string().min(1).max(64) }).strict(),
    staff: true,
    role: 'coordinator',
  }),
  /** Puts back the dataset the last confirm replaced (one step). */
  'staff.hotspots.rollback': method<HotspotStatus>()({ input: Empty, staff: true, role: 'coordinator' }),
  /** Deletes the copy a rollback would use, to free disk space (works on a full disk). */
  'staff.hotspots.removePrevious': method<{ freedBytes: number; status: HotspotStatus }>()({
    input: Empty,
    staff: true,
    role: 'coordinator',
  }),
} as const;

export type HotspotMethods = typeof hotspotMethods;
