/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { simulateColour } from '../../../../renderer/src/accessibility/colour-vision';
import { contrastRatio, parseHex, toHex } from '../../../../renderer/src/accessibility/contrast';
import ColourAloneDemo from '../../../../renderer/src/accessibility/demos/ColourAloneDemo.svelte';

afterEach(cleanup);

/** The colour a lift's dot is drawn in, read from the demo as it renders (jsdom gives `rgb(r, g, b)`). */
function dotColour(container: HTMLElement, status: 'working' | 'stopped'): string {
  const dot = container.querySelector<HTMLElement>(`[data-status="${status}"] .dot`);
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(dot?.style.backgroundColor ?? '');
  if (!rgb) throw new Error(`no ${status} dot colour: ${dot?.style.backgroundColor}`);
  return toHex([Number(rgb[1]), Number(rgb[2]), Number(rgb[3])]);
}

describe('the "colour alone" demo', () => {
  it('draws its lifts in a red and a green that red-green deficiencies can hardly tell apart', () => {
    const { container } = render(ColourAloneDemo, {
      mode: 'before',
      // The demo reads only its mode.
      demo: undefined as never,
      onMode: () => undefined,
    });
    const green = dotColour(container, 'working');
    const red = dotColour(container, 'stopped');
    // Clearly different hues to a reader with full colour vision…
    const [rr, rg] = parseHex(red);
    const [gr, gg] = parseHex(green);
    expect(rr - gr).toBeGreaterThan(100);
    expect(gg - rg).toBeGreaterThan(60);
    // …of nearly one lightness, so without red-green vision only the words tell them apart.
    for (const simulation of ['protanopia', 'deuteranopia', 'achromatopsia'] as const) {
      expect(
        contrastRatio(simulateColour(simulation, red), simulateColour(simulation, green)),
        simulation,
      ).toBeLessThan(1.8);
    }
    expect(
      contrastRatio(simulateColour('deuteranopia', red), simulateColour('deuteranopia', green)),
    ).toBeLessThan(1.2);
  });
});
