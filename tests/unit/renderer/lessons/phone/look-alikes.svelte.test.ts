/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Screen, ScreenElement } from '../../../../../electron/core/lessons/schema';
import { PHONE_STYLES, type PhoneStyle } from '../../../../../electron/shared/phone-style';
import { locale } from '../../../../../renderer/src/i18n/i18n.svelte';
import PhoneFrame from '../../../../../renderer/src/lessons/phone/PhoneFrame.svelte';
import type { PracticeAction } from '../../../../../renderer/src/lessons/player-logic';

/**
 * Each look-alike screen drawn in both phone styles: what an elder must find on their own phone
 * (the call buttons at the top right of the chat, the microphone by the type box, the switch, the
 * address bar, the result of a scam check) is there, where the real phone has it.
 */
const text = (en: string) => ({ 'zh-HK': en, en });
const el = <K extends ScreenElement['kind']>(kind: K, id: string, rest: object = {}): ScreenElement =>
  ({ id, kind, label: text(id), ...rest }) as ScreenElement;

function draw(screen: Screen, phoneStyle: PhoneStyle) {
  const onAction = vi.fn<(action: PracticeAction) => void>();
  const view = render(PhoneFrame, { props: { screen, phoneStyle, onAction } });
  const phone = view.getByTestId('phone');
  return { view, phone, onAction };
}

/** A keyboard or switch-device press (a click with no pointer before it): the frame treats it as a tap. */
const press = (node: Element) => fireEvent.click(node, { detail: 0 });

beforeEach(() => locale.set('en'));
afterEach(() => cleanup());

const conversation: Screen = {
  app: 'chat',
  title: text('Mei'),
  scroll: false,
  elements: [
    el('header-button', 'video-call', { icon: 'video' }),
    el('header-button', 'voice-call', { icon: 'phone' }),
    el('message', 'hello', { from: 'them', time: '18:30' }),
    el('message', 'reply', { from: 'me', time: '18:32' }),
    el('compose-bar', 'type', { button: 'voice' }),
  ],
};

describe.each(PHONE_STYLES)('the look-alikes drawn as %s', (style) => {
  it('marks the phone with its style', () => {
    const { phone } = draw(conversation, style);
    expect(phone.dataset.phoneStyle).toBe(style);
    expect(phone.classList.contains(`look-${style}`)).toBe(true);
    expect(phone.querySelector(`.status-bar.look-${style}`)).not.toBeNull();
    expect(phone.querySelector(`.home-bar.look-${style}`)).not.toBeNull();
  });

  it('chat: the video and voice call buttons are at the right of the title bar, and a touch on them is a try', async () => {
    const { phone, onAction } = draw(conversation, style);
    const actions = phone.querySelector('.title-bar .actions')!;
    expect(
      [...actions.querySelectorAll('[data-element-id]')].map((b) => b.getAttribute('data-element-id')),
    ).toEqual(['video-call', 'voice-call']);
    // Only the icon is drawn; its name is for the ear.
    const video = actions.querySelector('[data-element-id="video-call"]')!;
    expect(video.getAttribute('aria-label')).toBe('video-call');
    expect(video.querySelector('.icon-video')).not.toBeNull();
    await press(video);
    expect(onAction).toHaveBeenCalledWith({ kind: 'tap', targetId: 'video-call' });
  });

  it('chat: the own message has two ticks, the other none, and the typing bar has the microphone under the messages', async () => {
    const { phone, onAction } = draw(conversation, style);
    expect(phone.querySelector('[data-element-id="reply"] .ticks')).not.toBeNull();
    expect(phone.querySelector('[data-element-id="hello"] .ticks')).toBeNull();
    const footer = phone.querySelector('.screen-footer')!;
    const mic = footer.querySelector('[data-element-id="type"]')!;
    expect(mic.getAttribute('aria-label')).toBe('Record a voice message');
    expect(mic.querySelector('.icon-mic')).not.toBeNull();
    expect(phone.querySelector('[data-testid="phone-screen"] [data-element-id="type"]')).toBeNull();
    await press(mic);
    expect(onAction).toHaveBeenCalledWith({ kind: 'tap', targetId: 'type' });
  });

  it('back: an arrow on Android, "‹ Back" on an iPhone', () => {
    const { phone } = draw(
      { app: 'ha-go', title: text('Appointments'), scroll: false, elements: [el('list-item', 'next')] },
      style,
    );
    const back = phone.querySelector('.title-bar .back')!;
    if (style === 'android') {
      expect(back.querySelector('.icon-back')).not.toBeNull();
      expect(back.textContent).not.toContain('Back');
    } else {
      expect(back.textContent?.replace(/\s/g, '')).toBe('‹Back');
    }
  });

  it('switches: drawn in the style, with the word beside them, and a touch flips them', async () => {
    const { phone, onAction } = draw(
      {
        app: 'settings-wifi',
        title: text('Wi-Fi'),
        scroll: false,
        elements: [el('toggle', 'wifi', { on: false }), el('toggle', 'bluetooth', { on: true })],
      },
      style,
    );
    const off = phone.querySelector('[data-element-id="wifi"]')!;
    const on = phone.querySelector('[data-element-id="bluetooth"]')!;
    expect(off.classList.contains(`look-${style}`)).toBe(true);
    expect(off.textContent).toContain('Off');
    expect(on.textContent).toContain('On');
    // Material's switch shows a tick in its knob when on; the iPhone's is a plain white knob.
    expect(off.querySelector('.knob svg')).toBeNull();
    expect(on.querySelector('.knob svg') !== null).toBe(style === 'android');
    await press(off);
    expect(onAction).toHaveBeenCalledWith({ kind: 'toggle', targetId: 'wifi', to: true });
  });

  it('settings: a list is one group; an iPhone menu has a large title under its bar', () => {
    const { phone } = draw(
      {
        app: 'settings',
        title: text('Settings'),
        scroll: false,
        elements: [el('list-item', 'wifi', { icon: 'wifi' }), el('list-item', 'sounds')],
      },
      style,
    );
    expect(phone.querySelectorAll('.group.list')).toHaveLength(1);
    expect(phone.querySelectorAll('.group.list [data-element-id]')).toHaveLength(2);
    expect(phone.querySelector('.large-title')?.textContent ?? null).toBe(
      style === 'iphone' ? 'Settings' : null,
    );
  });

  it('browser: the address bar at the top on Android, at the bottom on an iPhone', () => {
    const { phone } = draw(
      {
        app: 'browser',
        title: text('Wi-Fi.HK'),
        address: 'portal.example',
        scroll: false,
        elements: [el('button', 'connect', { tone: 'primary' })],
      },
      style,
    );
    const bars = [...phone.querySelectorAll('.address-bar, [data-testid="phone-screen"]')];
    const address = bars.findIndex((node) => node.classList.contains('address-bar'));
    expect(bars[address]?.textContent).toContain('portal.example');
    expect(address).toBe(style === 'android' ? 0 : 1);
  });

  it('home: each app has its own tile colour, WhatsApp a chat bubble', () => {
    const { phone } = draw(
      {
        app: 'home',
        scroll: false,
        elements: [
          el('app-icon', 'whatsapp', { icon: 'chat', label: text('WhatsApp') }),
          el('app-icon', 'weather', { icon: 'observatory' }),
          el('app-icon', 'scam', { icon: 'scameter' }),
        ],
      },
      style,
    );
    const tiles = [...phone.querySelectorAll('.icon-tile')].map((tile) =>
      [...tile.classList].find((c) => c.startsWith('tile-')),
    );
    expect(tiles).toEqual(['tile-chat', 'tile-observatory', 'tile-scameter']);
    expect(phone.querySelector('[data-element-id="whatsapp"]')?.textContent).toContain('WhatsApp');
  });

  it('weather: warning signals drawn by their own icons', () => {
    const { phone } = draw(
      {
        app: 'observatory',
        title: text('Warnings'),
        scroll: false,
        elements: [
          el('list-item', 't8', { icon: 'typhoon-8' }),
          el('list-item', 'rain', { icon: 'rainstorm-red' }),
        ],
      },
      style,
    );
    expect(phone.querySelector('[data-element-id="t8"] .icon-typhoon-8')).not.toBeNull();
    expect(phone.querySelector('[data-element-id="rain"] .icon-rainstorm-red')).not.toBeNull();
  });

  it('FPS and Scameter: details to read and a result card that says the risk', () => {
    const { phone } = draw(
      {
        app: 'scameter',
        title: text('Scameter'),
        scroll: false,
        elements: [
          el('info-row', 'number', { label: text('Number'), value: text('6123 4567') }),
          el('result-card', 'result', {
            level: 'high-risk',
            label: text('High risk'),
            detail: text('Do not reply'),
          }),
        ],
      },
      style,
    );
    expect(phone.querySelector('[data-testid="phone-el-number"]')?.textContent).toContain('6123 4567');
    const card = phone.querySelector('[data-testid="phone-el-result"]')!;
    expect(card.getAttribute('role')).toBe('status');
    expect(card.classList.contains('level-high-risk')).toBe(true);
    expect(card.querySelector('.icon-warning')).not.toBeNull();
    expect(card.textContent).toContain('Do not reply');
  });
});
