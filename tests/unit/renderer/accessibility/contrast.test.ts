import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import {
  AA_LARGE_TEXT,
  AA_NORMAL_TEXT,
  contrastRatio,
  formatRatio,
  grey,
  parseHex,
  relativeLuminance,
  toHex,
} from '../../../../renderer/src/accessibility/contrast';

describe('WCAG contrast', () => {
  it('parses and prints hex colours', () => {
    expect(parseHex('#777')).toEqual([119, 119, 119]);
    expect(parseHex('0b5563')).toEqual([11, 85, 99]);
    expect(toHex([255, 0, 128])).toBe('#ff0080');
    expect(grey(119)).toBe('#777777');
    expect(() => parseHex('#12')).toThrow();
  });

  it('gives black and white their luminances', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4);
  });

  it('matches known ratios', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 6);
    expect(formatRatio(contrastRatio('#777', '#fff'))).toBe('4.48:1');
    expect(contrastRatio('#777', '#fff')).toBeLessThan(4.5);
    expect(formatRatio(contrastRatio('#767676', '#ffffff'))).toBe('4.54:1');
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    // Order does not matter.
    expect(contrastRatio('#fff', '#595959')).toBeCloseTo(contrastRatio('#595959', '#fff'), 10);
  });

  it('rounds, but a near miss never shows as a pass', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(formatRatio(2.996)).toBe('2.99:1');
    expect(formatRatio(4.476)).toBe('4.48:1');
    expect(formatRatio(21)).toBe('21.00:1');
  });
});

/**
 * The palette is read from app.css itself, so a colour changed there is checked here. Each pair is
 * a foreground the screens draw on a background (text on a panel, text on a button, a border or the
 * focus ring, drawn 3 px outside an element, beside the page). Text needs 4.5:1; borders, the focus ring and icons need 3:1.
 */
const TEXT_PAIRS: readonly (readonly [string, string])[] = [
  ['--text', '--bg'],
  ['--text', '--surface'],
  ['--text', '--toolbar-bg'],
  ['--text', '--key-bg'],
  ['--text-muted', '--bg'],
  ['--text-muted', '--surface'],
  ['--on-primary', '--primary'],
  ['--primary', '--surface'],
  ['--primary', '--bg'],
  ['--attract-text', '--attract-bg'],
  ['--warning-text', '--warning-bg'],
  ['--ok-text', '--ok-bg'],
  // A disabled control's label on either stripe of its hatched fill.
  ['--disabled-text', '--disabled-bg'],
  ['--disabled-text', '--disabled-stripe'],
  // The handwriting pad's "write one character" hint on its paper.
  ['--text-muted', '--pad-bg'],
  // The map's words: district and place names on the land, each with a halo of the chosen
  // district's land colour; neighbouring districts' names are muted.
  ['--text', '--map-land'],
  ['--text', '--map-land-here'],
  ['--text-muted', '--map-land'],
];
const NON_TEXT_PAIRS: readonly (readonly [string, string])[] = [
  ['--border', '--bg'],
  ['--border', '--surface'],
  ['--border', '--toolbar-bg'],
  ['--focus', '--bg'],
  ['--focus', '--surface'],
  ['--disabled-border', '--bg'],
  ['--disabled-border', '--surface'],
  ['--disabled-border', '--toolbar-bg'],
  // The strokes a finger writes, and the pad's frame, on the pad's paper.
  ['--pad-ink', '--pad-bg'],
  ['--border', '--pad-bg'],
  // The map: venue dots on either land, district lines on the land they divide, the chosen
  // district's heavier edge, and the coast (the land's line) against the sea.
  ['--primary', '--map-land'],
  ['--primary', '--map-land-here'],
  ['--map-line', '--map-land'],
  ['--map-line-here', '--map-land-here'],
  ['--map-line', '--map-sea'],
];
/** Colours that are not drawn against one background (the dialog backdrop is translucent), or are faint on purpose. */
const UNPAIRED = new Set([
  '--backdrop',
  // The pad's centre box and cross: a faint guide that must not read as a written stroke.
  '--pad-guide',
]);

const APP_CSS = readFileSync(
  fileURLToPath(new URL('../../../../renderer/src/app.css', import.meta.url)),
  'utf8',
);

/** The custom properties one rule of app.css sets, by its exact selector. */
function paletteOf(selector: string): Map<string, string> {
  const palette = new Map<string, string>();
  postcss.parse(APP_CSS).walkRules((rule) => {
    if (rule.selector !== selector) return;
    rule.walkDecls(/^--/, (decl) => void palette.set(decl.prop, decl.value.trim()));
  });
  return palette;
}

describe.each([
  ['the standard theme', ':root'],
  ['high contrast', ':root.high-contrast'],
])('app.css palette: %s', (_name, selector) => {
  const palette = paletteOf(selector);

  it('is found in app.css, and every colour in it is checked against a background', () => {
    expect(palette.size).toBeGreaterThan(10);
    const paired = new Set([...TEXT_PAIRS, ...NON_TEXT_PAIRS].flat());
    for (const name of palette.keys())
      expect(paired.has(name) || UNPAIRED.has(name), `${name} has no pair`).toBe(true);
  });

  it.each(TEXT_PAIRS)('text %s on %s is at least 4.5:1', (foreground, background) => {
    const ratio = contrastRatio(palette.get(foreground)!, palette.get(background)!);
    expect(
      ratio,
      `${foreground} ${palette.get(foreground)} on ${background} ${palette.get(background)}: ${formatRatio(ratio)}`,
    ).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });

  it.each(NON_TEXT_PAIRS)('%s beside %s is at least 3:1', (foreground, background) => {
    const ratio = contrastRatio(palette.get(foreground)!, palette.get(background)!);
    expect(
      ratio,
      `${foreground} ${palette.get(foreground)} beside ${background} ${palette.get(background)}: ${formatRatio(ratio)}`,
    ).toBeGreaterThanOrEqual(AA_LARGE_TEXT);
  });
});
