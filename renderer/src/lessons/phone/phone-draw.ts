/**
 * The practice phone's screen as drawn: a step's content with the phone's state (phone-state.ts)
 * applied, so what the visitor changed shows (a switch on, the volume line, the photo just taken,
 * "Sent", "Muted", "Call ended") and stays for the rest of the lesson. Pure; its words come from
 * the lessons locale files in all three languages.
 */
import type { LocalisedText } from '../../../../electron/core/i18n';
import type { Icon, Picture, Screen, ScreenElement } from '../../../../electron/core/lessons/schema';
import { PHONE_LEVEL_STEPS, type PhoneLevel } from '../../../../electron/shared/phone-levels';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import zhHK from '../locales/zh-HK.json';
import {
  buttonEffect,
  callOn,
  chatOf,
  incomingOn,
  isIncoming,
  levelOn,
  type CallState,
  type PhoneState,
  type SentItem,
} from './phone-state';

/** A screen element as drawn: its content with the phone's state applied. */
export type DrawnElement = ScreenElement & {
  /** Text drawn larger or smaller than the phone's own size (the text-size setting). */
  scale?: number;
  /** A photo drawn zoomed in (1 = as it is). */
  zoom?: number;
  /** A call button that is switched on (mute, speaker). */
  pressed?: boolean;
  /** What the visitor typed into a field and confirmed (a passcode as dots). */
  entered?: string;
};
/** An app opening: its colour fills the screen, its icon and name large in the middle. */
export interface AppOpening {
  id: string;
  icon: Icon;
  label: LocalisedText;
}
export interface DrawnScreen extends Screen {
  elements: DrawnElement[];
  /** The app tapped on this screen is opening: drawn instead of the screen's elements. */
  opening?: AppOpening;
}

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
  const opened = phone.opened ? screen.elements.find((e) => e.id === phone.opened) : undefined;
  if (opened?.kind === 'app-icon')
    // As a real phone does at once: the app's splash, not the home screen it was tapped on.
    return { ...screen, elements: [], opening: { id: opened.id, icon: opened.icon, label: opened.label } };
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
    case 'text-field': {
      const typed = phone.typed[element.id];
      if (!typed) return [element];
      // A passcode is never shown, as on a real phone's lock screen.
      return [{ ...element, entered: screen.app === 'lock' ? '●'.repeat(typed.length) : typed }];
    }
    case 'button': {
      const effect = buttonEffect(element);
      // A contact saved: the button says so, with a tick, as the phone's own confirmation does.
      if (effect === 'add-contact' && phone.contactsAdded.includes(element.id))
        return [{ ...element, icon: 'tick', label: words((w) => w.contactSaved) }];
      // Connected, paid, signed in: the button shows it is done.
      if (effect === 'confirm' && phone.confirmed.includes(element.id))
        return [{ ...element, icon: 'tick', label: withTick(element.label) }];
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

function withTick(label: LocalisedText): LocalisedText {
  return {
    'zh-HK': `${label['zh-HK']} ✓`,
    en: `${label.en} ✓`,
    ...(label['zh-CN'] ? { 'zh-CN': `${label['zh-CN']} ✓` } : {}),
  };
}
