import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, grey, parseHex, relativeLuminance, toHex } from '../../../../renderer/src/accessibility/contrast';

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

  it('keeps the kiosk palette above AA', () => {
    expect(contrastRatio('#1b1b1b', '#fbf7f0')).toBeGreaterThan(4.5);
    expect(contrastRatio('#ffe600', '#000000')).toBeGreaterThan(4.5);
  });
});
