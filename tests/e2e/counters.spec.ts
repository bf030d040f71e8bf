import { readFileSync } from 'node:fs';
import { expect, startVisit, test } from './fixtures';

/**
 * A script at the page can call whatever the page calls. It must not be able to inflate the
 * anonymous figures: a thousand visit.start and counter calls in a loop add a handful, not a thousand.
 */
test('a script at the page looping visit.start and the counters adds a handful, not a thousand', async ({
  page,
  kiosk,
}) => {
  await startVisit(page, kiosk, 'English');
  await expect(page.getByRole('heading', { name: 'What would you like to do?' })).toBeVisible();
  await expect.poll(() => readFileSync(`${kiosk.dataDir}/activity.json`, 'utf8')).toContain('"visit"');

  const answers = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
    const post = async (method: string, body: unknown) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kiosk-token': token },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: { counted: boolean; visit?: string } };
    };
    // Counted visits and counted lesson starts together.
    let counted = 0;
    let visit: string | undefined;
    for (let i = 0; i < 1_000; i++) {
      const started = await post('visit.start', { language: 'zh-HK' });
      if (started.value?.counted) counted += 1;
      visit = started.value?.visit;
      const progress = await post('lessons.progress', {
        lessonId: 'free-wifi',
        event: 'started',
        language: 'zh-HK',
        visit,
      });
      if (progress.value?.counted) counted += 1;
      await post('lessons.progress', { lessonId: 'free-wifi', event: 'completed', language: 'zh-HK' });
    }
    return counted;
  });
  // A new visit may start every 20 seconds of the kiosk's (real-time) clock, and the loop takes a few
  // seconds: what matters is that a thousand calls add a handful at most, never a thousand.
  expect(answers).toBeGreaterThan(0);
  expect(answers).toBeLessThan(20);

  const activity = JSON.parse(readFileSync(`${kiosk.dataDir}/activity.json`, 'utf8')) as {
    tallies: { event: string; count: number }[];
  };
  const total = (event: string) =>
    activity.tallies.filter((tally) => tally.event === event).reduce((sum, tally) => sum + tally.count, 0);
  expect(total('visit')).toBeLessThan(10);
  // Once per visit: never more lesson starts than visits.
  expect(total('lesson.started')).toBeGreaterThan(0);
  expect(total('lesson.started')).toBeLessThanOrEqual(total('visit'));
  expect(total('lesson.completed')).toBe(0);
});
