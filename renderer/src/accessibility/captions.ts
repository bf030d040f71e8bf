/**
 * The captions demo speaks its clip as ONE utterance (cues joined with spaces) and shows the cue
 * being spoken. Where the voice reports word `boundary` events, their `charIndex` picks the cue;
 * where it does not (or there is no voice), a timed caption track estimated from the text stands in.
 */

export interface CaptionCue {
  text: string;
  /** Offset of the cue in the spoken text. */
  start: number;
  end: number;
}

/** Cues from the clip's lines, with their offsets in `spokenText(cues)`. */
export function buildCues(lines: readonly string[]): CaptionCue[] {
  const cues: CaptionCue[] = [];
  let offset = 0;
  for (const line of lines) {
    cues.push({ text: line, start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  return cues;
}

export function spokenText(cues: readonly CaptionCue[]): string {
  return cues.map((cue) => cue.text).join(' ');
}

/** The cue that holds character `charIndex` of the spoken text (the gap belongs to the next cue). */
export function cueAtChar(cues: readonly CaptionCue[], charIndex: number): number {
  for (let i = 0; i < cues.length; i += 1) {
    if (charIndex < (cues[i]?.end ?? 0) + 1) return i;
  }
  return cues.length - 1;
}

/**
 * Milliseconds each cue is expected to last when read at the kiosk's speaking rate: Chinese by
 * characters, English by words. Only used when the voice gives no boundary events.
 */
export function cueDurations(cues: readonly CaptionCue[], language: 'zh-HK' | 'en' | 'zh-CN'): number[] {
  return cues.map((cue) => {
    const units =
      language === 'en'
        ? cue.text.split(/\s+/).filter(Boolean).length
        : [...cue.text.replace(/[\p{P}\s]/gu, '')].length;
    const perUnit = language === 'en' ? 420 : 300;
    return Math.max(1200, units * perUnit + 400);
  });
}

/** The cue showing `elapsed` ms into a timed track, or -1 when the track has finished. */
export function cueAtTime(durations: readonly number[], elapsed: number): number {
  let end = 0;
  for (let i = 0; i < durations.length; i += 1) {
    end += durations[i] ?? 0;
    if (elapsed < end) return i;
  }
  return -1;
}
