import { describe, expect, it } from 'vitest';
import {
  fitProjection,
  nearestPointIndex,
  scaleBarMetres,
} from '../../../../renderer/src/hotspots/map-projection';

// Sham Shui Po, roughly.
const bounds = { north: 22.345, south: 22.32, east: 114.175, west: 114.135 };

describe('fitProjection', () => {
  const projection = fitProjection(bounds, 1000, 600);

  it('keeps north up and east right, inside the box', () => {
    const nw = projection.project(bounds.north, bounds.west);
    const se = projection.project(bounds.south, bounds.east);
    expect(nw.x).toBeLessThan(se.x);
    expect(nw.y).toBeLessThan(se.y);
    for (const { x, y } of [nw, se]) {
      expect(x).toBeGreaterThanOrEqual(-1e-9);
      expect(x).toBeLessThanOrEqual(1000 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(-1e-9);
      expect(y).toBeLessThanOrEqual(600 + 1e-9);
    }
  });

  it('puts the centre of the bounds in the middle of the box', () => {
    const mid = projection.project((bounds.north + bounds.south) / 2, (bounds.east + bounds.west) / 2);
    expect(mid.x).toBeCloseTo(500, 6);
    expect(mid.y).toBeCloseTo(300, 6);
  });

  it('scales longitude by cos(latitude) so a kilometre is as long east-west as north-south', () => {
    const origin = projection.project(22.33, 114.15);
    const north = projection.project(22.33 + 0.009, 114.15); // about 1 km north
    const east = projection.project(22.33, 114.15 + 0.009 / Math.cos((22.3325 * Math.PI) / 180)); // about 1 km east
    const northUnits = origin.y - north.y;
    const eastUnits = east.x - origin.x;
    expect(eastUnits / northUnits).toBeCloseTo(1, 2);
    expect(northUnits * projection.metresPerUnit).toBeCloseTo(1000, -1);
  });

  it('gives a single point some room instead of dividing by zero', () => {
    const single = fitProjection({ north: 22.3, south: 22.3, east: 114.2, west: 114.2 });
    const point = single.project(22.3, 114.2);
    expect(point.x).toBeCloseTo(500, 6);
    expect(Number.isFinite(single.metresPerUnit)).toBe(true);
  });
});

describe('nearestPointIndex', () => {
  const points = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 50, y: 80 },
  ];
  it('picks the nearest point within reach', () => {
    expect(nearestPointIndex(points, 90, 5, 30)).toBe(1);
    expect(nearestPointIndex(points, 48, 70, 30)).toBe(2);
  });
  it('picks nothing when every point is too far', () => {
    expect(nearestPointIndex(points, 50, 30, 20)).toBe(-1);
    expect(nearestPointIndex([], 0, 0, 100)).toBe(-1);
  });
});

describe('scaleBarMetres', () => {
  it('is a round length near a quarter of the map', () => {
    const projection = fitProjection(bounds, 1000, 600);
    const metres = scaleBarMetres(projection);
    expect([50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000]).toContain(metres);
    const quarter = (1000 * projection.metresPerUnit) / 4;
    expect(metres).toBeLessThanOrEqual(quarter);
    expect(metres * 2.5).toBeGreaterThan(quarter);
  });
});

describe('fitProjection with an inset', () => {
  it('keeps the bounds that far from every side, still centred', () => {
    const projection = fitProjection(bounds, 1000, 600, 50);
    const nw = projection.project(bounds.north, bounds.west);
    const se = projection.project(bounds.south, bounds.east);
    expect(Math.min(nw.x, nw.y, 1000 - se.x, 600 - se.y)).toBeGreaterThanOrEqual(50 - 1e-9);
    expect((nw.x + se.x) / 2).toBeCloseTo(500, 6);
    // The tighter side touches its inset: the map is as large as the room allows.
    expect(Math.min(nw.y, 600 - se.y)).toBeCloseTo(50, 6);
  });
});
