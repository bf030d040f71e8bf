import en from '../../../renderer/src/lessons/locales/en.json';
import zhCN from '../../../renderer/src/lessons/locales/zh-CN.json';
import zhHK from '../../../renderer/src/lessons/locales/zh-HK.json';
import { labelsFromLocales } from '../content/locale-labels';
import { PHONE_LEVELS } from '../../shared/phone-levels';
import { SourceSchema } from '../content/source';
import { z } from 'zod';
import { LocalisedTextSchema, type LocalisedText } from '../i18n';

/**
 * The shape of a guided lesson (data/lessons/<id>.json). The player screens render exactly these
 * step kinds, and the simulated phone renders exactly these apps and element kinds: keep both
 * sets small and reuse them, so a new lesson is content only, never new UI code.
 */

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');
const Text = LocalisedTextSchema;

// ---------------------------------------------------------------------------------------------
// Fixed vocabularies the UI draws itself (SVG or Svelte, never a remote image).

/** Browse groups, in the order the browse screen shows them. */
export const TOPICS = ['phone-basics', 'keep-in-touch', 'stay-safe', 'everyday-services'] as const;
export type Topic = (typeof TOPICS)[number];
export const TopicSchema = z.enum(TOPICS);

/** Topic labels, handed out with the lesson list: in the screens' locale files (lessons `topics`). */
export const TOPIC_LABELS: Record<Topic, Required<LocalisedText>> = labelsFromLocales({
  en: en.topics,
  'zh-HK': zhHK.topics,
  'zh-CN': zhCN.topics,
});

export const LEVELS = ['beginner', 'intermediate'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = (typeof LEVELS)[number];

/** Pictures for explain steps. The UI draws each one; the content only names it. */
export const ILLUSTRATIONS = [
  'phone-home',
  'finger-tap',
  'finger-press-hold',
  'finger-swipe',
  'finger-scroll',
  'zoom-buttons',
  'volume-brightness',
  'text-size',
  'wifi-signal',
  'wifi-sign-in',
  'clock-limit',
  'video-call',
  'chat-family',
  'camera-photo',
  'share-photo',
  'scam-sms',
  'scam-call',
  'scam-investment',
  'hang-up',
  'helpline-18222',
  'scameter-check',
  'official-alert',
  'padlock',
  'password-secret',
  'id-on-phone',
  'hospital-appointment',
  'weather-forecast',
  'warning-signal',
  'payment-qr',
  'payment-check',
  'help-desk',
] as const;
export type Illustration = (typeof ILLUSTRATIONS)[number];

/** Icons for app icons, buttons and list items on the simulated phone. */
export const ICONS = [
  'phone',
  'chat',
  'camera',
  'gallery',
  'settings',
  'wifi',
  'browser',
  'clock',
  'calendar',
  'iam-smart',
  'ha-go',
  'observatory',
  'payment',
  'lock',
  'sms',
  'volume-up',
  'volume-down',
  'brightness-up',
  'brightness-down',
  'text-size',
  'zoom-in',
  'zoom-out',
  'share',
  'back',
  'send',
  'video',
  'search',
  'link',
  'shutter',
  'sun',
  'rain',
  'cloud',
  'warning',
  'pill',
  'bill',
  'qr',
  'person',
  'key',
  'tick',
  // Look-alike apps: the chat's voice-message button, the Observatory's warning signals, the
  // scam check and the documents wallet. Signals are drawn as the Observatory's shapes
  // (No. 1 "T", No. 3 inverted "T", No. 8 triangle; rainstorm clouds in their colours).
  'mic',
  'typhoon-1',
  'typhoon-3',
  'typhoon-8',
  'rainstorm-amber',
  'rainstorm-red',
  'rainstorm-black',
  'hot',
  'cold',
  'scameter',
  'document',
] as const;
export const IconSchema = z.enum(ICONS);
export type Icon = (typeof ICONS)[number];

/** Pictures shown inside the simulated gallery and camera (drawn by the UI). */
export const PICTURES = ['family-dinner', 'harbour-view', 'flowers', 'grandchild', 'park-walk'] as const;
export type Picture = (typeof PICTURES)[number];

/** Kiosk screens a lesson may link to at its end (e.g. the hotspot directory). */
export const LINK_SCREENS = ['hotspots', 'programmes', 'lessons'] as const;
export type LinkScreen = (typeof LINK_SCREENS)[number];

// ---------------------------------------------------------------------------------------------
// The simulated phone: a screen is one app and a list of elements the UI renders generically.

/**
 * Apps the phone frame can show. The app sets the frame's chrome (title bar colour, layout);
 * the elements are the content, top to bottom (`home` lays app icons out in a grid).
 */
export const APPS = [
  'home',
  'settings',
  'settings-wifi',
  'browser',
  'chat',
  'call',
  'camera',
  'gallery',
  'sms',
  'iam-smart',
  'ha-go',
  'observatory',
  'payment',
  'lock',
  /** A scam check of a number or link (like the Police's Scameter): a search box and a result card. */
  'scameter',
  /** The phone's share sheet over the app it was opened from (contacts as round faces, apps as icons). */
  'share',
] as const;
export type App = (typeof APPS)[number];

export const CALL_CONTROLS = ['answer', 'decline', 'mute', 'end', 'speaker'] as const;

export { PHONE_LEVEL_STEPS, PHONE_LEVELS, type PhoneLevel } from '../../shared/phone-levels';

/** What a button changes on the practice phone (see renderer/src/lessons/phone/phone-state.ts). */
export const BUTTON_EFFECTS = [
  'volume-up',
  'volume-down',
  'brightness-up',
  'brightness-down',
  'text-bigger',
  'text-smaller',
  'zoom-in',
  'zoom-out',
  'take-photo',
  'send',
  'add-contact',
  /** Connect, pay, sign in: once tapped the button shows it is done (a tick). */
  'confirm',
] as const;
export type ButtonEffect = (typeof BUTTON_EFFECTS)[number];
export type CallControl = (typeof CALL_CONTROLS)[number];

const elementBase = { id: Id, label: Text };

export const ScreenElementSchema = z.discriminatedUnion('kind', [
  /** An app on the home screen: icon with its name under it. */
  z.object({ ...elementBase, kind: z.literal('app-icon'), icon: IconSchema }).strict(),
  /** A large button; `tone` colours it (primary = main action, danger = red). */
  z
    .object({
      ...elementBase,
      kind: z.literal('button'),
      icon: IconSchema.optional(),
      tone: z.enum(['primary', 'plain', 'danger']).default('plain'),
      /** What tapping it changes on the phone; without it, what its icon says (volume-up, shutter, send…). */
      effect: z.enum(BUTTON_EFFECTS).optional(),
    })
    .strict(),
  /** A row in a list (settings, networks, appointments); `detail` is the smaller second line. */
  z
    .object({
      ...elementBase,
      kind: z.literal('list-item'),
      icon: IconSchema.optional(),
      detail: Text.optional(),
    })
    .strict(),
  /** A person in a chat or contact list; the UI draws a round avatar from the label's first letter. */
  z.object({ ...elementBase, kind: z.literal('contact'), detail: Text.optional() }).strict(),
  /** An on/off switch with its current state. */
  z.object({ ...elementBase, kind: z.literal('toggle'), on: z.boolean(), detail: Text.optional() }).strict(),
  /**
   * A chat bubble or SMS. `label` is the message body; `sender` the name or number it came from;
   * `link` a web address shown underlined inside the message (never opened: it is a picture of a link).
   */
  z
    .object({
      ...elementBase,
      kind: z.literal('message'),
      from: z.enum(['me', 'them']),
      sender: Text.optional(),
      link: z.string().max(60).optional(),
      time: z
        .string()
        .regex(/^\d{1,2}:\d{2}$/)
        .optional(),
    })
    .strict(),
  /** Words on the screen; `style` sets size and colour. */
  z
    .object({
      ...elementBase,
      kind: z.literal('text'),
      style: z.enum(['title', 'body', 'note', 'warning']).default('body'),
      /**
       * The text shows one of the phone's levels, which starts at `start` (its words say that
       * level): the phone redraws it when the visitor changes the level.
       */
      level: z
        .object({ of: z.enum(PHONE_LEVELS), start: z.number().int().min(0).max(4) })
        .strict()
        .optional(),
    })
    .strict(),
  /** A box to type in; focusing it opens the kiosk's on-screen keyboard inside the phone frame. */
  z.object({ ...elementBase, kind: z.literal('text-field'), placeholder: Text.optional() }).strict(),
  /** A photo (gallery thumbnail, camera preview or a photo in a chat). */
  z.object({ ...elementBase, kind: z.literal('photo'), picture: z.enum(PICTURES) }).strict(),
  /** A round call button (answer green, end/decline red, mute/speaker grey). */
  z.object({ ...elementBase, kind: z.literal('call-button'), control: z.enum(CALL_CONTROLS) }).strict(),
  /**
   * An icon button in the app's title bar, at its right end (top right of the screen), in the
   * order given: a chat's voice and video call buttons, a search. `label` is what it is called
   * (read out, and named by the instruction); the bar shows only the icon, as the real app does.
   */
  z.object({ ...elementBase, kind: z.literal('header-button'), icon: IconSchema }).strict(),
  /**
   * A chat's typing bar at the bottom: the type box (`label` is its grey placeholder, e.g.
   * "Message") and the round button beside it, the microphone for a voice message or the send
   * arrow. The round button is the target (tap it, or press and hold it to record).
   */
  z
    .object({
      ...elementBase,
      kind: z.literal('compose-bar'),
      button: z.enum(['voice', 'send']).default('voice'),
    })
    .strict(),
  /** One line of details: `label` the name of the detail (Payee, FPS ID), `value` what it is. */
  z.object({ ...elementBase, kind: z.literal('info-row'), value: Text }).strict(),
  /**
   * The result of a scam check: `high-risk` a red card with a warning sign, `no-record` a green
   * card. `label` is the headline, `detail` the advice under it.
   */
  z
    .object({
      ...elementBase,
      kind: z.literal('result-card'),
      level: z.enum(['high-risk', 'no-record']),
      detail: Text.optional(),
    })
    .strict(),
]);
export type ScreenElement = z.infer<typeof ScreenElementSchema>;
export type ScreenElementKind = ScreenElement['kind'];

export const ScreenSchema = z
  .object({
    app: z.enum(APPS),
    /** The app's title bar (omit on home and lock). */
    title: Text.optional(),
    /** On the browser: the web address shown in its address bar (a picture of it, never opened). */
    address: z.string().max(60).optional(),
    /** True when the elements are taller than the phone: the screen scrolls and starts at the top. */
    scroll: z.boolean().default(false),
    elements: z.array(ScreenElementSchema).min(1).max(30),
  })
  .strict()
  .superRefine((screen, ctx) => {
    const seen = new Set<string>();
    for (const element of screen.elements) {
      if (seen.has(element.id))
        ctx.addIssue({ code: 'custom', message: `element id ${element.id} is used twice` });
      seen.add(element.id);
    }
  });
export type Screen = z.infer<typeof ScreenSchema>;

// ---------------------------------------------------------------------------------------------
// Practice: what counts as success on the simulated phone.

export const SWIPE_DIRECTIONS = ['left', 'right', 'up', 'down'] as const;
export type SwipeDirection = (typeof SWIPE_DIRECTIONS)[number];

/** Minimum rows before a scroll-find target, so the target really starts out of sight. */
export const SCROLL_FIND_MIN_INDEX = 6;

export const SuccessConditionSchema = z.discriminatedUnion('kind', [
  /** Tap one element. */
  z.object({ kind: z.literal('tap-target'), targetId: Id }).strict(),
  /** Press and keep the finger on one element for at least `ms`. */
  z.object({ kind: z.literal('press-hold'), targetId: Id, ms: z.number().int().min(400).max(3000) }).strict(),
  /** Swipe anywhere on the screen in one direction (the finger moves that way). */
  z.object({ kind: z.literal('swipe'), direction: z.enum(SWIPE_DIRECTIONS) }).strict(),
  /** Scroll the list until the target comes into sight, then tap it. */
  z.object({ kind: z.literal('scroll-find'), targetId: Id }).strict(),
  /** Switch a toggle to `to`. */
  z.object({ kind: z.literal('toggle'), targetId: Id, to: z.boolean() }).strict(),
  /** Type `expected` into the text field with the on-screen keyboard and press its Done key. */
  z
    .object({ kind: z.literal('type-text'), fieldId: Id, expected: z.string().regex(/^[A-Za-z0-9]{1,12}$/) })
    .strict(),
  /** Tap one person in a contact list. */
  z.object({ kind: z.literal('pick-contact'), contactId: Id }).strict(),
  /** Tap the call button that does `action`. */
  z.object({ kind: z.literal('call-control'), action: z.enum(['answer', 'mute', 'end']) }).strict(),
  /** Judge a message with the player's two large buttons, "Safe" and "Scam". */
  z.object({ kind: z.literal('judge-message'), messageId: Id, verdict: z.enum(['safe', 'scam']) }).strict(),
]);
export type SuccessCondition = z.infer<typeof SuccessConditionSchema>;

/** Element kinds a visitor can tap or press on the simulated phone. */
export const TAPPABLE_KINDS: readonly ScreenElementKind[] = [
  'app-icon',
  'button',
  'list-item',
  'contact',
  'message',
  'photo',
  'call-button',
  'header-button',
  'compose-bar',
];

/**
 * Why a practice step cannot be completed on its screen, or null when it can. Shared by the schema
 * (so a broken lesson never loads) and the content test.
 */
export function practiceProblem(screen: Screen, success: SuccessCondition): string | null {
  const find = (id: string) => screen.elements.find((e) => e.id === id);
  const needs = (id: string, kinds: readonly ScreenElementKind[]): string | null => {
    const element = find(id);
    if (!element) return `target ${id} is not on the screen`;
    if (!kinds.includes(element.kind))
      return `target ${id} is a ${element.kind}, not one of ${kinds.join('/')}`;
    return null;
  };
  switch (success.kind) {
    case 'tap-target':
    case 'press-hold':
      return needs(success.targetId, TAPPABLE_KINDS);
    case 'swipe':
      // A swipe on a scrolling screen would scroll it instead.
      return screen.scroll ? 'a swipe needs a screen that does not scroll' : null;
    case 'scroll-find': {
      const problem = needs(success.targetId, TAPPABLE_KINDS);
      if (problem) return problem;
      if (!screen.scroll) return 'scroll-find needs a scrolling screen';
      const index = screen.elements.findIndex((e) => e.id === success.targetId);
      return index < SCROLL_FIND_MIN_INDEX
        ? `scroll-find target ${success.targetId} is in sight without scrolling`
        : null;
    }
    case 'toggle': {
      const problem = needs(success.targetId, ['toggle']);
      if (problem) return problem;
      const element = find(success.targetId);
      return element?.kind === 'toggle' && element.on === success.to
        ? `toggle ${success.targetId} is already ${success.to ? 'on' : 'off'}`
        : null;
    }
    case 'type-text':
      return needs(success.fieldId, ['text-field']);
    case 'pick-contact':
      return needs(success.contactId, ['contact']);
    case 'call-control':
      return screen.elements.some((e) => e.kind === 'call-button' && e.control === success.action)
        ? null
        : `no ${success.action} call button on the screen`;
    case 'judge-message':
      return needs(success.messageId, ['message']);
  }
}

// ---------------------------------------------------------------------------------------------
// Steps. Every step has `narration`: what read-aloud speaks for the step, in each language.

const stepBase = { id: Id, narration: Text };

export const ExplainStepSchema = z
  .object({
    ...stepBase,
    kind: z.literal('explain'),
    title: Text,
    text: Text,
    illustration: z.enum(ILLUSTRATIONS),
  })
  .strict();

export const PracticeStepSchema = z
  .object({
    ...stepBase,
    kind: z.literal('practice'),
    title: Text,
    /** What to do, shown above the phone. */
    instruction: Text,
    screen: ScreenSchema,
    success: SuccessConditionSchema,
    /** Shown and spoken after the first wrong try: a gentle pointer, never "wrong". */
    hint: Text,
    /** Shown and spoken with the "show me" animation after the second wrong try. */
    showMe: Text,
    /** Praise and what just happened, shown once the step succeeds. */
    done: Text,
  })
  .strict()
  .superRefine((step, ctx) => {
    const problem = practiceProblem(step.screen, step.success);
    if (problem) ctx.addIssue({ code: 'custom', message: `practice ${step.id}: ${problem}` });
  });

export const QuizAnswerSchema = z
  .object({ id: Id, text: Text, correct: z.boolean(), feedback: Text })
  .strict();

export const QuizStepSchema = z
  .object({
    ...stepBase,
    kind: z.literal('quiz'),
    question: Text,
    answers: z.array(QuizAnswerSchema).min(2).max(4),
  })
  .strict()
  .superRefine((step, ctx) => {
    if (step.answers.filter((a) => a.correct).length !== 1)
      ctx.addIssue({ code: 'custom', message: `quiz ${step.id} needs exactly one correct answer` });
    if (new Set(step.answers.map((a) => a.id)).size !== step.answers.length)
      ctx.addIssue({ code: 'custom', message: `quiz ${step.id} repeats an answer id` });
  });

export const RecapStepSchema = z
  .object({
    ...stepBase,
    kind: z.literal('recap'),
    title: Text,
    /** What was learnt: shown on the recap step and printed on the summary slip. */
    points: z.array(Text).min(2).max(6),
    /** An optional large button to another kiosk screen (e.g. the hotspot directory). */
    link: z
      .object({ screen: z.enum(LINK_SCREENS), label: Text })
      .strict()
      .optional(),
  })
  .strict();

export const StepSchema = z.discriminatedUnion('kind', [
  ExplainStepSchema,
  PracticeStepSchema,
  QuizStepSchema,
  RecapStepSchema,
]);
export type ExplainStep = z.infer<typeof ExplainStepSchema>;
export type PracticeStep = z.infer<typeof PracticeStepSchema>;
export type QuizStep = z.infer<typeof QuizStepSchema>;
export type QuizAnswer = z.infer<typeof QuizAnswerSchema>;
export type RecapStep = z.infer<typeof RecapStepSchema>;
export type Step = z.infer<typeof StepSchema>;
export type StepKind = Step['kind'];

// ---------------------------------------------------------------------------------------------
// The lesson.

export const MIN_STEPS = 5;
export const MAX_STEPS = 12;

export const LessonSchema = z
  .object({
    id: Id,
    title: Text,
    /** One line: what the visitor will be able to do. */
    aim: Text,
    minutes: z.number().int().min(1).max(30),
    level: LevelSchema,
    topic: TopicSchema,
    /** Rank on the beginners' "start here" path (1 first); omit for lessons not on it. */
    startHere: z.number().int().min(1).optional(),
    /** 5–12 steps; the last is the one recap step. */
    steps: z.array(StepSchema).min(MIN_STEPS).max(MAX_STEPS),
    /** Other lessons to suggest at the end, by id. */
    related: z.array(Id).max(4),
    /** Where to get more help, printed on the summary slip. */
    moreHelp: z.array(Text).min(1).max(4),
    /** The date the lesson's facts were checked ("information as of") and where they come from (none for pure how-to lessons). */
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sources: z.array(SourceSchema).max(6),
  })
  .strict()
  .superRefine((lesson, ctx) => {
    const recaps = lesson.steps.filter((s) => s.kind === 'recap').length;
    if (recaps !== 1 || lesson.steps.at(-1)?.kind !== 'recap')
      ctx.addIssue({ code: 'custom', message: 'a lesson ends with exactly one recap step' });
    if (new Set(lesson.steps.map((s) => s.id)).size !== lesson.steps.length)
      ctx.addIssue({ code: 'custom', message: 'step ids repeat' });
    if (lesson.related.includes(lesson.id))
      ctx.addIssue({ code: 'custom', message: 'a lesson cannot be related to itself' });
  });
export type Lesson = z.infer<typeof LessonSchema>;

/** What the browse screen needs for one card. */
export interface LessonSummary {
  id: string;
  title: LocalisedText;
  aim: LocalisedText;
  minutes: number;
  level: Level;
  topic: Topic;
  startHere: number | null;
  stepCount: number;
  related: string[];
}

export function summariseLesson(lesson: Lesson): LessonSummary {
  return {
    id: lesson.id,
    title: lesson.title,
    aim: lesson.aim,
    minutes: lesson.minutes,
    level: lesson.level,
    topic: lesson.topic,
    startHere: lesson.startHere ?? null,
    stepCount: lesson.steps.length,
    related: lesson.related,
  };
}
