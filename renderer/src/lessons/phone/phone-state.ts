/**
 * The practice phone's state for one lesson: what the visitor changed on it (switches, levels,
 * photos taken, things sent, the call) and keeps for the rest of the lesson. A switch turned on in
 * step 3 is on in step 4's screen too.
 *
 * Pure (no DOM, no Svelte): `applyAction` answers a gesture with a new state; `phone-draw.ts`
 * draws a step's screen from its content and this state. The success conditions (player-logic)
 * read the same state, so the screen, the feedback and the step's success agree.
 */
import type {
  ButtonEffect,
  CallControl,
  Picture,
  Screen,
  ScreenElement,
} from '../../../../electron/core/lessons/schema';
import { PHONE_LEVEL_STEPS, type PhoneLevel } from '../../../../electron/shared/phone-levels';
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
  /** Buttons that connect, pay or sign in, once tapped, by element id. */
  confirmed: string[];
  /**
   * The app icon tapped on this step's screen, by element id: the phone shows that app opening.
   * Only for this step: the next step (or Back) starts again from its own screen (`closeApp`).
   */
  opened: string | null;
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
    confirmed: [],
    opened: null,
  };
}

/** The step changes: an app opened on the last one is closed, as a phone goes back home. */
export function closeApp(phone: PhoneState): PhoneState {
  return phone.opened === null ? phone : { ...phone, opened: null };
}

const DEFAULT_LEVEL = 2;
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

export function chatOf(screen: Screen): string {
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
  // A tap on an app's icon opens it at once, as on a real phone (a press-and-hold does not).
  if (element.kind === 'app-icon') return action.kind === 'tap' ? { ...phone, opened: element.id } : phone;
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
    case 'confirm':
      return phone.confirmed.includes(element.id)
        ? phone
        : { ...phone, confirmed: [...phone.confirmed, element.id] };
    default:
      return phone;
  }
}

/** Whose call a call screen shows: its title line. */
export function callerOf(screen: Screen): string {
  const title = screen.elements.find((e) => e.kind === 'text' && e.style === 'title');
  return title?.label.en ?? screen.title?.en ?? 'call';
}

export function isIncoming(screen: Screen): boolean {
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
