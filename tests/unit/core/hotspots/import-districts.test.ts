import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DistrictOutlines,
  type DistrictOutlinesFile,
} from '../../../../electron/core/hotspots/district-outlines';
import { DistrictDirectory, type DistrictCode } from '../../../../electron/core/hotspots/districts';
import { normaliseVenues } from '../../../../electron/core/hotspots/normalise';
import { parseSourceFile } from '../../../../electron/core/hotspots/source-file';
import type { StoredVenue } from '../../../../electron/core/hotspots/dataset';
import { contentDir, sharedDataDir } from '../../../helpers/hotspots-context';

const csvFile = path.join(sharedDataDir, 'wifi-hk-hotspots.csv');
const jsonFile = path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json');
const boundaryFile = path.join(sharedDataDir, 'hk-districts.geojson');
const haveRealData = [csvFile, jsonFile, boundaryFile].every((file) => existsSync(file));

const SHENZHEN_BAY_IDS = [
  'NIMM033',
  'NIMM034',
  'NIMM035',
  'NIMM036',
  'NIMM037',
  'SMT-PPC-A024',
  'SMT-PPC-A111',
];

describe.skipIf(!haveRealData)('districts of a CSV import (no District column), on the real files', () => {
  const shipped = DistrictDirectory.load(contentDir);
  const csvRecords = () => parseSourceFile(readFileSync(csvFile)).records;
  // The official-shape JSON's District fields, by LocationID: what each venue's district should be.
  const official = new Map<string, DistrictCode | null>();
  for (const { fields } of parseSourceFile(readFileSync(jsonFile)).records)
    official.set(fields.LocationID!, shipped.codeForName(fields.DistrictEN ?? ''));

  function agreement(venues: StoredVenue[]): { agree: number; total: number } {
    let agree = 0;
    let total = 0;
    for (const venue of venues) {
      const want = official.get(venue.id);
      if (!want) continue; // the 7 Shenzhen Bay records name no district in the JSON either
      total += 1;
      if (venue.district === want) agree += 1;
    }
    return { agree, total };
  }
  const percent = ({ agree, total }: { agree: number; total: number }) =>
    `${agree}/${total} = ${((agree / total) * 100).toFixed(2)}%`;

  it('agree with the official file for more than 99% of venues, and 大埔區 gets its own venues', () => {
    const result = normaliseVenues(csvRecords(), shipped);
    const after = agreement(result.venues);
    const before = agreement(normaliseVenues(csvRecords(), new DistrictDirectory(shipped.file)).venues);
    // The full HAD polygons, unsimplified, as the figure to compare the shipped outlines with.
    const geojson = JSON.parse(readFileSync(boundaryFile, 'utf8')) as {
      features: { properties: Record<string, string>; geometry: { coordinates: [number, number][][] } }[];
    };
    const full: DistrictOutlinesFile = {
      source: {
        title: { 'zh-HK': '-', en: '-', 'zh-CN': '-' },
        file: 'x',
        sha256: '0'.repeat(64),
        tolerance: 1,
      },
      districts: geojson.features.map((f) => ({
        id: f.properties['地區號碼'] as DistrictCode,
        polygons: [f.geometry.coordinates],
      })),
    };
    const fullPolygons = agreement(
      normaliseVenues(csvRecords(), new DistrictDirectory(shipped.file, new DistrictOutlines(full))).venues,
    );
    console.log(
      `CSV districts vs the official-shape JSON: nearest centre ${percent(before)}; ` +
        `shipped outlines ${percent(after)}; full HAD polygons ${percent(fullPolygons)}`,
    );
    expect(after.agree / after.total).toBeGreaterThan(0.99);

    const taiPo = (venues: StoredVenue[]) => venues.filter((venue) => venue.district === 'P').length;
    const officialTaiPo = normaliseVenues(parseSourceFile(readFileSync(jsonFile)).records, shipped).venues;
    expect(Math.abs(taiPo(result.venues) - taiPo(officialTaiPo))).toBeLessThanOrEqual(3);
    console.log(`大埔區: ${taiPo(result.venues)} venues from the CSV, ${taiPo(officialTaiPo)} from the JSON`);

    // Inside an outline is exact; only the port area outside every outline stays approximate.
    const approximate = result.venues.filter((venue) => venue.districtApproximate);
    expect(approximate.flatMap((venue) => venue.locationIds).sort()).toEqual([...SHENZHEN_BAY_IDS].sort());
    expect(result.districtsInferred).toBe(result.venues.length);
  });

  it('leave a file that names its districts alone: nothing inferred', () => {
    const result = normaliseVenues(parseSourceFile(readFileSync(jsonFile)).records, shipped);
    // Only the 7 port records name no district: those come from the outlines.
    expect(result.districtsInferred).toBe(
      result.venues.filter((venue) => venue.locationIds.some((id) => SHENZHEN_BAY_IDS.includes(id))).length,
    );
  });
});
