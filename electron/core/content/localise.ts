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
 * becomes 信息, 挂线 becomes 挂断, …). Applied only to derived zh-CN; a hand-written zh-CN is left
 * alone. Replacements run in order, so a longer phrase comes before any shorter one it contains
 * ("应用程式" and "程式码" before "程式", "视像通话" before "视像", "列印本" before "列印").
 *
 * Only words whose meaning is the same wherever they stand: 日子 (过日子 is not 过日期) and 表格
 * (a table is 表格 in the mainland too) are not here; a text where they mean "date" or "form" says
 * so with a longer phrase or a hand-written zh-CN.
 */
export const MAINLAND_PHRASES: readonly (readonly [string, string])[] = [
  // Apps and programs: 程式 is a Hong Kong and Taiwan word.
  ['应用程式', '应用程序'],
  ['通讯程式', '通讯应用'],
  ['手机程式', '手机应用'],
  ['付款程式', '付款应用'],
  ['练习程式', '练习应用'],
  ['程式内', '代码中'],
  ['程式码', '代码'],
  ['表格元件', '表单控件'],
  ['程式', '程序'],
  // Phones, calls and messages.
  ['视像通话', '视频通话'],
  ['视像电话', '视频电话'],
  ['视像', '视频'],
  ['摄录机', '摄像机'],
  ['咪高峰', '麦克风'],
  ['挂线', '挂断'],
  ['收线', '挂断'],
  ['扩音', '免提'],
  ['短讯', '短信'],
  ['纯音讯及纯影片', '纯音频及纯视频'],
  ['讯息', '信息'],
  ['讯号', '信号'],
  ['流动数据', '移动数据'],
  ['流动电话', '移动电话'],
  ['手提电话', '手机'],
  ['主画面', '主屏幕'],
  ['主目录', '主菜单'],
  ['桌布', '壁纸'],
  ['箭嘴', '箭头'],
  ['月历', '日历'],
  ['相簿', '相册'],
  ['传送', '发送'],
  ['调校', '调节'],
  ['向上扫', '向上滑'],
  ['向下扫', '向下滑'],
  ['向左扫', '向左滑'],
  ['向右扫', '向右滑'],
  ['萤幕', '屏幕'],
  ['图示', '图标'],
  ['相片', '照片'],
  ['看片', '看视频'],
  ['影片', '视频'],
  // Accounts, money and the internet.
  ['户口', '账户'],
  ['帐户', '账户'],
  ['帐号', '账号'],
  ['银包', '钱包'],
  ['宽频', '宽带'],
  ['电邮', '电子邮件'],
  ['速递', '快递'],
  ['登入', '登录'],
  ['连结', '链接'],
  ['搜寻', '搜索'],
  ['滑鼠', '鼠标'],
  ['卷动', '滚动'],
  ['列印本', '打印件'],
  ['列印', '打印'],
  ['私隐', '隐私'],
  ['保安', '安全'],
  // Settings and files.
  ['设定', '设置'],
  ['预设', '默认'],
  ['档案', '文件'],
  ['储存', '保存'],
  // The kiosk itself: 資訊站 in Hong Kong is 信息站 in the mainland, a machine counted with 台.
  ['这部资讯站', '这台信息站'],
  ['资讯站', '信息站'],
  // Health, places and everyday words.
  ['覆诊', '复诊'],
  ['药物纪录', '药物记录'],
  ['没有纪录', '没有记录'],
  ['塞车', '堵车'],
  ['乘搭', '乘坐'],
  ['柏金逊症', '帕金森病'],
  ['的士', '出租车'],
  ['询问处', '服务台'],
  ['升降机', '电梯'],
  ['输入栏', '输入框'],
  ['栏位', '输入框'],
  ['选择日子', '选择日期'],
  ['各位早晨', '各位早上好'],
  ['多谢合作', '谢谢合作'],
  ['愈大愈好', '越大越好'],
  ['甚么', '什么'],
  ['跟著', '跟着'],
  ['稍为', '稍微'],
  ['横额', '横幅'],
  ['嘈吵', '嘈杂'],
  ['量度', '测量'],
  ['递交', '提交'],
  ['职员', '工作人员'],
  ['手震', '手抖'],
  ['按得中', '按得准'],
  ['又淡又幼', '又淡又细'],
  ['又细又挤', '又小又挤'],
  ['滑杆', '滑块'],
  // A tap: 轻按 is a Hong Kong word; the mainland consoles and the kiosk's own zh-CN say 点按.
  ['轻按', '点按'],
  // Quotation marks: corner brackets are Hong Kong and Taiwan print; the mainland quotes with “” and ‘’.
  ['「', '“'],
  ['」', '”'],
  ['『', '‘'],
  ['』', '’'],
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
