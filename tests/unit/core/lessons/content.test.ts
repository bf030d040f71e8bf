import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectLocalisedTexts } from '../../../../electron/core/content/localise';
import { LANGUAGES } from '../../../../electron/core/i18n';
import { loadLessons } from '../../../../electron/core/lessons/load-lessons';
import {
  LessonSchema,
  practiceProblem,
  TOPIC_LABELS,
  TOPICS,
  MAX_STEPS,
  MIN_STEPS,
  type Lesson,
} from '../../../../electron/core/lessons/schema';

const LESSONS_DIR = fileURLToPath(new URL('../../../../data/lessons', import.meta.url));

/** The lessons every kiosk ships, by their ids: a file lost or renamed fails here, not on a centre's screen. */
const REQUIRED = [
  'touchscreen-basics',
  'your-phone',
  'free-wifi',
  'video-call',
  'photos',
  'spot-the-scam',
  'lock-and-passwords',
  'iam-smart',
  'ha-go',
  'my-observatory',
  'pay-safely',
  'voice-message',
  'bus-arrival',
  'check-with-scameter',
  'find-help-near-you',
];
const HAN = /\p{Script=Han}/u;

let files: { name: string; raw: unknown }[] = [];
let lessons: Lesson[] = [];

beforeAll(async () => {
  const names = (await fs.readdir(LESSONS_DIR)).filter((n) => n.endsWith('.json')).sort();
  files = await Promise.all(
    names.map(async (name) => ({
      name,
      raw: JSON.parse(await fs.readFile(path.join(LESSONS_DIR, name), 'utf8')) as unknown,
    })),
  );
  const loaded = await loadLessons(LESSONS_DIR);
  expect(loaded.problems).toEqual([]);
  lessons = loaded.lessons;
});

describe('lesson content', () => {
  it('ships every required lesson, one file each, named by id', () => {
    expect(lessons.map((l) => l.id).sort()).toEqual(expect.arrayContaining(REQUIRED));
    expect(lessons).toHaveLength(files.length);
  });

  it('every file validates against the schema', () => {
    for (const { name, raw } of files) {
      const parsed = LessonSchema.safeParse(raw);
      expect(parsed.success, `${name}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`).toBe(
        true,
      );
      if (parsed.success) expect(`${parsed.data.id}.json`).toBe(name);
    }
  });

  it('every text in the files has zh-HK and English, and zh-HK is Chinese where it is prose', () => {
    for (const { name, raw } of files) {
      const texts = collectLocalisedTexts(raw);
      expect(texts.length).toBeGreaterThan(20);
      for (const { path: where, text } of texts) {
        expect(text['zh-HK'].trim(), `${name} ${where}`).not.toBe('');
        expect(text.en.trim(), `${name} ${where}`).not.toBe('');
        // Narration, instructions and feedback are sentences: a zh-HK copy of the English is a slip.
        const prose =
          /\.(narration|instruction|hint|showMe|done|feedback|text|aim)$/.test(where) &&
          !/answers\[\d+\]\.text$/.test(where);
        if (prose) expect(text['zh-HK'], `${name} ${where}`).toMatch(HAN);
      }
    }
  });

  it('every text has all three languages after localising', () => {
    for (const lesson of lessons) {
      for (const { path: where, text } of collectLocalisedTexts(lesson)) {
        for (const language of LANGUAGES)
          expect(text[language]?.trim(), `${lesson.id} ${where} ${language}`).toBeTruthy();
      }
    }
    const wifi = lessons.find((l) => l.id === 'free-wifi');
    // Hong Kong → Mainland characters, not a copy of the zh-HK text.
    expect(wifi?.title['zh-CN']).not.toBe(undefined);
    expect(lessons.find((l) => l.id === 'your-phone')?.title['zh-CN']).toBe('认识你的手机');
  });

  it('has 5–12 steps, every one narrated, ending in one recap', () => {
    for (const lesson of lessons) {
      expect(lesson.steps.length).toBeGreaterThanOrEqual(MIN_STEPS);
      expect(lesson.steps.length).toBeLessThanOrEqual(MAX_STEPS);
      expect(lesson.steps.at(-1)?.kind).toBe('recap');
      for (const step of lesson.steps)
        expect(step.narration.en.length, `${lesson.id}/${step.id}`).toBeGreaterThan(5);
    }
  });

  it('related lessons exist; topics and the start-here path are complete', () => {
    const ids = new Set(lessons.map((l) => l.id));
    for (const lesson of lessons) {
      expect(lesson.related.length).toBeGreaterThan(0);
      for (const id of lesson.related) expect(ids.has(id), `${lesson.id} → ${id}`).toBe(true);
      expect(TOPICS).toContain(lesson.topic);
    }
    for (const topic of TOPICS) {
      expect(
        lessons.some((l) => l.topic === topic),
        topic,
      ).toBe(true);
      for (const language of LANGUAGES) expect(TOPIC_LABELS[topic][language]).toBeTruthy();
    }
    const ranks = lessons
      .flatMap((l) => (l.startHere === undefined ? [] : [l.startHere]))
      .sort((a, b) => a - b);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    expect(lessons.find((l) => l.startHere === 1)?.id).toBe('touchscreen-basics');
  });

  it('every practice step can be completed on its own screen', () => {
    let practices = 0;
    const kinds = new Set<string>();
    for (const lesson of lessons) {
      for (const step of lesson.steps) {
        if (step.kind !== 'practice') continue;
        practices += 1;
        kinds.add(step.success.kind);
        expect(practiceProblem(step.screen, step.success), `${lesson.id}/${step.id}`).toBeNull();
      }
    }
    expect(practices).toBeGreaterThan(40);
    // Every success condition the schema knows is practised in some lesson: no gesture goes untaught.
    expect([...kinds].sort()).toEqual(
      [
        'call-control',
        'judge-message',
        'pick-contact',
        'press-hold',
        'scroll-find',
        'swipe',
        'tap-target',
        'toggle',
        'type-text',
      ].sort(),
    );
  });

  it('the Wi-Fi lesson ends with a button to the hotspot directory', () => {
    const last = lessons.find((l) => l.id === 'free-wifi')?.steps.at(-1);
    expect(last?.kind === 'recap' ? last.link?.screen : undefined).toBe('hotspots');
  });

  it('real ADCC alerts in the lessons come from #ADCC18222 and carry no link; the scam lesson teaches 18222', () => {
    const scam = lessons.find((l) => l.id === 'spot-the-scam');
    const messages =
      scam?.steps
        .flatMap((s) => (s.kind === 'practice' ? s.screen.elements : []))
        .filter((e) => e.kind === 'message') ?? [];
    const adcc = messages.filter((m) => m.kind === 'message' && m.sender?.en === '#ADCC18222');
    expect(adcc.length).toBeGreaterThan(0);
    for (const message of adcc) expect(message.kind === 'message' && message.link).toBeFalsy();
    expect(JSON.stringify(scam)).toContain('18222');
    expect(JSON.stringify(scam)).toMatch(/Scameter/);
  });

  it('a Scameter check types the number a text in the lesson came from, and the next step shows its result', () => {
    const checked: string[] = [];
    for (const lesson of lessons) {
      lesson.steps.forEach((step, index) => {
        if (step.kind !== 'practice' || step.screen.app !== 'scameter' || step.success.kind !== 'type-text')
          return;
        const where = `${lesson.id}/${step.id}`;
        const senders = lesson.steps
          .slice(0, index)
          .flatMap((s) => (s.kind === 'practice' ? s.screen.elements : []))
          .flatMap((e) => (e.kind === 'message' && e.sender ? [e.sender.en.replace(/\s/g, '')] : []));
        expect(senders, where).toContain(step.success.expected);
        const result = lesson.steps[index + 1];
        expect(result?.kind === 'practice' && result.screen.app, where).toBe('scameter');
        const card =
          result?.kind === 'practice'
            ? result.screen.elements.find((e) => e.kind === 'result-card')
            : undefined;
        expect(card, where).toBeDefined();
        checked.push(lesson.id);
      });
    }
    // The scam lesson practises the check on its own suspicious text, and the Scameter lesson teaches it.
    expect(checked).toEqual(expect.arrayContaining(['spot-the-scam', 'check-with-scameter']));
  });

  it('the Smart Silver lesson lists every one of the 18 districts, named as the district list names them', async () => {
    const { districts } = JSON.parse(
      await fs.readFile(path.join(LESSONS_DIR, '..', 'districts.json'), 'utf8'),
    ) as { districts: { name: Record<(typeof LANGUAGES)[number], string> }[] };
    expect(districts).toHaveLength(18);
    const help = lessons.find((l) => l.id === 'find-help-near-you');
    const rows = (help?.steps ?? [])
      .flatMap((s) => (s.kind === 'practice' ? s.screen.elements : []))
      .filter((e) => e.kind === 'list-item');
    for (const language of LANGUAGES) {
      const names = rows.map((row) => row.label[language]);
      for (const district of districts) expect(names, language).toContain(district.name[language]);
    }
    // What FACTS.md supports: at least two support points a district, for people aged 60 and over.
    expect(JSON.stringify(help?.steps)).toMatch(/at least two[^"]*districts?|districts?[^"]*at least two/i);
    expect(help?.aim.en).toMatch(/aged 60 and over/);
  });

  it('pretend links in messages use the reserved .example domain, never a real address', () => {
    for (const lesson of lessons) {
      for (const step of lesson.steps) {
        if (step.kind !== 'practice') continue;
        for (const element of step.screen.elements) {
          if (element.kind === 'message' && element.link) expect(element.link).toMatch(/\.example$/);
        }
      }
    }
  });
});
