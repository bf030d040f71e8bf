// Writes data/district-outlines.json, the 18 district outlines the kiosk ships, from the Home Affairs
// Department boundaries (../shared/data/hk-districts.geojson, DATA.GOV.HK terms). The source is
// 366 KB and is not on a centre's machine, so the simplified file is committed; scripts/build.mjs
// runs this again only when the source exists and its sha256 differs from the one recorded inside.
//
// The outlines serve two uses: the Wi-Fi map draws them, and a CSV import (no District column)
// takes each venue's district from them by point-in-polygon. The tolerance is the largest that
// still keeps that lookup as right as the full polygons on the real Wi-Fi data (see data/README.md).
//
//   node scripts/simplify-districts.mjs [--tolerance 0.0003] [--source path] [--check]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = path.join(root, '..', 'shared', 'data', 'hk-districts.geojson');
export const OUTPUT = path.join(root, 'data', 'district-outlines.json');
// Degrees (about 33 m at Hong Kong's latitude).
export const TOLERANCE = 0.0003;

const TITLE = {
  'zh-HK': '民政事務總署 香港十八區界線（資料一線通）',
  en: 'Home Affairs Department district boundaries, DATA.GOV.HK',
  'zh-CN': '民政事务总署 香港十八区界线（资料一线通）',
};

const round = (value) => Math.round(value * 1e5) / 1e5;

/** Rounded to 5 decimals, repeated points dropped, first point repeated last. */
function cleanRing(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const point = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const [first] = out;
  const last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  return out;
}

const pointKey = ([lon, lat]) => `${lon},${lat}`;

/**
 * Neighbouring districts share their border vertex for vertex in the HAD file. Simplifying each
 * outline on its own would move the two copies of a border apart (slivers of no district, or of
 * two, on the map and for point-in-polygon), so each ring is cut into arcs at the points where
 * the set of districts that use a vertex changes, and every arc is simplified once and used,
 * reversed where needed, by each district along it.
 */
function sharedArcSimplifier(features, simplifyLine) {
  const owners = new Map();
  for (const { id, polygons } of features)
    for (const polygon of polygons)
      for (const ring of polygon)
        for (const point of ring) {
          const key = pointKey(point);
          if (!owners.has(key)) owners.set(key, new Set());
          owners.get(key).add(id);
        }
  const ownerKey = (point) => [...owners.get(pointKey(point))].sort().join('');
  const done = new Map();
  return {
    ownerKey,
    arc(line) {
      const forward = line.map(pointKey).join(' ');
      const backward = [...line].reverse().map(pointKey).join(' ');
      const key = forward < backward ? forward : backward;
      // Each arc is simplified in one direction, so both districts along it get the same points.
      const canonical = forward < backward;
      if (!done.has(key)) {
        const line2 = canonical ? line : [...line].reverse();
        done.set(key, line2.length > 2 ? simplifyLine(line2) : line2);
      }
      const points = done.get(key);
      return canonical ? points : [...points].reverse();
    },
  };
}

/** A closed ring simplified arc by arc (see sharedArcSimplifier). */
function simplifyRing(ring, simplifier) {
  const points = ring.slice(0, -1);
  const n = points.length;
  const owner = points.map(simplifier.ownerKey);
  // A junction: where the districts sharing a vertex differ from those of the vertex before or after.
  let junctions = [];
  for (let i = 0; i < n; i += 1)
    if (owner[i] !== owner[(i + n - 1) % n] || owner[i] !== owner[(i + 1) % n]) junctions.push(i);
  // A ring nobody shares (an island) still needs two fixed points for the line simplifier.
  if (junctions.length < 2) junctions = [0, Math.floor(n / 2)];
  const out = [];
  for (let j = 0; j < junctions.length; j += 1) {
    const from = junctions[j];
    const to = junctions[(j + 1) % junctions.length];
    const line = [];
    for (let i = from; ; i = (i + 1) % n) {
      line.push(points[i]);
      if (i === to && line.length > 1) break;
    }
    const simplified = simplifier.arc(line);
    out.push(...(out.length ? simplified.slice(1) : simplified));
  }
  // The result must still be a ring; a tiny one that collapsed keeps its full detail.
  return out.length >= 4 ? out : ring;
}

export function sourceSha256(file = SOURCE) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The outlines file's content, from the source GeoJSON's bytes. */
export async function buildOutlines(bytes, tolerance = TOLERANCE) {
  // Loaded only when the file is rewritten: a build with the file up to date never needs it.
  const { default: simplify } = await import('@turf/simplify');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const geojson = JSON.parse(bytes.toString('utf8'));
  const known = JSON.parse(readFileSync(path.join(root, 'data', 'districts.json'), 'utf8')).districts.map(
    (d) => d.code,
  );
  const features = geojson.features.map((feature) => {
    // 地區號碼 (A–T) is the key data/districts.json uses; the names are spelt inconsistently.
    const id = feature.properties['地區號碼'];
    if (!known.includes(id)) throw new Error(`District code ${id} is not in data/districts.json`);
    const { type, coordinates } = feature.geometry;
    return { id, polygons: type === 'Polygon' ? [coordinates] : coordinates };
  });
  const simplifyArc = sharedArcSimplifier(
    features,
    (line) =>
      simplify({ type: 'LineString', coordinates: line }, { tolerance, highQuality: true }).coordinates,
  );
  const districts = features.map(({ id, polygons }) => ({
    id,
    polygons: polygons.map((polygon) => polygon.map((ring) => cleanRing(simplifyRing(ring, simplifyArc)))),
  }));
  districts.sort((a, b) => a.id.localeCompare(b.id));
  if (districts.length !== known.length) throw new Error(`Expected ${known.length} districts`);
  return { source: { title: TITLE, file: path.basename(SOURCE), sha256, tolerance }, districts };
}

/** One district per line: small diffs, and the file stays readable. */
export function formatOutlines(outlines) {
  const lines = outlines.districts.map((d) => `    ${JSON.stringify(d)}`);
  return `{\n  "source": ${JSON.stringify(outlines.source)},\n  "districts": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** The sha256 recorded in the committed file, or null when there is none. */
export function recordedSha256(file = OUTPUT) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).source.sha256;
  } catch {
    return null;
  }
}

/** Rewrites the file when the source exists and differs from the one it was made from. */
export async function refreshOutlines({ quiet = false } = {}) {
  if (!existsSync(SOURCE)) return false;
  if (sourceSha256() === recordedSha256()) return false;
  await writeOutlines(TOLERANCE, quiet);
  return true;
}

async function writeOutlines(tolerance, quiet, source = SOURCE) {
  const outlines = await buildOutlines(readFileSync(source), tolerance);
  const text = formatOutlines(outlines);
  writeFileSync(OUTPUT, text);
  if (!quiet) {
    const points = outlines.districts.map(
      (d) => `${d.id} ${d.polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0)}`,
    );
    const total = outlines.districts.reduce(
      (n, d) => n + d.polygons.reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0),
      0,
    );
    console.log(
      `Wrote ${path.relative(root, OUTPUT)}: ${Buffer.byteLength(text)} bytes, ${total} points ` +
        `(tolerance ${tolerance}°): ${points.join(', ')}`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const source = option('--source') ?? SOURCE;
  if (args.includes('--check')) {
    const same = existsSync(source) && sourceSha256(source) === recordedSha256();
    console.log(same ? 'district-outlines.json is up to date' : 'district-outlines.json is stale');
    process.exit(same ? 0 : 1);
  }
  await writeOutlines(Number(option('--tolerance') ?? TOLERANCE), false, source);
}
