import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../electron/shared/languages';
import { formatDay, formatMonth } from '../../../../renderer/src/lib/dates';
import { formatContentDate } from '../../../../renderer/src/programmes/format';

describe('staff dates', () => {
  it.each(LANGUAGES)('writes a month out in %s, as the programme content does', (language) => {
    for (const month of ['2026-01', '2026-11', '2024-02'])
      expect(formatMonth(month, language)).toBe(formatContentDate(month, language));
  });

  it('names a report month the same in every staff table', () => {
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(formatMonth('2026-11', 'zh-HK')).toBe('2026年11月');
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月');
  });

  it('keeps a Hong Kong day key on its day, with the weekday', () => {
    expect(formatDay('2026-12-01', 'en')).toBe('Tue, Dec 1, 2026');
    expect(formatDay('2024-02-29', 'en')).toBe('Thu, Feb 29, 2024');
  });
});
