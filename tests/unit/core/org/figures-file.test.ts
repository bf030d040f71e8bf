import { describe, expect, it } from 'vitest';
import {
  FIGURES_EVENTS,
  FiguresDaySchema,
  figuresFileDate,
  figuresFileName,
} from '../../../../electron/core/org/figures-file';

const day = {
  kind: 'kiosk-figures-day',
  format: 1,
  kioskId: 'ssw-kt-01',
  date: '2026-12-01',
  written: '2026-12-02T03:00:00.000Z',
  tallies: [
    { event: 'visit', subject: '', detail: '', language: 'zh-HK', count: 12 },
    { event: 'lesson.completed', subject: 'free-wifi', detail: '', language: 'en', count: 1 },
    {
      event: 'eligibility.result',
      subject: 'wifi-hk',
      detail: 'need-more-info',
      language: 'zh-CN',
      count: 2,
    },
    { event: 'hotspot.lookup', subject: 'F', detail: '', language: 'zh-HK', count: 3 },
  ],
  groups: { sessions: 2, attendance: 14, learningMinutes: 1260 },
};

describe('FiguresDaySchema', () => {
  it('accepts the anonymous day file', () => {
    expect(FiguresDaySchema.parse(day)).toEqual(day);
    expect(FIGURES_EVENTS).toEqual([
      'visit',
      'lesson.started',
      'lesson.completed',
      'eligibility.result',
      'hotspot.lookup',
    ]);
  });

  it.each([
    ['a field it does not list', { ...day, centreNotes: 'x' }],
    ['a field inside groups', { ...day, groups: { ...day.groups, titles: ['Tablet club'] } }],
    ['a field on a tally', { ...day, tallies: [{ ...day.tallies[0], nickname: 'Ah Fong' }] }],
    ['an event nobody counts', { ...day, tallies: [{ ...day.tallies[0], event: 'note' }] }],
    ['lesson steps', { ...day, tallies: [{ ...day.tallies[1], event: 'lesson.step' }] }],
    ['free text where a lesson id goes', { ...day, tallies: [{ ...day.tallies[1], subject: 'Ah Fong' }] }],
    ['text on a visit', { ...day, tallies: [{ ...day.tallies[0], subject: 'Ah Fong' }] }],
    ['a made-up outcome', { ...day, tallies: [{ ...day.tallies[2], detail: 'K7P2QX' }] }],
    ['a district that is not one', { ...day, tallies: [{ ...day.tallies[3], subject: 'Mr Lee' }] }],
    ['a count of nothing', { ...day, tallies: [{ ...day.tallies[0], count: 0 }] }],
    ['a day that does not exist', { ...day, date: '2026-02-30' }],
    ['a kiosk id with a space', { ...day, kioskId: 'ssw kt 01' }],
  ])('refuses %s', (_, file) => {
    expect(FiguresDaySchema.safeParse(file).success).toBe(false);
  });
});

describe('figures file names', () => {
  it('names a day file by its date and reads the date back', () => {
    expect(figuresFileName('2026-12-01')).toBe('2026-12-01.json');
    expect(figuresFileDate('2026-12-01.json')).toBe('2026-12-01');
    expect(() => figuresFileName('../x')).toThrow();
    for (const other of [
      '.stfolder',
      '2026-12-01.json.tmp',
      '~syncthing~2026-12-01.json.tmp',
      '2026-13-01.json',
    ])
      expect(figuresFileDate(other)).toBeNull();
  });
});
