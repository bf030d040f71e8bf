import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LessonSchema, TOPICS, LEVELS, type Lesson } from './schema';
import { withSimplifiedDeep } from '../content/localise';

export interface LoadedLessons {
  /** Valid lessons, zh-CN filled in, in browse order (topic, level, id). */
  lessons: Lesson[];
  /** One line per file or link that was left out; shipped content has none (a test checks). */
  problems: string[];
}

function browseOrder(a: Lesson, b: Lesson): number {
  return (
    TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic) ||
    LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
    (a.startHere ?? Infinity) - (b.startHere ?? Infinity) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Reads data/lessons/*.json. A broken file is left out and reported rather than stopping the
 * kiosk: the other lessons still work. Related ids that point nowhere are dropped the same way.
 */
export async function loadLessons(lessonsDir: string): Promise<LoadedLessons> {
  const problems: string[] = [];
  const files = (await fs.readdir(lessonsDir)).filter((name) => name.endsWith('.json')).sort();
  const byId = new Map<string, Lesson>();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.readFile(path.join(lessonsDir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not readable JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = LessonSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim());
      continue;
    }
    const lesson = parsed.data;
    if (`${lesson.id}.json` !== file) {
      problems.push(`${file}: its id is ${lesson.id}; the file must be named ${lesson.id}.json`);
      continue;
    }
    byId.set(lesson.id, withSimplifiedDeep(lesson));
  }
  for (const lesson of byId.values()) {
    const missing = lesson.related.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      problems.push(`${lesson.id}.json: related lessons ${missing.join(', ')} do not exist`);
      lesson.related = lesson.related.filter((id) => byId.has(id));
    }
  }
  const ranks = new Map<number, string>();
  for (const lesson of byId.values()) {
    if (lesson.startHere === undefined) continue;
    const other = ranks.get(lesson.startHere);
    if (other) problems.push(`${lesson.id}.json: startHere ${lesson.startHere} is also used by ${other}`);
    else ranks.set(lesson.startHere, lesson.id);
  }
  return { lessons: [...byId.values()].sort(browseOrder), problems };
}
