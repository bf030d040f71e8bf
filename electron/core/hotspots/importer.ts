import { DISTRICT_CODES } from '../settings/schema';
import { KioskError } from '../errors';
import { CATEGORY_IDS, CATEGORY_LABELS, categorise, type CategoryId } from './categories';
import type { FixedPart, SourceFormat, StoredVehicle, StoredVenue, VehiclePart } from './dataset';
import { DataDateFinder } from './data-date';
import type { DistrictCode, DistrictDirectory, FullText } from './districts';
import { normaliseVehicles, VenueNormaliser } from './normalise';
import type { RawRecord, RejectedRow } from './source-file';
import { readSource, type SourceContent } from './source-stream';

/** How many rejected rows a preview lists; the total is always given. */
export const REJECTED_SHOWN = 20;

export type ImportCandidate =
  | { kind: 'fixed'; part: FixedPart; rejected: RejectedRow[]; districtsInferred: number }
  | { kind: 'vehicles'; part: VehiclePart; rejected: RejectedRow[] };

export interface ReadImportOptions {
  fileName: string;
  declaredFormat?: 'json' | 'csv';
  directory: DistrictDirectory;
  now: Date;
}

/**
 * A file (whole or streaming in) → a dataset ready to store, or a KioskError saying why the file
 * cannot be used. Records are normalised as they are read, so the file's text and its raw records
 * are never all in memory at once. Nothing here touches the disk: the caller decides whether to
 * keep the result.
 */
export async function readImport(
  content: SourceContent,
  options: ReadImportOptions,
): Promise<ImportCandidate> {
  const venues = new VenueNormaliser(options.directory);
  const vehicleRecords: RawRecord[] = [];
  const dates = new DataDateFinder();
  let vehiclesFile = false;
  const read = await readSource(content, options.declaredFormat, {
    begin: (format) => (vehiclesFile = format === 'non-fixed-json'),
    record: (record) => {
      dates.add(record.fields);
      if (vehiclesFile) vehicleRecords.push(record);
      else venues.add(record);
    },
  });
  // The file's own date, when it gives one; otherwise staff confirm it (see confirm).
  const dataDate = dates.day ? { dataDate: { day: dates.day, from: 'file' as const } } : {};
  const source = (format: SourceFormat, recordsRead: number, rejected: number) => ({
    fileName: options.fileName.slice(0, 255),
    format,
    importedAt: options.now.toISOString(),
    sha256: read.sha256,
    recordsRead,
    rejected,
    ...dataDate,
  });
  const recordsRead = read.records;

  if (read.format === 'non-fixed-json') {
    // The on-vehicle file is a few dozen operators: kept whole, it costs nothing.
    const result = normaliseVehicles(vehicleRecords);
    const rejected = sortRejected([...read.rejected, ...result.rejected]);
    if (result.vehicles.length === 0) throw nothingUsable(recordsRead, rejected);
    return {
      kind: 'vehicles',
      part: { source: source(read.format, recordsRead, rejected.length), vehicles: result.vehicles },
      rejected,
    };
  }
  const result = venues.finish();
  const rejected = sortRejected([...read.rejected, ...result.rejected]);
  if (result.venues.length === 0) throw nothingUsable(recordsRead, rejected);
  return {
    kind: 'fixed',
    part: { source: source(read.format, recordsRead, rejected.length), venues: result.venues },
    rejected,
    districtsInferred: result.districtsInferred,
  };
}

function sortRejected(rows: RejectedRow[]): RejectedRow[] {
  return rows.sort((a, b) => a.record - b.record);
}

function nothingUsable(records: number, rejected: RejectedRow[]): KioskError {
  const first = rejected[0];
  const example = first ? ` The first problem, at record ${first.record}: ${first.reason}` : '';
  return new KioskError(
    'invalid_input',
    `None of the ${records} records in the file could be used, so nothing was changed.${example}`,
    first
      ? { reason: 'hotspots.errors.nothingUsableAt', params: { records, record: first.record } }
      : { reason: 'hotspots.errors.nothingUsable', params: { records } },
  );
}

export interface ImportSummary {
  kind: 'fixed' | 'vehicles';
  fileName: string;
  format: SourceFormat;
  /** Every record in the file, including those rejected. */
  recordsRead: number;
  recordsAccepted: number;
  /** Venues after merging rows at one place (fixed), or vehicle operators (non-fixed). */
  venues: number;
  hotspots: number;
  byDistrict: { code: DistrictCode; name: FullText; venues: number; approximate: number }[];
  byVenueType: { id: CategoryId; label: FullText; venues: number }[];
  /** Venues outside every district outline, whose district came from the nearest one. */
  approximateDistricts: number;
  /** Venues (or vehicles) with no Chinese name: they will show the English name. */
  missingChinese: number;
  rejected: { total: number; shown: RejectedRow[] };
  /** The day the file says its data are from, or null: then staff confirm it. */
  dataDate: string | null;
  /** What staff should know before confirming, most serious first (words in the staff console's locales). */
  warnings: ImportWarning[];
}

/**
 * A preview's warnings, as codes and counts. `names-english-only`: venues with no Chinese name
 * (`count` of `total`; all of them for the CSV). `districts-inferred`: the file names no district
 * for `count` venues, so the kiosk took it from the district outlines. `districts-outside`: of
 * those, `count` lie outside every outline and got the nearest district. `date-not-in-file`.
 */
export type ImportWarning =
  | { code: 'names-english-only'; count: number; total: number }
  | { code: 'districts-inferred'; count: number }
  | { code: 'districts-outside'; count: number }
  | { code: 'date-not-in-file' };

function importWarnings(
  candidate: ImportCandidate,
  missingChinese: number,
  total: number,
  approximate: number,
): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (missingChinese > 0) warnings.push({ code: 'names-english-only', count: missingChinese, total });
  if (candidate.kind === 'fixed' && candidate.districtsInferred > 0)
    warnings.push({ code: 'districts-inferred', count: candidate.districtsInferred });
  if (approximate > 0) warnings.push({ code: 'districts-outside', count: approximate });
  if (!candidate.part.source.dataDate) warnings.push({ code: 'date-not-in-file' });
  return warnings;
}

export function summarise(candidate: ImportCandidate, directory: DistrictDirectory): ImportSummary {
  const { source } = candidate.part;
  const base = {
    kind: candidate.kind,
    fileName: source.fileName,
    format: source.format,
    recordsRead: source.recordsRead,
    recordsAccepted: source.recordsRead - source.rejected,
    rejected: { total: candidate.rejected.length, shown: candidate.rejected.slice(0, REJECTED_SHOWN) },
    dataDate: source.dataDate?.day ?? null,
  };
  if (candidate.kind === 'vehicles') {
    const vehicles = candidate.part.vehicles;
    const missingChinese = vehicles.filter((vehicle) => !vehicle.name['zh-HK']).length;
    return {
      ...base,
      venues: vehicles.length,
      hotspots: vehicles.reduce((sum, vehicle) => sum + vehicle.hotspots, 0),
      byDistrict: [],
      byVenueType: [],
      approximateDistricts: 0,
      missingChinese,
      warnings: importWarnings(candidate, missingChinese, vehicles.length, 0),
    };
  }
  const venues = candidate.part.venues;
  const districtCounts = new Map<DistrictCode, { venues: number; approximate: number }>();
  const typeCounts = new Map<CategoryId, number>();
  const approximate = venues.filter((venue) => venue.districtApproximate).length;
  const missingChinese = venues.filter((venue) => !venue.name['zh-HK']).length;
  let hotspots = 0;
  for (const venue of venues) {
    hotspots += venue.hotspots;
    const counts = districtCounts.get(venue.district) ?? { venues: 0, approximate: 0 };
    counts.venues += 1;
    if (venue.districtApproximate) counts.approximate += 1;
    districtCounts.set(venue.district, counts);
    const category = categorise(venue.venueType.en ?? '', Object.values(venue.name));
    typeCounts.set(category, (typeCounts.get(category) ?? 0) + 1);
  }
  return {
    ...base,
    venues: venues.length,
    hotspots,
    byDistrict: DISTRICT_CODES.map((code) => ({
      code,
      name: directory.get(code).name,
      ...(districtCounts.get(code) ?? { venues: 0, approximate: 0 }),
    })),
    byVenueType: CATEGORY_IDS.map((id) => ({
      id,
      label: CATEGORY_LABELS[id],
      venues: typeCounts.get(id) ?? 0,
    })),
    approximateDistricts: approximate,
    missingChinese,
    warnings: importWarnings(candidate, missingChinese, venues.length, approximate),
  };
}

export interface DatasetChanges {
  /** Compared by venue id (the first LocationID): new ids, ids gone, same id with other details. */
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** A few names of each, for the preview screen. */
  examples: { added: string[]; removed: string[]; changed: string[] };
}

const EXAMPLES = 5;

export function compareDatasets<T extends StoredVenue | StoredVehicle>(
  current: readonly T[],
  next: readonly T[],
): DatasetChanges {
  const before = new Map(current.map((item) => [item.id, item]));
  const label = (item: T) => item.name.en ?? item.name['zh-HK'] ?? item.id;
  const changes: DatasetChanges = {
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
    examples: { added: [], removed: [], changed: [] },
  };
  const note = (kind: 'added' | 'removed' | 'changed', item: T) => {
    changes[kind] += 1;
    if (changes.examples[kind].length < EXAMPLES) changes.examples[kind].push(label(item));
  };
  const seen = new Set<string>();
  for (const item of next) {
    seen.add(item.id);
    const old = before.get(item.id);
    if (!old) note('added', item);
    else if (JSON.stringify(old) !== JSON.stringify(item)) note('changed', item);
    else changes.unchanged += 1;
  }
  for (const item of current) if (!seen.has(item.id)) note('removed', item);
  return changes;
}
