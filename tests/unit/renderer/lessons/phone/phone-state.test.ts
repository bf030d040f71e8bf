import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLessons } from '../../../../../electron/core/lessons/load-lessons';
import type { Lesson, PracticeStep, Screen } from '../../../../../electron/core/lessons/schema';
import {
  drawScreen,
  type DrawnElement,
  type DrawnScreen,
} from '../../../../../renderer/src/lessons/phone/phone-draw';
import {
  applyAction,
  closeApp,
  emptyPhoneState,
  type PhoneState,
} from '../../../../../renderer/src/lessons/phone/phone-state';
import {
  answerQuiz,
  correctAnswer,
  demonstration,
  next,
  startLesson,
  tryOnPhone,
  type PlayerState,
  type PracticeAction,
} from '../../../../../renderer/src/lessons/player-logic';

const LESSONS_DIR = fileURLToPath(new URL('../../../../../data/lessons', import.meta.url));
let lessons: Lesson[] = [];

beforeAll(async () => {
  lessons = (await loadLessons(LESSONS_DIR)).lessons;
});

function lessonById(id: string): Lesson {
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson;
}

function practice(lesson: Lesson, id: string): PracticeStep {
  const step = lesson.steps.find((s) => s.id === id);
  if (step?.kind !== 'practice') throw new Error(`no practice step ${id} in ${lesson.id}`);
  return step;
}

function el(screen: DrawnScreen, id: string): DrawnElement {
  const element = screen.elements.find((e) => e.id === id);
  if (!element) throw new Error(`no element ${id} on the drawn screen`);
  return element;
}

/** What a visitor sees: the words of every element, in English. */
function words(screen: DrawnScreen): string[] {
  return screen.elements.map((e) => e.label.en);
}

/** Gestures one after another on the screen as it is drawn after each. */
function play(screen: Screen, actions: PracticeAction[], phone = emptyPhoneState()): PhoneState {
  return actions.reduce((state, action) => applyAction(state, drawScreen(screen, state), action), phone);
}

/** Open the lesson at `stepId`, carrying `phone`, and try `action` there. */
function tryAt(lesson: Lesson, stepId: string, phone: PhoneState, action: PracticeAction) {
  const index = lesson.steps.findIndex((s) => s.id === stepId);
  const { state } = startLesson(lesson, index);
  const step = practice(lesson, stepId);
  return tryOnPhone(lesson, state, phone, drawScreen(step.screen, phone), action);
}

describe('phone state: the Wi-Fi settings', () => {
  it('a switch turned on shows on, and stays on in the next step of the lesson', () => {
    const lesson = lessonById('free-wifi');
    const step = practice(lesson, 'turn-wifi-on');
    expect(el(drawScreen(step.screen, emptyPhoneState()), 'wifi-switch')).toMatchObject({ on: false });
    const outcome = tryAt(lesson, 'turn-wifi-on', emptyPhoneState(), {
      kind: 'toggle',
      targetId: 'wifi-switch',
      to: true,
    });
    expect(outcome.result).toBe('success');
    expect(outcome.phone.switches['wifi-switch']).toBe(true);
    expect(el(drawScreen(step.screen, outcome.phone), 'wifi-switch')).toMatchObject({ on: true });
    // A later screen written with the switch off still shows it as the visitor left it.
    const later: Screen = { ...step.screen, elements: [{ ...step.screen.elements[0]!, on: false } as never] };
    expect(el(drawScreen(later, outcome.phone), 'wifi-switch')).toMatchObject({ on: true });
  });

  it('the toggle step reads the switch: a switch carried on and flipped off is not a success', () => {
    const lesson = lessonById('free-wifi');
    const carried = { ...emptyPhoneState(), switches: { 'wifi-switch': true } };
    const off = tryAt(lesson, 'turn-wifi-on', carried, {
      kind: 'toggle',
      targetId: 'wifi-switch',
      to: false,
    });
    expect(off.result).toBe('hint');
    expect(el(drawScreen(practice(lesson, 'turn-wifi-on').screen, off.phone), 'wifi-switch')).toMatchObject({
      on: false,
    });
  });
});

describe('phone state: sound, display and text size', () => {
  it('each tap on the volume buttons moves the volume, and the level line says so', () => {
    const screen = practice(lessonById('your-phone'), 'volume-up').screen;
    expect(el(drawScreen(screen, emptyPhoneState()), 'volume-level').label.en).toBe('Volume: half');
    const up = play(screen, [{ kind: 'tap', targetId: 'volume-up' }]);
    expect(up.levels.volume).toBe(3);
    expect(el(drawScreen(screen, up), 'volume-level').label.en).toBe('Volume: high');
    expect(el(drawScreen(screen, up), 'volume-level').label['zh-HK']).toBe('音量：高');
    const down = play(screen, [{ kind: 'tap', targetId: 'volume-down' }], up);
    expect(down.levels.volume).toBe(2);
    // Never past the top.
    const top = play(screen, Array(9).fill({ kind: 'tap', targetId: 'volume-up' }));
    expect(top.levels.volume).toBe(4);
    expect(el(drawScreen(screen, top), 'volume-level').label.en).toBe('Volume: highest');
  });

  it('brightness goes up from dim', () => {
    const screen = practice(lessonById('your-phone'), 'brightness-up').screen;
    const up = play(screen, [{ kind: 'tap', targetId: 'brightness-up' }]);
    expect(el(drawScreen(screen, up), 'brightness-level').label.en).toBe('Brightness: half');
  });

  it('bigger text makes the sample bigger, smaller text smaller', () => {
    const screen = practice(lessonById('your-phone'), 'text-bigger').screen;
    expect(el(drawScreen(screen, emptyPhoneState()), 'sample').scale ?? 1).toBe(1);
    const bigger = play(screen, [{ kind: 'tap', targetId: 'text-bigger' }]);
    expect(el(drawScreen(screen, bigger), 'sample').scale).toBeGreaterThan(1);
    const smaller = play(screen, [{ kind: 'tap', targetId: 'text-smaller' }]);
    expect(el(drawScreen(screen, smaller), 'sample').scale).toBeLessThan(1);
  });
});

describe('phone state: the camera, the gallery and sharing', () => {
  it('the shutter takes the photo in the viewfinder, and the thumbnail shows it', () => {
    const screen = practice(lessonById('photos'), 'take-photo').screen;
    expect(el(drawScreen(screen, emptyPhoneState()), 'last-photo')).toMatchObject({
      picture: 'family-dinner',
    });
    const taken = play(screen, [{ kind: 'tap', targetId: 'shutter' }]);
    expect(taken.photosTaken).toEqual(['flowers']);
    expect(el(drawScreen(screen, taken), 'last-photo')).toMatchObject({ picture: 'flowers' });
  });

  it('zoom in and out change the photo, and the zoom stays for the next step', () => {
    const lesson = lessonById('photos');
    const screen = practice(lesson, 'zoom-photo').screen;
    const zoomed = play(screen, [{ kind: 'tap', targetId: 'zoom-in' }]);
    expect(el(drawScreen(screen, zoomed), 'photo').zoom).toBeGreaterThan(1);
    expect(el(drawScreen(practice(lesson, 'tap-share').screen, zoomed), 'photo').zoom).toBeGreaterThan(1);
    const back = play(screen, [{ kind: 'tap', targetId: 'zoom-out' }], zoomed);
    expect(el(drawScreen(screen, back), 'photo').zoom).toBeUndefined();
  });

  it('a swipe left turns to the next photo and its number; right goes back', () => {
    const screen = practice(lessonById('touchscreen-basics'), 'swipe-photo').screen;
    const first = drawScreen(screen, emptyPhoneState());
    const turned = play(screen, [{ kind: 'swipe', direction: 'left' }]);
    const drawn = drawScreen(screen, turned);
    expect(el(drawn, 'counter').label.en).toBe('Photo 2 of 3');
    expect(el(drawn, 'photo')).not.toMatchObject({
      picture: (el(first, 'photo') as { picture: string }).picture,
    });
    const back = play(screen, [{ kind: 'swipe', direction: 'right' }], turned);
    expect(el(drawScreen(screen, back), 'counter').label.en).toBe('Photo 1 of 3');
  });

  it('send puts the photo in the chat as sent, once', () => {
    const screen = practice(lessonById('photos'), 'send-photo').screen;
    expect(words(drawScreen(screen, emptyPhoneState()))).not.toContain('Sent ✓✓');
    const sent = play(screen, [{ kind: 'tap', targetId: 'send' }]);
    expect(sent.sent).toEqual([{ chat: 'Family group', text: null, picture: 'flowers' }]);
    expect(words(drawScreen(screen, sent))).toContain('Sent ✓✓');
    expect(play(screen, [{ kind: 'tap', targetId: 'send' }], sent).sent).toHaveLength(1);
  });

  it('text typed in a chat and sent becomes the visitor’s own message', () => {
    const screen: Screen = {
      app: 'chat',
      title: { 'zh-HK': '阿美', en: 'Mei' },
      scroll: false,
      elements: [
        { id: 'field', kind: 'text-field', label: { 'zh-HK': '訊息', en: 'Message' } },
        { id: 'send', kind: 'button', icon: 'send', tone: 'primary', label: { 'zh-HK': '傳送', en: 'Send' } },
      ],
    };
    const sent = play(screen, [
      { kind: 'type', fieldId: 'field', text: 'ok' },
      { kind: 'tap', targetId: 'send' },
    ]);
    const drawn = drawScreen(screen, sent);
    expect(drawn.elements.at(-1)).toMatchObject({ kind: 'message', from: 'me', label: { en: 'ok' } });
  });
});

describe('phone state: contacts', () => {
  it('saving a contact is kept, and the button says it is saved', () => {
    const screen: Screen = {
      app: 'call',
      scroll: false,
      elements: [
        { id: 'number', kind: 'text', style: 'title', label: { 'zh-HK': '9123 4567', en: '9123 4567' } },
        {
          id: 'save',
          kind: 'button',
          tone: 'primary',
          effect: 'add-contact',
          label: { 'zh-HK': '加入聯絡人', en: 'Add to contacts' },
        },
      ],
    };
    expect(el(drawScreen(screen, emptyPhoneState()), 'save').label.en).toBe('Add to contacts');
    const saved = play(screen, [{ kind: 'tap', targetId: 'save' }]);
    expect(saved.contactsAdded).toEqual(['save']);
    expect(el(drawScreen(screen, saved), 'save')).toMatchObject({
      icon: 'tick',
      label: { en: 'Contact saved ✓' },
    });
    expect(play(screen, [{ kind: 'tap', targetId: 'save' }], saved).contactsAdded).toEqual(['save']);
  });
});

describe('phone state: connect, pay, sign in', () => {
  it('a button that connects or pays shows it is done once tapped, and only that one', () => {
    for (const [lessonId, stepId, id] of [
      ['free-wifi', 'press-connect', 'connect'],
      ['pay-safely', 'confirm-payment', 'confirm'],
      ['iam-smart', 'confirm-login', 'confirm'],
    ] as const) {
      const lesson = lessonById(lessonId);
      const screen = practice(lesson, stepId).screen;
      const label = el(drawScreen(screen, emptyPhoneState()), id).label.en;
      expect(label, stepId).not.toMatch(/✓/);
      const done = tryAt(lesson, stepId, emptyPhoneState(), { kind: 'tap', targetId: id });
      expect(done.result).toBe('success');
      expect(el(drawScreen(screen, done.phone), id), stepId).toMatchObject({
        icon: 'tick',
        label: { en: `${label} ✓` },
      });
    }
    // The confirm button of the wrong payee is another button: it is not marked by the first.
    const lesson = lessonById('pay-safely');
    const paid = tryAt(lesson, 'confirm-payment', emptyPhoneState(), {
      kind: 'tap',
      targetId: 'confirm',
    }).phone;
    const wrong = drawScreen(practice(lesson, 'cancel-wrong-payee').screen, paid);
    expect(el(wrong, 'confirm').label.en).not.toMatch(/✓/);
  });
});

describe('phone state: typing', () => {
  it('what was typed and confirmed stays in the field; a passcode as dots', () => {
    const amount = practice(lessonById('pay-safely'), 'type-amount').screen;
    const typed = play(amount, [{ kind: 'type', fieldId: 'amount', text: '100' }]);
    expect(el(drawScreen(amount, typed), 'amount')).toMatchObject({ entered: '100' });
    const lock = practice(lessonById('lock-and-passwords'), 'set-passcode').screen;
    const set = play(lock, [{ kind: 'type', fieldId: 'passcode', text: '583914' }]);
    expect(el(drawScreen(lock, set), 'passcode')).toMatchObject({ entered: '●●●●●●' });
    expect(el(drawScreen(lock, emptyPhoneState()), 'passcode').entered).toBeUndefined();
  });
});

describe('phone state: calls', () => {
  it('mute shows as muted and stays muted until the call ends; end says the call ended', () => {
    const lesson = lessonById('video-call');
    const muteScreen = practice(lesson, 'mute').screen;
    const muted = tryAt(lesson, 'mute', emptyPhoneState(), { kind: 'tap', targetId: 'mute' });
    expect(muted.result).toBe('success');
    expect(el(drawScreen(muteScreen, muted.phone), 'mute')).toMatchObject({
      pressed: true,
      label: { en: 'Muted' },
    });
    const endScreen = practice(lesson, 'end-call').screen;
    expect(el(drawScreen(endScreen, muted.phone), 'mute')).toMatchObject({ pressed: true });
    const ended = tryAt(lesson, 'end-call', muted.phone, { kind: 'tap', targetId: 'end' });
    expect(ended.result).toBe('success');
    expect(el(drawScreen(endScreen, ended.phone), 'status').label.en).toBe('Call ended');
  });

  it('mute pressed again unmutes, and the mute step reads that', () => {
    const lesson = lessonById('video-call');
    const twice = play(practice(lesson, 'mute').screen, [
      { kind: 'tap', targetId: 'mute' },
      { kind: 'tap', targetId: 'mute' },
    ]);
    expect(twice.call?.muted).toBe(false);
    // Carried unmuted-after-muted into the step: one more press mutes, and that succeeds.
    expect(tryAt(lesson, 'mute', twice, { kind: 'tap', targetId: 'mute' }).result).toBe('success');
  });

  it('answering an incoming call connects it: the ringing buttons give way to the call’s own', () => {
    const lesson = lessonById('video-call');
    const screen = practice(lesson, 'answer-call').screen;
    const ended = play(practice(lesson, 'end-call').screen, [{ kind: 'tap', targetId: 'end' }]);
    // The call that ended before is not this one: it rings.
    expect(el(drawScreen(screen, ended), 'status').label.en).toBe(
      practice(lesson, 'answer-call').screen.elements.find((e) => e.id === 'status')!.label.en,
    );
    const answered = tryAt(lesson, 'answer-call', ended, { kind: 'tap', targetId: 'answer' });
    expect(answered.result).toBe('success');
    const drawn = drawScreen(screen, answered.phone);
    expect(el(drawn, 'status').label.en).toBe('On a call');
    const controls = drawn.elements.flatMap((e) => (e.kind === 'call-button' ? [e.control] : []));
    expect(controls).toEqual(['mute', 'speaker', 'end']);
  });

  it('declining says so', () => {
    const screen = practice(lessonById('video-call'), 'answer-call').screen;
    const declined = play(screen, [{ kind: 'tap', targetId: 'decline' }]);
    expect(el(drawScreen(screen, declined), 'status').label.en).toBe('Call declined');
  });
});

describe('phone state: opening an app from the home screen', () => {
  it('a tap on an app icon opens that app: its splash fills the screen, the home screen goes', () => {
    const lesson = lessonById('ha-go');
    const screen = practice(lesson, 'open-ha-go').screen;
    expect(drawScreen(screen, emptyPhoneState()).opening).toBeUndefined();
    const outcome = tryAt(lesson, 'open-ha-go', emptyPhoneState(), { kind: 'tap', targetId: 'ha-go' });
    expect(outcome.result).toBe('success');
    expect(outcome.phone.opened).toBe('ha-go');
    const drawn = drawScreen(screen, outcome.phone);
    expect(drawn.opening).toMatchObject({ id: 'ha-go', icon: 'ha-go' });
    expect(drawn.opening?.label.en).toBe('HA Go');
    expect(drawn.elements).toEqual([]);
  });

  it('a wrong app tapped leaves the home screen in view, so the hint about it can be followed', () => {
    const lesson = lessonById('ha-go');
    const screen = practice(lesson, 'open-ha-go').screen;
    const other = screen.elements.find((e) => e.kind === 'app-icon' && e.id !== 'ha-go')!;
    const outcome = tryAt(lesson, 'open-ha-go', emptyPhoneState(), { kind: 'tap', targetId: other.id });
    expect(outcome.result).not.toBe('success');
    expect(outcome.phone.opened).toBeNull();
    expect(drawScreen(screen, outcome.phone).opening).toBeUndefined();
  });

  it('press-and-hold does not open the app, and the next step starts from its own screen', () => {
    const lesson = lessonById('touchscreen-basics');
    const screen = practice(lesson, 'hold-camera').screen;
    const held = play(screen, [{ kind: 'press', targetId: 'camera', ms: 1200 }]);
    expect(held.opened).toBeNull();
    const tapped = play(practice(lesson, 'tap-clock').screen, [{ kind: 'tap', targetId: 'clock' }]);
    expect(drawScreen(practice(lesson, 'tap-clock').screen, tapped).opening?.id).toBe('clock');
    const moved = closeApp(tapped);
    expect(moved.opened).toBeNull();
    expect(drawScreen(screen, moved).elements.map((e) => e.id)).toContain('camera');
  });
});

describe('phone state: every lesson played through', () => {
  it('after each practice step succeeds, the screen shows what the step did', () => {
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) {
      let state: PlayerState = startLesson(lesson).state;
      let phone = emptyPhoneState();
      while (!state.finished) {
        const step = lesson.steps[state.stepIndex]!;
        if (step.kind === 'practice') {
          const phoneBefore = phone;
          const before = drawScreen(step.screen, phone);
          const action = demonstration(step);
          const outcome = tryOnPhone(lesson, state, phone, before, action);
          const where = `${lesson.id}/${step.id}`;
          // Each step starts on its own screen, never on an app opened in the step before.
          expect(before.opening, where).toBeUndefined();
          expect(outcome.result, where).toBe('success');
          phone = outcome.phone;
          state = outcome.state;
          const after = drawScreen(step.screen, phone);
          const success = step.success;
          // An app icon tapped opens the app, as the step's words then say.
          const target =
            success.kind === 'tap-target'
              ? step.screen.elements.find((e) => e.id === success.targetId)
              : null;
          if (target?.kind === 'app-icon') expect(after.opening?.id, where).toBe(target.id);
          else expect(after.opening, where).toBeUndefined();
          if (success.kind === 'toggle')
            expect(el(after, success.targetId), where).toMatchObject({ on: success.to });
          if (success.kind === 'call-control') {
            const status = after.elements.find((e) => e.kind === 'text' && e.style === 'note');
            if (success.action === 'mute')
              expect(
                after.elements.find((e) => e.kind === 'call-button' && e.control === 'mute'),
                where,
              ).toMatchObject({
                pressed: true,
              });
            else if (status)
              expect(status.label.en, where).toMatch(success.action === 'end' ? /ended/ : /On a call/);
          }
          // A gesture that changed the phone (other than typing, which the field shows as it goes)
          // changed what the phone shows.
          if (action.kind !== 'type' && JSON.stringify(phone) !== JSON.stringify(phoneBefore))
            expect(JSON.stringify(after), where).not.toBe(JSON.stringify(before));
          // Every switch the phone keeps is drawn as kept.
          for (const e of after.elements)
            if (e.kind === 'toggle' && e.id in phone.switches)
              expect(e.on, `${where} ${e.id}`).toBe(phone.switches[e.id]);
        }
        if (step.kind === 'quiz') state = answerQuiz(lesson, state, correctAnswer(step)).state;
        state = next(lesson, state).state;
        // As the lesson session does on every move.
        phone = closeApp(phone);
      }
    }
  });
});
