/**
 * The words a practice instruction uses to say WHERE the thing to touch is and WHAT it looks like,
 * per language, and what each promises about the target. The content test checks the promises the
 * lesson data can answer (the target is there, it is the kind or has the icon the words name); the
 * lessons walk checks the rest on the drawn phone (its place on the screen, its colour).
 *
 * A word is listed only where it names the target: "swipe left" is a direction, "are right" is
 * not a place, "below" beside Safe/Scam names the player's own buttons (judge steps are not
 * checked for places).
 */
import type { Language } from '../../electron/core/i18n';
import type { PracticeStep, ScreenElement } from '../../electron/core/lessons/schema';

export type Place =
  'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'top' | 'bottom' | 'left' | 'right';
export type Colour = 'red' | 'green' | 'blue';

/** Place words, longest first within a language so "右上角" is not also read as "上". */
export const PLACE_WORDS: Record<Language, [RegExp, Place][]> = {
  'zh-HK': [
    [/右上角/, 'top-right'],
    [/左上角/, 'top-left'],
    [/右下角/, 'bottom-right'],
    [/左下角/, 'bottom-left'],
    [/(頂部|頂端|最上面)/, 'top'],
    [/(底部|最下面|下面的)/, 'bottom'],
    [/(右邊|右面|右方)/, 'right'],
    [/(左邊|左面|左方)/, 'left'],
  ],
  'zh-CN': [
    [/右上角/, 'top-right'],
    [/左上角/, 'top-left'],
    [/右下角/, 'bottom-right'],
    [/左下角/, 'bottom-left'],
    [/(顶部|顶端|最上面)/, 'top'],
    [/(底部|最下面|下面的)/, 'bottom'],
    [/(右边|右面|右方)/, 'right'],
    [/(左边|左面|左方)/, 'left'],
  ],
  en: [
    [/\b(top[- ]right|upper right)\b/i, 'top-right'],
    [/\b(top[- ]left|upper left)\b/i, 'top-left'],
    [/\bbottom[- ]right\b/i, 'bottom-right'],
    [/\bbottom[- ]left\b/i, 'bottom-left'],
    // Not "at the top right": that is the corner above.
    [/\b(at|along) the top\b(?![- ](right|left))/i, 'top'],
    [/\b(at the bottom|bottom corner)\b(?![- ](right|left))/i, 'bottom'],
    [/\b(to|on) the right\b/i, 'right'],
    [/\b(to|on) the left\b/i, 'left'],
  ],
};

/** What an icon or shape word says the target is. */
type Looks = (element: ScreenElement) => boolean;
const hasIcon =
  (...icons: string[]): Looks =>
  (element) =>
    'icon' in element && icons.includes(element.icon as string);
const BUTTON_KINDS = ['button', 'call-button', 'header-button', 'compose-bar'];
const isButton: Looks = (e) => BUTTON_KINDS.includes(e.kind);
const isIcon: Looks = (e) => e.kind === 'app-icon' || e.kind === 'header-button';
const isRound: Looks = (e) => e.kind === 'call-button' || e.kind === 'compose-bar' || hasIcon('shutter')(e);
const isToggle: Looks = (e) => e.kind === 'toggle';
const isPhoto: Looks = (e) => e.kind === 'photo';
const isMic: Looks = (e) =>
  hasIcon('mic')(e) || (e.kind === 'compose-bar' && (e as { button?: string }).button !== 'send');

/** Each: the word, what it says of the target, that in words, and the icon drawn for it (if one). */
export const ICON_WORDS: Record<Language, [RegExp, Looks, string, string?][]> = {
  'zh-HK': [
    [/攝錄機/, hasIcon('video'), 'a video camera icon', 'video'],
    [/齒輪/, hasIcon('settings'), 'a gear icon', 'settings'],
    [/快門/, hasIcon('shutter'), 'the shutter', 'shutter'],
    [/(咪高峰|麥克風)/, isMic, 'a microphone', 'mic'],
    [/開關/, isToggle, 'a switch'],
    [/圖示/, isIcon, 'an icon'],
    [/圓形/, isRound, 'a round button'],
    [/小相片/, isPhoto, 'a photo'],
    [/按鈕/, isButton, 'a button'],
  ],
  'zh-CN': [
    [/摄像机/, hasIcon('video'), 'a video camera icon', 'video'],
    [/齿轮/, hasIcon('settings'), 'a gear icon', 'settings'],
    [/快门/, hasIcon('shutter'), 'the shutter', 'shutter'],
    [/(麦克风|咪高峰)/, isMic, 'a microphone', 'mic'],
    [/开关/, isToggle, 'a switch'],
    [/图标/, isIcon, 'an icon'],
    [/圆形/, isRound, 'a round button'],
    [/小相片|小照片/, isPhoto, 'a photo'],
    [/按钮/, isButton, 'a button'],
  ],
  en: [
    [/\bvideo camera\b/i, hasIcon('video'), 'a video camera icon', 'video'],
    [/\bgear\b/i, hasIcon('settings'), 'a gear icon', 'settings'],
    [/\bshutter\b/i, hasIcon('shutter'), 'the shutter', 'shutter'],
    [/\bmicrophone\b/i, isMic, 'a microphone', 'mic'],
    [/\bswitch\b/i, isToggle, 'a switch'],
    [/\bicon\b/i, isIcon, 'an icon'],
    [/\bround\b/i, isRound, 'a round button'],
    [/\bsmall photo\b/i, isPhoto, 'a photo'],
    [/\bbutton\b/i, isButton, 'a button'],
  ],
};

export const COLOUR_WORDS: Record<Language, [RegExp, Colour][]> = {
  'zh-HK': [
    [/紅色/, 'red'],
    [/綠色/, 'green'],
    [/藍色/, 'blue'],
  ],
  'zh-CN': [
    [/红色/, 'red'],
    [/绿色/, 'green'],
    [/蓝色/, 'blue'],
  ],
  en: [
    [/\bred\b/i, 'red'],
    [/\bgreen\b/i, 'green'],
    [/\bblue\b/i, 'blue'],
  ],
};

/**
 * The colours the lesson data itself decides: a call's answer button is green, its end and
 * decline buttons red, a danger button red. Other colours (an app's own colour on its buttons)
 * are the phone's look: the walk checks them as drawn.
 */
const COLOURED: Partial<Record<Colour, Looks>> = {
  red: (e) =>
    (e.kind === 'call-button' && (e.control === 'end' || e.control === 'decline')) ||
    (e.kind === 'button' && e.tone === 'danger'),
  green: (e) => e.kind === 'call-button' && e.control === 'answer',
};

/** The element the step's success condition is about, or null (a swipe anywhere). */
export function targetElement(step: PracticeStep): ScreenElement | null {
  const success = step.success;
  const byId = (id: string) => step.screen.elements.find((e) => e.id === id) ?? null;
  switch (success.kind) {
    case 'swipe':
      return null;
    case 'call-control':
      return (
        step.screen.elements.find((e) => e.kind === 'call-button' && e.control === success.action) ?? null
      );
    case 'type-text':
      return byId(success.fieldId);
    case 'pick-contact':
      return byId(success.contactId);
    case 'judge-message':
      return byId(success.messageId);
    default:
      return 'targetId' in success ? byId(success.targetId) : null;
  }
}

/** Places the instruction names for its target; none on judge and swipe steps (see above). */
export function placesNamed(step: PracticeStep, instruction: string, language: Language): Place[] {
  if (step.success.kind === 'judge-message' || step.success.kind === 'swipe') return [];
  return PLACE_WORDS[language].filter(([word]) => word.test(instruction)).map(([, place]) => place);
}

export function coloursNamed(step: PracticeStep, instruction: string, language: Language): Colour[] {
  if (step.success.kind === 'judge-message') return [];
  return COLOUR_WORDS[language].filter(([word]) => word.test(instruction)).map(([, colour]) => colour);
}

/**
 * What the instruction says about its target that the lesson data can answer, as a list of
 * problems (empty when the words and the screen agree): the target is on the screen, and it is
 * what each icon or shape word says it is.
 */
export function wordProblems(step: PracticeStep, instruction: string, language: Language): string[] {
  if (step.success.kind === 'judge-message' || step.success.kind === 'swipe') return [];
  const target = targetElement(step);
  if (!target) return ['the target is not on the screen'];
  const problems: string[] = [];
  // A step that asks for a tap names what to tap: by its label, a quoted part of it, or its looks.
  if (NAMED_KINDS.includes(step.success.kind)) {
    // 『』 inside 「」 is the same name as 「」 on the phone: 輕按「以『智方便』登入」; zh-CN
    // quotes the same way with ‘’ inside “”: 点按“以‘智方便’登录” (English ’ is an apostrophe).
    const plain = (text: string) => {
      const nested = text.replace(/『/g, '「').replace(/』/g, '」');
      return language === 'zh-CN' ? nested.replace(/[“‘]/g, '「').replace(/[”’]/g, '」') : nested;
    };
    const label = plain(target.label[language] ?? target.label['zh-HK']);
    const text = plain(instruction);
    const quoted: string[] = [];
    for (let open = text.indexOf('「'); open >= 0; open = text.indexOf('「', open + 1))
      for (let close = text.indexOf('」', open); close >= 0; close = text.indexOf('」', close + 1))
        quoted.push(text.slice(open + 1, close));
    const named =
      text.toLowerCase().includes(label.toLowerCase()) ||
      quoted.some((q) => label.includes(q)) ||
      ICON_WORDS[language].some(
        ([word, looks]) => word.test(instruction) && looks(target) && !GENERIC.includes(word),
      );
    if (!named)
      problems.push(`it does not name its target ${target.id} ("${label}") by its words or its looks`);
  }
  for (const colour of coloursNamed(step, instruction, language))
    if (COLOURED[colour] && !COLOURED[colour](target))
      problems.push(`it says ${colour}, but ${target.id} is not drawn ${colour}`);
  return problems.concat(
    ICON_WORDS[language]
      .filter(([word, looks]) => word.test(instruction) && !looks(target))
      .map(
        ([word, , what]) =>
          `"${word.exec(instruction)?.[0]}" says ${what}, but ${target.id} is a ${target.kind}${'icon' in target && target.icon ? ` with the ${target.icon} icon` : ''}`,
      ),
  );
}

/** The icons the instruction says the target shows (the walk looks for them drawn on it). */
export function iconsNamed(step: PracticeStep, instruction: string, language: Language): string[] {
  if (step.success.kind === 'judge-message' || step.success.kind === 'swipe') return [];
  return ICON_WORDS[language].flatMap(([word, , , icon]) => (icon && word.test(instruction) ? [icon] : []));
}

/** Success kinds where the visitor must find one thing to touch, so the words must name it. */
const NAMED_KINDS: PracticeStep['success']['kind'][] = [
  'tap-target',
  'press-hold',
  'pick-contact',
  'toggle',
  'call-control',
];
/** Words that say what kind of thing, not which: "the button" alone names nothing. */
const GENERIC = [...ICON_WORDS['zh-HK'], ...ICON_WORDS['zh-CN'], ...ICON_WORDS.en]
  .filter(([, , what]) => what === 'a button' || what === 'an icon')
  .map(([word]) => word);

/** A box in page pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Whether a target drawn at `target` is at `place` on a phone screen drawn at `screen`: by the
 * target's centre, in the screen's outer thirds (top, bottom) and outer 40% (left, right).
 */
export function isAt(place: Place, target: Box, screen: Box): boolean {
  const x = (target.x + target.width / 2 - screen.x) / screen.width;
  const y = (target.y + target.height / 2 - screen.y) / screen.height;
  const top = y < 1 / 3;
  const bottom = y > 2 / 3;
  const left = x < 0.4;
  const right = x > 0.6;
  switch (place) {
    case 'top-left':
      return top && left;
    case 'top-right':
      return top && right;
    case 'bottom-left':
      return bottom && left;
    case 'bottom-right':
      return bottom && right;
    case 'top':
      return top;
    case 'bottom':
      return bottom;
    case 'left':
      return left;
    case 'right':
      return right;
  }
}

/** Whether a drawn colour ("rgb(r, g, b)") is the colour a word names, by its hue. */
export function isColour(colour: Colour, css: string): boolean {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === undefined || max - min < 40) return false; // grey, white or black: no hue to speak of
  const d = max - min;
  const hue =
    max === r
      ? (60 * ((g - b) / d) + 360) % 360
      : max === g
        ? 60 * ((b - r) / d) + 120
        : 60 * ((r - g) / d) + 240;
  switch (colour) {
    case 'red':
      return hue < 20 || hue > 340;
    case 'green':
      return hue > 80 && hue < 170;
    case 'blue':
      return hue > 195 && hue < 255;
  }
}
