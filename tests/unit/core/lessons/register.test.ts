import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectLocalisedTexts, withSimplified } from '../../../../electron/core/content/localise';
import type { LocalisedText } from '../../../../electron/core/i18n';
import { CANTONESE } from '../../../helpers/chinese-register';

const LESSONS_DIR = fileURLToPath(new URL('../../../../data/lessons', import.meta.url));

/**
 * The register rule of data/README.md: what people say to each other (chat messages, the last
 * message under a chat contact, a caller's words on a call screen) is written Cantonese in zh-HK,
 * as people type it; everything the kiosk says (instructions, hints, explanations) is plain written
 * Chinese; zh-CN is Mandarin throughout.
 */

/** Written-Chinese words a Cantonese speaker would not type to family: 冇/未, 食, 聽日, 呢, 乜嘢, 俾, 返嚟, 佢, 喺, 唔. */
const WRITTEN_ONLY = ['沒有', '吃', '明天', '這', '那裏', '甚麼', '給', '回來', '他', '她', '在', '不'];

/** Spoken Cantonese that is good Mandarin, so only zh-HK's instructions are checked for it. */
const SPOKEN_ZH_HK = /幾時|看片|細一點|傾完/;

interface Element {
  kind: string;
  label?: LocalisedText;
  detail?: LocalisedText;
}
interface RawLesson {
  id: string;
  steps: { id: string; screen?: { app: string; elements: Element[] } }[];
}

let lessons: RawLesson[] = [];
beforeAll(async () => {
  const names = (await fs.readdir(LESSONS_DIR)).filter((name) => name.endsWith('.json')).sort();
  lessons = await Promise.all(
    names.map(
      async (name) => JSON.parse(await fs.readFile(path.join(LESSONS_DIR, name), 'utf8')) as RawLesson,
    ),
  );
});

/** What people say in a lesson: chat bubbles and previews, and the quoted words of a caller. */
function said(lesson: RawLesson): { where: string; text: LocalisedText }[] {
  return lesson.steps.flatMap((step) => {
    const screen = step.screen;
    if (!screen) return [];
    return screen.elements.flatMap((element, index) => {
      const where = `${lesson.id} ${step.id} element ${index}`;
      if (screen.app === 'chat' && element.kind === 'message' && element.label)
        return [{ where, text: element.label }];
      if (screen.app === 'chat' && element.kind === 'contact' && element.detail)
        return [{ where: `${where} detail`, text: element.detail }];
      if (screen.app === 'call' && element.kind === 'text' && element.label?.['zh-HK'].startsWith('「'))
        return [{ where, text: element.label }];
      return [];
    });
  });
}

describe('the register of lesson words', () => {
  it('finds the chats and calls', () => {
    const all = lessons.flatMap(said);
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.some(({ where }) => where.startsWith('video-call'))).toBe(true);
    expect(all.some(({ where }) => where.startsWith('spot-the-scam'))).toBe(true);
  });

  it('people write to each other and speak on calls in Cantonese (晚飯食咗未？), not written Chinese', () => {
    const written = lessons
      .flatMap(said)
      .flatMap(({ where, text }) =>
        WRITTEN_ONLY.filter((word) => text['zh-HK'].includes(word)).map(
          (word) => `${where}: ${text['zh-HK']} (${word})`,
        ),
      );
    expect(written).toEqual([]);
  });

  it('what the kiosk says is plain written Chinese: Cantonese only inside what people say', () => {
    const found: string[] = [];
    for (const lesson of lessons) {
      const speech = said(lesson).map(({ text }) => text['zh-HK']);
      for (const { path: where, text } of collectLocalisedTexts(lesson)) {
        // A narration reads out the messages on the screen and may quote a caller 「…」.
        const own = speech
          .reduce((rest, words) => rest.split(words).join(''), text['zh-HK'])
          .replace(/「[^」]*」/g, '');
        if (CANTONESE.test(own) || SPOKEN_ZH_HK.test(own))
          found.push(`${lesson.id} ${where}: ${text['zh-HK']}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('in zh-CN the same chats are Mandarin: a Cantonese line has its own zh-CN', () => {
    const found = lessons
      .flatMap((lesson) => collectLocalisedTexts(lesson).map((entry) => ({ lesson: lesson.id, ...entry })))
      .map(({ lesson, path: where, text }) => ({
        where: `${lesson} ${where}`,
        zhCN: withSimplified(text)['zh-CN'],
      }))
      .filter(({ zhCN }) => CANTONESE.test(zhCN))
      .map(({ where, zhCN }) => `${where}: ${zhCN}`);
    expect(found).toEqual([]);
  });
});
