import type { CoreContent, CoreContext } from '../core-context';
import type { HandlersOf } from '../contract-method';
import { KioskError } from '../errors';
import { errnoField } from '../store/durable-file';
import { logStaffAction } from '../staff-console/staff-log';
import type { lessonMethods, LessonList } from './contract';
import {
  expiresAt,
  generateResumeCode,
  isExpired,
  MAX_STORED_RESUME_CODES,
  prunedCodes,
  pruneResumeCodes,
  purgeExpiredResumeCodes,
  type ResumeEntry,
} from './resume-codes';
import { ResumeGuessGuard } from './resume-guard';
import { summariseLesson, TOPIC_LABELS, TOPICS, type Lesson } from './schema';

/** What the lesson methods derive from one content object: built once per content, on first use. */
interface LessonView {
  byId: Map<string, Lesson>;
  list: LessonList;
}
const views = new WeakMap<CoreContent, LessonView>();

function lessonView(content: CoreContent): LessonView {
  let view = views.get(content);
  if (view) return view;
  const { lessons } = content.lessons;
  view = {
    byId: new Map(lessons.map((lesson) => [lesson.id, lesson])),
    list: {
      topics: TOPICS.filter((topic) => lessons.some((l) => l.topic === topic)).map((id) => ({
        id,
        label: TOPIC_LABELS[id],
      })),
      lessons: lessons.map(summariseLesson),
      startHere: lessons
        .filter((l) => l.startHere !== undefined)
        .sort((a, b) => (a.startHere ?? 0) - (b.startHere ?? 0))
        .map((l) => l.id),
    },
  };
  views.set(content, view);
  return view;
}

/**
 * The lessons are read from `ctx.content` at each call: an organisation's pack may replace them
 * while the kiosk runs (ctx.replaceContent), and the next call sees the new ones.
 */
export async function createLessonHandlers(ctx: CoreContext): Promise<HandlersOf<typeof lessonMethods>> {
  const byId = () => lessonView(ctx.content).byId;

  // Data care (staff console) wipes, purges, backs up and restores these codes through the same copy.
  const resumeCodes = ctx.documents.resumeCodes;
  try {
    const purgedAtStart = await pruneResumeCodes(resumeCodes, ctx.now(), resumeCodes.data.retentionDays);
    if (purgedAtStart > 0) {
      const why = `past ${resumeCodes.data.retentionDays} days or beyond the newest ${MAX_STORED_RESUME_CODES}`;
      await logStaffAction(ctx, 'purge', `start-up: ${purgedAtStart} resume code(s) ${why} removed`, {
        when: 'start-up',
        resumeCodes: purgedAtStart,
        days: resumeCodes.data.retentionDays,
      });
    }
  } catch (error) {
    // A full disk must not keep the kiosk from starting; the next create and the next start purge again.
    ctx.onHealthEvent({
      time: ctx.now().toISOString(),
      document: 'resume-codes',
      kind: 'purge-failed',
      ...errnoField(error),
    });
  }

  const guesses = new ResumeGuessGuard();

  function lessonOrNotFound(id: string): Lesson {
    const lesson = byId().get(id);
    if (!lesson)
      throw new KioskError('not_found', `There is no lesson called ${id}.`, {
        reason: 'lessons.errors.lessonGone',
      });
    return lesson;
  }

  return {
    'lessons.list': async () => lessonView(ctx.content).list,
    'lessons.get': async ({ id }) => lessonOrNotFound(id),
    'lessons.progress': async ({ lessonId, event, language, visit }) => {
      // Only known lessons: the counters must not fill with whatever a caller sends.
      const lesson = lessonOrNotFound(lessonId);
      const times = event === 'step' ? lesson.steps.length : 1;
      const counted = await ctx.visits.count(
        visit,
        { event: `lesson.${event}`, subject: lessonId, language },
        times,
      );
      return { counted };
    },
    'lessons.resume.create': async ({ lessonId, stepIndex, completedLessons = [] }) => {
      const lesson = lessonOrNotFound(lessonId);
      if (stepIndex >= lesson.steps.length)
        throw new KioskError('invalid_input', `Lesson ${lessonId} has ${lesson.steps.length} steps.`, {
          reason: 'lessons.errors.noSuchStep',
          params: { steps: lesson.steps.length },
        });
      const now = ctx.now();
      const days = resumeCodes.data.retentionDays;
      // One write for expiry, the cap and the new code: the store rewrites the whole document each time.
      const entry = await resumeCodes.update((draft) => {
        const kept = prunedCodes(draft.codes, now, days, MAX_STORED_RESUME_CODES - 1) as ResumeEntry[];
        const created: ResumeEntry = {
          code: generateResumeCode({ has: (candidate) => kept.some((c) => c.code === candidate) }),
          lessonId,
          stepIndex,
          completedLessons: [...new Set(completedLessons.filter((id) => byId().has(id)))],
          createdAt: now.toISOString(),
        };
        draft.codes = [...kept, created];
        return created;
      });
      return { code: entry.code, expiresAt: expiresAt(entry, days) };
    },
    'lessons.resume.open': async ({ code }) => {
      const now = ctx.now();
      guesses.admit(now);
      const entry = resumeCodes.data.codes.find((c) => c.code === code);
      // A code past its period is gone even if the purge has not run since.
      if (!entry || isExpired(entry, now, resumeCodes.data.retentionDays)) {
        guesses.recordWrong(now);
        throw new KioskError('not_found', 'That code is not known on this kiosk, or it has expired.', {
          reason: 'lessons.errors.codeUnknown',
        });
      }
      const known = byId();
      const lesson = known.get(entry.lessonId);
      if (!lesson)
        throw new KioskError('not_found', 'The lesson for that code is no longer on this kiosk.', {
          reason: 'lessons.errors.codeLessonGone',
        });
      return {
        lessonId: entry.lessonId,
        // Content may have been shortened since the code was made.
        stepIndex: Math.min(entry.stepIndex, lesson.steps.length - 1),
        completedLessons: entry.completedLessons.filter((id) => known.has(id)),
      };
    },
    'staff.lessons.retention': async ({ days }) => {
      if (days !== undefined && days !== resumeCodes.data.retentionDays) {
        await resumeCodes.update((draft) => {
          draft.retentionDays = days;
        });
        const purged = await purgeExpiredResumeCodes(resumeCodes, ctx.now(), days);
        await logStaffAction(ctx, 'retention-changed', `resume codes kept ${days} days; ${purged} removed`, {
          codeDays: days,
          removed: purged,
        });
      }
      return { days: resumeCodes.data.retentionDays, storedCodes: resumeCodes.data.codes.length };
    },
  };
}
