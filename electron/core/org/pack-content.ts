import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import {
  contentInvalid,
  loadContentParts,
  wifiFileIn,
  type ContentPart,
  type ContentProblem,
} from '../content/live-content';
import { KioskError } from '../errors';
import { DistrictDirectory } from '../hotspots/districts';
import { readImport } from '../hotspots/importer';
import { copyFileDurably, syncFolder } from '../store/durable-file';

export type { ContentPart, ContentProblem };
export { contentInvalid };

/** Where each part lives in a tree laid out like data/. */
const PART_LOCATIONS: Record<Exclude<ContentPart, 'wifi'>, { folder: string } | { file: string }> = {
  lessons: { folder: 'lessons' },
  programmes: { folder: 'programmes' },
  accessibility: { file: 'accessibility-demos.json' },
};

/** The part a manifest path belongs to, from its first segment (the manifest check has vetted paths). */
function partOf(file: string): ContentPart | null {
  if (file === 'accessibility-demos.json') return 'accessibility';
  const first = file.split('/')[0];
  return first === 'lessons' || first === 'programmes' || first === 'wifi' ? first : null;
}

/**
 * Every reason the content in `tree` (a pack folder, or an applied tree) cannot be used, checked
 * with the loaders and schemas the shipped data/ passes: lessons (a broken file, a bad step, a
 * related lesson that does not exist, a repeated start-here rank: each a refusal here, where the
 * shipped loader only leaves the lesson out), programmes (schema and cross-checks against the
 * questions), the accessibility demos, and a Wi-Fi file read by the staff import's reader, which
 * refuses a malformed file and one with no usable venue. A part the tree does not carry is
 * checked from `shippedDir`, as the applied tree will hold it. Empty: the content is good.
 * Used by the kiosk before it applies a pack and by the hub's `pack` before it signs one.
 */
export async function validateContentTree(tree: string, shippedDir: string): Promise<ContentProblem[]> {
  const loaded = await loadContentParts(tree, shippedDir);
  const problems = loaded.ok ? [] : [...loaded.problems];
  const parts = [...loaded.parts];
  let wifi: string | null = null;
  try {
    wifi = await wifiFileIn(tree);
  } catch (error) {
    problems.push(problemOf(error, 'wifi', 'wifi'));
  }
  if (wifi) {
    parts.push('wifi');
    const file = `wifi/${path.basename(wifi)}`;
    try {
      // The same reader and record rules as a staff import; the result is only looked at, so
      // the clock it labels the import with does not matter.
      await readImport(createReadStream(wifi), {
        fileName: path.basename(wifi),
        directory: DistrictDirectory.load(shippedDir),
        now: new Date(0),
      });
    } catch (error) {
      problems.push(problemOf(error, 'wifi', file));
    }
  }
  if (parts.length === 0 && problems.length === 0)
    problems.push({
      part: 'pack',
      file: '',
      problem: 'carries no lessons, programmes, accessibility or Wi-Fi',
    });
  return problems;
}

function problemOf(error: unknown, part: ContentPart, file: string): ContentProblem {
  if (error instanceof KioskError && error.params && typeof error.params.problem === 'string')
    return {
      part,
      file: String(error.params.file ?? file),
      problem: error.params.problem,
    };
  return { part, file, problem: (error as Error).message };
}

/**
 * Writes an applied content tree at `into` (a new folder under org/packs): each part the pack
 * carries from the pack folder, exactly the files its manifest lists (Syncthing's own files and
 * anything else are left behind), and each part it does not carry copied from the shipped
 * content, so the tree alone is the whole content the kiosk shows. Every file is written durably
 * and every folder synced before this returns; checking the tree is the caller's next step
 * (validateContentTree), as is recording it in org.json.
 */
export async function buildContentTree(
  packFolder: string,
  manifest: { files: readonly { path: string }[] },
  shippedDir: string,
  into: string,
): Promise<{ parts: ContentPart[] }> {
  const byPart = new Map<ContentPart, string[]>();
  for (const file of manifest.files) {
    const part = partOf(file.path);
    if (!part) continue;
    byPart.set(part, [...(byPart.get(part) ?? []), file.path]);
  }
  await fs.mkdir(into, { recursive: true });
  const folders = new Set<string>([into]);
  const copy = async (from: string, relative: string) => {
    const target = path.join(into, ...relative.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    folders.add(path.dirname(target));
    await copyFileDurably(from, target);
  };

  for (const [part, location] of Object.entries(PART_LOCATIONS) as [
    Exclude<ContentPart, 'wifi'>,
    { folder: string } | { file: string },
  ][]) {
    const fromPack = byPart.get(part);
    if (fromPack) {
      for (const file of fromPack) await copy(path.join(packFolder, ...file.split('/')), file);
      if ('folder' in location) await fs.mkdir(path.join(into, location.folder), { recursive: true });
    } else if ('folder' in location) {
      await fs.mkdir(path.join(into, location.folder), { recursive: true });
      folders.add(path.join(into, location.folder));
      const names = (await fs.readdir(path.join(shippedDir, location.folder), { withFileTypes: true }))
        .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
        .map((entry) => entry.name);
      for (const name of names)
        await copy(path.join(shippedDir, location.folder, name), `${location.folder}/${name}`);
    } else {
      await copy(path.join(shippedDir, location.file), location.file);
    }
  }
  for (const file of byPart.get('wifi') ?? []) await copy(path.join(packFolder, ...file.split('/')), file);

  // Children first, so each folder's entries are on disk before its parent's entry for it.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) await syncFolder(folder);
  return { parts: [...byPart.keys()] };
}
