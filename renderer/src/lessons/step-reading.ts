/**
 * What "Read this step" says, as a pure function of the step and what the phone shows now: the
 * step's title and instruction first, then the practice phone's screen from top to bottom (its
 * title bar, then each element as the visitor sees it, a switch with its current state), so a
 * visitor who cannot read the screen hears the same things, in the same order, as one who can.
 * Other steps say their narration; a quiz says its question and its answers in the order they
 * are drawn. No DOM, no Svelte: the player passes its own `t` and `pick`, tests pass theirs.
 */
import type { LocalisedText } from '../../../electron/core/i18n';
import type { PracticeStep, Screen, ScreenElement, Step } from '../../../electron/core/lessons/schema';

export interface ReadingWords {
  /** A UI string in the visitor's language (`lessons.read.*`, `lessons.phone.on/off`). */
  t: (key: string, params?: Record<string, unknown>) => string;
  /** Content text in the visitor's language. */
  pick: (text: LocalisedText | undefined) => string;
}

/** What the phone shows that its content alone does not say (the visitor may have changed it). */
export interface PhoneNow {
  /**
   * The screen as the phone draws it now (the step's content with the phone's state: switches
   * as left, photos taken, messages sent, an app opening); the step's own screen when not given.
   */
  screen?: Screen & { opening?: { label: LocalisedText } };
  /** Switches by element id, as they are drawn now. */
  toggles?: Readonly<Record<string, boolean>>;
  /** The ids of a quiz's answers in the order they are on screen (shuffled per visit). */
  answerOrder?: readonly string[];
}

/**
 * Runs of five or more digits (phone numbers: 18222, 999 stays a number) are read digit by digit,
 * as data/README.md asks of narration, or speech engines say "eighteen thousand…".
 */
export function spellNumbers(text: string): string {
  return text.replace(/\d{5,}/g, (digits) => [...digits].join(' '));
}

/** One element as it is spoken; null when it says nothing (an empty label). */
function elementReading(
  element: ScreenElement,
  words: ReadingWords,
  now: PhoneNow,
): string | string[] | null {
  const { t, pick } = words;
  const label = pick(element.label);
  if (!label) return null;
  switch (element.kind) {
    case 'app-icon':
      return t('lessons.read.app', { label });
    case 'button':
    case 'call-button':
      return t('lessons.read.button', { label });
    case 'list-item':
    case 'contact':
      return element.detail ? t('lessons.read.withDetail', { label, detail: pick(element.detail) }) : label;
    case 'toggle': {
      const on = now.toggles?.[element.id] ?? element.on;
      return t('lessons.read.toggle', {
        label,
        state: on ? t('lessons.phone.on') : t('lessons.phone.off'),
      });
    }
    case 'message': {
      const body =
        element.from === 'me'
          ? t('lessons.read.messageMine', { text: label })
          : element.sender
            ? t('lessons.read.messageFrom', { sender: pick(element.sender), text: label })
            : t('lessons.read.message', { text: label });
      return element.link ? `${body} ${t('lessons.read.link', { link: element.link })}` : body;
    }
    case 'text-field':
      return t('lessons.read.field', { label });
    case 'header-button':
      // Only an icon on screen (as in the real app): its name says what it does.
      return t('lessons.read.button', { label });
    case 'compose-bar':
      return [
        t('lessons.read.field', { label }),
        t('lessons.read.button', {
          label: element.button === 'send' ? t('lessons.phone.send') : t('lessons.phone.voiceMessage'),
        }),
      ];
    case 'info-row':
      return t('lessons.read.withDetail', { label, detail: pick(element.value) });
    case 'result-card':
      return element.detail ? t('lessons.read.withDetail', { label, detail: pick(element.detail) }) : label;
    default:
      // Text, photos and any kind added later: their label is what the screen shows.
      return label;
  }
}

/** The phone's screen, top to bottom. */
export function phoneReading(step: PracticeStep, words: ReadingWords, now: PhoneNow = {}): string[] {
  const screen: Screen & { opening?: { label: LocalisedText } } = now.screen ?? step.screen;
  const parts = [words.t('lessons.read.phone')];
  if (screen.title) parts.push(words.t('lessons.read.screenTitle', { title: words.pick(screen.title) }));
  // An app opening fills the screen: its name is all there is to read.
  if (screen.opening)
    parts.push(words.t('lessons.read.opening', { label: words.pick(screen.opening.label) }));
  for (const element of screen.elements) {
    const spoken = elementReading(element, words, now);
    if (spoken) parts.push(...[spoken].flat());
  }
  return parts;
}

/** The parts of the step's reading, in the order they are spoken. */
export function stepReading(step: Step, words: ReadingWords, now: PhoneNow = {}): string[] {
  const { pick } = words;
  switch (step.kind) {
    case 'practice':
      return [pick(step.title), pick(step.instruction), ...phoneReading(step, words, now)];
    case 'quiz': {
      const order = now.answerOrder ?? step.answers.map((a) => a.id);
      const answers = order.flatMap((id) => step.answers.filter((a) => a.id === id));
      return [pick(step.question), ...answers.map((a) => pick(a.text))];
    }
    default:
      return [pick(step.narration)];
  }
}

/** Sentences joined for one utterance: each ends with a stop, so the voice pauses between them. */
export function joinSpoken(parts: readonly string[]): string {
  return spellNumbers(
    parts
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) =>
        /[。！？：.!?:」』）)]$/.test(part) ? part : /[\u3400-\u9fff]/.test(part) ? `${part}。` : `${part}.`,
      )
      .join(' '),
  );
}
