import type { SourceText, StoredVehicle, StoredVenue } from './dataset';
import type { DistrictCode, DistrictDirectory } from './districts';
import type { RawRecord, RejectedRow } from './source-file';
import { toSimplified, toTraditional } from './text-fold';

// Hong Kong with a margin (same box as the centre's location in settings): a point outside it is
// a data error, not a venue.
const BOUNDS = { south: 22.1, north: 22.6, west: 113.8, east: 114.5 };

export interface NormalisedVenues {
  venues: StoredVenue[];
  recordsRead: number;
  recordsAccepted: number;
  rejected: RejectedRow[];
  /** Venues whose record named no district: it came from the point on the district outlines. */
  districtsInferred: number;
}

export interface NormalisedVehicles {
  vehicles: StoredVehicle[];
  recordsRead: number;
  rejected: RejectedRow[];
}

/** Collapses runs of white space, including the stray newlines inside quoted CSV addresses. */
function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The three language fields of one item. A missing Traditional or Simplified text is converted
 * from the other Chinese script (a faithful conversion, not a translation); a missing English or
 * Chinese text stays missing and the fallback is made and marked when the venue is shown.
 */
export function sourceText(fields: Record<string, string>, prefix: string): SourceText {
  const en = clean(fields[`${prefix}EN`]);
  let tc = clean(fields[`${prefix}TC`]);
  let sc = clean(fields[`${prefix}SC`]);
  if (!sc && tc) sc = toSimplified(tc);
  if (!tc && sc) tc = toTraditional(sc);
  return { ...(en ? { en } : {}), ...(tc ? { 'zh-HK': tc } : {}), ...(sc ? { 'zh-CN': sc } : {}) };
}

function parseCoordinate(value: string | undefined): number | null {
  const text = (value ?? '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

function parseCount(value: string | undefined): number | null {
  const text = (value ?? '').trim();
  if (text === '') return 1; // a listed location has at least one hotspot
  return /^\d+$/.test(text) ? Number(text) : null;
}

function mergeKey(latitude: number, longitude: number, name: SourceText): string {
  const label = (name.en ?? name['zh-HK'] ?? name['zh-CN'] ?? '').toLowerCase();
  return `${latitude.toFixed(6)},${longitude.toFixed(6)}|${label}`;
}

/**
 * Official fixed-location records → venues. Rows at the same coordinates with the same name are
 * one venue (floors or blocks of one building) with the hotspots summed and the SSIDs listed once.
 * Text is kept exactly as published apart from white space, so a garbled name stays garbled
 * rather than being "repaired" into something the source never said.
 */
export function normaliseVenues(records: RawRecord[], districts: DistrictDirectory): NormalisedVenues {
  const venues = new VenueNormaliser(districts);
  for (const record of records) venues.add(record);
  return venues.finish();
}

/** normaliseVenues a record at a time, so an import never holds every raw record at once. */
export class VenueNormaliser {
  private readonly rejected: RejectedRow[] = [];
  private readonly seenIds = new Map<string, number>();
  private readonly byKey = new Map<string, StoredVenue>();
  private accepted = 0;
  private read = 0;
  private inferred = 0;

  constructor(private readonly districts: DistrictDirectory) {}

  add({ record, fields }: RawRecord): void {
    const { rejected, seenIds, byKey, districts } = this;
    this.read += 1;
    const locationId = clean(fields.LocationID);
    const reject = (reason: string, code: string, params?: Record<string, string | number>) =>
      rejected.push({
        record,
        ...(locationId ? { locationId } : {}),
        reason,
        code,
        ...(params ? { params } : {}),
      });
    if (!locationId) {
      reject('No LocationID.', 'noId');
      return;
    }
    const earlier = seenIds.get(locationId);
    if (earlier !== undefined) {
      reject(`Same LocationID as record ${earlier}.`, 'sameIdAs', { record: earlier });
      return;
    }
    const latitude = parseCoordinate(fields.Latitude);
    const longitude = parseCoordinate(fields.Longitude);
    if (latitude === null || longitude === null) {
      reject('Latitude or Longitude is missing or not a number.', 'noCoordinates');
      return;
    }
    if (
      latitude < BOUNDS.south ||
      latitude > BOUNDS.north ||
      longitude < BOUNDS.west ||
      longitude > BOUNDS.east
    ) {
      reject(`The location (${latitude}, ${longitude}) is outside Hong Kong.`, 'outsideHongKong', {
        latitude,
        longitude,
      });
      return;
    }
    const name = sourceText(fields, 'LocationName');
    if (!name.en && !name['zh-HK']) {
      reject('No name in any language.', 'noName');
      return;
    }
    const hotspots = parseCount(fields.NumberOfHotspots);
    if (hotspots === null) {
      reject(
        `NumberOfHotspots "${clean(fields.NumberOfHotspots)}" is not a whole number.`,
        'badHotspotCount',
        {
          value: clean(fields.NumberOfHotspots),
        },
      );
      return;
    }
    seenIds.set(locationId, record);
    this.accepted += 1;

    const ssid = clean(fields.SSID);
    const key = mergeKey(latitude, longitude, name);
    const existing = byKey.get(key);
    if (existing) {
      existing.locationIds.push(locationId);
      existing.hotspots += hotspots;
      if (ssid && !existing.ssids.includes(ssid)) existing.ssids.push(ssid);
      return;
    }
    const named = districtFrom(fields, districts);
    const located = named ? null : districts.locate(latitude, longitude);
    if (located) this.inferred += 1;
    byKey.set(key, {
      id: locationId,
      locationIds: [locationId],
      organisation: clean(fields.OrganisationCode),
      name,
      address: sourceText(fields, 'Address'),
      venueType: sourceText(fields, 'VenueType'),
      district: named ?? located!.code,
      districtApproximate: located?.approximate ?? false,
      latitude,
      longitude,
      ssids: ssid ? [ssid] : [],
      hotspots,
    });
  }

  finish(): NormalisedVenues {
    return {
      venues: [...this.byKey.values()],
      recordsRead: this.read,
      recordsAccepted: this.accepted,
      rejected: this.rejected,
      districtsInferred: this.inferred,
    };
  }
}

function districtFrom(fields: Record<string, string>, districts: DistrictDirectory): DistrictCode | null {
  for (const field of ['DistrictEN', 'DistrictTC', 'DistrictSC']) {
    const code = districts.codeForName(clean(fields[field]));
    if (code) return code;
  }
  return null;
}

/** Non-fixed (on-vehicle) records: no coordinates, one entry per operator. */
export function normaliseVehicles(records: RawRecord[]): NormalisedVehicles {
  const rejected: RejectedRow[] = [];
  const vehicles: StoredVehicle[] = [];
  const seen = new Set<string>();
  for (const { record, fields } of records) {
    const id = clean(fields.LocationID);
    const reject = (reason: string, code: string, params?: Record<string, string | number>) =>
      rejected.push({
        record,
        ...(id ? { locationId: id } : {}),
        reason,
        code,
        ...(params ? { params } : {}),
      });
    if (!id) {
      reject('No LocationID.', 'noId');
      continue;
    }
    if (seen.has(id)) {
      reject('The same LocationID appears more than once.', 'duplicateId');
      continue;
    }
    const name = sourceText(fields, 'LocationName');
    if (!name.en && !name['zh-HK']) {
      reject('No name in any language.', 'noName');
      continue;
    }
    const hotspots = parseCount(fields.NumberOfHotspots);
    if (hotspots === null) {
      reject(
        `NumberOfHotspots "${clean(fields.NumberOfHotspots)}" is not a whole number.`,
        'badHotspotCount',
        {
          value: clean(fields.NumberOfHotspots),
        },
      );
      continue;
    }
    seen.add(id);
    vehicles.push({
      id,
      organisation: clean(fields.OrganisationCode),
      name,
      vehicleType: sourceText(fields, 'VehicleTypeName'),
      ssid: clean(fields.SSID),
      hotspots,
      supportHotline: clean(fields.SupportHotline),
      remarks: sourceText(fields, 'Remarks'),
    });
  }
  return { vehicles, recordsRead: records.length, rejected };
}
