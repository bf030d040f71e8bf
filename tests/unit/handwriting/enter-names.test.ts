import { afterAll, describe, expect, it } from 'vitest';
import { createRecogniser } from '../../../electron/core/handwriting/recognise';
import { Suggester } from '../../../electron/core/handwriting/suggest';
import { CATEGORY_LABELS } from '../../../electron/core/hotspots/categories';
import { seededRandom } from '../../../renderer/src/lib/seeded-random';
import type { Medians, Point } from '../../helpers/handwriting-distort';
import { medians, templateBytes } from '../../helpers/handwriting-sets';
import { contentDir, makeCoreContext } from '../../helpers/hotspots-context';
import { tempDirs } from '../../helpers/temp-dir';

/**
 * Every district name and venue-type label can be entered on the kiosk's pad: the first
 * character written, each next one either offered by the suggestions (聯想字) after the text so
 * far or written and found among the first 8 candidates (what the candidate bar shows). Written
 * lightly distorted from the character's own medians (the accuracy test covers hard writing);
 * punctuation (、) comes from a key, not the pad.
 */
const SHOWN = 8;
const SEED = 20261201;
const HAN = /\p{Script=Han}/u;

/** A careful writer on a 360 px pad: small affine and jitter, touch-like point spacing, y down. */
function writeLightly(strokes: Medians, seed: number): Point[][] {
  const random = seededRandom(seed);
  const size = 260 + 60 * random();
  const sx = 0.95 + 0.1 * random();
  const sy = 0.95 + 0.1 * random();
  const skew = 0.06 * (random() - 0.5);
  const place = ([x, y]: [number, number]): Point => {
    const u = ((x - 512) * sx * size) / 1024;
    const v = ((388 - y) * sy * size) / 1024;
    return [180 + u + skew * v, 180 + v];
  };
  return strokes.map((median) => {
    const points: Point[] = [];
    for (let i = 1; i < median.length; i++) {
      const from = place(median[i - 1]!);
      const to = place(median[i]!);
      const steps = Math.max(1, Math.round(Math.hypot(to[0] - from[0], to[1] - from[1]) / 8));
      for (let s = i === 1 ? 0 : 1; s <= steps; s++) {
        const t = s / steps;
        points.push([
          from[0] + (to[0] - from[0]) * t + (random() - 0.5) * 2,
          from[1] + (to[1] - from[1]) * t + (random() - 0.5) * 2,
        ]);
      }
    }
    return points.length > 0 ? points : [place(median[0]!)];
  });
}

type Prefer = 'traditional' | 'simplified';

describe('every district and venue-type name can be entered by handwriting and suggestions', async () => {
  const recogniser = createRecogniser(templateBytes());
  const temp = tempDirs('kiosk-enter-names-');
  afterAll(temp.cleanup);
  const ctx = await makeCoreContext(await temp.make());
  // The fixed vocabulary alone: the names must be enterable whatever Wi-Fi data is loaded.
  const suggester = new Suggester({ content: ctx.content, contentDir, venues: () => [] });

  const names: { name: string; prefer: Prefer }[] = [];
  for (const district of ctx.content.districts.file.districts) {
    names.push({ name: district.name['zh-HK'], prefer: 'traditional' });
    names.push({ name: district.name['zh-CN'], prefer: 'simplified' });
  }
  for (const label of Object.values(CATEGORY_LABELS)) {
    names.push({ name: label['zh-HK'], prefer: 'traditional' });
    names.push({ name: label['zh-CN'], prefer: 'simplified' });
  }

  it(`${names.length} names: each character suggested or among the first ${SHOWN} written`, () => {
    let written = 0;
    let suggested = 0;
    let keyed = 0;
    const missed: string[] = [];
    const neverSuggested: string[] = [];
    names.forEach(({ name, prefer }, n) => {
      const chars = [...name];
      let typed = '';
      let fromSuggestions = 0;
      let i = 0;
      while (i < chars.length) {
        const char = chars[i]!;
        if (!HAN.test(char)) {
          typed += char;
          keyed++;
          i++;
          continue;
        }
        const rest = chars.slice(i).join('');
        const offered = suggester
          .suggest(typed, prefer, SHOWN)
          .filter((suggestion) => rest.startsWith(suggestion))
          .sort((a, b) => b.length - a.length)[0];
        if (offered) {
          typed += offered;
          fromSuggestions += [...offered].length;
          i += [...offered].length;
          continue;
        }
        const candidates = recogniser.recognise(writeLightly(medians(char), SEED + n * 101 + i), {
          prefer,
          limit: SHOWN,
        });
        if (!candidates.includes(char)) missed.push(`${name}: ${char} → ${candidates.join('')}`);
        written++;
        typed += char;
        i++;
      }
      suggested += fromSuggestions;
      if (chars.filter((c) => HAN.test(c)).length > 1 && fromSuggestions === 0) neverSuggested.push(name);
    });
    console.log(
      `${names.length} names, ${written + suggested} Han characters: ${written} written, ${suggested} from suggestions` +
        `${keyed ? `, ${keyed} punctuation from keys` : ''}`,
    );
    expect(missed).toEqual([]);
    // Suggestions carry every name after its first character somewhere: with none, this fails.
    expect(neverSuggested).toEqual([]);
  });
});
