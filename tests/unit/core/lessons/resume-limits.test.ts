import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import { createLessonHandlers } from '../../../../electron/core/lessons/handlers';
import { RESUME_CODE_ALPHABET } from '../../../../electron/shared/resume-code-format';
import {
  defaultResumeCodesDoc,
  MAX_STORED_RESUME_CODES,
  prunedCodes,
  type ResumeEntry,
} from '../../../../electron/core/lessons/resume-codes';
import { RESUME_GUESS_RULES } from '../../../../electron/core/lessons/resume-guard';
import { tempDirs } from '../../../helpers/temp-dir';
import { makeCoreContext } from '../../../helpers/hotspots-context';

const START = new Date('2026-03-01T02:00:00Z');
const temp = tempDirs('kiosk-resume-limits-');
afterEach(temp.cleanup);

async function setup(dir?: string) {
  const dataDir = dir ?? (await temp.make());
  const clock = { ms: START.getTime() };
  const now = () => new Date(clock.ms);
  const ctx = await makeCoreContext(dataDir, now);
  return { dataDir, clock, handlers: await createLessonHandlers(ctx) };
}

/** The n-th of a run of distinct codes, so seeded files never repeat one. */
function nthCode(n: number): string {
  let code = '';
  for (let i = 0, rest = n; i < 6; i++, rest = Math.floor(rest / 32)) code += RESUME_CODE_ALPHABET[rest % 32];
  return code;
}

const seeded = (n: number, minutesAgo: number): ResumeEntry => ({
  code: nthCode(n),
  lessonId: 'free-wifi',
  stepIndex: 1,
  completedLessons: [],
  createdAt: new Date(START.getTime() - minutesAgo * 60_000).toISOString(),
});

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    if (error instanceof KioskError) return error.code;
    throw error;
  }
}

describe('guessing resume codes', () => {
  it('a script trying codes as fast as it can gets a few checked a minute, not thousands', async () => {
    const { clock, handlers } = await setup();
    // Ten minutes of 100 guesses a second.
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 60_000; i++) {
      clock.ms += 10;
      const result = await outcome(handlers['lessons.resume.open']({ code: nthCode(i) }, {}));
      outcomes[result] = (outcomes[result] ?? 0) + 1;
    }
    const checked = outcomes.not_found ?? 0;
    const limit = RESUME_GUESS_RULES.freeWrong + (10 * 60_000) / RESUME_GUESS_RULES.spacingMs;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(limit);
    expect(outcomes.locked).toBe(60_000 - checked);
  });

  it('an elder mistyping a few times is answered at once, then waits only seconds, and a right code opens', async () => {
    const { clock, handlers } = await setup();
    const { code } = await handlers['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 2 }, {});
    for (let i = 0; i < RESUME_GUESS_RULES.freeWrong; i++) {
      clock.ms += 1_000;
      expect(await outcome(handlers['lessons.resume.open']({ code: nthCode(i) }, {}))).toBe('not_found');
    }
    clock.ms += 1_000;
    expect(await outcome(handlers['lessons.resume.open']({ code }, {}))).toBe('locked');
    clock.ms += RESUME_GUESS_RULES.spacingMs;
    expect(await outcome(handlers['lessons.resume.open']({ code }, {}))).toBe('opened');
  });

  it('hammering does not push the wait further out, and a minute after the guessing stops all is as before', async () => {
    const { clock, handlers } = await setup();
    const { code } = await handlers['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 2 }, {});
    const refused: string[] = [];
    for (let i = 0; i < 200; i++) {
      clock.ms += 5;
      if ((await outcome(handlers['lessons.resume.open']({ code: nthCode(i) }, {}))) === 'locked')
        refused.push(nthCode(i));
    }
    expect(refused).toHaveLength(200 - RESUME_GUESS_RULES.freeWrong);
    // The last checked guess was within the first second; refusals since then did not move the slot.
    clock.ms = START.getTime() + RESUME_GUESS_RULES.spacingMs + 1_000;
    expect(await outcome(handlers['lessons.resume.open']({ code }, {}))).toBe('opened');
    clock.ms += RESUME_GUESS_RULES.windowMs + 1;
    for (let i = 0; i < RESUME_GUESS_RULES.freeWrong; i++) {
      expect(await outcome(handlers['lessons.resume.open']({ code: nthCode(1_000 + i) }, {}))).toBe(
        'not_found',
      );
    }
  });

  it('a clock set back does not leave codes refused', async () => {
    const { clock, handlers } = await setup();
    const { code } = await handlers['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 2 }, {});
    for (let i = 0; i < 20; i++) await outcome(handlers['lessons.resume.open']({ code: nthCode(i) }, {}));
    expect(await outcome(handlers['lessons.resume.open']({ code }, {}))).toBe('locked');
    clock.ms -= 60 * 60_000;
    expect(await outcome(handlers['lessons.resume.open']({ code }, {}))).toBe('opened');
  });
});

describe('the resume-code cap', () => {
  it('keeps the newest codes, whatever their order in the file, oldest first', () => {
    const codes = [seeded(1, 5), seeded(2, 1), seeded(3, 9), seeded(4, 3)];
    expect(prunedCodes(codes, START, 180, 2).map((c) => c.code)).toEqual([nthCode(4), nthCode(2)]);
    expect(
      prunedCodes(
        [...codes].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
        START,
        180,
        3,
      ).map((c) => c.code),
    ).toEqual([nthCode(1), nthCode(4), nthCode(2)]);
    expect(prunedCodes(codes, START, 180, 10)).toBe(codes);
  });

  it('a file over the cap is cut to the newest at start-up, and a create at the cap drops the oldest', async () => {
    const dataDir = await temp.make();
    const doc = defaultResumeCodesDoc();
    const over = MAX_STORED_RESUME_CODES + 5;
    // Code n was made n minutes before START: the highest numbers are the oldest.
    for (let n = 0; n < over; n++) doc.codes.push(seeded(n, n));
    await fs.writeFile(path.join(dataDir, 'resume-codes.json'), JSON.stringify(doc));

    const { clock, handlers } = await setup(dataDir);
    expect((await handlers['staff.lessons.retention']({}, {})).storedCodes).toBe(MAX_STORED_RESUME_CODES);
    expect(
      await outcome(handlers['lessons.resume.open']({ code: nthCode(MAX_STORED_RESUME_CODES - 1) }, {})),
    ).toBe('opened');
    expect(
      await outcome(handlers['lessons.resume.open']({ code: nthCode(MAX_STORED_RESUME_CODES) }, {})),
    ).toBe('not_found');

    clock.ms += 60_000;
    const created = await handlers['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 0 }, {});
    expect((await handlers['staff.lessons.retention']({}, {})).storedCodes).toBe(MAX_STORED_RESUME_CODES);
    clock.ms += RESUME_GUESS_RULES.windowMs;
    expect(await outcome(handlers['lessons.resume.open']({ code: created.code }, {}))).toBe('opened');
    expect(
      await outcome(handlers['lessons.resume.open']({ code: nthCode(MAX_STORED_RESUME_CODES - 1) }, {})),
    ).toBe('not_found');
    const onDisk = JSON.parse(await fs.readFile(path.join(dataDir, 'resume-codes.json'), 'utf8')) as {
      codes: unknown[];
    };
    expect(onDisk.codes).toHaveLength(MAX_STORED_RESUME_CODES);
  });
});
