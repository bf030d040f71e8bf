import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectLocalisedTexts, withSimplifiedDeep } from '../../../../electron/core/content/localise';
import { CANTONESE } from '../../../helpers/chinese-register';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Words a mainland reader would not use for what our content means. Each is Hong Kong (or Taiwan)
 * usage only; words that are also correct mainland Chinese are left out even where the table
 * changes them for a better fit: 的士, 电邮, 相片, 图示, 速递, 扩音, 保安, 私隐 (the Personal Data
 * (Privacy) Ordinance keeps its own name), 日子, 表格. 户口 is a mainland word, but for household
 * registration, which no text here is about: in our content it is always a bank account.
 */
const HONG_KONG_ONLY: readonly { word: string; mainland: string; pattern?: RegExp }[] = [
  { word: '短讯', mainland: '短信' },
  { word: '挂线', mainland: '挂断' },
  { word: '收线', mainland: '挂断' },
  { word: '户口', mainland: '账户' },
  { word: '视像', mainland: '视频' },
  // 方程式 (an equation) is mainland Chinese too.
  { word: '程式', mainland: '程序 / 应用', pattern: /(?<!方)程式/ },
  { word: '宽频', mainland: '宽带' },
  { word: '咪高峰', mainland: '麦克风' },
  { word: '摄录机', mainland: '摄像机' },
  { word: '流动数据', mainland: '移动数据' },
  { word: '流动电话', mainland: '移动电话' },
  { word: '手提电话', mainland: '手机' },
  { word: '银包', mainland: '钱包' },
  { word: '覆诊', mainland: '复诊' },
  { word: '登入', mainland: '登录' },
  { word: '萤幕', mainland: '屏幕' },
  { word: '滑鼠', mainland: '鼠标' },
  { word: '列印', mainland: '打印' },
  { word: '甚么', mainland: '什么' },
  { word: '箭嘴', mainland: '箭头' },
  // In the mainland 桌布 is a tablecloth; here it would be the phone's wallpaper.
  { word: '桌布', mainland: '壁纸' },
];

interface Shown {
  where: string;
  text: string;
}

async function readJson(file: string): Promise<unknown> {
  // The Wi-Fi sample keeps the official file's byte-order mark.
  return JSON.parse((await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as unknown;
}

/** The zh-CN of every localised text in a content file, derived as its loader derives it. */
async function derivedContent(file: string): Promise<Shown[]> {
  const loaded = withSimplifiedDeep(await readJson(file));
  return collectLocalisedTexts(loaded).map(({ path: where, text }) => ({
    where: `${path.relative(ROOT, file)} ${where}`,
    text: text['zh-CN'] ?? '',
  }));
}

function stringsIn(value: unknown, where: string, keep: (key: string) => boolean): Shown[] {
  if (typeof value === 'string') return [{ where, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${where}[${i}]`, keep));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) =>
      typeof item === 'string' && !keep(key) ? [] : stringsIn(item, `${where}.${key}`, keep),
    );
  return [];
}

async function filesUnder(dir: string, match: (file: string) => boolean): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries
    .map((entry) => path.join(dir, entry))
    .filter(match)
    .sort();
}

let shown: Shown[] = [];
let sources: string[] = [];

beforeAll(async () => {
  const data = path.join(ROOT, 'data');
  const content = [
    ...(await filesUnder(path.join(data, 'lessons'), (f) => f.endsWith('.json'))),
    ...(await filesUnder(path.join(data, 'programmes'), (f) => f.endsWith('.json'))),
    path.join(data, 'accessibility-demos.json'),
    path.join(data, 'districts.json'),
  ];
  const locales = await filesUnder(path.join(ROOT, 'renderer/src'), (f) =>
    f.endsWith(`${path.sep}locales${path.sep}zh-CN.json`),
  );
  const hotspots = path.join(data, 'hotspots-sample.json');
  sources = [...content, ...locales, hotspots];
  shown = [
    ...(await Promise.all(content.map(derivedContent))).flat(),
    ...(
      await Promise.all(
        locales.map(async (file) => stringsIn(await readJson(file), path.relative(ROOT, file), () => true)),
      )
    ).flat(),
    // The sample's Simplified fields (names, addresses, districts, venue types) end in "SC".
    ...stringsIn(await readJson(hotspots), 'data/hotspots-sample.json', (key) => key.endsWith('SC')),
  ];
});

describe('zh-CN speaks mainland words', () => {
  it('reads every screen locale and every kind of content', () => {
    const relative = sources.map((file) => path.relative(ROOT, file));
    for (const folder of ['i18n', 'lessons', 'programmes', 'accessibility', 'hotspots', 'staff-console'])
      expect(relative).toContain(`renderer/src/${folder}/locales/zh-CN.json`);
    expect(relative.filter((file) => file.startsWith('data/lessons/')).length).toBeGreaterThanOrEqual(15);
    expect(relative).toContain('data/programmes/questions.json');
    expect(shown.length).toBeGreaterThan(2000);
  });

  it('no zh-CN text is written Cantonese (a Cantonese chat line carries its own Mandarin zh-CN)', () => {
    const found = shown
      .filter(({ text }) => CANTONESE.test(text))
      .map(({ where, text }) => `${where}: ${text}`);
    expect(found).toEqual([]);
  });

  it.each(HONG_KONG_ONLY)('no zh-CN text says the Hong Kong word $word (mainland: $mainland)', (entry) => {
    const pattern = entry.pattern ?? new RegExp(entry.word);
    const found = shown
      .filter(({ text }) => pattern.test(text))
      .map(({ where, text }) => `${where}: ${text}`);
    expect(found).toEqual([]);
  });
});
