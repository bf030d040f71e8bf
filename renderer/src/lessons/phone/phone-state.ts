/**
 * The practice phone's state for one lesson: what the visitor changed on it (switches, levels,
 * photos taken, things sent, the call) and keeps for the rest of the lesson. A switch turned on in
 * step 3 is on in step 4's screen too, and what the feedback praises ("Wi-Fi is on!") is what the
 * phone shows.
 *
 * Pure (no DOM, no Svelte): `applyAction` answers a gesture with a new state, `drawScreen` gives
 * the screen as the phone draws it from a step's content and that state. The success conditions
 * (player-logic) read the same state, so the screen, the feedback and the step's success agree.
 */
import type { LocalisedText } from '../../../../electron/core/i18n';
import type {
  ButtonEffect,
  CallControl,
  Picture,
  Screen,
  ScreenElement,
} from '../../../../electron/core/lessons/schema';
import { PHONE_LEVEL_STEPS, type PhoneLevel } from '../../../../electron/shared/phone-levels';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import zhHK from '../locales/zh-HK.json';
import type { PracticeAction } from '../player-logic';

export interface SentItem {
  /** The chat it went to (the screen's English title, or its app). */
  chat: string;
  text: string | null;
  picture: Picture | null;
}

export interface CallState {
  /** Whose call it is (the call screen's title line, in English): another caller is another call. */
  caller: string;
  muted: boolean;
  speaker: boolean;
  ended: boolean;
}

export interface PhoneState {
  /** Switches by element id: the same id in a later step shows the same position. */
  switches: Record<string, boolean>;
  /** Volume, brightness, text size, photo zoom and the gallery's photo, once changed. */
  levels: Partial<Record<PhoneLevel, number>>;
  /** Photos taken with the shutter, oldest first. */
  photosTaken: Picture[];
  /** What the visitor sent, oldest first. */
  sent: SentItem[];
  /** Text typed into a field and confirmed with Done, by field id (a draft until it is sent). */
  typed: Record<string, string>;
  /** The call in progress (mute and speaker stay as set until it ends), once touched. */
  call: CallState | null;
  /** The incoming call, once answered or declined. */
  incoming: { caller: string; status: 'answered' | 'declined' } | null;
  /** Contacts the visitor saved, by the button's element id. */
  contactsAdded: string[];
}

export function emptyPhoneState(): PhoneState {
  return {
    switches: {},
    levels: {},
    photosTaken: [],
    sent: [],
    typed: {},
    call: null,
    incoming: null,
    contactsAdded: [],
  };
}

/** A screen element as drawn: its content with the phone's state applied. */
export type DrawnElement = ScreenElement & {
  /** Text drawn larger or smaller than the phone's own size (the text-size setting). */
  scale?: number;
  /** A photo drawn zoomed in (1 = as it is). */
  zoom?: number;
  /** A call button that is switched on (mute, speaker). */
  pressed?: boolean;
};
export interface DrawnScreen extends Screen {
  elements: DrawnElement[];
}

const DEFAULT_LEVEL = 2;

type Words = typeof en.phone.state;
const WORDS: Record<'zh-HK' | 'en' | 'zh-CN', Words> = {
  'zh-HK': zhHK.phone.state,
  en: en.phone.state,
  'zh-CN': zhCN.phone.state,
};

/** A phrase in the three languages from the lessons locale files, with `{{name}}` filled in. */
function words(pickWords: (w: Words) => string, params: Record<string, string | number> = {}): LocalisedText {
  const fill = (text: string) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  return {
    'zh-HK': fill(pickWords(WORDS['zh-HK'])),
    en: fill(pickWords(WORDS.en)),
    'zh-CN': fill(pickWords(WORDS['zh-CN'])),
  };
}

function clampLevel(level: PhoneLevel, value: number): number {
  return Math.min(Math.max(0, value), PHONE_LEVEL_STEPS[level] - 1);
}

/** Where a level starts on this screen: a text that shows it says so, else the middle. */
function startLevel(screen: Screen, level: PhoneLevel): number {
  for (const e of screen.elements) if (e.kind === 'text' && e.level?.of === level) return e.level.start;
  return level === 'zoom' || level === 'photo' ? 0 : DEFAULT_LEVEL;
}

export function levelOn(phone: PhoneState, screen: Screen, level: PhoneLevel): number {
  return phone.levels[level] ?? startLevel(screen, level);
}

/** What a button does to the phone: its `effect`, else what its icon says it does. */
export function buttonEffect(element: ScreenElement): ButtonEffect | null {
  if (element.kind !== 'button') return null;
  if (element.effect) return element.effect;
  switch (element.icon) {
    case 'volume-up':
    case 'volume-down':
    case 'brightness-up':
    case 'brightness-down':
    case 'zoom-in':
    case 'zoom-out':
    case 'send':
      return element.icon;
    case 'shutter':
      return 'take-photo';
    default:
      return null;
  }
}

const LEVEL_EFFECTS: Partial<Record<ButtonEffect, [PhoneLevel, number]>> = {
  'volume-up': ['volume', 1],
  'volume-down': ['volume', -1],
  'brightness-up': ['brightness', 1],
  'brightness-down': ['brightness', -1],
  'text-bigger': ['text-size', 1],
  'text-smaller': ['text-size', -1],
  'zoom-in': ['zoom', 1],
  'zoom-out': ['zoom', -1],
};

function chatOf(screen: Screen): string {
  return screen.title?.en ?? screen.app;
}

/** The picture in the camera's viewfinder: the camera's first photo. */
function viewfinder(screen: Screen): Picture | null {
  const photo = screen.elements.find((e) => e.kind === 'photo');
  return photo?.kind === 'photo' ? photo.picture : null;
}

function withLevel(phone: PhoneState, screen: Screen, level: PhoneLevel, by: number): PhoneState {
  const value = clampLevel(level, levelOn(phone, screen, level) + by);
  return { ...phone, levels: { ...phone.levels, [level]: value } };
}

/**
 * The phone after one gesture on `screen`. Gestures that change nothing on a real phone (a tap on
 * a list row, a judge button) leave the state as it is; the state given is never changed.
 */
export function applyAction(phone: PhoneState, screen: Screen, action: PracticeAction): PhoneState {
  const element =
    action.kind === 'tap' || action.kind === 'press' || action.kind === 'toggle'
      ? screen.elements.find((e) => e.id === action.targetId)
      : undefined;
  if (action.kind === 'toggle') {
    if (element?.kind !== 'toggle') return phone;
    return { ...phone, switches: { ...phone.switches, [element.id]: action.to } };
  }
  if (action.kind === 'type') {
    return { ...phone, typed: { ...phone.typed, [action.fieldId]: action.text } };
  }
  if (action.kind === 'swipe') {
    // In the gallery a swipe turns the page: left is the next photo, right the one before.
    if (screen.app !== 'gallery' || (action.direction !== 'left' && action.direction !== 'right'))
      return phone;
    return withLevel(phone, screen, 'photo', action.direction === 'left' ? 1 : -1);
  }
  if (action.kind === 'judge' || !element) return phone;
  if (element.kind === 'call-button') return pressCallButton(phone, screen, element.control);
  const effect = buttonEffect(element);
  if (!effect) return phone;
  const level = LEVEL_EFFECTS[effect];
  if (level) return withLevel(phone, screen, level[0], level[1]);
  switch (effect) {
    case 'take-photo': {
      const picture = viewfinder(screen);
      return picture ? { ...phone, photosTaken: [...phone.photosTaken, picture] } : phone;
    }
    case 'send':
      return send(phone, screen);
    case 'add-contact':
      return phone.contactsAdded.includes(element.id)
        ? phone
        : { ...phone, contactsAdded: [...phone.contactsAdded, element.id] };
    default:
      return phone;
  }
}

/** Whose call a call screen shows: its title line. */
export function callerOf(screen: Screen): string {
  const title = screen.elements.find((e) => e.kind === 'text' && e.style === 'title');
  return title?.label.en ?? screen.title?.en ?? 'call';
}

function isIncoming(screen: Screen): boolean {
  return (
    screen.app === 'call' && screen.elements.some((e) => e.kind === 'call-button' && e.control === 'answer')
  );
}

/** The call on this screen: the one kept, if it is this caller's, else a fresh one. */
export function callOn(phone: PhoneState, screen: Screen): CallState {
  const caller = callerOf(screen);
  return phone.call?.caller === caller ? phone.call : { caller, muted: false, speaker: false, ended: false };
}

/** How the incoming call on this screen stands. */
export function incomingOn(phone: PhoneState, screen: Screen): 'ringing' | 'answered' | 'declined' {
  return phone.incoming?.caller === callerOf(screen) ? phone.incoming.status : 'ringing';
}

function pressCallButton(phone: PhoneState, screen: Screen, control: CallControl): PhoneState {
  const caller = callerOf(screen);
  if (control === 'answer' || control === 'decline') {
    if (incomingOn(phone, screen) !== 'ringing') return phone;
    if (control === 'decline') return { ...phone, incoming: { caller, status: 'declined' } };
    // Answering starts a new call with this caller.
    return {
      ...phone,
      incoming: { caller, status: 'answered' },
      call: { caller, muted: false, speaker: false, ended: false },
    };
  }
  const call = callOn(phone, screen);
  if (call.ended) return phone;
  switch (control) {
    case 'mute':
      return { ...phone, call: { ...call, muted: !call.muted } };
    case 'speaker':
      return { ...phone, call: { ...call, speaker: !call.speaker } };
    case 'end':
      return { ...phone, call: { ...call, ended: true } };
  }
}

/** Send what is ready in this chat: the photo on screen not sent yet, or the text typed. */
function send(phone: PhoneState, screen: Screen): PhoneState {
  const chat = chatOf(screen);
  const field = screen.elements.find((e) => e.kind === 'text-field' && phone.typed[e.id]);
  const text = field ? (phone.typed[field.id] ?? null) : null;
  const photo = screen.elements.find((e) => e.kind === 'photo');
  const picture = photo?.kind === 'photo' && !text ? photo.picture : null;
  if (!text && !picture) return phone;
  if (picture && phone.sent.some((s) => s.chat === chat && s.picture === picture)) return phone;
  const typed = field ? { ...phone.typed, [field.id]: '' } : phone.typed;
  return { ...phone, typed, sent: [...phone.sent, { chat, text, picture }] };
}

/** The call screen's note under the caller's name is its status line. */
function isCallStatus(screen: Screen, element: ScreenElement): boolean {
  return screen.app === 'call' && element.kind === 'text' && element.style === 'note';
}

function levelText(level: PhoneLevel, value: number): LocalisedText {
  if (level === 'photo')
    return words((w) => w.photoNumber, { number: value + 1, total: PHONE_LEVEL_STEPS.photo });
  const key = String(value);
  if (level === 'zoom') return words((w) => (w.zoom as Record<string, string>)[key] ?? '');
  return words(
    (w) => `${w.levelName[level]}${w.levelSeparator}${(w.level as Record<string, string>)[key] ?? ''}`,
  );
}

/** The gallery's photos in the order a swipe turns them. */
const GALLERY: readonly Picture[] = ['harbour-view', 'flowers', 'park-walk', 'grandchild', 'family-dinner'];

function pictureAfter(start: Picture, steps: number): Picture {
  const index = Math.max(0, GALLERY.indexOf(start));
  return GALLERY[(index + steps + GALLERY.length * 4) % GALLERY.length] ?? start;
}

/** The screen of a step as the phone draws it: the step's content with the phone's state applied. */
export function drawScreen(screen: Screen, phone: PhoneState): DrawnScreen {
  const incomingCall = isIncoming(screen);
  const chat = chatOf(screen);
  const sentHere = phone.sent.filter((s) => s.chat === chat);
  const elements: DrawnElement[] = [];
  let photos = 0;
  for (const element of screen.elements) {
    const photoIndex = element.kind === 'photo' ? photos++ : -1;
    elements.push(...drawElement(screen, phone, element, { incomingCall, photoIndex, sentHere }));
  }
  const call = callOn(phone, screen);
  if (
    screen.app === 'call' &&
    !incomingCall &&
    call.ended &&
    !screen.elements.some((e) => isCallStatus(screen, e))
  ) {
    // A call screen with no status line still says the call has ended, under the caller's name.
    const title = elements.findIndex((e) => e.kind === 'text' && e.style === 'title');
    elements.splice(title + 1, 0, {
      id: 'call-status',
      kind: 'text',
      style: 'note',
      label: words((w) => w.callEnded),
    });
  }
  for (const [i, item] of sentHere.entries()) {
    if (!item.text) continue;
    elements.push({
      id: `sent-${i + 1}`,
      kind: 'message',
      from: 'me',
      label: { 'zh-HK': item.text, en: item.text, 'zh-CN': item.text },
    });
  }
  return { ...screen, elements };
}

function drawElement(
  screen: Screen,
  phone: PhoneState,
  element: ScreenElement,
  context: { incomingCall: boolean; photoIndex: number; sentHere: SentItem[] },
): DrawnElement[] {
  switch (element.kind) {
    case 'toggle':
      return [{ ...element, on: phone.switches[element.id] ?? element.on }];
    case 'text': {
      if (element.level) {
        const value = levelOn(phone, screen, element.level.of);
        // The text-size sample keeps its words and changes size, as the setting's preview does.
        if (element.level.of === 'text-size')
          return [{ ...element, scale: 1 + (value - element.level.start) * 0.2 }];
        if (value === element.level.start) return [element];
        return [{ ...element, label: levelText(element.level.of, value) }];
      }
      if (isCallStatus(screen, element)) {
        const call = callOn(phone, screen);
        const incoming = incomingOn(phone, screen);
        if (call.ended && (!context.incomingCall || incoming === 'answered'))
          return [{ ...element, label: words((w) => w.callEnded) }];
        if (context.incomingCall && incoming !== 'ringing')
          return [{ ...element, label: words((w) => (incoming === 'answered' ? w.inCall : w.declined)) }];
      }
      return [element];
    }
    case 'call-button': {
      const call = callOn(phone, screen);
      if (context.incomingCall && incomingOn(phone, screen) === 'answered') {
        // Answered: the ringing buttons give way to the call's own.
        if (element.control === 'decline') return [];
        if (element.control === 'answer')
          return (['mute', 'speaker', 'end'] as const).map((control) =>
            drawCallButton(call, {
              id: `${element.id}-${control}`,
              kind: 'call-button',
              control,
              label: words((w) => w.callButtons[control]),
            }),
          );
      }
      return [context.incomingCall ? element : drawCallButton(call, element)];
    }
    case 'photo': {
      if (screen.app === 'camera' && context.photoIndex > 0) {
        // The camera's thumbnail is the last photo taken.
        const last = phone.photosTaken.at(-1);
        return [last ? { ...element, picture: last, label: pictureLabel(last) } : element];
      }
      if (screen.app === 'gallery' && context.photoIndex === 0) {
        const page = levelOn(phone, screen, 'photo');
        const picture = page > 0 ? pictureAfter(element.picture, page) : element.picture;
        const zoom = 1 + levelOn(phone, screen, 'zoom') * 0.5;
        return [
          {
            ...element,
            picture,
            label: picture === element.picture ? element.label : pictureLabel(picture),
            ...(zoom !== 1 ? { zoom } : {}),
          },
        ];
      }
      if (screen.app === 'chat' && context.sentHere.some((s) => s.picture === element.picture)) {
        // Sent: the photo is a bubble of the visitor's in the chat, with its ticks.
        return [
          element,
          { id: `${element.id}-sent`, kind: 'text', style: 'note', label: words((w) => w.sent) },
        ];
      }
      return [element];
    }
    default:
      return [element];
  }
}

function drawCallButton(call: CallState, element: ScreenElement & { kind: 'call-button' }): DrawnElement {
  if (element.control === 'mute' && call.muted)
    return { ...element, label: words((w) => w.muted), pressed: true };
  if (element.control === 'speaker' && call.speaker) return { ...element, pressed: true };
  return element;
}

function pictureLabel(picture: Picture): LocalisedText {
  return words((w) => w.pictures[picture]);
}
