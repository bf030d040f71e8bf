/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { directory } from '../../../../renderer/src/hotspots/directory.svelte';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import { lessonSession } from '../../../../renderer/src/lessons/lesson-session.svelte';
import { finishVisit } from '../../../../renderer/src/lib/finish';
import { IdleWatch } from '../../../../renderer/src/lib/idle.svelte';
import { visit } from '../../../../renderer/src/lib/visit.svelte';
import { check } from '../../../../renderer/src/programmes/check.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

/**
 * The idle timeout as App.svelte wires it (IdleWatch → finishVisit), with every capability's state
 * filled by a visitor first: after the countdown nothing of the visit is left.
 */
let connection: Awaited<ReturnType<typeof connectRealCore>>;
beforeEach(async () => {
  connection = await connectRealCore();
  visit.wipe();
});
afterEach(async () => {
  vi.useRealTimers();
  await connection.disconnect();
});

async function aVisitorsState(): Promise<void> {
  locale.set('en');
  visit.begin('en');
  visit.replace('home');
  visit.go('lessons');
  visit.setTextSize(3);
  const lesson = await lessonSession.fetchLesson('free-wifi');
  lessonSession.open(lesson);
  lessonSession.next();
  await check.begin();
  await check.answer('school-child', 'no');
  await check.answer('aged-60', 'yes');
  directory.setDistrict('A');
  await vi.waitFor(() => expect(directory.page).toBe(1));
}

describe('the idle timeout', () => {
  it('asks, counts down and then wipes the visit, the lesson, the check and the directory', async () => {
    await aVisitorsState();
    expect(check.result).not.toBeNull();
    // Only the idle watch's interval and the clock are faked; the core's file writes run for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00+08:00'));
    const watch = new IdleWatch({
      idleSeconds: () => 90,
      countdownSeconds: () => 20,
      enabled: () => visit.route.screen !== 'attract',
      onTimeout: finishVisit,
    });
    const stop = watch.start();
    try {
      vi.advanceTimersByTime(90_000);
      expect(watch.asking).toBe(true);
      expect(visit.route.screen).toBe('lessons');
      vi.advanceTimersByTime(20_000);
      expect(watch.asking).toBe(false);

      expect(visit.stack).toEqual([{ screen: 'attract' }]);
      expect(visit.textSize).toBe(1);
      expect(locale.current).toBe('zh-HK');
      await expect(visit.visitToken()).resolves.toBeUndefined();
      expect(lessonSession).toMatchObject({ lesson: null, player: null, code: null, completedLessons: [] });
      expect(check).toMatchObject({ answers: {}, path: [], result: null });
      expect(directory).toMatchObject({ district: null, results: [], page: 0 });

      // On the attract screen there is nobody to ask.
      vi.advanceTimersByTime(600_000);
      expect(watch.asking).toBe(false);
    } finally {
      stop();
    }
  });
});
