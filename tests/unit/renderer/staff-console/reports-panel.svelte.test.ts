/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locale, t } from '../../../../renderer/src/i18n/i18n.svelte';
import { followCoreClock } from '../../../../renderer/src/lib/clock';
import { staffSignIn } from '../../../../renderer/src/lib/staff.svelte';
import ReportsPanel from '../../../../renderer/src/staff-console/ReportsPanel.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

/** The Reports panel against a real core: what it draws comes from the sections the core declares. */
let connection: Awaited<ReturnType<typeof connectRealCore>>;
const call = async (method: string, input: unknown, staffSession?: string) => {
  const result = await connection.core.invoke(method, input, staffSession ? { staffSession } : {});
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Record<string, unknown>;
};

beforeEach(async () => {
  connection = await connectRealCore('2026-12-01T10:00:00+08:00');
  followCoreClock(connection.clock.now().toISOString());
  const { session } = await call('staff.setup', { pin: '482916', confirm: '482916' });
  staffSignIn.begin(session as string);
  locale.set('zh-HK');
});
afterEach(async () => {
  cleanup();
  await staffSignIn.end();
  await connection.disconnect();
  locale.set('zh-HK');
});

describe('the Reports panel', () => {
  it('draws one captioned table per section the core declares, in its order, with its totals', async () => {
    const { visit } = await call('visit.start', { language: 'en' });
    const { lessons } = (await call('lessons.list', {})) as {
      lessons: { id: string; title: { 'zh-HK': string } }[];
    };
    const lesson = lessons[0]!;
    await call('lessons.progress', { lessonId: lesson.id, event: 'started', language: 'en', visit });
    await call('lessons.progress', { lessonId: lesson.id, event: 'completed', language: 'en', visit });

    render(ReportsPanel);
    const figures = await screen.findAllByRole('table');
    const { figures: sections } = await connection.core.handlers['staff.reports.get'](
      { from: '2026-12-01', to: '2026-12-01' },
      {},
    );
    expect(figures.map((table) => table.querySelector('caption')?.textContent)).toEqual(
      sections.map((figure) => t(figure.title)),
    );
    expect(sections.length).toBeGreaterThanOrEqual(6);

    // The lessons section: its row is the lesson's zh-HK title with one start and one completion.
    const lessonsTable = screen.getByRole('table', { name: t('lessons.report.title') });
    const row = within(lessonsTable).getByRole('rowheader', { name: lesson.title['zh-HK'] }).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', '1']);
    // Languages name themselves, marked in their own language for a screen reader.
    const english = within(
      screen.getByRole('table', { name: t('staff-console.reports.languages') }),
    ).getByRole('rowheader', { name: 'English' });
    expect(english.getAttribute('lang')).toBe('en');

    // Every headline total, each section's, in section order.
    const totals = sections.flatMap((figure) => figure.totals);
    expect(totals.map((total) => total.id)).toEqual([
      'visits',
      'lessons-completed',
      'checks',
      'lookups',
      'sessions',
      'attendance',
      'learning-hours',
      'session-lessons-completed',
      'new-participants',
      'returning-participants',
      'unique-participants',
    ]);
    for (const total of totals)
      expect(screen.getByTestId(`figure-${total.id}`).textContent, total.id).toBe(String(total.value));
    expect(screen.getByTestId('figure-visits').textContent).toBe('1');
    expect(screen.getByTestId('figure-lessons-completed').textContent).toBe('1');
  });
});
