import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadAccessibilityContent } from '../accessibility/load-accessibility';
import type { ContentReplaced, CoreContent, CoreContext, PackWifiInstaller } from '../core-context';
import { KioskError } from '../errors';
import { DistrictDirectory } from '../hotspots/districts';
import { loadLessons } from '../lessons/load-lessons';
import { loadProgrammeContent } from '../programmes/load';

/** The parts of the content a pack may replace (the same names as the org document's PackPart). */
export type ContentPart = 'lessons' | 'programmes' | 'accessibility' | 'wifi';

/** One reason a tree's content cannot be used; `file` is relative to the tree (POSIX). */
export interface ContentProblem {
  part: ContentPart | 'pack';
  file: string;
  problem: string;
}

export const CONTENT_INVALID_REASON = 'org.refusals.contentInvalid';

/** A refusal naming the first problem, in the shape the Data health screen says (`part`, `file`, `problem`). */
export function contentInvalid(problems: readonly ContentProblem[]): KioskError {
  const first = problems[0] ?? { part: 'pack', file: '', problem: 'invalid' };
  return new KioskError(
    'invalid_input',
    `The content cannot be used: ${problems.map((p) => `${p.file || p.part}: ${p.problem}`).join('; ')}`,
    {
      reason: CONTENT_INVALID_REASON,
      params: { part: first.part, file: first.file, problem: first.problem },
    },
  );
}

/**
 * The shipped content (data/), read the way it always was: a broken lesson is left out and
 * logged, a broken accessibility file leaves the demos out, a programme error stops the caller
 * (the content tests catch it before shipping).
 */
export async function loadShippedContent(
  contentDir: string,
  districts: DistrictDirectory = DistrictDirectory.load(contentDir),
): Promise<CoreContent> {
  const lessons = await loadLessons(path.join(contentDir, 'lessons'));
  for (const problem of lessons.problems) console.error(`[kiosk] lesson left out: ${problem}`);
  return {
    lessons,
    programmes: await loadProgrammeContent(contentDir),
    accessibility: await loadShippedAccessibility(contentDir),
    districts,
    tree: null,
  };
}

/** The shipped demos, or null (logged) when the file is broken: the rest of the kiosk still starts. */
export async function loadShippedAccessibility(contentDir: string): Promise<CoreContent['accessibility']> {
  try {
    return await loadAccessibilityContent(contentDir);
  } catch (error) {
    console.error(`[kiosk] accessibility demos left out: ${(error as Error).message}`);
    return null;
  }
}

/** `"<file>: <what>"` (the loaders' wording) → the file and the problem. */
function splitProblem(line: string, folder: string): { file: string; problem: string } {
  const match = /^([^\s:]+\.json):?\s+(.*)$/.exec(line);
  if (!match) return { file: folder, problem: line };
  return { file: folder ? `${folder}/${match[1]}` : match[1]!, problem: match[2] || 'invalid' };
}

/**
 * Loads lessons, programmes and accessibility from a tree laid out like data/ (an applied tree
 * has all three; a pack folder only the parts it carries, the rest taken from `fallbackDir`)
 * with the same loaders as the shipped content, but strictly: for a pack every problem is a
 * refusal, where the shipped content only leaves a broken lesson out.
 */
export async function loadContentParts(
  tree: string,
  fallbackDir: string = tree,
): Promise<
  | { ok: true; content: Omit<CoreContent, 'districts' | 'tree'>; parts: ContentPart[] }
  | { ok: false; problems: ContentProblem[]; parts: ContentPart[] }
> {
  const problems: ContentProblem[] = [];
  const parts: ContentPart[] = [];
  const has = async (relative: string) =>
    fs.stat(path.join(tree, relative)).then(
      () => true,
      () => false,
    );

  const lessonsFrom = (await has('lessons')) ? (parts.push('lessons'), tree) : fallbackDir;
  let lessons: CoreContent['lessons'] | null = null;
  try {
    lessons = await loadLessons(path.join(lessonsFrom, 'lessons'));
    for (const line of lessons.problems) problems.push({ part: 'lessons', ...splitProblem(line, 'lessons') });
    if (lessons.lessons.length === 0 && lessons.problems.length === 0)
      problems.push({ part: 'lessons', file: 'lessons', problem: 'no lessons' });
  } catch (error) {
    problems.push({ part: 'lessons', file: 'lessons', problem: (error as Error).message });
  }

  const programmesFrom = (await has('programmes')) ? (parts.push('programmes'), tree) : fallbackDir;
  let programmes: CoreContent['programmes'] | null = null;
  try {
    programmes = await loadProgrammeContent(programmesFrom);
  } catch (error) {
    problems.push({ part: 'programmes', ...splitProblem((error as Error).message, 'programmes') });
  }

  const accessibilityFrom = (await has('accessibility-demos.json'))
    ? (parts.push('accessibility'), tree)
    : fallbackDir;
  let accessibility: CoreContent['accessibility'] = null;
  try {
    accessibility = await loadAccessibilityContent(accessibilityFrom);
  } catch (error) {
    const { problem } = splitProblem((error as Error).message, '');
    problems.push({ part: 'accessibility', file: 'accessibility-demos.json', problem });
  }

  if (problems.length > 0 || !lessons || !programmes || !accessibility) return { ok: false, problems, parts };
  return { ok: true, content: { lessons, programmes, accessibility }, parts };
}

/** The one Wi-Fi file of a tree's `wifi/` folder, or null when the tree carries no Wi-Fi dataset. */
export async function wifiFileIn(tree: string): Promise<string | null> {
  const folder = path.join(tree, 'wifi');
  let names: string[];
  try {
    names = (await fs.readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.(json|csv)$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return null;
  }
  if (names.length !== 1)
    throw contentInvalid([
      { part: 'wifi', file: 'wifi', problem: `holds ${names.length} Wi-Fi files; a pack carries one` },
    ]);
  return path.join(folder, names[0]!);
}

/** An applied tree is `org/packs/<version>-<8 hex>`: the version, for the Wi-Fi dataset's label. */
export function treeVersion(tree: string): string {
  return path.basename(tree).replace(/-[0-9a-f]{8}$/, '');
}

type LiveContext = Pick<CoreContext, 'contentDir'> & { content: CoreContent };

/**
 * The content-changing half of the context: replaceContent, onContentReplaced and the hook the
 * hotspot handlers fill. One change at a time; listeners run after the swap, and one that throws
 * is logged, never undoes the change.
 */
export function liveContent(ctx: LiveContext) {
  const listeners = new Set<(change: ContentReplaced) => void>();
  let wifi: PackWifiInstaller | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function replace(treeDir: string | null): Promise<void> {
    const districts = ctx.content.districts;
    let next: CoreContent;
    let install: (() => Promise<void>) | null = null;
    if (treeDir === null) {
      next = await loadShippedContent(ctx.contentDir, districts);
      install = (await wifi?.prepareShipped()) ?? null;
    } else {
      const loaded = await loadContentParts(treeDir);
      if (!loaded.ok) throw contentInvalid(loaded.problems);
      next = { ...loaded.content, districts, tree: treeDir };
      const file = await wifiFileIn(treeDir);
      if (file) {
        if (!wifi) throw new Error('The Wi-Fi directory is not ready to take a pack dataset.');
        try {
          install = await wifi.prepare(file, { version: treeVersion(treeDir) });
        } catch (error) {
          const problem = (error as Error).message;
          throw contentInvalid([{ part: 'wifi', file: `wifi/${path.basename(file)}`, problem }]);
        }
      }
    }
    const before = ctx.content;
    ctx.content = next;
    if (install) {
      try {
        await install();
      } catch (error) {
        // The dataset could not be saved (a full disk): the content goes back, so nothing changed.
        ctx.content = before;
        throw error;
      }
    }
    for (const listener of listeners) {
      try {
        listener({ content: next, tree: treeDir });
      } catch (error) {
        console.error('[kiosk] a content listener failed:', error);
      }
    }
  }

  return {
    replaceContent(treeDir: string | null): Promise<void> {
      const run = queue.then(
        () => replace(treeDir),
        () => replace(treeDir),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    onContentReplaced(listener: (change: ContentReplaced) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    packWifi: {
      provide(installer: PackWifiInstaller): void {
        wifi = installer;
      },
    },
  };
}
