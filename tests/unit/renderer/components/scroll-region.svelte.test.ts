/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet, flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ScrollRegion from '../../../../renderer/src/components/ScrollRegion.svelte';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';

/**
 * jsdom lays nothing out, so each test gives the region's viewport the sizes a browser would and
 * calls the ResizeObserver callbacks itself, as the browser does when the text or the space changes.
 */
const observers: ResizeObserverCallback[] = [];
class FakeResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {
    observers.push(callback);
  }
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {
    observers.splice(observers.indexOf(this.callback), 1);
  }
}

interface Box {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

function layOut(viewport: HTMLElement, box: Box): void {
  for (const [key, value] of Object.entries(box)) {
    Object.defineProperty(viewport, key, { configurable: true, writable: true, value });
  }
}

function resized(): void {
  for (const callback of [...observers]) callback([], {} as ResizeObserver);
  // The region measures a frame after the observer reports.
  vi.advanceTimersToNextFrame();
  flushSync();
}

const text = createRawSnippet(() => ({ render: () => '<p>A long explanation of the step.</p>' }));

function renderRegion() {
  render(ScrollRegion, { label: 'Instructions', testId: 'instructions', children: text });
  return screen.getByRole('region', { name: 'Instructions' });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  locale.set('en');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  observers.length = 0;
  locale.set('zh-HK');
});

describe('the scroll region for supporting text', () => {
  it('shows no cue and no buttons while everything fits', () => {
    const viewport = renderRegion();
    layOut(viewport, { scrollTop: 0, scrollHeight: 300, clientHeight: 300 });
    resized();
    expect(screen.getByTestId('instructions').hasAttribute('data-scroll-region')).toBe(true);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('More below')).toBeNull();
    expect(viewport.textContent).toContain('A long explanation');
  });

  it('a region that scrolls by only a few pixels takes focus, without the cue or buttons', () => {
    const viewport = renderRegion();
    layOut(viewport, { scrollTop: 0, scrollHeight: 300, clientHeight: 300 });
    resized();
    expect(viewport.hasAttribute('tabindex')).toBe(false);
    layOut(viewport, { scrollTop: 0, scrollHeight: 302, clientHeight: 300 });
    resized();
    expect(viewport.getAttribute('tabindex')).toBe('0');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('when text is hidden below, shows the cue and a down button, and announces it once', () => {
    const viewport = renderRegion();
    layOut(viewport, { scrollTop: 0, scrollHeight: 900, clientHeight: 300 });
    resized();
    const cue = screen.getByText('More below', { selector: '.cue' });
    expect(cue.classList.contains('shown')).toBe(true);
    expect(screen.getByRole('button', { name: 'Down' })).toBeTruthy();
    // At the top, "up" has nothing to do.
    expect(screen.getByText('Up').closest('button')?.disabled).toBe(true);
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('More below');

    // Scrolling to the middle changes the buttons but does not announce again.
    live!.textContent = '';
    viewport.scrollTop = 300;
    viewport.dispatchEvent(new Event('scroll'));
    flushSync();
    expect(screen.getByRole('button', { name: 'Up' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Down' })).toBeTruthy();
    expect(live?.textContent).toBe('');
  });

  it('at the bottom, the cue goes and only "up" remains', () => {
    const viewport = renderRegion();
    layOut(viewport, { scrollTop: 600, scrollHeight: 900, clientHeight: 300 });
    resized();
    expect(screen.getByText('More below', { selector: '.cue' }).classList.contains('shown')).toBe(false);
    expect(screen.getByText('Down').closest('button')?.disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Up' })).toBeTruthy();
  });

  it('the buttons move by most of the visible height, smoothly unless motion is reduced', async () => {
    const viewport = renderRegion();
    layOut(viewport, { scrollTop: 300, scrollHeight: 900, clientHeight: 300 });
    const scrollBy = vi.fn();
    viewport.scrollBy = scrollBy as unknown as typeof viewport.scrollBy;
    resized();
    await fireEvent.click(screen.getByRole('button', { name: 'Down' }));
    expect(scrollBy).toHaveBeenLastCalledWith({ top: 240, behavior: 'smooth' });

    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce') }));
    await fireEvent.click(screen.getByRole('button', { name: 'Up' }));
    expect(scrollBy).toHaveBeenLastCalledWith({ top: -240, behavior: 'auto' });
  });

  it('the cue and buttons disappear when the text fits again (a smaller text size)', () => {
    const viewport = renderRegion();
    layOut(viewport, { scrollTop: 0, scrollHeight: 900, clientHeight: 300 });
    resized();
    expect(screen.getByRole('button', { name: 'Down' })).toBeTruthy();
    layOut(viewport, { scrollTop: 0, scrollHeight: 280, clientHeight: 300 });
    resized();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a short region keeps its buttons one above the other while two fit, side by side only when not', () => {
    // The cue gives way below 7 root ems (jsdom's root size is "medium", so the region takes 24 px: 168 px).
    const viewport = renderRegion();
    const region = screen.getByTestId('instructions');
    layOut(viewport, { scrollTop: 0, scrollHeight: 900, clientHeight: 300 });
    resized();
    expect([region.classList.contains('compact'), region.classList.contains('short')]).toEqual([
      false,
      false,
    ]);
    // The drawn down button is 50 px tall: two and the 6 px gap need 106 px.
    Object.defineProperty(screen.getByText('Down').closest('button')!, 'offsetHeight', { value: 50 });
    layOut(viewport, { scrollTop: 0, scrollHeight: 900, clientHeight: 108 });
    resized();
    expect([region.classList.contains('compact'), region.classList.contains('short')]).toEqual([true, false]);
    layOut(viewport, { scrollTop: 0, scrollHeight: 900, clientHeight: 100 });
    resized();
    expect([region.classList.contains('compact'), region.classList.contains('short')]).toEqual([false, true]);
  });

  it("speaks the visitor's language", () => {
    locale.set('zh-HK');
    const viewport = renderRegion();
    layOut(viewport, { scrollTop: 0, scrollHeight: 900, clientHeight: 300 });
    resized();
    expect(screen.getByRole('button', { name: '向下' })).toBeTruthy();
    expect(screen.getByText('下面還有內容', { selector: '.cue' })).toBeTruthy();
  });
});
