import { describe, expect, it } from 'vitest';
import {
  COLOUR_VISION_MATRICES,
  feColorMatrixValues,
  SIMULATIONS,
  simulateColour,
} from '../../../../renderer/src/accessibility/colour-vision';
import {
  linearToChannel,
  parseHex,
  relativeLuminance,
} from '../../../../renderer/src/accessibility/contrast';

describe('colour-vision simulations', () => {
  it('every matrix keeps white white and black black (rows sum to 1)', () => {
    for (const simulation of SIMULATIONS) {
      const m = COLOUR_VISION_MATRICES[simulation];
      for (let row = 0; row < 3; row += 1)
        expect(m[row * 3]! + m[row * 3 + 1]! + m[row * 3 + 2]!).toBeCloseTo(1, 5);
      expect(simulateColour(simulation, '#ffffff')).toBe('#ffffff');
      expect(simulateColour(simulation, '#000000')).toBe('#000000');
      // A neutral grey stays neutral.
      expect(simulateColour(simulation, '#808080')).toBe('#808080');
    }
  });

  it('achromatopsia turns pure red into the grey of its luminance', () => {
    const expected = Math.round(linearToChannel(0.2126));
    expect(simulateColour('achromatopsia', '#ff0000')).toBe(`#${expected.toString(16).repeat(3)}`);
    const [r, g, b] = parseHex(simulateColour('achromatopsia', '#ff0000'));
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(relativeLuminance([r, g, b])).toBeCloseTo(0.2126, 2);
  });

  it('uses the published Machado et al. (2009) severity 1.0 numbers', () => {
    expect(COLOUR_VISION_MATRICES.protanopia.slice(0, 3)).toEqual([0.152286, 1.052583, -0.204868]);
    expect(COLOUR_VISION_MATRICES.deuteranopia.slice(3, 6)).toEqual([0.280085, 0.672501, 0.047413]);
    expect(COLOUR_VISION_MATRICES.tritanopia.slice(6, 9)).toEqual([0.004733, 0.691367, 0.3039]);
  });

  it('writes a 4×5 feColorMatrix that keeps alpha', () => {
    const values = feColorMatrixValues('deuteranopia').split(/\s+/).map(Number);
    expect(values).toHaveLength(20);
    expect(values.slice(15)).toEqual([0, 0, 0, 1, 0]);
    expect(values[0]).toBe(0.367322);
    expect(values[4]).toBe(0);
  });
});
