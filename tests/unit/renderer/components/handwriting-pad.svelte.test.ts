/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import OnScreenKeyboard from '../../../../renderer/src/components/OnScreenKeyboard.svelte';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import {
  extendStroke,
  HandwritingInput,
  keyboardChoice,
  MAX_POINTS,
  type HandwritingCalls,
  type PadStroke,
} from '../../../../renderer/src/lib/handwriting.svelte';
import { visit } from '../../../../renderer/src/lib/visit.svelte';
import { connectRealCore } from '../../../helpers/renderer-core';

afterEach(() => {
  locale.set('zh-HK');
  keyboardChoice.chosen = null;
});

/** Calls that answer only when the test says, to put answers out of order. */
function heldCalls() {
  const pending: { kind: 'recognise' | 'suggest'; arg: unknown; answer: (items: string[]) => void }[] = [];
  const calls: HandwritingCalls = {
    recognise: (strokes, prefer) =>
      new Promise((resolve) =>
        pending.push({ kind: 'recognise', arg: { strokes, prefer }, answer: resolve }),
      ),
    suggest: (after, prefer) =>
      new Promise((resolve) => pending.push({ kind: 'suggest', arg: { after, prefer }, answer: resolve })),
  };
  return { calls, pending };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const stroke = (n: number): PadStroke => [
  [n, 0],
  [n, 40],
];

describe('the handwriting input', () => {
  it('drops an answer that a later stroke already replaced', async () => {
    const { calls, pending } = heldCalls();
    const input = new HandwritingInput(() => 'traditional', calls);
    input.addStroke(stroke(1));
    input.addStroke(stroke(2));
    expect(pending).toHaveLength(2);
    pending[1]!.answer(['沙', '沖']);
    await flush();
    pending[0]!.answer(['氵']);
    await flush();
    expect(input.offered).toEqual(['沙', '沖']);
    expect(input.answered).toBe(2);
  });

  it('sends every stroke so far with the script to prefer', () => {
    const { calls, pending } = heldCalls();
    const input = new HandwritingInput(() => 'simplified', calls);
    input.addStroke(stroke(1));
    input.addStroke(stroke(2));
    expect(pending[1]!.arg).toEqual({ strokes: [stroke(1), stroke(2)], prefer: 'simplified' });
  });

  it('undo asks again for the strokes left, and undoing the last one empties the bar', async () => {
    const { calls, pending } = heldCalls();
    const input = new HandwritingInput(() => 'traditional', calls);
    input.addStroke(stroke(1));
    input.addStroke(stroke(2));
    input.undoStroke();
    expect(pending[2]!.arg).toEqual({ strokes: [stroke(1)], prefer: 'traditional' });
    pending[2]!.answer(['丨']);
    await flush();
    expect(input.offered).toEqual(['丨']);
    input.undoStroke();
    expect(input.strokes).toEqual([]);
    expect(input.offered).toEqual([]);
    // The answer for two strokes, arriving late, does not bring candidates back to an empty pad.
    pending[1]!.answer(['沙']);
    await flush();
    expect(input.offered).toEqual([]);
  });

  it('after a pick offers what comes next, until the visitor writes again', async () => {
    const { calls, pending } = heldCalls();
    const input = new HandwritingInput(() => 'traditional', calls);
    input.addStroke(stroke(1));
    input.picked('沙');
    expect(input.strokes).toEqual([]);
    expect(pending[1]).toMatchObject({ kind: 'suggest', arg: { after: '沙', prefer: 'traditional' } });
    pending[1]!.answer(['田', '灣']);
    await flush();
    expect(input.kind).toBe('suggestions');
    expect(input.offered).toEqual(['田', '灣']);
    input.beginWriting();
    expect(input.kind).toBe('candidates');
    expect(input.offered).toEqual([]);
  });

  it('a stroke keeps points at least 2 px apart and at most 500 of them', () => {
    let line: PadStroke = [];
    for (let i = 0; i < 2000; i++) line = extendStroke(line, [i * 0.5, 0]);
    expect(line[1]).toEqual([2, 0]);
    line = [];
    for (let i = 0; i < 2000; i++) line = extendStroke(line, [i * 3, 0]);
    expect(line).toHaveLength(MAX_POINTS);
  });
});

describe('the full keyboard', () => {
  it('writes first in Chinese, letters first in English; latinOnly and limited keys never write', () => {
    const first = render(OnScreenKeyboard, {});
    expect(screen.getByTestId('handwriting-pad')).toBeTruthy();
    first.unmount();
    locale.set('en');
    const english = render(OnScreenKeyboard, {});
    expect(screen.queryByTestId('handwriting-pad')).toBeNull();
    expect(screen.getByTestId('keyboard-mode-handwriting')).toBeTruthy();
    english.unmount();
    locale.set('zh-HK');
    const latin = render(OnScreenKeyboard, { latinOnly: true });
    expect(screen.queryByTestId('handwriting-pad')).toBeNull();
    expect(screen.queryByTestId('keyboard-mode-handwriting')).toBeNull();
    latin.unmount();
    render(OnScreenKeyboard, { keys: 'ABC123' });
    expect(screen.queryByTestId('handwriting-pad')).toBeNull();
    expect(screen.queryByTestId('keyboard-mode-handwriting')).toBeNull();
  });

  it('keeps the visitor’s switch on the next keyboard of the visit, and forgets it when the visit ends', async () => {
    const first = render(OnScreenKeyboard, {});
    await fireEvent.click(screen.getByTestId('keyboard-mode-abc'));
    expect(screen.queryByTestId('handwriting-pad')).toBeNull();
    first.unmount();
    const second = render(OnScreenKeyboard, {});
    expect(screen.queryByTestId('handwriting-pad')).toBeNull();
    second.unmount();
    visit.wipe();
    render(OnScreenKeyboard, {});
    expect(screen.getByTestId('handwriting-pad')).toBeTruthy();
  });
});

/** 沙's strokes from its Make Me a Hanzi medians (y up in a 1024 box), drawn into a 300 px pad. */
function medianStrokes(char: string): [number, number][][] {
  const file = path.resolve(
    import.meta.dirname,
    '../../../../node_modules/hanzi-writer-data',
    `${char}.json`,
  );
  const { medians } = JSON.parse(readFileSync(file, 'utf8')) as { medians: [number, number][][] };
  return medians.map((median) => median.map(([x, y]) => [(x / 1024) * 300, ((900 - y) / 1024) * 300]));
}

async function draw(pad: HTMLElement, strokes: [number, number][][]): Promise<void> {
  for (const points of strokes) {
    const [first, ...rest] = points;
    await fireEvent.pointerDown(pad, { pointerId: 1, clientX: first![0], clientY: first![1] });
    for (const [x, y] of rest) await fireEvent.pointerMove(pad, { pointerId: 1, clientX: x, clientY: y });
    const last = points[points.length - 1]!;
    await fireEvent.pointerUp(pad, { pointerId: 1, clientX: last[0], clientY: last[1] });
  }
}

describe('writing on the pad, against the real core', () => {
  it('沙 written by finger is offered first, goes in when tapped, and 田 comes next', async () => {
    const core = await connectRealCore();
    try {
      const props = $state({ value: '', maxLength: 2 });
      render(OnScreenKeyboard, props);
      const pad = screen.getByTestId('handwriting-pad');
      await draw(pad, medianStrokes('沙'));
      expect(pad.dataset.strokes).toBe('7');
      // The first call loads the recogniser's templates (compiled from node_modules once per machine).
      const best = await screen.findByRole('button', { name: '插入「沙」' }, { timeout: 20_000 });
      const candidates = screen.getAllByTestId('candidate');
      expect(candidates.length).toBeGreaterThanOrEqual(8);
      expect(candidates[0]).toBe(best);
      expect(best.classList.contains('best')).toBe(true);
      await fireEvent.click(best);
      expect(props.value).toBe('沙');
      expect(pad.dataset.strokes).toBe('0');
      const next = await screen.findByRole('button', { name: '插入「田」' });
      expect(next.dataset.testid).toBe('suggestion');
      // A suggestion longer than the room left goes in as far as it fits.
      await fireEvent.click(await screen.findByRole('button', { name: '插入「田區」' }));
      expect(props.value).toBe('沙田');
    } finally {
      await core.disconnect();
    }
  });
});
