import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HandlersOf } from '../contract-method';
import type { CoreContext } from '../core-context';
import { KioskError } from '../errors';
import { CATEGORY_IDS, CATEGORY_LABELS } from './categories';
import { hongKongDateKey } from '../../shared/period';
import { dataDay, type FixedPart, type SourceInfo, type StoredVenue } from './dataset';
import { HotspotDatasetStore } from './dataset-store';
import { DistrictDirectory, REGION_IDS, type FullText } from './districts';
import { compareDatasets, readImport, summarise, type ImportCandidate } from './importer';
import { normaliseVenues } from './normalise';
import { packWifiInstaller } from './pack-wifi';
import { indexedDataset, readIndexFile, removeIndexFile, writeIndexFile } from './index-file';
import { HotspotIndex, type Point } from './search-index';
import { parseSourceFile } from './source-file';
import {
  hotspotMethods,
  type DatasetInfo,
  type DatasetLabel,
  type HotspotPreview,
  type HotspotStatus,
} from './contract';
import { venueDetail, venueSummary, vehicleView } from './views';
import { logStaffAction } from '../staff-console/staff-log';

export const SAMPLE_FILE = 'hotspots-sample.json';
/** The date of the Wi-Fi.HK download the sample was taken from (see data/README.md). */
export const SAMPLE_AS_OF = '2023-07-30';
export const ATTRIBUTION: FullText = {
  'zh-HK':
    '資料來源：資料一線通 DATA.GOV.HK（Wi-Fi.HK 地點：政府資訊科技總監辦公室／數字政策辦公室；地區界線：民政事務總署）',
  en: 'Source: DATA.GOV.HK (Wi-Fi.HK locations: OGCIO/Digital Policy Office; district boundaries: Home Affairs Department)',
  'zh-CN':
    '资料来源：资料一线通 DATA.GOV.HK（Wi-Fi.HK 地点：政府资讯科技总监办公室／数字政策办公室；地区界线：民政事务总署）',
};
export const TERMS_URL = 'https://data.gov.hk/en/terms-and-conditions';
/** A preview waits this long for confirm; then staff choose the file again. */
export const PREVIEW_LIFETIME_MS = 30 * 60 * 1000;

interface PendingPreview {
  id: string;
  candidate: ImportCandidate;
  baseRevision: number;
  expiresAt: number;
  fileName: string;
  fileModified: string | null;
}

/** Earliest day accepted as a dataset's date: Wi-Fi.HK began in 2014; this only stops a slip of the stepper. */
const EARLIEST_DATA_DAY = '2000-01-01';

/**
 * The Wi-Fi directory. Loads the stored dataset (or the shipped sample), builds the search index
 * once, and rebuilds it only when staff confirm or roll back an import.
 */
export async function createHotspotHandlers(ctx: CoreContext): Promise<HandlersOf<typeof hotspotMethods>> {
  const directory = ctx.content.districts;
  const sample = loadSample(ctx.contentDir, directory);
  const store = await HotspotDatasetStore.open(ctx, { trustedSha256: await indexedDataset(ctx.dataDir) });

  const fixedPart = (): FixedPart => store.current.fixed ?? sample;
  ctx.venuesInUse.provide(() => fixedPart().venues);
  const centre = (): Point => ctx.settings.data.public.location;
  let index = await openIndex(ctx.dataDir, store, fixedPart().venues, directory);

  // One console, one file at a time: a new preview replaces any earlier one.
  let pending: PendingPreview | null = null;
  const livePreview = (): PendingPreview | null => {
    if (pending && pending.expiresAt <= ctx.now().getTime()) pending = null;
    return pending;
  };

  const origin = (near: 'centre' | Point): { kind: 'centre' | 'point' } & Point =>
    near === 'centre'
      ? { kind: 'centre', ...centre() }
      : { kind: 'point', latitude: near.latitude, longitude: near.longitude };

  const datasetInfo = (): DatasetInfo => {
    const imported = store.current.fixed;
    return {
      kind: imported ? 'imported' : 'sample',
      asOf: imported ? dataDay(imported.source) : SAMPLE_AS_OF,
      attribution: ATTRIBUTION,
    };
  };

  const status = async (): Promise<HotspotStatus> => {
    const doc = store.current;
    const previousBytes = doc.previous ? await store.previousBytes() : null;
    const fixed = fixedPart();
    const preview = livePreview();
    return {
      fixed: {
        kind: doc.fixed ? 'imported' : 'sample',
        fileName: fixed.source.fileName,
        ...(doc.fixed?.source.pack ? { packVersion: doc.fixed.source.pack.version } : {}),
        importedAt: doc.fixed ? fixed.source.importedAt : null,
        format: fixed.source.format,
        asOf: datasetInfo().asOf,
        asOfFrom: doc.fixed ? (fixed.source.dataDate?.from ?? 'import') : 'sample',
        recordsRead: fixed.source.recordsRead,
        rejected: fixed.source.rejected,
        venues: fixed.venues.length,
        hotspots: fixed.venues.reduce((sum, venue) => sum + venue.hotspots, 0),
        approximateDistricts: fixed.venues.filter((venue) => venue.districtApproximate).length,
        missingChinese: fixed.venues.filter((venue) => !venue.name['zh-HK']).length,
      },
      vehicles: {
        ...label(doc.vehicles?.source ?? null, 'none'),
        records: doc.vehicles?.vehicles.length ?? 0,
      },
      previous: doc.previous
        ? {
            replacedAt: doc.previous.replacedAt,
            fixed: label(doc.previous.fixed, 'sample'),
            vehicles: label(doc.previous.vehicles, 'none'),
            bytes: previousBytes,
          }
        : null,
      pendingPreview: preview
        ? {
            previewId: preview.id,
            fileName: preview.fileName,
            expiresAt: new Date(preview.expiresAt).toISOString(),
          }
        : null,
      attribution: ATTRIBUTION,
      termsUrl: TERMS_URL,
    };
  };

  // An organisation's pack carries a Wi-Fi file: installed like a staff import (pack-wifi.ts).
  ctx.packWifi.provide(
    packWifiInstaller(ctx, store, directory, async (kind) => {
      // A preview made against the dataset this replaced would no longer be true.
      pending = null;
      if (kind === 'vehicles') await keepIndex();
      else await rebuild();
    }),
  );

  // The venues are unchanged but hotspots.json is not (its header): save the index under its new key.
  const keepIndex = async () => {
    const dataset = store.current.fixed ? store.datasetSha256 : null;
    if (dataset) await writeIndexFile(ctx.dataDir, dataset, index.size, index.saved()).catch(() => undefined);
  };
  const rebuild = async () => {
    index = await openIndex(ctx.dataDir, store, fixedPart().venues, directory);
  };

  return {
    'hotspots.search': async ({ district, venueType, text, near, page, pageSize, language, visit }) => {
      const from = origin(near);
      const hits = index.search(from, { district, category: venueType, text }, page, pageSize);
      const results = hits.positions.map((position) =>
        venueSummary(index.venues[position]!, index.categoryOf(position), from, directory),
      );
      // A district look-up is counted once per visit, when its first page is shown; paging is not a new look-up.
      if (district && page === 1) {
        try {
          await ctx.visits.count(visit, { event: 'hotspot.lookup', subject: district, language });
        } catch {
          // The anonymous tally is not worth failing a visitor's search over.
        }
      }
      return {
        total: hits.total,
        page,
        pageSize,
        pages: Math.ceil(hits.total / pageSize),
        origin: from,
        results,
      };
    },

    'hotspots.venue': async ({ id, near }) => {
      const position = index.positionOf(id);
      if (position === undefined)
        throw new KioskError('not_found', 'This hotspot is no longer in the directory.', {
          reason: 'hotspots.errors.venueGone',
        });
      return venueDetail(index.venues[position]!, index.categoryOf(position), origin(near), directory);
    },

    'hotspots.facets': async ({ district, venueType }) => {
      const counts = index.counts({ district, category: venueType });
      return {
        total: index.size,
        grid: directory.file.grid,
        regions: REGION_IDS.map((id) => ({
          id,
          name: directory.file.regions.find((region) => region.id === id)!.name,
          districts: directory.all
            .filter((d) => d.region === id)
            .map((d) => ({
              code: d.code,
              name: d.name,
              venues: counts.byDistrict[directory.all.indexOf(d)] ?? 0,
              grid: d.grid,
            })),
        })),
        venueTypes: CATEGORY_IDS.map((id, i) => ({
          id,
          label: CATEGORY_LABELS[id],
          venues: counts.byCategory[i] ?? 0,
        })),
        vehicles: store.current.vehicles?.vehicles.length ?? 0,
        dataset: datasetInfo(),
      };
    },

    'hotspots.map': async ({ district, venueType }) => {
      const positions = index.inDistrict(district, venueType);
      const points = positions.map((position) => {
        const venue = index.venues[position]!;
        return {
          id: venue.id,
          latitude: venue.latitude,
          longitude: venue.longitude,
          venueType: index.categoryOf(position),
        };
      });
      let bounds: { north: number; south: number; east: number; west: number } | null = null;
      if (points.length > 0) {
        const lats = points.map((p) => p.latitude);
        const lons = points.map((p) => p.longitude);
        // A margin of 0.002° (about 200 m) keeps edge dots off the frame.
        bounds = {
          north: Math.max(...lats) + 0.002,
          south: Math.min(...lats) - 0.002,
          east: Math.max(...lons) + 0.002,
          west: Math.min(...lons) - 0.002,
        };
      }
      const here = centre();
      const inside =
        bounds &&
        here.latitude <= bounds.north &&
        here.latitude >= bounds.south &&
        here.longitude <= bounds.east &&
        here.longitude >= bounds.west;
      return {
        district: { code: district, name: directory.get(district).name },
        bounds,
        centre: inside ? { ...here } : null,
        points,
      };
    },

    'hotspots.vehicles': async () => {
      const part = store.current.vehicles;
      return {
        vehicles: (part?.vehicles ?? []).map(vehicleView),
        dataset: part ? { kind: 'imported', asOf: dataDay(part.source), attribution: ATTRIBUTION } : null,
      };
    },

    'staff.hotspots.status': async () => status(),

    'staff.hotspots.preview': async ({ fileName, format, modified, content }) => {
      const candidate = await readImport(content, {
        fileName,
        declaredFormat: format,
        directory,
        now: ctx.now(),
      });
      const summary = summarise(candidate, directory);
      const doc = store.current;
      const changes =
        candidate.kind === 'fixed'
          ? compareDatasets(fixedPart().venues, candidate.part.venues)
          : compareDatasets(doc.vehicles?.vehicles ?? [], candidate.part.vehicles);
      const replaces =
        candidate.kind === 'fixed'
          ? label(doc.fixed?.source ?? null, 'sample')
          : label(doc.vehicles?.source ?? null, 'none');
      const expiresAt = ctx.now().getTime() + PREVIEW_LIFETIME_MS;
      const today = hongKongDateKey(ctx.now());
      // A modified day still to come (a computer whose clock was wrong) says nothing about the data.
      const fileModified = modified && modified <= today && modified >= EARLIEST_DATA_DAY ? modified : null;
      pending = {
        id: randomUUID(),
        candidate,
        baseRevision: doc.revision,
        expiresAt,
        fileName: summary.fileName,
        fileModified,
      };
      const preview: HotspotPreview = {
        ...summary,
        previewId: pending.id,
        fileModified,
        today,
        changes,
        replaces,
        expiresAt: new Date(expiresAt).toISOString(),
      };
      return preview;
    },

    'staff.hotspots.confirm': async ({ previewId, asOf }) => {
      const preview = livePreview();
      if (!preview || preview.id !== previewId) {
        throw new KioskError(
          'not_found',
          'This preview is no longer available (it was replaced or it expired). Choose the file again.',
          { reason: 'hotspots.errors.previewGone' },
        );
      }
      if (preview.baseRevision !== store.current.revision) {
        pending = null;
        throw new KioskError(
          'conflict',
          'The hotspot data changed after this preview was made. Choose the file again to see an up-to-date preview.',
          { reason: 'hotspots.errors.dataChanged' },
        );
      }
      const { candidate } = preview;
      const { source } = candidate.part;
      // A date in the file is the file's word; otherwise the day staff confirmed (or, from a caller
      // that asked nobody, the file's modified day). Visitors see this day, never the import day.
      if (!source.dataDate) {
        if (asOf !== undefined) {
          const today = hongKongDateKey(ctx.now());
          if (asOf > today || asOf < EARLIEST_DATA_DAY)
            throw new KioskError(
              'invalid_input',
              `The data cannot be from ${asOf}: choose a day between ${EARLIEST_DATA_DAY} and today (${today}).`,
              { reason: 'hotspots.errors.dataDayOutOfRange', params: { earliest: EARLIEST_DATA_DAY, today } },
            );
          source.dataDate = { day: asOf, from: 'staff' };
        } else if (preview.fileModified) {
          source.dataDate = { day: preview.fileModified, from: 'file-modified' };
        }
      }
      await store.replacePart(
        candidate.kind === 'fixed' ? { fixed: candidate.part } : { vehicles: candidate.part },
      );
      pending = null;
      if (candidate.kind === 'fixed') await rebuild();
      else await keepIndex();
      await logStaffAction(ctx, 'hotspots-imported', `${preview.fileName} (${candidate.kind})`, {
        file: preview.fileName,
        kind: candidate.kind,
      });
      return status();
    },

    'staff.hotspots.discard': async ({ previewId }) => {
      const discarded = livePreview()?.id === previewId;
      if (discarded) pending = null;
      return { discarded };
    },

    'staff.hotspots.rollback': async () => {
      await store.rollback();
      pending = null;
      await rebuild();
      await logStaffAction(ctx, 'hotspots-rolled-back', '', {});
      return status();
    },

    'staff.hotspots.removePrevious': async () => {
      const freedBytes = await store.removePrevious();
      await logStaffAction(ctx, 'hotspots-previous-removed', `${freedBytes} bytes`, { bytes: freedBytes });
      return { freedBytes, status: await status() };
    },
  };
}

/**
 * The search index for the venues in use: the one saved for exactly this hotspots.json when it is
 * there and sound, else built from the venues and saved for the next start. The shipped sample is
 * small enough to build every time. A failure to save (a full disk) only costs the next start time.
 */
async function openIndex(
  dataDir: string,
  store: HotspotDatasetStore,
  venues: readonly StoredVenue[],
  directory: DistrictDirectory,
): Promise<HotspotIndex> {
  const dataset = store.current.fixed ? store.datasetSha256 : null;
  if (!dataset) {
    await removeIndexFile(dataDir).catch(() => undefined);
    return new HotspotIndex(venues, directory);
  }
  const saved = await readIndexFile(dataDir, dataset, venues.length);
  if (saved) return new HotspotIndex(venues, directory, saved);
  const index = new HotspotIndex(venues, directory);
  await writeIndexFile(dataDir, dataset, venues.length, index.saved()).catch(() => undefined);
  return index;
}

function label(source: SourceInfo | null, whenNull: 'sample' | 'none'): DatasetLabel {
  if (!source)
    return { kind: whenNull, fileName: whenNull === 'sample' ? SAMPLE_FILE : null, importedAt: null };
  return {
    kind: 'imported',
    fileName: source.fileName,
    importedAt: source.importedAt,
    ...(source.pack ? { packVersion: source.pack.version } : {}),
  };
}

/** The shipped sample, read through the same parser and normaliser as an import. */
export function loadSample(contentDir: string, directory: DistrictDirectory): FixedPart {
  const bytes = readFileSync(path.join(contentDir, SAMPLE_FILE));
  const parsed = parseSourceFile(bytes);
  const result = normaliseVenues(parsed.records, directory);
  if (parsed.format !== 'fixed-json' || result.rejected.length > 0 || parsed.rejected.length > 0) {
    throw new Error(`The shipped ${SAMPLE_FILE} is not a clean fixed-location file.`);
  }
  return {
    source: {
      fileName: SAMPLE_FILE,
      format: 'fixed-json',
      importedAt: `${SAMPLE_AS_OF}T00:00:00.000Z`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      recordsRead: parsed.records.length,
      rejected: 0,
    },
    venues: result.venues,
  };
}
