import { describe, expect, it } from 'vitest';
import {
  freeCorner,
  insidePolygons,
  labelLines,
  overlapArea,
  placeNear,
  placeInside,
  textWidth,
  type Box,
  type Obstacle,
  type Polygons,
} from '../../../../renderer/src/hotspots/map-layout';

const view: Box = { x: 0, y: 0, width: 1000, height: 600 };
const square = (x: number, y: number, size: number): [number, number][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
];
/** An L-shaped district: a wide bottom arm and a tall left arm. */
const ell: Polygons = [
  [
    [
      [100, 100],
      [300, 100],
      [300, 400],
      [900, 400],
      [900, 550],
      [100, 550],
    ],
  ],
];
const dot = (x: number, y: number): Obstacle => ({
  box: { x: x - 32, y: y - 32, width: 64, height: 64 },
  weight: 1,
});

describe('insidePolygons', () => {
  it('counts a hole as outside', () => {
    const withHole: Polygons = [[square(0, 0, 100), square(40, 40, 20)]];
    expect(insidePolygons(10, 10, withHole)).toBe(true);
    expect(insidePolygons(50, 50, withHole)).toBe(false);
    expect(insidePolygons(150, 50, withHole)).toBe(false);
  });
});

describe('placeInside', () => {
  const size = { width: 200, height: 50 };

  it('puts the whole name inside the district, not across its corner', () => {
    const box = placeInside(ell, size, view, [])!;
    expect(box).not.toBeNull();
    for (const [x, y] of [
      [box.x, box.y],
      [box.x + box.width, box.y],
      [box.x, box.y + box.height],
      [box.x + box.width, box.y + box.height],
    ])
      expect(insidePolygons(x!, y!, ell)).toBe(true);
  });

  it('moves off the dots when there is room elsewhere in the district', () => {
    const free = placeInside(ell, size, view, [])!;
    const dots = [dot(free.x + 20, free.y + 20), dot(free.x + free.width - 20, free.y + free.height - 10)];
    const moved = placeInside(ell, size, view, dots)!;
    for (const d of dots) expect(overlapArea(moved, d.box)).toBe(0);
  });

  it('never covers another label', () => {
    const first = placeInside(ell, size, view, [])!;
    const second = placeInside(ell, size, view, [{ box: first, weight: Infinity }])!;
    expect(overlapArea(first, second)).toBe(0);
  });

  it('stays in view when most of the district is off the map', () => {
    const big: Polygons = [[square(-2000, -2000, 2600)]];
    const box = placeInside(big, size, view, [])!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(600);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
  });

  it('gives up on a district wholly out of view', () => {
    expect(placeInside([[square(1200, 100, 200)]], size, view, [])).toBeNull();
  });
});

describe('placeNear', () => {
  const at = { x: 500, y: 300 };
  const size = { width: 150, height: 40 };

  it('takes the side of the marker that covers no dot', () => {
    const right = placeNear(at, size, 20, view, [])!;
    expect(right.x).toBeGreaterThan(at.x);
    const left = placeNear(at, size, 20, view, [dot(600, 300)])!;
    expect(left.x + left.width).toBeLessThan(at.x);
  });

  it('goes further out when dots crowd round the marker, and gives up rather than cover one', () => {
    const crowd = [dot(560, 300), dot(440, 300), dot(500, 360), dot(500, 240)];
    const out = placeNear(at, size, 20, view, crowd)!;
    for (const d of crowd) expect(overlapArea(out, d.box)).toBe(0);
    const everywhere = [{ box: view, weight: 1 }];
    expect(placeNear(at, size, 20, view, everywhere)).toBeNull();
  });
});

describe('freeCorner', () => {
  const size = { width: 250, height: 60 };

  it('takes the first corner in the order that hides no dot', () => {
    expect(freeCorner(size, view, 20, [], ['bottom-left', 'top-right'])).toEqual({ x: 20, y: 520, ...size });
    // The dot the old map hid under its scale label, bottom left.
    const hidden = dot(150, 550).box;
    const box = freeCorner(
      size,
      view,
      20,
      [hidden],
      ['bottom-left', 'bottom-right', 'top-left', 'top-right'],
    )!;
    expect(box).toEqual({ x: 730, y: 520, ...size });
    expect(overlapArea(box, hidden)).toBe(0);
  });

  it('says so when every corner would hide a dot', () => {
    const corners = [dot(60, 560), dot(940, 560), dot(60, 40), dot(940, 40)].map((d) => d.box);
    expect(
      freeCorner(size, view, 20, corners, ['bottom-left', 'bottom-right', 'top-left', 'top-right']),
    ).toBeNull();
  });
});

describe('labels', () => {
  it('gives a Chinese name about one em a character and breaks a long English name at a space', () => {
    expect(textWidth('沙田區', 30)).toBeGreaterThanOrEqual(90);
    expect(labelLines('Central and Western', 40, 2000)).toEqual(['Central and Western']);
    const lines = labelLines('Central and Western', 40, 300);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe('Central and Western');
    expect(labelLines('Yau Tsim Mong', 40, 200)).toEqual(['Yau Tsim', 'Mong']);
    expect(labelLines('深水埗區', 40, 100)).toEqual(['深水埗區']);
  });
});
