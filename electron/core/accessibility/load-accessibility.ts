import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isLocalisedText, toSimplified } from '../content/localise';
import type { LocalisedText } from '../i18n';
import { AccessibilityContentSchema, type AccessibilityContent } from './schema';

export const ACCESSIBILITY_FILE = 'accessibility-demos.json';

/**
 * OpenCC's Hong Kong → Mainland conversion changes characters, not vocabulary. These phrases are
 * the Hong Kong words in this file that a mainland reader would say differently (按钮 stays, 讯息
 * becomes 信息, …). Applied only to derived zh-CN; a hand-written zh-CN is left alone. Longer
 * phrases come first so that "表格元件" is not half-replaced by "表格".
 */
export const MAINLAND_PHRASES: readonly (readonly [string, string])[] = [
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

/** zh-HK → zh-CN with mainland wording: OpenCC characters, then the phrase table. */
export function toMainland(zhHK: string): string {
  return MAINLAND_PHRASES.reduce((text, [hk, cn]) => text.split(hk).join(cn), toSimplified(zhHK));
}

function fillMainland<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => fillMainland(item)) as T;
  if (isLocalisedText(value)) {
    const text = value as LocalisedText;
    return { ...text, 'zh-CN': text['zh-CN'] ?? toMainland(text['zh-HK']) } as T;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = fillMainland(item);
    return copy as T;
  }
  return value;
}

/**
 * Reads data/accessibility-demos.json and fills every zh-CN from zh-HK (a hand-written zh-CN wins).
 * Unlike lessons there is one file: if it is broken the capability has nothing to show, so the
 * error names the file and the first problem and the caller decides what to do.
 */
export async function loadAccessibilityContent(contentDir: string): Promise<AccessibilityContent> {
  const file = path.join(contentDir, ACCESSIBILITY_FILE);
  const raw: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
  const parsed = AccessibilityContentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${ACCESSIBILITY_FILE}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim());
  }
  return fillMainland(parsed.data);
}
