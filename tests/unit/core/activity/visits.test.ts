import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityDoc } from '../../../../electron/core/activity/schema';
import { VISIT_SPACING_MS } from '../../../../electron/core/activity/visits';
import { createKioskCore, type KioskCore } from '../../../../electron/core/service';
import { StoredDocument } from '../../../../electron/core/store/document';
import { ActivityDocSchema, defaultActivityDoc } from '../../../../electron/core/activity/schema';
import { tempDirs } from '../../../helpers/temp-dir';

const START = new Date('2026-02-28T15:59:00Z');
const temp = tempDirs('kiosk-visits-');
afterEach(temp.cleanup);

async function kiosk() {
  const dataDir = await temp.make();
  const clock = { ms: START.getTime() };
  const core = await createKioskCore({ dataDir, shell: 'browser', now: () => new Date(clock.ms) });
  return { dataDir, clock, core };
}

async function call<T>(core: KioskCore, method: string, input: unknown): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const startVisit = (core: KioskCore, language = 'en') =>
  call<{ visit: string; counted: boolean }>(core, 'visit.start', { language });

/** The tallies on disk, as the staff reports read them after a restart. */
async function talliesOnDisk(dataDir: string): Promise<Record<string, number>> {
  const doc = await StoredDocument.open<ActivityDoc>({
    dataDir,
    name: 'activity',
    schema: ActivityDocSchema,
    defaults: defaultActivityDoc,
  });
  const sums: Record<string, number> = {};
  for (const tally of doc.data.tallies) {
    const key = [tally.event, tally.subject].filter(Boolean).join(':');
    sums[key] = (sums[key] ?? 0) + tally.count;
  }
  return sums;
}

describe('visit.start', () => {
  it('a loop of 1,000 calls adds one visit, not 1,000', async () => {
    const { dataDir, core } = await kiosk();
    const answers = [];
    for (let i = 0; i < 1_000; i++) answers.push(await startVisit(core));
    expect((await talliesOnDisk(dataDir)).visit).toBe(1);
    expect(answers.filter((a) => a.counted)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.visit)).size).toBe(1);
  });

  it('counts at most one new visit per spacing, however fast a script calls', async () => {
    const { dataDir, clock, core } = await kiosk();
    // 1,000 calls, one every 100 ms: 100 seconds.
    for (let i = 0; i < 1_000; i++) {
      await startVisit(core);
      clock.ms += 100;
    }
    expect((await talliesOnDisk(dataDir)).visit).toBe(Math.ceil(100_000 / VISIT_SPACING_MS));
  });

  it('the next visitor after the spacing is a new visit with a new token, and a clock set back does not stop visits', async () => {
    const { dataDir, clock, core } = await kiosk();
    const first = await startVisit(core, 'zh-HK');
    clock.ms += VISIT_SPACING_MS;
    const second = await startVisit(core, 'zh-CN');
    expect(second.counted).toBe(true);
    expect(second.visit).not.toBe(first.visit);
    clock.ms -= 60 * 60_000;
    expect((await startVisit(core, 'en')).counted).toBe(true);
    expect((await talliesOnDisk(dataDir)).visit).toBe(3);
  });
});

describe('anonymous counters count each thing once per visit', () => {
  it('lessons.progress: started and completed once, steps at most once per step, nothing without the visit', async () => {
    const { dataDir, clock, core } = await kiosk();
    const lesson = await call<{ steps: unknown[] }>(core, 'lessons.get', { id: 'free-wifi' });
    const { visit } = await startVisit(core);
    for (let i = 0; i < 1_000; i++) {
      await call(core, 'lessons.progress', {
        lessonId: 'free-wifi',
        event: 'started',
        language: 'en',
        visit,
      });
      await call(core, 'lessons.progress', { lessonId: 'free-wifi', event: 'step', language: 'en', visit });
      await call(core, 'lessons.progress', {
        lessonId: 'free-wifi',
        event: 'completed',
        language: 'en',
        visit,
      });
      await call(core, 'lessons.progress', { lessonId: 'free-wifi', event: 'started', language: 'en' });
    }
    // A token from a visit that has ended counts nothing either.
    clock.ms += VISIT_SPACING_MS;
    await startVisit(core);
    const late = await call<{ counted: boolean }>(core, 'lessons.progress', {
      lessonId: 'free-wifi',
      event: 'started',
      language: 'en',
      visit,
    });
    expect(late.counted).toBe(false);
    expect(await talliesOnDisk(dataDir)).toEqual({
      visit: 2,
      'lesson.started:free-wifi': 1,
      'lesson.step:free-wifi': lesson.steps.length,
      'lesson.completed:free-wifi': 1,
    });
  });

  it('eligibility checks and district look-ups: once per programme and per district in a visit', async () => {
    const { dataDir, core } = await kiosk();
    const { visit } = await startVisit(core);
    const answers = { 'school-child': 'no', 'aged-60': 'yes' };
    for (let i = 0; i < 200; i++) {
      await call(core, 'eligibility.evaluate', { answers, language: 'en', visit });
      await call(core, 'eligibility.evaluate', { answers, language: 'en' });
      await call(core, 'hotspots.search', { district: 'F', language: 'en', visit });
      await call(core, 'hotspots.search', { district: 'F', language: 'en' });
    }
    const tallies = await talliesOnDisk(dataDir);
    const programmes = (await call<{ programmes: unknown[] }>(core, 'programmes.list', {})).programmes.length;
    const checks = Object.entries(tallies).filter(([key]) => key.startsWith('eligibility.result:'));
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.length).toBeLessThanOrEqual(programmes);
    for (const [, count] of checks) expect(count).toBe(1);
    expect(tallies['hotspot.lookup:F']).toBe(1);
  });
});
