import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { LocalisedText } from '../../electron/core/i18n';
import type { Lesson, PracticeStep } from '../../electron/core/lessons/schema';
import { api, expect, REPO_ROOT, test } from './fixtures';
import { doPractice, openLessons, playStep, type LanguageCode } from './lessons-helpers';

/** What the page asked speechSynthesis to say, with the voice it chose (recorded by an init script). */
interface Spoken {
  text: string;
  voiceLang: string | null;
  voiceName: string | null;
  /** The voice is one of those getVoices() lists (a real installed voice, not a made-up object). */
  voiceListed: boolean;
}

/** Record every utterance the page starts, then let it speak (espeak-ng through speech-dispatcher). */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const spoken: unknown[] = [];
    (window as unknown as { __spoken: unknown[] }).__spoken = spoken;
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      const voice = utterance.voice;
      spoken.push({
        text: utterance.text,
        voiceLang: voice?.lang ?? null,
        voiceName: voice?.name ?? null,
        voiceListed: !!voice && speechSynthesis.getVoices().some((v) => v.voiceURI === voice.voiceURI),
      });
      speak(utterance);
    };
  });
}

const spokenSoFar = (page: Page) =>
  page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);

/** The voice each language must be read in: espeak-ng's Cantonese for zh-HK, Mandarin for zh-CN. */
const VOICE_LANG: Record<LanguageCode, RegExp> = { 'zh-HK': /^yue$/i, 'zh-CN': /^cmn$/i, en: /^en-GB$/i };

/** The lesson as the core serves it: zh-CN filled in from zh-HK, as the screen shows it. */
async function servedLesson(page: Page, id: string): Promise<Lesson> {
  const result = await api(page, 'lessons.get', { id });
  expect(result.ok).toBe(true);
  return result.value as Lesson;
}

const say = (text: LocalisedText, language: LanguageCode) => text[language] ?? text['zh-HK'];

for (const language of ['zh-HK', 'en', 'zh-CN'] as const) {
  test(`"Read this step" reads the instruction, then the phone from top to bottom, in a ${language} voice`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(90_000);
    await recordSpeech(page);
    await openLessons(page, kiosk, language);
    const lesson = await servedLesson(page, 'video-call');
    const index = lesson.steps.findIndex((s) => s.id === 'start-video');
    const step = lesson.steps[index] as PracticeStep;
    await page.getByTestId(`lesson-card-${lesson.id}`).tap();
    for (let i = 0; i < index; i++) await playStep(page, lesson, i);
    await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-step-index', String(index));

    await page.getByTestId('read-step').tap();
    await expect.poll(async () => (await spokenSoFar(page)).length).toBe(1);
    const [utterance] = await spokenSoFar(page);
    expect(utterance!.voiceListed, `${utterance!.voiceName} is an installed voice`).toBe(true);
    expect(utterance!.voiceLang).toMatch(VOICE_LANG[language]);

    // The instruction as the screen shows it first, then every element on the phone in drawn order.
    const text = utterance!.text;
    await expect(page.getByTestId('instruction')).toHaveText(say(step.instruction, language));
    const instruction = text.indexOf(say(step.instruction, language));
    expect(instruction, text).toBeGreaterThanOrEqual(0);
    let from = instruction;
    for (const element of step.screen.elements) {
      const words = say(element.label, language);
      const at = text.indexOf(words, from + 1);
      expect(at, `"${words}" is read after what is above it: ${text}`).toBeGreaterThan(from);
      from = at;
      // What it reads is what the phone shows: words on it, or the name of an icon-only button.
      const phone = page.getByTestId('phone');
      await expect(
        phone
          .getByText(words)
          .or(phone.getByLabel(words, { exact: true }))
          .first(),
      ).toBeVisible();
    }

    // Tapped again, it stops.
    await expect(page.getByTestId('read-step')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('read-step').tap();
    await expect(page.getByTestId('read-step')).toHaveAttribute('aria-pressed', 'false');
  });
}

test('"Read this step" reads the phone as it is now: a switch the visitor turned on is read as on', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(90_000);
  await recordSpeech(page);
  await openLessons(page, kiosk, 'zh-HK');
  const lesson = await servedLesson(page, 'free-wifi');
  const index = lesson.steps.findIndex(
    (s) => s.kind === 'practice' && s.success.kind === 'toggle' && s.success.to,
  );
  const step = lesson.steps[index] as PracticeStep;
  const toggle = step.screen.elements.find((e) => e.kind === 'toggle')!;
  await page.getByTestId(`lesson-card-${lesson.id}`).tap();
  for (let i = 0; i < index; i++) await playStep(page, lesson, i);
  await doPractice(page, step);
  await expect(page.getByTestId(`phone-el-${toggle.id}`)).toHaveAttribute('aria-checked', 'true');

  await page.getByTestId('read-step').tap();
  await expect.poll(async () => (await spokenSoFar(page)).length).toBeGreaterThan(0);
  const words = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'renderer/src/lessons/locales/zh-HK.json'), 'utf8'),
  ) as { read: { toggle: string }; phone: { on: string; off: string } };
  const said = (state: string) =>
    words.read.toggle.replace('{{label}}', toggle.label['zh-HK']).replace('{{state}}', state);
  const text = (await spokenSoFar(page)).at(-1)!.text;
  expect(text).toContain(said(words.phone.on));
  expect(text).not.toContain(said(words.phone.off));
});
