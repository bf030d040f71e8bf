/**
 * The Wi-Fi search index beside libraries that do the same jobs, side by side in one run:
 * `node --expose-gc --import tsx tests/bench/search-peers.ts` (`runSearchPeerBench()` for
 * `npm run bench`; --expose-gc for the memory figures). Text: our HotspotIndex vs MiniSearch and
 * FlexSearch, each given what ours stores per venue (name and address in all three languages),
 * the same folding (case, width, Traditional → Simplified; each Chinese character a term), prefix
 * search, fuzzy off, every term required. Ours also matches district and venue-type labels, once
 * per query rather than per venue: the recall rows show what that finds. Nearest: our index (its
 * total count and filters included) vs kdbush + geokdbush alone. Each figure prints both sides
 * and ours / theirs as a ratio. Asserts nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Index as FlexIndex } from 'flexsearch';
import * as geokdbush from 'geokdbush';
import KDBush from 'kdbush';
import MiniSearch from 'minisearch';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../../electron/core/hotspots/categories';
import type { StoredVenue } from '../../electron/core/hotspots/dataset';
import { DistrictDirectory } from '../../electron/core/hotspots/districts';
import { NearestVenues } from '../../electron/core/hotspots/nearest';
import { normaliseVenues } from '../../electron/core/hotspots/normalise';
import { HotspotIndex, type Point } from '../../electron/core/hotspots/search-index';
import { parseSourceFile } from '../../electron/core/hotspots/source-file';
import { foldText } from '../../electron/core/hotspots/text-fold';
import { DISTRICT_CODES } from '../../electron/core/settings/schema';
import { contentDir, sharedDataDir } from '../helpers/hotspots-context';
import { makeTenfoldFile } from './hotspots';
import { median, percentile, printFigures, round } from './stats';

/** Real words visitors type: district names, venue kinds, romanised and Chinese. */
const TEXT_QUERIES = [
  'library',
  'park',
  'sha tin',
  'tsuen wan',
  'mong kok',
  'causeway bay',
  'sports centre',
  'elderly',
  'community hall',
  'mtr',
  '圖書館',
  '沙田',
  '公園',
  '旺角',
  '社區會堂',
  '长者',
];
const CENTRE: Point = { latitude: 22.3307, longitude: 114.1622 };
/** Points all over the territory (and some sea), the same ones for both sides. */
const POINTS: Point[] = Array.from({ length: 40 }, (_, i) => ({
  latitude: 22.2 + ((i * 7) % 20) * 0.018,
  longitude: 113.88 + ((i * 11) % 20) * 0.028,
}));
const RUNS = 5;

interface Doc {
  id: number;
  name: string;
  address: string;
}

/** Folded words, each Chinese character its own term (Chinese has no spaces between words). */
function tokens(text: string): string[] {
  return foldText(text).match(/\p{Script=Han}|[^\s\p{Script=Han}]+/gu) ?? [];
}

const all = (text: Partial<Record<string, string>>) => Object.values(text).filter(Boolean).join(' ');

function documents(venues: readonly StoredVenue[]): Doc[] {
  return venues.map((venue, position) => ({
    id: position,
    name: all(venue.name),
    address: all(venue.address),
  }));
}

function buildMini(docs: readonly Doc[]): MiniSearch<Doc> {
  const search = new MiniSearch<Doc>({
    fields: ['name', 'address'],
    tokenize: tokens,
    processTerm: (term) => term,
    searchOptions: { prefix: true, fuzzy: false, combineWith: 'AND' },
  });
  search.addAll(docs);
  return search;
}

function buildFlex(docs: readonly Doc[]): FlexIndex {
  // One text per venue: FlexSearch's Document answers field by field, so a query with one word
  // in the name and one in the address would find nothing.
  const search = new FlexIndex({ tokenize: 'forward', encode: tokens });
  for (const doc of docs) search.add(doc.id, `${doc.name} ${doc.address}`);
  return search;
}

/** Retained heap plus array buffers (our index keeps its columns in typed arrays) after gc. */
function retained(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function measureBuild<T>(build: () => T): { value: T; ms: number; bytes: number } {
  const before = retained();
  const start = performance.now();
  const value = build();
  const ms = performance.now() - start;
  return { value, ms, bytes: retained() - before };
}

/** Median and p95 of each run over every query, in milliseconds. */
function timeQueries<Q>(queries: readonly Q[], run: (query: Q) => unknown): { median: number; p95: number } {
  for (const query of queries) run(query);
  const samples: number[] = [];
  for (let round = 0; round < RUNS; round++)
    for (const query of queries) {
      const start = performance.now();
      run(query);
      samples.push(performance.now() - start);
    }
  return { median: median(samples), p95: percentile(samples, 95) };
}

const ratio = (ours: number, theirs: number) => `${round(ours / theirs, 2)}x`;
const side = (ours: number, theirs: number, unit: string, digits = 2) =>
  `${round(ours, digits)} / ${round(theirs, digits)} ${unit} = ${ratio(ours, theirs)}`;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Share of the venues carrying a label that a search for the label finds, over every label. */
function recall(
  labels: { query: string; members: Set<number> }[],
  find: (query: string) => Set<number>,
): number {
  let found = 0;
  let wanted = 0;
  for (const { query, members } of labels) {
    const hits = find(query);
    for (const position of members) if (hits.has(position)) found += 1;
    wanted += members.size;
  }
  return wanted ? found / wanted : Number.NaN;
}

function benchOneSet(
  label: string,
  venues: readonly StoredVenue[],
  figures: Record<string, string | number>,
) {
  const directory = DistrictDirectory.load(contentDir);
  const docs = documents(venues);
  // Warm-up on a slice, so no build pays for the first folding (the conversion tables) or the JIT.
  new HotspotIndex(venues.slice(0, 500), directory);
  buildMini(docs.slice(0, 500));
  buildFlex(docs.slice(0, 500));
  const ours = measureBuild(() => new HotspotIndex(venues, directory));
  const index = ours.value;
  const mini = measureBuild(() => buildMini(docs));
  const flex = measureBuild(() => buildFlex(docs));
  const n = venues.length;
  const ourText = (query: string) => index.search(CENTRE, { text: query }, 1, 10);
  const miniText = (query: string) => mini.value.search(query);
  const flexText = (query: string) => flex.value.search(query, { limit: n }) as number[];

  figures[`${label}: text index build, ours / MiniSearch / FlexSearch (ms)`] =
    `${round(ours.ms)} / ${round(mini.ms)} / ${round(flex.ms)}; ours ${ratio(ours.ms, mini.ms)} of MiniSearch, ${ratio(ours.ms, flex.ms)} of FlexSearch`;
  figures[`${label}: retained heap + array buffers, ours / MiniSearch / FlexSearch (MB)`] =
    `${round(mb(ours.bytes))} / ${round(mb(mini.bytes))} / ${round(mb(flex.bytes))}; ours ${ratio(ours.bytes, mini.bytes)} of MiniSearch, ${ratio(ours.bytes, flex.bytes)} of FlexSearch`;
  const ourTimes = timeQueries(TEXT_QUERIES, ourText);
  const miniTimes = timeQueries(TEXT_QUERIES, miniText);
  const flexTimes = timeQueries(TEXT_QUERIES, flexText);
  figures[`${label}: text query median, ours (page + total) / MiniSearch / FlexSearch (ms)`] =
    `${round(ourTimes.median, 3)} / ${round(miniTimes.median, 3)} / ${round(flexTimes.median, 3)}; ours ${ratio(ourTimes.median, miniTimes.median)}, ${ratio(ourTimes.median, flexTimes.median)}`;
  figures[`${label}: text query p95, ours / MiniSearch / FlexSearch (ms)`] =
    `${round(ourTimes.p95, 3)} / ${round(miniTimes.p95, 3)} / ${round(flexTimes.p95, 3)}; ours ${ratio(ourTimes.p95, miniTimes.p95)}, ${ratio(ourTimes.p95, flexTimes.p95)}`;

  // Recall: a district's or a venue type's name in English and Chinese should find its venues.
  const districtLabels = DISTRICT_CODES.flatMap((code) => {
    const members = new Set(index.inDistrict(code));
    const name = directory.get(code).name;
    return [name.en, name['zh-HK']].map((query) => ({ query, members }));
  });
  const categoryLabels = CATEGORY_IDS.filter((id) => id !== 'other').flatMap((id: CategoryId) => {
    const members = new Set<number>();
    for (let position = 0; position < n; position++)
      if (index.categoryOf(position) === id) members.add(position);
    return [CATEGORY_LABELS[id].en, CATEGORY_LABELS[id]['zh-HK']].map((query) => ({ query, members }));
  });
  const ourSet = (query: string) => new Set(index.search(CENTRE, { text: query }, 1, n).positions);
  const miniSet = (query: string) => new Set(mini.value.search(query).map((hit) => hit.id as number));
  const flexSet = (query: string) => new Set(flexText(query));
  const pct = (share: number) => `${round(share * 100)}%`;
  for (const [name, labels] of [
    ['district names', districtLabels],
    ['venue-type labels', categoryLabels],
  ] as const) {
    figures[`${label}: recall on ${name} (en + zh-HK), ours / MiniSearch / FlexSearch`] =
      `${pct(recall(labels, ourSet))} / ${pct(recall(labels, miniSet))} / ${pct(recall(labels, flexSet))}`;
  }

  // Nearest: kdbush + geokdbush alone (ids only, no count) against our index's whole answer.
  const latitudes = Float64Array.from(venues, (venue) => venue.latitude);
  const longitudes = Float64Array.from(venues, (venue) => venue.longitude);
  const tree = measureBuild(() => {
    const kd = new KDBush(n);
    for (let position = 0; position < n; position++) kd.add(longitudes[position]!, latitudes[position]!);
    return kd.finish();
  });
  const ourTree = measureBuild(() => new NearestVenues(latitudes, longitudes));
  figures[`${label}: spatial index build, ours / kdbush (ms; MB)`] =
    `${side(ourTree.ms, tree.ms, 'ms')}; ${round(mb(ourTree.bytes), 2)} / ${round(mb(tree.bytes), 2)} MB`;
  const districtOf = (i: number) => DISTRICT_CODES[i % DISTRICT_CODES.length]!;
  const districtIndex = (i: number) => DISTRICT_CODES.indexOf(districtOf(i));
  const cases: [string, Point[], boolean][] = [
    ['from the centre', [CENTRE], false],
    ['from any point', POINTS, false],
    ['from the centre, one district', [CENTRE], true],
    ['from any point, one district', POINTS, true],
  ];
  for (const [name, origins, filtered] of cases) {
    const queries = Array.from({ length: Math.max(origins.length, DISTRICT_CODES.length) }, (_, i) => i);
    const oursNear = timeQueries(queries, (i) =>
      index.search(origins[i % origins.length]!, filtered ? { district: districtOf(i) } : {}, 1, 10),
    );
    const theirs = timeQueries(queries, (i) => {
      const origin = origins[i % origins.length]!;
      const wanted = districtIndex(i);
      return geokdbush.around(
        tree.value,
        origin.longitude,
        origin.latitude,
        10,
        Infinity,
        filtered ? (position: number) => index.districts[position] === wanted : undefined,
      );
    });
    figures[`${label}: nearest 10 ${name}, ours (with total) / geokdbush: median; p95`] =
      `${side(oursNear.median, theirs.median, 'ms', 4)}; ${side(oursNear.p95, theirs.p95, 'ms', 4)}`;
  }
}

export async function runSearchPeerBench(): Promise<Record<string, string | number>> {
  const figures: Record<string, string | number> = {};
  figures['gc exposed'] =
    typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'yes' : 'no (run with --expose-gc)';
  const directory = DistrictDirectory.load(contentDir);
  const json = readFileSync(path.join(sharedDataDir, 'wifi-hk-fixed-official-shape.json'));
  for (const [label, bytes] of [
    ['real JSON (5,430)', json],
    ['10x JSON (54,300)', makeTenfoldFile(json)],
  ] as const) {
    const venues = normaliseVenues(parseSourceFile(bytes).records, directory).venues;
    benchOneSet(label, venues, figures);
  }
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runSearchPeerBench().then((figures) =>
    printFigures('Search beside MiniSearch, FlexSearch, kdbush', figures),
  );
}
