/**
 * Where the map's words and furniture go: district names inside their district and off the dots,
 * "you are here" beside its marker, the scale and the north arrow in a corner that hides no dot.
 * Everything is in map units (the SVG viewBox), boxes are top-left + size.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A district's outline in map units: polygons, each an outer ring then its holes. */
export type Rings = readonly (readonly (readonly [number, number])[])[];
export type Polygons = readonly Rings[];

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Even-odd ray casting over every ring, so a hole (or a lake) is outside. */
export function insidePolygons(x: number, y: number, polygons: Polygons): boolean {
  let inside = false;
  for (const rings of polygons)
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
  return inside;
}

/** The bounding box of polygons' outer rings. */
export function polygonsBox(polygons: Polygons): Box | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons)
    for (const [x, y] of rings[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  return minX <= maxX ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

/**
 * A rough width for a line of bold text, without a canvas: CJK characters are one em, Latin letters
 * about half. It errs wide, so a label given this much room never spills over what it avoids.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x2e80) ems += 1.02;
    else if (char === ' ') ems += 0.3;
    else if (/[A-Z0-9mwMW]/.test(char)) ems += 0.7;
    else ems += 0.56;
  }
  return ems * fontSize;
}

/** A name on one line, or on two balanced at a space when one line is too wide for `maxWidth`. */
export function labelLines(text: string, fontSize: number, maxWidth: number): string[] {
  if (textWidth(text, fontSize) <= maxWidth || !text.includes(' ')) return [text];
  const words = text.split(' ');
  let best: string[] = [text];
  let bestWidth = Infinity;
  for (let cut = 1; cut < words.length; cut++) {
    const lines = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    const width = Math.max(...lines.map((line) => textWidth(line, fontSize)));
    if (width < bestWidth) {
      best = lines;
      bestWidth = width;
    }
  }
  return best;
}

export interface Obstacle {
  box: Box;
  /** How bad it is to cover it: Infinity for never (another label, the scale). */
  weight: number;
}

function cost(box: Box, obstacles: readonly Obstacle[]): number {
  let total = 0;
  for (const obstacle of obstacles) {
    const area = overlapArea(box, obstacle.box);
    if (area > 0) total += obstacle.weight === Infinity ? Infinity : area * obstacle.weight;
  }
  return total;
}

/**
 * A place for a `size` label inside `polygons` and wholly in `view`, covering as few obstacles as
 * it can and, among equals, nearest the middle of the district's part in view. First it asks for
 * the whole box inside the district; failing that, only its middle; null when neither fits.
 */
export function placeInside(
  polygons: Polygons,
  size: { width: number; height: number },
  view: Box,
  obstacles: readonly Obstacle[],
): Box | null {
  const outline = polygonsBox(polygons);
  if (!outline) return null;
  const left = Math.max(outline.x, view.x) + size.width / 2;
  const right = Math.min(outline.x + outline.width, view.x + view.width) - size.width / 2;
  const top = Math.max(outline.y, view.y) + size.height / 2;
  const bottom = Math.min(outline.y + outline.height, view.y + view.height) - size.height / 2;
  if (left > right || top > bottom) return null;
  const step = Math.max(Math.min(size.height / 2, size.width / 4), Math.max(view.width, view.height) / 80);

  const centres: { x: number; y: number; whole: boolean }[] = [];
  for (let y = top; y <= bottom + 1e-9; y += step)
    for (let x = left; x <= right + 1e-9; x += step) {
      if (!insidePolygons(x, y, polygons)) continue;
      const hw = size.width / 2;
      const hh = size.height / 2;
      const whole = [
        [x - hw, y - hh],
        [x + hw, y - hh],
        [x - hw, y + hh],
        [x + hw, y + hh],
        [x, y - hh],
        [x, y + hh],
        [x - hw, y],
        [x + hw, y],
      ].every(([px, py]) => insidePolygons(px!, py!, polygons));
      centres.push({ x, y, whole });
    }
  if (centres.length === 0) return null;
  const pool = centres.some((c) => c.whole) ? centres.filter((c) => c.whole) : centres;
  const midX = pool.reduce((sum, c) => sum + c.x, 0) / pool.length;
  const midY = pool.reduce((sum, c) => sum + c.y, 0) / pool.length;

  let best: Box | null = null;
  let bestCost = Infinity;
  let bestDistance = Infinity;
  for (const centre of pool) {
    const box = { x: centre.x - size.width / 2, y: centre.y - size.height / 2, ...size };
    const covered = cost(box, obstacles);
    if (covered === Infinity) continue;
    const distance = (centre.x - midX) ** 2 + (centre.y - midY) ** 2;
    if (covered < bestCost - 1e-9 || (Math.abs(covered - bestCost) <= 1e-9 && distance < bestDistance)) {
      best = box;
      bestCost = covered;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * A label near a point: right, left, below, above and the four diagonals, first close by, then
 * further out (the caller draws a line back to the point). The first that covers nothing to
 * avoid; null when every place would.
 */
export function placeNear(
  at: { x: number; y: number },
  size: { width: number; height: number },
  gap: number,
  view: Box,
  obstacles: readonly Obstacle[],
): Box | null {
  for (const distance of [gap, gap * 2.5, gap * 4.5]) {
    const w = size.width;
    const h = size.height;
    const candidates: Box[] = [
      { x: at.x + distance, y: at.y - h / 2, ...size },
      { x: at.x - distance - w, y: at.y - h / 2, ...size },
      { x: at.x - w / 2, y: at.y + distance, ...size },
      { x: at.x - w / 2, y: at.y - distance - h, ...size },
      { x: at.x + distance * 0.7, y: at.y + distance * 0.7, ...size },
      { x: at.x - distance * 0.7 - w, y: at.y + distance * 0.7, ...size },
      { x: at.x + distance * 0.7, y: at.y - distance * 0.7 - h, ...size },
      { x: at.x - distance * 0.7 - w, y: at.y - distance * 0.7 - h, ...size },
    ];
    for (const box of candidates) if (contains(view, box) && cost(box, obstacles) === 0) return box;
  }
  return null;
}

export type Corner = 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right';

export function cornerBox(
  corner: Corner,
  size: { width: number; height: number },
  view: Box,
  margin: number,
): Box {
  const x = corner.endsWith('left') ? view.x + margin : view.x + view.width - margin - size.width;
  const y = corner.startsWith('top') ? view.y + margin : view.y + view.height - margin - size.height;
  return { x, y, ...size };
}

/**
 * The first corner, in the order given, where `size` covers none of `avoid`: the scale and the
 * north arrow never sit on a dot. Null when every corner would, and the caller shows it elsewhere.
 */
export function freeCorner(
  size: { width: number; height: number },
  view: Box,
  margin: number,
  avoid: readonly Box[],
  order: readonly Corner[],
): Box | null {
  for (const corner of order) {
    const box = cornerBox(corner, size, view, margin);
    if (avoid.every((other) => overlapArea(box, other) === 0)) return box;
  }
  return null;
}
