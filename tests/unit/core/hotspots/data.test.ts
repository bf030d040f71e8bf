import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISTRICT_CODES } from '../../../../electron/core/settings/schema';
import { DistrictDirectory, DistrictsFileSchema } from '../../../../electron/core/hotspots/districts';
import { loadSample, SAMPLE_FILE } from '../../../../electron/core/hotspots/handlers';
import { toSimplified } from '../../../../electron/core/hotspots/text-fold';
import { contentDir } from '../../../helpers/hotspots-context';

describe('shipped hotspot data', () => {
  it('districts.json lists the 18 districts with three names, a centre and a map tile each', () => {
    const file = DistrictsFileSchema.parse(
      JSON.parse(readFileSync(path.join(contentDir, 'districts.json'), 'utf8')),
    );
    expect(file.districts.map((district) => district.code)).toEqual([...DISTRICT_CODES]);
    const directory = new DistrictDirectory(file);
    // Each centre lies nearest to its own district's centre (trivially) and names round-trip.
    for (const district of file.districts) {
      expect(directory.nearest(district.centre.latitude, district.centre.longitude)).toBe(district.code);
      expect(directory.codeForName(district.name.en)).toBe(district.code);
      expect(directory.codeForName(district.name['zh-HK'])).toBe(district.code);
      expect(directory.codeForName(district.name['zh-CN'])).toBe(district.code);
      expect(district.name['zh-CN']).toBe(toSimplified(district.name['zh-HK']));
    }
    // The HAD boundary file spells these differently; they must still resolve.
    expect(directory.codeForName('Central And Western')).toBe('A');
    expect(directory.codeForName('灣仔')).toBe('B');
    expect(
      file.districts.filter((district) => district.region === 'hong-kong-island').map((d) => d.code),
    ).toEqual(['A', 'B', 'C', 'D']);
  });

  it('the sample is in the official shape: at most 100 venues, all 18 districts, three languages', () => {
    const text = readFileSync(path.join(contentDir, SAMPLE_FILE), 'utf8');
    const records = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, string>[];
    expect(records.length).toBeLessThanOrEqual(100);
    for (const record of records) {
      for (const field of ['LocationName', 'Address', 'VenueType', 'District']) {
        expect(record[`${field}EN`], `${record.LocationID} ${field}EN`).toBeTruthy();
        expect(record[`${field}TC`], `${record.LocationID} ${field}TC`).toBeTruthy();
        expect(record[`${field}SC`], `${record.LocationID} ${field}SC`).toBe(
          toSimplified(record[`${field}TC`]!),
        );
      }
    }
    const sample = loadSample(contentDir, DistrictDirectory.load(contentDir));
    expect(new Set(sample.venues.map((venue) => venue.district)).size).toBe(18);
    expect(sample.venues.every((venue) => !venue.districtApproximate)).toBe(true);
  });
});
