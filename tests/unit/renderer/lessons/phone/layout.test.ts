import { describe, expect, it } from 'vitest';
import type { ScreenElement } from '../../../../../electron/core/lessons/schema';
import { groupElements, swipeDirection } from '../../../../../renderer/src/lessons/phone/layout';

const label = { 'zh-HK': '標籤', en: 'Label' };
const icon = (id: string): ScreenElement => ({ id, kind: 'app-icon', label, icon: 'clock' });
const button = (id: string): ScreenElement => ({ id, kind: 'button', label, tone: 'plain' });
const photo = (id: string): ScreenElement => ({ id, kind: 'photo', label, picture: 'flowers' });
const text = (id: string): ScreenElement => ({ id, kind: 'text', label, style: 'body' });

describe('groupElements', () => {
  it('puts runs of app icons in one grid and runs of buttons in one row', () => {
    const groups = groupElements('home', [icon('a'), icon('b'), text('t'), button('x'), button('y')]);
    expect(groups.map((g) => [g.layout, g.elements.map((e) => e.id)])).toEqual([
      ['grid', ['a', 'b']],
      ['single', ['t']],
      ['row', ['x', 'y']],
    ]);
  });

  it('keeps the first camera photo as the viewfinder and puts later photos with the buttons', () => {
    const groups = groupElements('camera', [photo('preview'), photo('last'), button('shutter')]);
    expect(groups.map((g) => [g.layout, g.elements.map((e) => e.id)])).toEqual([
      ['single', ['preview']],
      ['controls', ['last', 'shutter']],
    ]);
  });

  it('never merges single elements', () => {
    expect(groupElements('sms', [text('a'), text('b')])).toHaveLength(2);
  });
});

describe('swipeDirection', () => {
  it('is null for a finger that barely moved (a tap or a press)', () => {
    expect(swipeDirection(10, -12, 40)).toBeNull();
  });
  it('follows the larger movement', () => {
    expect(swipeDirection(-120, 30, 40)).toBe('left');
    expect(swipeDirection(90, -20, 40)).toBe('right');
    expect(swipeDirection(15, -100, 40)).toBe('up');
    expect(swipeDirection(-5, 70, 40)).toBe('down');
  });
});
