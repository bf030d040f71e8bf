import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { explainWhenDisabled, hideReason, REASON_MS } from '../../../../renderer/src/lib/explain-disabled';

function control(): { button: HTMLButtonElement; acted: ReturnType<typeof vi.fn> } {
  const button = document.createElement('button');
  button.textContent = 'Next';
  const acted = vi.fn();
  // Bubbling, as Svelte's delegated onclick and any plain listener would be.
  button.addEventListener('click', acted);
  document.body.append(button);
  return { button, acted };
}

const bubble = () => document.querySelector<HTMLElement>('[data-testid="disabled-reason"]');

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  hideReason();
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('a control that cannot act yet says why', () => {
  it('is marked aria-disabled, keeps its own action from running and shows the reason in a polite live region', () => {
    const { button, acted } = control();
    explainWhenDisabled('Try it on the practice phone first')(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // The live region exists before the tap, so the first reason is announced.
    expect(bubble()?.getAttribute('aria-live')).toBe('polite');
    expect(bubble()?.hidden).toBe(true);

    button.click();
    expect(acted).not.toHaveBeenCalled();
    expect(bubble()?.hidden).toBe(false);
    expect(bubble()?.textContent).toBe('Try it on the practice phone first');
  });

  it('outlines the place it points to, and lets go when the reason goes', () => {
    const { button } = control();
    const phone = document.createElement('div');
    document.body.append(phone);
    explainWhenDisabled('Try it on the practice phone first', { pointTo: () => phone })(button);
    button.click();
    expect(phone.classList.contains('explain-pointed')).toBe(true);
    vi.advanceTimersByTime(REASON_MS);
    expect(bubble()?.hidden).toBe(true);
    expect(phone.classList.contains('explain-pointed')).toBe(false);
  });

  it('a tap elsewhere puts the reason away', () => {
    const { button } = control();
    explainWhenDisabled('Not yet')(button);
    button.click();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(bubble()?.hidden).toBe(true);
  });

  it('with no reason the control works normally', () => {
    const { button, acted } = control();
    explainWhenDisabled(null)(button);
    expect(button.hasAttribute('aria-disabled')).toBe(false);
    button.click();
    expect(acted).toHaveBeenCalledTimes(1);
  });

  it('once the control can act (the attachment re-runs), it acts and its reason is put away', () => {
    const { button, acted } = control();
    const cleanup = explainWhenDisabled('Not yet')(button);
    button.click();
    expect(bubble()?.hidden).toBe(false);
    cleanup?.();
    explainWhenDisabled(null)(button);
    expect(bubble()?.hidden).toBe(true);
    expect(button.hasAttribute('aria-disabled')).toBe(false);
    button.click();
    expect(acted).toHaveBeenCalledTimes(1);
  });
});
