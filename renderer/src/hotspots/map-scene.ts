import {
  freeCorner,
  labelLines,
  placeNear,
  placeInside,
  textWidth,
  type Box,
  type Obstacle,
  type Polygons,
} from './map-layout';

/**
 * Everything drawn on the map besides the outlines and the dots, placed in one pass: the scale
 * and the north arrow first (in a corner that hides no dot's target), then "you are here" beside
 * its pin, then the chosen district's name, then its neighbours'. Nothing covers a dot's target,
 * and no word covers another, the scale, the arrow or the pin; a name with no room is left out.
 */
export interface SceneInput {
  view: Box;
  /** Map units per CSS pixel and per rem (the text size). */
  unitsPerPx: number;
  unitsPerRem: number;
  /** Each marker's finger target (64 px square). */
  targets: readonly Box[];
  here: { x: number; y: number } | null;
  scale: { units: number; label: string };
  northLabel: string;
  hereLabel: string;
  /** The chosen district first, then the rest; names in the visitor's language. */
  districts: readonly { id: string; name: string; polygons: Polygons }[];
  mainId: string;
}

export interface PlacedLabel {
  id: string;
  lines: string[];
  box: Box;
  font: number;
  main: boolean;
}

export interface Scene {
  scale: Box | null;
  scaleFont: number;
  north: Box | null;
  northFont: number;
  /** The pin's outline, tip at `here`: for tests and for what names avoid. */
  pin: Box | null;
  hereLabel: { box: Box; font: number } | null;
  labels: PlacedLabel[];
}

/**
 * The "you are here" pin: a needle from the point up to a round head, tall enough that a numbered
 * dot on the very same spot (a venue in the centre itself) hides only the needle, never the head.
 */
export const PIN = { rise: 1.6, head: 0.62 } as const;

/** The pin's outline, tip on the point, in map units. */
export function pinBox(at: { x: number; y: number }, unitsPerRem: number): Box {
  const top = (PIN.rise + PIN.head + 0.05) * unitsPerRem;
  return {
    x: at.x - (PIN.head + 0.05) * unitsPerRem,
    y: at.y - top,
    width: 2 * (PIN.head + 0.05) * unitsPerRem,
    height: top + 0.1 * unitsPerRem,
  };
}

export function arrangeMap(input: SceneInput): Scene {
  const rem = (value: number) => value * input.unitsPerRem;
  const { view } = input;
  const margin = rem(0.4);
  const pin = input.here ? pinBox(input.here, input.unitsPerRem) : null;
  const avoid: Box[] = [...input.targets, ...(pin ? [pin] : [])];

  const scaleFont = rem(0.9);
  const scaleSize = {
    width: input.scale.units + rem(0.5) + textWidth(input.scale.label, scaleFont),
    height: scaleFont * 1.6,
  };
  const scale = freeCorner(scaleSize, view, margin, avoid, [
    'bottom-left',
    'bottom-right',
    'top-left',
    'top-right',
  ]);
  if (scale) avoid.push(scale);
  const northFont = rem(0.9);
  const northSize = { width: Math.max(rem(1.4), textWidth(input.northLabel, northFont)), height: rem(2.6) };
  const north = freeCorner(northSize, view, margin, avoid, [
    'top-right',
    'top-left',
    'bottom-right',
    'bottom-left',
  ]);

  const obstacles: Obstacle[] = [
    ...input.targets.map((box) => ({ box, weight: Infinity })),
    ...[scale, north, pin].filter((box) => box !== null).map((box) => ({ box, weight: Infinity })),
  ];

  let hereLabel: Scene['hereLabel'] = null;
  if (input.here) {
    const font = rem(0.9);
    const size = { width: textWidth(input.hereLabel, font) + rem(0.4), height: font * 1.4 };
    const placed = placeNear(
      { x: input.here.x, y: input.here.y - rem(PIN.rise) },
      size,
      rem(0.8),
      view,
      obstacles,
    );
    if (placed) {
      hereLabel = { box: placed, font };
      obstacles.push({ box: placed, weight: Infinity });
    }
  }

  // In a district full of dots the chosen district's name tries a smaller size and then gives way
  // (the heading and the outline still say which district it is).
  const labels: PlacedLabel[] = [];
  const order = [...input.districts].sort(
    (a, b) => Number(b.id === input.mainId) - Number(a.id === input.mainId),
  );
  for (const district of order) {
    const main = district.id === input.mainId;
    for (const font of (main ? [1.25, 1] : [0.95]).map(rem)) {
      const lines = labelLines(district.name, font, view.width * 0.45);
      const size = {
        width: Math.max(...lines.map((line) => textWidth(line, font))),
        height: font * 1.25 * lines.length,
      };
      const box = placeInside(district.polygons, size, view, obstacles);
      if (!box) continue;
      labels.push({ id: district.id, lines, box, font, main });
      obstacles.push({ box, weight: Infinity });
      break;
    }
  }
  return { scale, scaleFont, north, northFont, pin, hereLabel, labels };
}
