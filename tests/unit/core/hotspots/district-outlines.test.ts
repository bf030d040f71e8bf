import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pointInPolygon from 'point-in-polygon-hao';
import { describe, expect, it } from 'vitest';
import {
  DistrictOutlines,
  DistrictOutlinesFileSchema,
  OUTLINES_FILE,
} from '../../../../electron/core/hotspots/district-outlines';
import { DistrictDirectory } from '../../../../electron/core/hotspots/districts';
import { contentDir, sharedDataDir } from '../../../helpers/hotspots-context';

const sourceFile = path.join(sharedDataDir, 'hk-districts.geojson');
const outlinesText = () => readFileSync(path.join(contentDir, OUTLINES_FILE), 'utf8');

describe('data/district-outlines.json', () => {
  it('has the 18 districts of districts.json, each with closed rings, and stays small', () => {
    const file = DistrictOutlinesFileSchema.parse(JSON.parse(outlinesText()));
    const directory = DistrictDirectory.load(contentDir);
    expect(file.districts.map((d) => d.id)).toEqual(directory.all.map((d) => d.code));
    for (const district of file.districts)
      for (const polygon of district.polygons)
        for (const ring of polygon) expect(ring[0], district.id).toEqual(ring[ring.length - 1]);
    expect(Buffer.byteLength(outlinesText())).toBeLessThan(100_000);
    expect(file.source.title.en).toBe('Home Affairs Department district boundaries, DATA.GOV.HK');
  });

  it('neighbours share their borders: no place lies inside two outlines', () => {
    const file = DistrictOutlinesFileSchema.parse(JSON.parse(outlinesText()));
    const overlaps = new Set<string>();
    // A 0.002° grid (about 200 m) over the whole territory, away from exact vertices.
    for (let lat = 22.13; lat < 22.57; lat += 0.002)
      for (let lon = 113.81; lon < 114.51; lon += 0.002) {
        const point = [lon + 0.0000317, lat + 0.0000293];
        const inside = file.districts.filter((d) =>
          d.polygons.some((p) => pointInPolygon(point, p) === true),
        );
        if (inside.length > 1) overlaps.add(inside.map((d) => d.id).join('/'));
      }
    expect([...overlaps]).toEqual([]);
  });

  it.skipIf(!existsSync(sourceFile))('was made from the boundary file in ../shared as it is now', () => {
    const file = DistrictOutlinesFileSchema.parse(JSON.parse(outlinesText()));
    const sha256 = createHash('sha256').update(readFileSync(sourceFile)).digest('hex');
    expect(file.source.sha256).toBe(sha256);
    expect(file.source.file).toBe(path.basename(sourceFile));
  });

  it('each district centre in districts.json that lies on land is inside its own outline', () => {
    const outlines = DistrictOutlines.load(contentDir);
    const directory = DistrictDirectory.load(contentDir);
    // Places with no doubt about their district.
    expect(outlines.locate(22.3817, 114.1883)).toEqual({ code: 'R', outside: false }); // Sha Tin town centre
    expect(outlines.locate(22.4505, 114.1642)).toEqual({ code: 'P', outside: false }); // Tai Po Market
    expect(outlines.locate(22.3817, 114.2705)).toEqual({ code: 'Q', outside: false }); // Sai Kung town
    expect(outlines.locate(22.2819, 114.1582)).toEqual({ code: 'A', outside: false }); // Central
    // The Shenzhen Bay port area lies outside every HAD polygon: nearest edge is Yuen Long's.
    expect(outlines.locate(22.5035, 113.9445)).toEqual({ code: 'M', outside: true });
    for (const code of ['A', 'B', 'C', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'R', 'S'] as const) {
      const { centre } = directory.get(code);
      expect(outlines.locate(centre.latitude, centre.longitude).code, code).toBe(code);
    }
  });
});
