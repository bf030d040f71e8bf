import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../electron/core/i18n';
import { loadLessons } from '../../../../electron/core/lessons/load-lessons';
import type { Lesson, PracticeStep, ScreenElement } from '../../../../electron/core/lessons/schema';
import en from '../../../../renderer/src/lessons/locales/en.json';
import zhCN from '../../../../renderer/src/lessons/locales/zh-CN.json';
import zhHK from '../../../../renderer/src/lessons/locales/zh-HK.json';
import { isAt, isColour, placesNamed, wordProblems } from '../../../helpers/instruction-words';

const LESSONS_DIR = fileURLToPath(new URL('../../../../data/lessons', import.meta.url));
let lessons: Lesson[] = [];
beforeAll(async () => {
  const loaded = await loadLessons(LESSONS_DIR);
  expect(loaded.problems).toEqual([]);
  lessons = loaded.lessons;
});

const practice = () =>
  lessons.flatMap((lesson) =>
    lesson.steps.flatMap((step) => (step.kind === 'practice' ? [{ lesson, step }] : [])),
  );

describe('practice instructions match their screens', () => {
  it('each instruction names a target on its screen that looks as its words say, at the same place in every language (the walk checks the place on the drawn phone)', () => {
    expect(practice().length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const { lesson, step } of practice()) {
      const places = new Set<string>();
      for (const language of LANGUAGES) {
        const instruction = step.instruction[language] ?? step.instruction['zh-HK'];
        for (const problem of wordProblems(step, instruction, language))
          problems.push(`${language} ${lesson.id}/${step.id}: ${problem} — "${instruction}"`);
        places.add(placesNamed(step, instruction, language).join(','));
      }
      if (places.size > 1)
        problems.push(
          `${lesson.id}/${step.id} names other places in other languages: ${[...places].join(' | ')}`,
        );
    }
    expect(problems).toEqual([]);
  });
});

describe('the word tables', () => {
  const step = (instruction: string, target: ScreenElement, success: PracticeStep['success']) =>
    ({
      kind: 'practice',
      instruction: { 'zh-HK': instruction, en: instruction },
      screen: { app: 'chat', scroll: false, elements: [target] },
      success,
    }) as unknown as PracticeStep;
  const videoButton: ScreenElement = {
    id: 'video-call',
    kind: 'button',
    icon: 'phone',
    tone: 'plain',
    label: { 'zh-HK': '視像通話', en: 'Video call' },
  };

  it('catch an icon word whose target has another icon, and a tap whose target is not named', () => {
    const tap = { kind: 'tap-target', targetId: 'video-call' } as const;
    expect(
      wordProblems(step('輕按右上角的攝錄機按鈕。', videoButton, tap), '輕按右上角的攝錄機按鈕。', 'zh-HK'),
    ).toHaveLength(2);
    expect(wordProblems(step('Tap Video call.', videoButton, tap), 'Tap Video call.', 'en')).toEqual([]);
    expect(wordProblems(step('Tap the switch.', videoButton, tap), 'Tap the switch.', 'en')).toHaveLength(2);
  });

  it('read places by the target’s centre and colours by their hue', () => {
    const screen = { x: 100, y: 0, width: 300, height: 600 };
    expect(isAt('top-right', { x: 340, y: 20, width: 40, height: 40 }, screen)).toBe(true);
    expect(isAt('top-right', { x: 110, y: 20, width: 40, height: 40 }, screen)).toBe(false);
    expect(isAt('bottom-left', { x: 110, y: 540, width: 40, height: 40 }, screen)).toBe(true);
    expect(isAt('bottom', { x: 110, y: 280, width: 40, height: 40 }, screen)).toBe(false);
    expect(isColour('red', 'rgb(200, 30, 40)')).toBe(true);
    expect(isColour('green', 'rgb(30, 160, 60)')).toBe(true);
    expect(isColour('blue', 'rgb(11, 85, 99)')).toBe(false); // the kiosk's teal is not blue
    expect(isColour('blue', 'rgb(26, 115, 232)')).toBe(true); // the browser's blue
    expect(isColour('blue', 'rgb(20, 90, 210)')).toBe(true);
    expect(isColour('green', 'rgb(128, 128, 128)')).toBe(false);
  });
});

/** The player's own Safe and Scam buttons, as the screens label them. */
const JUDGE_LABELS: Record<string, string[]> = Object.fromEntries(
  Object.entries({ 'zh-HK': zhHK, en, 'zh-CN': zhCN }).map(([language, words]) => [
    language,
    [words.player.judgeSafe, words.player.judgeScam],
  ]),
);

function labelsOn(step: PracticeStep, language: string): string[] {
  const say = (text: Partial<Record<string, string>> | undefined) =>
    text?.[language] ?? text?.['zh-HK'] ?? '';
  return step.screen.elements.flatMap((element: ScreenElement) => [
    say(element.label),
    'sender' in element ? say(element.sender) : '',
    'link' in element ? (element.link ?? '') : '',
  ]);
}

describe('safe-or-scam steps quote only what is there', () => {
  it('a word quoted in the instruction, hint or "show me" is a Safe/Scam button as labelled, or words of the message on the phone', () => {
    const problems: string[] = [];
    for (const { lesson, step } of practice()) {
      if (step.success.kind !== 'judge-message') continue;
      for (const language of LANGUAGES) {
        const shown = labelsOn(step, language);
        for (const field of ['instruction', 'hint', 'showMe'] as const) {
          const text = step[field][language] ?? step[field]['zh-HK'];
          for (const match of text.matchAll(/「([^」]+)」|“([^”]+)”|"([^"]+)"/g)) {
            const quoted = match[1] ?? match[2] ?? match[3] ?? '';
            if (JUDGE_LABELS[language]!.includes(quoted) || shown.some((label) => label.includes(quoted)))
              continue;
            problems.push(
              `${language} ${lesson.id}/${step.id} ${field} quotes "${quoted}", which is not there`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
