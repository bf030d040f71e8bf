import * as OpenCC from 'opencc-js';
import type { Language, LocalisedText } from '../i18n';

/**
 * Shared helpers for localised content (programmes, lessons, …). Content is written by hand in
 * zh-HK and English; Simplified Chinese is derived from the zh-HK text at load time with OpenCC's
 * Hong Kong → Mainland converter unless the file gives its own zh-CN (a hand-written zh-CN wins).
 */

/** Localised text with every kiosk language present: what the core hands to the renderer. */
export type FullText = Required<LocalisedText>;

type Convert = (text: string) => string;
let hongKongToSimplified: Convert | undefined;

/** The converter builds a dictionary trie on first use; build it once per process. */
function converter(): Convert {
  hongKongToSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return hongKongToSimplified;
}

/**
 * OpenCC's Hong Kong → Mainland conversion changes characters, not vocabulary. These phrases are
 * the Hong Kong words in our content that a mainland reader would say differently (按钮 stays, 讯息
 * becomes 信息, …). Applied only to derived zh-CN; a hand-written zh-CN is left alone. Longer
 * phrases come first so that "表格元件" is not half-replaced by "表格".
 */
export const MAINLAND_PHRASES: readonly (readonly [string, string])[] = [
  ['应用程式', '应用程序'],
  ['萤幕', '屏幕'],
  ['设定', '设置'],
  ['登入', '登录'],
  ['预设', '默认'],
  ['档案', '文件'],
  ['储存', '保存'],
  ['纯音讯及纯影片', '纯音频及纯视频'],
  ['表格元件', '表单控件'],
  ['程式内', '代码中'],
  ['各位早晨', '各位早上好'],
  ['多谢合作', '谢谢合作'],
  ['愈大愈好', '越大越好'],
  ['柏金逊症', '帕金森病'],
  ['列印本', '打印件'],
  ['询问处', '服务台'],
  ['升降机', '电梯'],
  ['输入栏', '输入框'],
  ['栏位', '输入框'],
  ['甚么', '什么'],
  ['跟著', '跟着'],
  ['讯息', '信息'],
  ['滑鼠', '鼠标'],
  ['卷动', '滚动'],
  ['搜寻', '搜索'],
  ['连结', '链接'],
  ['影片', '视频'],
  ['稍为', '稍微'],
  ['横额', '横幅'],
  ['嘈吵', '嘈杂'],
  ['量度', '测量'],
  ['递交', '提交'],
  ['职员', '工作人员'],
  ['手震', '手抖'],
  ['滑杆', '滑块'],
  ['日子', '日期'],
  ['表格', '表单'],
];

/** zh-HK text → Simplified Chinese with mainland wording: OpenCC characters, then the phrase table. */
export function toSimplified(zhHK: string): string {
  return MAINLAND_PHRASES.reduce((text, [hk, cn]) => text.split(hk).join(cn), converter()(zhHK));
}

/** Fills zh-CN from zh-HK when the text has none; keeps a hand-written zh-CN. */
export function withSimplified(text: LocalisedText): FullText {
  return { 'zh-HK': text['zh-HK'], en: text.en, 'zh-CN': text['zh-CN'] ?? toSimplified(text['zh-HK']) };
}

/** True for a plain object shaped like localised text (zh-HK and en strings). */
export function isLocalisedText(value: unknown): value is LocalisedText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record['zh-HK'] === 'string' && typeof record.en === 'string';
}

/**
 * Walks any parsed content (objects and arrays) and returns a copy in which every localised text
 * has its zh-CN filled. Use after schema validation, so the shapes are already known to be right.
 */
export function withSimplifiedDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withSimplifiedDeep(item)) as T;
  if (isLocalisedText(value)) return { ...value, ...withSimplified(value) } as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = withSimplifiedDeep(item);
    return copy as T;
  }
  return value;
}

/** Every localised text inside a value, with its path: for content tests and parity checks. */
export function collectLocalisedTexts(value: unknown, path = '$'): { path: string; text: LocalisedText }[] {
  if (isLocalisedText(value)) return [{ path, text: value }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => collectLocalisedTexts(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => collectLocalisedTexts(item, `${path}.${key}`));
  }
  return [];
}

/** The text in one language (for logs, tests and plain-text summaries); zh-CN falls back to derivation. */
export function textIn(text: LocalisedText, language: Language): string {
  return language === 'zh-CN' ? withSimplified(text)['zh-CN'] : text[language];
}

/** Fills `{name}` placeholders in each language from texts given in the same languages. */
export function fillTemplate(template: LocalisedText, values: Record<string, LocalisedText>): FullText {
  const full = withSimplified(template);
  const fill = (language: Language) =>
    full[language].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value ? withSimplified(value)[language] : whole;
    });
  return { 'zh-HK': fill('zh-HK'), en: fill('en'), 'zh-CN': fill('zh-CN') };
}
