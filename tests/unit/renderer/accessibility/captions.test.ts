import { describe, expect, it } from 'vitest';
import {
  buildCues,
  cueAtChar,
  cueAtTime,
  cueDurations,
  spokenText,
} from '../../../../renderer/src/accessibility/captions';

describe('caption track', () => {
  const cues = buildCues(['Good morning.', 'The lift is closed.', 'Thank you.']);

  it('joins cues into one spoken text with matching offsets', () => {
    const text = spokenText(cues);
    expect(text).toBe('Good morning. The lift is closed. Thank you.');
    for (const cue of cues) expect(text.slice(cue.start, cue.end)).toBe(cue.text);
  });

  it('finds the cue a boundary event points into', () => {
    expect(cueAtChar(cues, 0)).toBe(0);
    expect(cueAtChar(cues, 5)).toBe(0);
    expect(cueAtChar(cues, cues[1]!.start)).toBe(1);
    expect(cueAtChar(cues, cues[2]!.start + 3)).toBe(2);
    expect(cueAtChar(cues, 999)).toBe(2);
  });

  it('times cues by words in English and by characters in Chinese', () => {
    const english = cueDurations(cues, 'en');
    expect(english).toHaveLength(3);
    expect(english[1]).toBeGreaterThan(english[2]!);
    const chinese = cueDurations(buildCues(['各位早晨。', '請使用右邊的升降機。']), 'zh-HK');
    expect(chinese[1]).toBeGreaterThan(chinese[0]!);
    for (const duration of [...english, ...chinese]) expect(duration).toBeGreaterThanOrEqual(1200);
  });

  it('walks a timed track and ends it', () => {
    const durations = [1000, 2000, 1500];
    expect(cueAtTime(durations, 0)).toBe(0);
    expect(cueAtTime(durations, 999)).toBe(0);
    expect(cueAtTime(durations, 1000)).toBe(1);
    expect(cueAtTime(durations, 3200)).toBe(2);
    expect(cueAtTime(durations, 4500)).toBe(-1);
  });
});
