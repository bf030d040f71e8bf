import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import { lessonMethods } from '../../../../electron/core/lessons/contract';
import { createLessonHandlers } from '../../../../electron/core/lessons/handlers';
import {
  defaultResumeCodesDoc,
  generateResumeCode,
  purgeExpiredResumeCodes,
  RESUME_CODE_ALPHABET,
  ResumeCodesDocSchema,
  type ResumeCodesDoc,
} from '../../../../electron/core/lessons/resume-codes';
import { StoredDocument } from '../../../../electron/core/store/document';
import { tempDirs } from '../../../helpers/temp-dir';
import { makeCoreContext } from '../../../helpers/hotspots-context';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-03-01T02:00:00Z');
const temp = tempDirs('kiosk-lessons-');
afterEach(temp.cleanup);

/** A core context on a fresh folder with a clock the test moves by hand. */
async function setup(dataDir?: string) {
  const dir = dataDir ?? (await temp.make());
  const clock = { now: START };
  const now = () => clock.now;
  const ctx = await makeCoreContext(dir, now);
  const { activity } = ctx;
  const handlers = await createLessonHandlers(ctx);
  return { dir, clock, ctx, handlers, activity };
}

async function openCodesDoc(dir: string) {
  return StoredDocument.open<ResumeCodesDoc>({
    dataDir: dir,
    name: 'resume-codes',
    schema: ResumeCodesDocSchema,
    defaults: defaultResumeCodesDoc,
  });
}

async function expectKioskError(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toBeInstanceOf(KioskError);
  await expect(promise).rejects.toMatchObject({ code });
}

const entry = (code: string, createdAt: Date) => ({
  code,
  lessonId: 'free-wifi',
  stepIndex: 2,
  completedLessons: [],
  createdAt: createdAt.toISOString(),
});

describe('lessons.list and lessons.get', () => {
  it('lists every lesson as a card, grouped by topic, with the start-here path', async () => {
    const { handlers } = await setup();
    const list = await handlers['lessons.list']({}, {});
    expect(list.lessons.length).toBeGreaterThanOrEqual(15);
    expect(list.topics.map((t) => t.id)).toEqual([
      'phone-basics',
      'keep-in-touch',
      'stay-safe',
      'everyday-services',
    ]);
    expect(list.startHere).toEqual([
      'touchscreen-basics',
      'your-phone',
      'free-wifi',
      'video-call',
      'spot-the-scam',
    ]);
    const topicOrder = list.lessons.map((l) => list.topics.findIndex((t) => t.id === l.topic));
    expect(topicOrder).toEqual([...topicOrder].sort((a, b) => a - b));
    for (const card of list.lessons) {
      expect(card.stepCount).toBeGreaterThanOrEqual(5);
      expect(card.title['zh-CN']).toBeTruthy();
      expect(card).not.toHaveProperty('steps');
    }
  });

  it('gets one lesson with zh-CN filled in, and not_found for an unknown id', async () => {
    const { handlers } = await setup();
    const lesson = await handlers['lessons.get']({ id: 'spot-the-scam' }, {});
    expect(lesson.steps.length).toBeGreaterThanOrEqual(5);
    expect(lesson.steps[0]?.narration['zh-CN']).toBeTruthy();
    await expectKioskError(handlers['lessons.get']({ id: 'no-such-lesson' }, {}), 'not_found');
  });
});

describe('lessons.progress', () => {
  it('adds to the anonymous counters by lesson, language and date', async () => {
    const { handlers, activity, ctx } = await setup();
    const { visit } = await ctx.visits.start('zh-HK');
    await handlers['lessons.progress'](
      { lessonId: 'free-wifi', event: 'started', language: 'zh-HK', visit },
      {},
    );
    await handlers['lessons.progress'](
      { lessonId: 'free-wifi', event: 'step', language: 'zh-HK', visit },
      {},
    );
    await handlers['lessons.progress'](
      { lessonId: 'free-wifi', event: 'step', language: 'zh-HK', visit },
      {},
    );
    await handlers['lessons.progress'](
      { lessonId: 'free-wifi', event: 'completed', language: 'en', visit },
      {},
    );
    const tallies = activity.data.tallies
      .filter((t) => t.event !== 'visit')
      .map(({ event, subject, language, count, date }) => ({ event, subject, language, count, date }));
    expect(tallies).toEqual([
      { event: 'lesson.started', subject: 'free-wifi', language: 'zh-HK', count: 1, date: '2026-03-01' },
      { event: 'lesson.step', subject: 'free-wifi', language: 'zh-HK', count: 2, date: '2026-03-01' },
      { event: 'lesson.completed', subject: 'free-wifi', language: 'en', count: 1, date: '2026-03-01' },
    ]);
  });

  it('refuses an unknown lesson without counting it', async () => {
    const { handlers, activity } = await setup();
    await expectKioskError(
      handlers['lessons.progress']({ lessonId: 'made-up', event: 'started', language: 'en' }, {}),
      'not_found',
    );
    expect(activity.data.tallies).toEqual([]);
  });
});

describe('resume codes', () => {
  it('round-trips: create, then open on a later day, also after a restart', async () => {
    const { dir, clock, handlers } = await setup();
    const created = await handlers['lessons.resume.create'](
      { lessonId: 'video-call', stepIndex: 4, completedLessons: ['free-wifi', 'made-up'] },
      {},
    );
    expect(created.code).toMatch(new RegExp(`^[${RESUME_CODE_ALPHABET}]{6}$`));
    expect(created.expiresAt).toBe(new Date(START.getTime() + 180 * DAY).toISOString());

    clock.now = new Date(START.getTime() + 30 * DAY);
    expect(await handlers['lessons.resume.open']({ code: created.code }, {})).toEqual({
      lessonId: 'video-call',
      stepIndex: 4,
      completedLessons: ['free-wifi'],
    });

    const restarted = await setup(dir);
    expect((await restarted.handlers['lessons.resume.open']({ code: created.code }, {})).lessonId).toBe(
      'video-call',
    );
  });

  it('accepts a code typed in lower case or with spaces, and refuses characters outside the alphabet', () => {
    const input = lessonMethods['lessons.resume.open'].input;
    expect(input.parse({ code: ' abc 2de ' })).toEqual({ code: 'ABC2DE' });
    expect(input.safeParse({ code: 'ABC0DE' }).success).toBe(false);
    expect(input.safeParse({ code: 'ABCIDE' }).success).toBe(false);
    expect(input.safeParse({ code: 'ABCDE' }).success).toBe(false);
  });

  it('answers not_found for an unknown code and for a code past the retention period', async () => {
    const { clock, handlers } = await setup();
    await expectKioskError(handlers['lessons.resume.open']({ code: 'ZZZZZZ' }, {}), 'not_found');
    const { code } = await handlers['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 0 }, {});
    clock.now = new Date(START.getTime() + 181 * DAY);
    await expectKioskError(handlers['lessons.resume.open']({ code }, {}), 'not_found');
  });

  it('refuses a step beyond the lesson and an unknown lesson', async () => {
    const { handlers } = await setup();
    await expectKioskError(
      handlers['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 40 }, {}),
      'invalid_input',
    );
    await expectKioskError(
      handlers['lessons.resume.create']({ lessonId: 'made-up', stepIndex: 0 }, {}),
      'not_found',
    );
  });

  it('codes use only the unambiguous alphabet (no 0/O, 1/I) and never repeat a taken one', () => {
    for (const banned of ['0', 'O', '1', 'I']) expect(RESUME_CODE_ALPHABET).not.toContain(banned);
    expect(new Set(RESUME_CODE_ALPHABET).size).toBe(RESUME_CODE_ALPHABET.length);
    const taken = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const code = generateResumeCode(taken);
      expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);
      expect(taken.has(code)).toBe(false);
      taken.add(code);
    }
  });
});

describe('retention', () => {
  it('purgeExpiredResumeCodes removes exactly the codes older than the period', async () => {
    const dir = await temp.make();
    const doc = await openCodesDoc(dir);
    const now = new Date('2026-06-01T00:00:00Z');
    await doc.update((draft) => {
      draft.codes.push(
        entry('AAAAAA', new Date(now.getTime() - 179 * DAY)),
        entry('BBBBBB', new Date(now.getTime() - 180 * DAY)),
        entry('CCCCCC', new Date(now.getTime() - 180 * DAY - 1)),
        entry('DDDDDD', new Date(now.getTime() - 400 * DAY)),
        entry('EEEEEE', now),
      );
    });
    expect(await purgeExpiredResumeCodes(doc, now, 180)).toBe(2);
    expect(doc.data.codes.map((c) => c.code)).toEqual(['AAAAAA', 'BBBBBB', 'EEEEEE']);
    // On disk too, not only in memory.
    expect((await openCodesDoc(dir)).data.codes.map((c) => c.code)).toEqual(['AAAAAA', 'BBBBBB', 'EEEEEE']);
    expect(await purgeExpiredResumeCodes(doc, now, 180)).toBe(0);
  });

  it('purges at start-up and on each create', async () => {
    const dir = await temp.make();
    const doc = await openCodesDoc(dir);
    await doc.update((draft) => {
      draft.codes.push(
        entry('AGEDAA', new Date(START.getTime() - 200 * DAY)),
        entry('FRESHA', new Date(START.getTime() - 10 * DAY)),
      );
    });
    const { clock, handlers } = await setup(dir);
    expect((await handlers['staff.lessons.retention']({}, {})).storedCodes).toBe(1);

    clock.now = new Date(START.getTime() + 171 * DAY);
    await handlers['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 1 }, {});
    const codes = (await openCodesDoc(dir)).data.codes;
    expect(codes.map((c) => c.code)).not.toContain('FRESHA');
    expect(codes).toHaveLength(1);
  });

  it('staff read the period (180 days by default) and set it, which purges at once', async () => {
    const { clock, handlers } = await setup();
    expect(await handlers['staff.lessons.retention']({}, {})).toEqual({ days: 180, storedCodes: 0 });
    await handlers['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 1 }, {});
    clock.now = new Date(START.getTime() + 40 * DAY);
    await handlers['lessons.resume.create']({ lessonId: 'photos', stepIndex: 1 }, {});
    expect(await handlers['staff.lessons.retention']({ days: 30 }, {})).toEqual({ days: 30, storedCodes: 1 });
    expect(await handlers['staff.lessons.retention']({}, {})).toEqual({ days: 30, storedCodes: 1 });
    expect(lessonMethods['staff.lessons.retention'].staff).toBe(true);
    expect(lessonMethods['staff.lessons.retention'].input.safeParse({ days: 0 }).success).toBe(false);
  });

  it('visitor methods need no staff session; only the retention method does', () => {
    const staffOnly = Object.entries(lessonMethods)
      .filter(([, spec]) => spec.staff)
      .map(([name]) => name);
    expect(staffOnly).toEqual(['staff.lessons.retention']);
  });
});
