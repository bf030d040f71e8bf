import { afterEach, describe, expect, it } from 'vitest';
import { createLessonHandlers } from '../../../electron/core/lessons/handlers';
import { createStaffConsoleHandlers } from '../../../electron/core/staff-console/handlers';
import { makeCoreContext } from '../../helpers/hotspots-context';
import { rejection } from '../../helpers/results';
import { tempDirs } from '../../helpers/temp-dir';

const START = new Date('2026-06-01T02:00:00Z');
const DAY = 86_400_000;
const temp = tempDirs('kiosk-wiring-');
afterEach(temp.cleanup);

describe('core wiring', () => {
  it('gives the staff console the resume codes without the lessons capability being made first', async () => {
    const dir = await temp.make();
    const first = await makeCoreContext(dir, () => START);
    const lessons = await createLessonHandlers(first);
    await lessons['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 0 }, {});

    // The next start, past the 180-day retention: only data care is made, and its start-up purge reaches the codes.
    const later = await makeCoreContext(dir, () => new Date(START.getTime() + 181 * DAY));
    expect(later.documents.resumeCodes.data.codes).toHaveLength(1);
    const staff = await createStaffConsoleHandlers(later);
    expect(later.documents.resumeCodes.data.codes).toEqual([]);
    const status = await staff['staff.datacare.status']({}, {});
    expect(status).toMatchObject({ resumeCodeRetentionDays: 180, resumeCodes: 0 });
  });

  it('lets lessons and data care work on one copy of the resume codes, whichever is made first', async () => {
    const ctx = await makeCoreContext(await temp.make(), () => START);
    const staff = await createStaffConsoleHandlers(ctx);
    const lessons = await createLessonHandlers(ctx);
    const { code } = await lessons['lessons.resume.create']({ lessonId: 'free-wifi', stepIndex: 2 }, {});
    expect((await staff['staff.datacare.status']({}, {})).resumeCodes).toBe(1);
    expect(ctx.documents.resumeCodes.data.codes.map((entry) => entry.code)).toEqual([code]);

    await staff['staff.datacare.wipe']({ confirm: 'wipe-personal-data' }, {});
    expect((await rejection(lessons['lessons.resume.open']({ code }, {}))).code).toBe('not_found');
  });
});
