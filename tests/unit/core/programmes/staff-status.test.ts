import { describe, expect, it } from 'vitest';
import type { Tally } from '../../../../electron/core/activity/schema';
import { addMonths, isStale, programmesStatus } from '../../../../electron/core/programmes/staff-status';
import { programme } from './synthetic';

describe('staleness', () => {
  it('adds calendar months, clamping to the end of a short month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-27', 12)).toBe('2026-11-27');
  });

  it('is stale only after more than 12 months', () => {
    expect(isStale('2025-11-27', '2026-11-27')).toBe(false);
    expect(isStale('2025-11-27', '2026-11-28')).toBe(true);
  });
});

describe('programmesStatus', () => {
  const tally = (
    date: string,
    subject: string,
    detail: string,
    count: number,
    event = 'eligibility.result',
  ): Tally => ({
    date,
    event,
    subject,
    detail,
    language: 'en',
    count,
  });

  it('sums days and languages into months, ignores other events, newest month first', () => {
    const tallies: Tally[] = [
      tally('2026-10-03', 'a', 'eligible', 2),
      { ...tally('2026-10-20', 'a', 'eligible', 1), language: 'zh-HK' },
      tally('2026-11-01', 'b', 'not-eligible', 4),
      tally('2026-11-01', 'a', 'eligible', 1, 'lesson.completed'),
    ];
    const status = programmesStatus(
      [programme('a', []), programme('b', [])],
      tallies,
      '2026-11-27',
      'rules-2026.11',
    );
    expect(status.rulesVersion).toBe('rules-2026.11');
    expect(status.tallies).toEqual([
      { programmeId: 'b', outcome: 'not-eligible', month: '2026-11', count: 4 },
      { programmeId: 'a', outcome: 'eligible', month: '2026-10', count: 3 },
    ]);
    expect(status.programmes.map((entry) => [entry.id, entry.rulesAsOf, entry.stale])).toEqual([
      ['a', '2026-01-01', false],
      ['b', '2026-01-01', false],
    ]);
    expect(
      programmesStatus([programme('a', [])], [], '2027-01-02', 'rules-2026.11').programmes[0]?.stale,
    ).toBe(true);
  });
});
