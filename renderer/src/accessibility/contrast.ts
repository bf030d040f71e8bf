/**
 * WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance).
 * Pure: used by the contrast demo's live read-out, the simulations and the tests.
 */

export type Rgb = readonly [number, number, number];

/** WCAG's thresholds: 4.5 for normal text, 3 for large text and for outlines and icons. */
export const AA_NORMAL_TEXT = 4.5;
export const AA_LARGE_TEXT = 3;

/** "#777", "#777777" or "777777" → [119, 119, 119]. */
export function parseHex(hex: string): Rgb {
  let digits = hex.trim().replace(/^#/, '');
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  if (!/^[0-9a-f]{6}$/i.test(digits)) throw new Error(`not a hex colour: ${hex}`);
  const value = Number.parseInt(digits, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** One sRGB channel (0–255) → linear light (0–1). WCAG 2.2 gives 0.04045 as the knee. */
export function channelToLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light (0–1) → sRGB channel (0–255), clamped. */
export function linearToChannel(linear: number): number {
  const l = Math.min(1, Math.max(0, linear));
  const c = l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055;
  return c * 255;
}

export function relativeLuminance(colour: Rgb | string): number {
  const [r, g, b] = typeof colour === 'string' ? parseHex(colour) : colour;
  return 0.2126 * channelToLinear(r) + 0.7152 * channelToLinear(g) + 0.0722 * channelToLinear(b);
}

/** (L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 to 21. */
export function contrastRatio(a: Rgb | string, b: Rgb | string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The ratio as people quote it, "4.48:1": rounded to two decimals, except that a value just under
 * a threshold never rounds up to it (4.499 shows as 4.49, not a misleading 4.50).
 */
export function formatRatio(ratio: number): string {
  let shown = Math.round(ratio * 100) / 100;
  for (const threshold of [AA_LARGE_TEXT, AA_NORMAL_TEXT]) {
    if (ratio < threshold && shown >= threshold) shown = threshold - 0.01;
  }
  return `${shown.toFixed(2)}:1`;
}

/** A neutral grey from a 0–255 level: the contrast demo's slider value. */
export function grey(level: number): string {
  return toHex([level, level, level]);
}
