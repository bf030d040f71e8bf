import { describe, expect, it } from 'vitest';
import { hongKongDateKey, moveEnd, presetPeriod } from '../../../../electron/shared/period';

/**
 * The days a month-to-date period and a Hong Kong calendar break most easily on: the 1st (a one-day
 * month so far), the last day, 29 February, 31 December, and the hours after midnight in Hong Kong
 * while UTC is still on the day before.
 */
describe('Hong Kong days at the edges', () => {
  it.each([
    ['2026-11-30T16:00:00Z', '2026-12-01'], // 00:00 in Hong Kong on the 1st, UTC still 30 November
    ['2026-11-30T15:59:59Z', '2026-11-30'], // one second before midnight in Hong Kong
    ['2026-12-31T16:30:00Z', '2027-01-01'], // New Year's Day in Hong Kong, New Year's Eve in UTC
    ['2028-02-28T17:00:00Z', '2028-02-29'], // a leap day that starts while UTC is on the 28th
    ['2027-02-28T16:00:00Z', '2027-03-01'], // no 29th in 2027
  ])('%s is %s in Hong Kong', (instant, day) => {
    expect(hongKongDateKey(new Date(instant))).toBe(day);
  });
});

describe('presets on the edge days', () => {
  it('on the 1st, this month is that one day and last month is the whole month before', () => {
    expect(presetPeriod('this-month', '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(presetPeriod('last-month', '2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('last-12-months', '2026-12-01')).toEqual({ from: '2026-01-01', to: '2026-12-01' });
  });

  it('on the last day of a month, on 29 February and on 31 December', () => {
    expect(presetPeriod('this-month', '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('last-month', '2028-02-29')).toEqual({ from: '2028-01-01', to: '2028-01-31' });
    expect(presetPeriod('last-month', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('last-12-months', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('last-month', '2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('moving one end of a period', () => {
  const today = '2026-12-01';

  it('stepping To before From on the 1st makes the period the day before, and says From moved', () => {
    const thisMonth = presetPeriod('this-month', today);
    expect(moveEnd(thisMonth, 'to', '2026-11-30', today)).toEqual({
      period: { from: '2026-11-30', to: '2026-11-30' },
      pushed: 'from',
    });
  });

  it('stepping From after To moves To with it', () => {
    expect(moveEnd({ from: '2026-11-01', to: '2026-11-10' }, 'from', '2026-11-20', today)).toEqual({
      period: { from: '2026-11-20', to: '2026-11-20' },
      pushed: 'to',
    });
  });

  it('moves one end alone while the other is not passed', () => {
    expect(moveEnd({ from: '2026-11-01', to: '2026-11-30' }, 'to', '2026-11-15', today)).toEqual({
      period: { from: '2026-11-01', to: '2026-11-15' },
      pushed: null,
    });
    expect(moveEnd({ from: '2026-11-01', to: '2026-11-30' }, 'from', '2026-10-01', today)).toEqual({
      period: { from: '2026-10-01', to: '2026-11-30' },
      pushed: null,
    });
  });

  it('never goes past today, on either end', () => {
    expect(moveEnd({ from: '2026-11-01', to: '2026-11-30' }, 'to', '2026-12-31', today).period).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(moveEnd({ from: '2026-11-01', to: '2026-12-01' }, 'from', '2027-01-01', today)).toEqual({
      period: { from: '2026-12-01', to: '2026-12-01' },
      pushed: null,
    });
  });
});
