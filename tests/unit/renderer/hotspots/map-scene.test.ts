import { describe, expect, it } from 'vitest';
import { overlapArea, type Box, type Polygons } from '../../../../renderer/src/hotspots/map-layout';
import { arrangeMap, type SceneInput } from '../../../../renderer/src/hotspots/map-scene';

const view: Box = { x: 0, y: 0, width: 1000, height: 600 };
const rect = (x: number, y: number, w: number, h: number): Polygons => [
  [
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ],
  ],
];
const target = (x: number, y: number): Box => ({ x: x - 45, y: y - 45, width: 90, height: 90 });

/** A district filling the map's middle, a neighbour on its right, units of 1.4 per px at 24 px text. */
function scene(overrides: Partial<SceneInput> = {}): SceneInput {
  return {
    view,
    unitsPerPx: 1.4,
    unitsPerRem: 24 * 1.4,
    targets: [],
    here: null,
    scale: { units: 250, label: '1 公里' },
    northLabel: '北',
    hereLabel: '你在這裡',
    districts: [
      { id: 'F', name: '深水埗區', polygons: rect(0, 0, 700, 600) },
      { id: 'E', name: '油尖旺區', polygons: rect(700, 0, 300, 600) },
    ],
    mainId: 'F',
    ...overrides,
  };
}

const everyBox = (placed: ReturnType<typeof arrangeMap>) =>
  [placed.scale, placed.north, placed.pin, placed.hereLabel?.box, ...placed.labels.map((l) => l.box)].filter(
    (box): box is Box => Boolean(box),
  );

describe('arrangeMap', () => {
  it('moves the scale off the corner where a dot is, and the north arrow too', () => {
    const targets = [target(60, 560), target(940, 40)];
    const placed = arrangeMap(scene({ targets }));
    expect(placed.scale).not.toBeNull();
    expect(placed.north).not.toBeNull();
    for (const box of [placed.scale!, placed.north!])
      for (const hit of targets) expect(overlapArea(box, hit)).toBe(0);
    // Bottom-left was taken by the dot: the scale went to the next corner.
    expect(placed.scale!.x).toBeGreaterThan(500);
  });

  it('leaves the scale off the map when every corner has a dot', () => {
    const targets = [target(60, 560), target(940, 560), target(60, 40), target(940, 40)];
    expect(arrangeMap(scene({ targets })).scale).toBeNull();
  });

  it('names the chosen district larger, inside it, and the neighbour inside its own', () => {
    const placed = arrangeMap(scene());
    const main = placed.labels.find((l) => l.id === 'F')!;
    const neighbour = placed.labels.find((l) => l.id === 'E')!;
    expect(main.main).toBe(true);
    expect(main.font).toBeGreaterThan(neighbour.font);
    expect(main.box.x + main.box.width).toBeLessThanOrEqual(700);
    expect(neighbour.box.x).toBeGreaterThanOrEqual(700);
  });

  it('keeps names off the dots where the district has room, and nothing placed overlaps', () => {
    // A band of dots across the district's middle, where its name would go.
    const targets = [100, 200, 300, 400, 500, 600].map((x) => target(x, 300));
    const here = { x: 350, y: 180 };
    const placed = arrangeMap(scene({ targets, here }));
    const names = [...placed.labels.map((l) => l.box), placed.hereLabel!.box];
    for (const box of names) for (const hit of targets) expect(overlapArea(box, hit)).toBe(0);
    const boxes = everyBox(placed);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlapArea(boxes[i]!, boxes[j]!)).toBe(0);
  });

  it('grows every word with the text size', () => {
    const small = arrangeMap(scene());
    const large = arrangeMap(scene({ unitsPerRem: 36 * 1.4 }));
    expect(large.labels[0]!.font / small.labels[0]!.font).toBeCloseTo(1.5, 6);
    expect(large.scaleFont).toBeGreaterThan(small.scaleFont);
  });
});
