import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKioskCore, type CoreOptions } from '../../../../electron/core/service';
import type { GroupDisplayView } from '../../../../electron/core/staff-console/group-display';
import { tempDirs } from '../../../helpers/temp-dir';

const dirs = tempDirs('kiosk-group-display-core-');
afterEach(() => dirs.cleanup());

const PIN = '246813';

async function signedIn(options: Partial<CoreOptions>) {
  const core = await createKioskCore({ dataDir: await dirs.make(), shell: 'browser', ...options });
  const setup = await core.invoke('staff.setup', { pin: PIN, confirm: PIN });
  if (!setup.ok) throw new Error(setup.error.message);
  const staffSession = (setup.value as { session: string }).session;
  return { core, staffSession };
}

describe('staff.groups.display', () => {
  it('answers shown:false in the browser kiosk, which has no second display', async () => {
    const { core, staffSession } = await signedIn({});
    expect(
      await core.invoke(
        'staff.groups.display',
        { lessonId: 'free-wifi', stepIndex: 0, language: 'en' },
        { staffSession },
      ),
    ).toEqual({ ok: true, value: { shown: false } });
    expect(await core.invoke('staff.groups.display', { close: true }, { staffSession })).toEqual({
      ok: true,
      value: { shown: false },
    });
  });

  it('hands the shell the step, its position and stage, with every language filled in', async () => {
    const showGroupDisplay = vi.fn(async (_view: GroupDisplayView | null) => ({ shown: true }));
    const { core, staffSession } = await signedIn({ shell: 'electron', showGroupDisplay });
    const lesson = await core.invoke('lessons.get', { id: 'free-wifi' });
    if (!lesson.ok) throw new Error(lesson.error.message);
    const { steps, title } = lesson.value as { steps: { kind: string }[]; title: { en: string } };
    const practiceIndex = steps.findIndex((s) => s.kind === 'practice');
    expect(practiceIndex).toBeGreaterThanOrEqual(0);

    const result = await core.invoke(
      'staff.groups.display',
      { lessonId: 'free-wifi', stepIndex: practiceIndex, stage: 1, language: 'zh-CN', phoneStyle: 'iphone' },
      { staffSession },
    );
    expect(result).toEqual({ ok: true, value: { shown: true } });
    const view = showGroupDisplay.mock.calls[0]![0]!;
    expect(view).toEqual({
      lessonId: 'free-wifi',
      lessonTitle: expect.objectContaining({ en: title.en, 'zh-CN': expect.any(String) }),
      step: steps[practiceIndex],
      position: { number: practiceIndex + 1, total: steps.length },
      stage: 1,
      language: 'zh-CN',
      phoneStyle: 'iphone',
    });
    expect((view.step as { title: { 'zh-CN'?: string } }).title['zh-CN']).toBeTruthy();

    // A stage beyond what the step has is kept within it (an explain step has one).
    const explainIndex = steps.findIndex((s) => s.kind === 'explain');
    await core.invoke(
      'staff.groups.display',
      { lessonId: 'free-wifi', stepIndex: explainIndex, stage: 2, language: 'en' },
      { staffSession },
    );
    // Left out, the phone is the default Android style.
    expect(showGroupDisplay.mock.calls[1]![0]).toMatchObject({
      phoneStyle: 'android',
      stage: 0,
      position: { number: explainIndex + 1 },
    });

    expect(await core.invoke('staff.groups.display', { close: true }, { staffSession })).toEqual({
      ok: true,
      value: { shown: false },
    });
    expect(showGroupDisplay).toHaveBeenLastCalledWith(null);
  });

  it('closes the group screen when staff sign out', async () => {
    const showGroupDisplay = vi.fn(async (_view: GroupDisplayView | null) => ({ shown: true }));
    const { core, staffSession } = await signedIn({ shell: 'electron', showGroupDisplay });
    await core.invoke('staff.logout', {}, { staffSession });
    expect(showGroupDisplay).toHaveBeenCalledExactlyOnceWith(null);
  });

  it('needs a staff session', async () => {
    const showGroupDisplay = vi.fn(async () => ({ shown: true }));
    const { core } = await signedIn({ shell: 'electron', showGroupDisplay });
    for (const context of [{}, { staffSession: 'not-a-session' }]) {
      const result = await core.invoke(
        'staff.groups.display',
        { lessonId: 'free-wifi', stepIndex: 0, language: 'en' },
        context,
      );
      expect(!result.ok && result.error.code).toBe('unauthorized');
    }
    expect(showGroupDisplay).not.toHaveBeenCalled();
  });

  it('refuses an unknown lesson, a step past the end and a mixed-up request', async () => {
    const showGroupDisplay = vi.fn(async () => ({ shown: true }));
    const { core, staffSession } = await signedIn({ shell: 'electron', showGroupDisplay });
    const unknown = await core.invoke(
      'staff.groups.display',
      { lessonId: 'no-such-lesson', stepIndex: 0, language: 'en' },
      { staffSession },
    );
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    const pastEnd = await core.invoke(
      'staff.groups.display',
      { lessonId: 'free-wifi', stepIndex: 40, language: 'en' },
      { staffSession },
    );
    expect(!pastEnd.ok && pastEnd.error.code).toBe('invalid_input');
    const mixed = await core.invoke(
      'staff.groups.display',
      { close: true, lessonId: 'free-wifi' },
      { staffSession },
    );
    expect(!mixed.ok && mixed.error.code).toBe('invalid_input');
    expect(showGroupDisplay).not.toHaveBeenCalled();
  });

  it('carries on without the group screen when the shell fails', async () => {
    const showGroupDisplay = vi.fn(async () => {
      throw new Error('display gone');
    });
    const { core, staffSession } = await signedIn({ shell: 'electron', showGroupDisplay });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await core.invoke(
      'staff.groups.display',
      { lessonId: 'free-wifi', stepIndex: 0, language: 'en' },
      { staffSession },
    );
    spy.mockRestore();
    expect(result).toEqual({ ok: true, value: { shown: false } });
  });
});
