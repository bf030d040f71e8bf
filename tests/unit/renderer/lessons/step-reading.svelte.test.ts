/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLessons } from '../../../../electron/core/lessons/load-lessons';
import type { Lesson, PracticeStep, QuizStep } from '../../../../electron/core/lessons/schema';
import { LANGUAGES, locale, pick, t } from '../../../../renderer/src/i18n/i18n.svelte';
import { drawScreen } from '../../../../renderer/src/lessons/phone/phone-draw';
import { applyAction, emptyPhoneState } from '../../../../renderer/src/lessons/phone/phone-state';
import {
  joinSpoken,
  phoneReading,
  spellNumbers,
  stepReading,
} from '../../../../renderer/src/lessons/step-reading';

// Not `new URL(…, import.meta.url)`: under jsdom, URL is jsdom's, which Node's fileURLToPath refuses.
const LESSONS_DIR = path.resolve(import.meta.dirname, '../../../../data/lessons');
let lessons: Lesson[] = [];
beforeAll(async () => {
  const loaded = await loadLessons(LESSONS_DIR);
  expect(loaded.problems).toEqual([]);
  lessons = loaded.lessons;
});
afterEach(() => locale.set('zh-HK'));

const words = { t, pick };
const practiceSteps = () =>
  lessons.flatMap((lesson) =>
    lesson.steps.flatMap((step) => (step.kind === 'practice' ? [{ lesson, step }] : [])),
  );

describe('stepReading', () => {
  it('reads every practice step’s title and instruction, then every label on its phone in screen order, in each language', () => {
    expect(practiceSteps().length).toBeGreaterThan(30);
    for (const language of LANGUAGES) {
      locale.set(language);
      for (const { lesson, step } of practiceSteps()) {
        const where = `${language} ${lesson.id}/${step.id}`;
        const parts = stepReading(step, words);
        expect(parts.slice(0, 3), where).toEqual([
          pick(step.title),
          pick(step.instruction),
          t('lessons.read.phone'),
        ]);
        // Each label comes after the one drawn above it: the order of the screen.
        const spoken = parts.join('\n');
        let from = spoken.indexOf(t('lessons.read.phone'));
        for (const element of step.screen.elements) {
          const at = spoken.indexOf(pick(element.label), from);
          expect(at, `${where}: ${element.id} is read, after the element above it`).toBeGreaterThan(from);
          from = at;
        }
        expect(spoken, where).not.toMatch(/lessons\.|\{\{/);
      }
    }
  });

  it('says a switch as it is drawn now, not as the lesson started it', () => {
    const step = lessons
      .find((l) => l.id === 'free-wifi')!
      .steps.find((s) => s.id === 'turn-wifi-on') as PracticeStep;
    const toggle = step.screen.elements.find((e) => e.kind === 'toggle')!;
    locale.set('zh-HK');
    expect(phoneReading(step, words)).toContain('Wi-Fi開關，現在是關');
    expect(phoneReading(step, words, { toggles: { [toggle.id]: true } })).toContain('Wi-Fi開關，現在是開');
    locale.set('en');
    expect(phoneReading(step, words, { toggles: { [toggle.id]: true } })).toContain('Wi-Fi switch, now On');
  });

  it('reads the screen as the phone draws it now when given one (what the visitor sent is on it)', () => {
    const step = lessons
      .find((l) => l.id === 'free-wifi')!
      .steps.find((s) => s.id === 'turn-wifi-on') as PracticeStep;
    const sent = {
      id: 'sent-1',
      kind: 'message' as const,
      from: 'me' as const,
      label: { 'zh-HK': '好', en: 'OK' },
    };
    locale.set('en');
    const drawn = { ...step.screen, elements: [...step.screen.elements, sent] };
    expect(phoneReading(step, words, { screen: drawn }).at(-1)).toBe('Your message: OK');
    expect(phoneReading(step, words).join(' ')).not.toContain('Your message');
  });

  it('reads an app opening as the phone draws it after its icon is tapped, not the home screen under it', () => {
    const lesson = lessons.find((l) => l.id === 'ha-go')!;
    const step = lesson.steps.find((s) => s.id === 'open-ha-go') as PracticeStep;
    const opened = applyAction(emptyPhoneState(), step.screen, { kind: 'tap', targetId: 'ha-go' });
    const drawn = drawScreen(step.screen, opened);
    locale.set('en');
    expect(phoneReading(step, words, { screen: drawn })).toEqual(['On the phone', 'HA Go is opening']);
    locale.set('zh-HK');
    expect(phoneReading(step, words, { screen: drawn }).join(' ')).toContain('正在打開');
    expect(phoneReading(step, words, { screen: drawn }).join(' ')).not.toContain('圖示');
  });

  it('names what each thing on the phone is: an app icon, a button, a message and who sent it', () => {
    locale.set('en');
    const lesson = lessons.find((l) => l.id === 'video-call')!;
    const home = lesson.steps.find((s) => s.id === 'open-chat') as PracticeStep;
    const chatIcon = home.screen.elements.find((e) => e.kind === 'app-icon')!;
    expect(phoneReading(home, words)).toContain(`${pick(chatIcon.label)} icon`);
    const chat = lesson.steps.find((s) => s.id === 'start-video') as PracticeStep;
    const reading = phoneReading(chat, words);
    const video = chat.screen.elements.find((e) => e.id === 'video-call')!;
    expect(reading).toContain(`${pick(video.label)} button`);
    const scam = lessons
      .find((l) => l.id === 'spot-the-scam')!
      .steps.find(
        (s) => s.kind === 'practice' && s.screen.elements.some((e) => e.kind === 'message' && e.link),
      );
    expect(phoneReading(scam as PracticeStep, words).join(' ')).toContain('The message has a link.');
  });

  it('reads the look-alike apps’ parts: the chat’s typing bar and its microphone, a detail row with its value, a check’s result with its advice', () => {
    locale.set('en');
    const step = (lessonId: string, stepId: string) =>
      lessons.find((l) => l.id === lessonId)!.steps.find((s) => s.id === stepId) as PracticeStep;
    const chat = phoneReading(step('voice-message', 'record'), words);
    expect(chat).toContain(t('lessons.read.field', { label: 'Message' }));
    expect(chat).toContain(t('lessons.read.button', { label: t('lessons.phone.voiceMessage') }));
    expect(phoneReading(step('pay-safely', 'confirm-payment'), words)).toContain('FPS ID, 1234567');
    const result = step('check-with-scameter', 'read-result');
    const card = result.screen.elements.find((e) => e.kind === 'result-card')!;
    expect(phoneReading(result, words).join(' ')).toContain(`${pick(card.label)}, `);
    // Read aloud, the FPS ID is spelt out digit by digit.
    expect(joinSpoken(phoneReading(step('pay-safely', 'confirm-payment'), words))).toContain(
      'FPS ID, 1 2 3 4 5 6 7.',
    );
  });

  it('reads a quiz’s answers in the order they are drawn', () => {
    const quiz = lessons.flatMap((l) => l.steps).find((s) => s.kind === 'quiz') as QuizStep;
    locale.set('en');
    const reversed = quiz.answers.map((a) => a.id).reverse();
    expect(stepReading(quiz, words, { answerOrder: reversed })).toEqual([
      pick(quiz.question),
      ...reversed.map((id) => pick(quiz.answers.find((a) => a.id === id)!.text)),
    ]);
  });

  it('reads an explain step’s narration', () => {
    const explain = lessons.flatMap((l) => l.steps).find((s) => s.kind === 'explain')!;
    locale.set('zh-HK');
    expect(stepReading(explain, words)).toEqual([pick(explain.narration)]);
  });
});

describe('joinSpoken', () => {
  it('ends every part with a stop in its own script, so the voice pauses between them', () => {
    expect(joinSpoken(['手機畫面上有', '設定頁', 'Wi-Fi', '。'])).toBe('手機畫面上有。 設定頁。 Wi-Fi. 。');
    expect(joinSpoken(['On the phone', 'Send button', 'Done!'])).toBe('On the phone. Send button. Done!');
  });

  it('reads a phone number digit by digit and leaves amounts and short numbers alone', () => {
    expect(spellNumbers('請致電18222')).toBe('請致電1 8 2 2 2');
    expect(spellNumbers('999, HK$5,000, 24小時')).toBe('999, HK$5,000, 24小時');
  });
});
