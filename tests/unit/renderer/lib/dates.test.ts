import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  formatTime,
} from '../../../../renderer/src/lib/dates';

const RENDERER = fileURLToPath(new URL('../../../../renderer/src', import.meta.url));
const DATES_MODULE = path.join(RENDERER, 'lib', 'dates.ts');

describe('dates in English', () => {
  it('writes the day before the month, the month in full', () => {
    expect(formatDate('2018-08-31', 'en')).toBe('31 August 2018');
    expect(formatDate('2014-03', 'en')).toBe('March 2014');
    expect(formatDate('2010', 'en')).toBe('2010');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(formatDay('2026-12-01', 'en')).toBe('Tue 1 December 2026');
    expect(formatDay('2024-02-29', 'en')).toBe('Thu 29 February 2024');
  });

  it('writes a moment as its Hong Kong day and time', () => {
    // 16:30 UTC on 30 November is already 1 December in Hong Kong.
    expect(formatDate('2026-11-30T16:30:00Z', 'en')).toBe('1 December 2026');
    expect(formatDate(new Date('2026-11-30T16:30:00Z'), 'en')).toBe('1 December 2026');
    expect(formatDateTime('2026-11-30T16:30:00Z', 'en')).toBe('1 December 2026 00:30');
    expect(formatTime('2026-12-01T06:05:00Z')).toBe('14:05');
  });
});

describe('dates in Traditional Chinese (zh-HK)', () => {
  it('writes year, month and day with their characters', () => {
    expect(formatDate('2018-08-31', 'zh-HK')).toBe('2018年8月31日');
    expect(formatDate('2014-03', 'zh-HK')).toBe('2014年3月');
    expect(formatDate('2010', 'zh-HK')).toBe('2010年');
    expect(formatMonth('2026-11', 'zh-HK')).toBe('2026年11月');
    expect(formatDay('2026-12-01', 'zh-HK')).toBe('2026年12月1日 星期二');
    expect(formatDateTime('2026-11-30T16:30:00Z', 'zh-HK')).toBe('2026年12月1日 00:30');
  });
});

describe('dates in Simplified Chinese (zh-CN)', () => {
  it('writes them as zh-HK does', () => {
    expect(formatDate('2018-08-31', 'zh-CN')).toBe('2018年8月31日');
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(formatDay('2024-02-29', 'zh-CN')).toBe('2024年2月29日 星期四');
    expect(formatDateTime('2026-12-01T06:05:00Z', 'zh-CN')).toBe('2026年12月1日 14:05');
  });
});

describe('one way to write a date', () => {
  it('shows what it cannot read as given, and nothing for no moment', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatDateTime(null, 'en')).toBe('');
    expect(formatTime(undefined)).toBe('');
  });

  it('a report month reads the same as the same month in a content date', () => {
    for (const language of ['en', 'zh-HK', 'zh-CN'] as const)
      expect(formatMonth('2026-11', language)).toBe(formatDate('2026-11', language));
  });

  it('no screen formats a date or time itself: every one goes through lib/dates.ts', async () => {
    const files = (await fs.readdir(RENDERER, { recursive: true }))
      .map((file) => path.join(RENDERER, file))
      .filter((file) => /\.(ts|svelte)$/.test(file) && file !== DATES_MODULE);
    expect(files.length).toBeGreaterThan(50);
    const formatting =
      /Intl\.DateTimeFormat|toLocaleDateString|toLocaleTimeString|get(?:UTC)?(?:FullYear|Month|Date|Day|Hours|Minutes)\s*\(|\d\s*\}?年|\$\{[^}]*\}年/;
    const offenders: string[] = [];
    for (const file of files) {
      const text = await fs.readFile(file, 'utf8');
      text.split('\n').forEach((line, index) => {
        if (formatting.test(line))
          offenders.push(`${path.relative(RENDERER, file)}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
