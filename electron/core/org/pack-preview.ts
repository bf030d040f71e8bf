import { createReadStream } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { CoreContext } from '../core-context';
import { readImport } from '../hotspots/importer';
import type { LocalisedText } from '../i18n';
import { loadLessons } from '../lessons/load-lessons';
import { loadProgrammeContent } from '../programmes/load';
import type { PackItem, PackItemChanges, PackPreview } from './org-contract';
import { partsOf, type PackCheck } from './pack-manifest';

type ReadyPack = Extract<PackCheck, { state: 'ready' }>;

/** Items by id, then what the pack adds, changes (any difference at all) and removes. */
export function diffItems<T extends { id: string; title: LocalisedText }>(
  inUse: readonly T[],
  inPack: readonly T[],
): PackItemChanges {
  const item = (value: T): PackItem => ({ id: value.id, title: value.title });
  const before = new Map(inUse.map((value) => [value.id, value]));
  const after = new Map(inPack.map((value) => [value.id, value]));
  return {
    added: inPack.filter((value) => !before.has(value.id)).map(item),
    changed: inPack
      .filter((value) => before.has(value.id) && !isDeepStrictEqual(before.get(value.id), value))
      .map(item),
    removed: inUse.filter((value) => !after.has(value.id)).map(item),
  };
}

const NONE: PackItemChanges = { added: [], changed: [], removed: [] };

/**
 * What applying a ready pack would change against the content in use now (read at call time: a
 * pack applied since changes the answer). A part the pack does not carry changes nothing. The
 * pack's files are read with the kiosk's own loaders, so the ids and titles are the ones the
 * screens would show; a part that does not load is left for the apply's own checks to refuse.
 */
export async function computePackPreview(
  ctx: CoreContext,
  pack: ReadyPack,
  folder: string,
): Promise<PackPreview> {
  const parts = partsOf(pack.manifest);
  const content = ctx.content;
  let lessons = NONE;
  if (parts.includes('lessons')) {
    const loaded = await loadLessons(path.join(folder, 'lessons')).catch(() => null);
    if (loaded) lessons = diffItems(content.lessons.lessons, loaded.lessons);
  }
  let programmes = NONE;
  if (parts.includes('programmes')) {
    const loaded = await loadProgrammeContent(folder).catch(() => null);
    if (loaded) programmes = diffItems(content.programmes.programmes, loaded.programmes);
  }
  let wifiVenues: number | null = null;
  const wifi = pack.manifest.files.find((file) => file.path.startsWith('wifi/'));
  if (wifi) {
    const candidate = await readImport(createReadStream(path.join(folder, ...wifi.path.split('/'))), {
      fileName: path.posix.basename(wifi.path),
      directory: content.districts,
      now: ctx.now(),
    }).catch(() => null);
    if (candidate)
      wifiVenues = candidate.kind === 'fixed' ? candidate.part.venues.length : candidate.part.vehicles.length;
  }
  return {
    version: pack.manifest.version,
    organisation: pack.manifest.organisation,
    created: pack.manifest.created,
    parts,
    lessons,
    programmes,
    accessibility: parts.includes('accessibility'),
    wifiVenues,
  };
}
