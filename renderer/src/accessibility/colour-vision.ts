import { channelToLinear, linearToChannel, parseHex, toHex, type Rgb } from './contrast';

/**
 * Colour-vision simulations as 3×3 matrices applied to LINEAR RGB.
 *
 * Protanopia, deuteranopia and tritanopia: Machado, Oliveira & Fernandes (2009), "A
 * Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6),
 * 1291–1298, the published matrices for severity 1.0. Achromatopsia (no colour at all): every
 * channel becomes the relative luminance, with the Rec. 709 / WCAG coefficients.
 *
 * The same numbers drive the SVG `feColorMatrix` of the colour demo (whose filters work in
 * linearRGB, SVG's default `color-interpolation-filters`) and `simulateColour` in the tests.
 */

export const SIMULATIONS = ['protanopia', 'deuteranopia', 'tritanopia', 'achromatopsia'] as const;
export type Simulation = (typeof SIMULATIONS)[number];

type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];

export const COLOUR_VISION_MATRICES: Record<Simulation, Matrix3> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
  achromatopsia: [0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722],
};

/** The 20 numbers of an SVG `<feColorMatrix type="matrix">` (4×5, alpha kept as it is). */
export function feColorMatrixValues(simulation: Simulation): string {
  const m = COLOUR_VISION_MATRICES[simulation];
  const rows = [
    [m[0], m[1], m[2], 0, 0],
    [m[3], m[4], m[5], 0, 0],
    [m[6], m[7], m[8], 0, 0],
    [0, 0, 0, 1, 0],
  ];
  return rows.map((row) => row.join(' ')).join('  ');
}

/** Linear RGB (0–1 each) through a simulation, clamped to the displayable range. */
export function simulateLinear(
  simulation: Simulation,
  [r, g, b]: readonly [number, number, number],
): [number, number, number] {
  const m = COLOUR_VISION_MATRICES[simulation];
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [
    clamp(m[0] * r + m[1] * g + m[2] * b),
    clamp(m[3] * r + m[4] * g + m[5] * b),
    clamp(m[6] * r + m[7] * g + m[8] * b),
  ];
}

/** An sRGB colour as someone with the given colour vision would see it (what the SVG filter shows). */
export function simulateColour(simulation: Simulation, colour: Rgb | string): string {
  const [r, g, b] = typeof colour === 'string' ? parseHex(colour) : colour;
  const linear = simulateLinear(simulation, [channelToLinear(r), channelToLinear(g), channelToLinear(b)]);
  return toHex(linear.map(linearToChannel) as unknown as Rgb);
}
