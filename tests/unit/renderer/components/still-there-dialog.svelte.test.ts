/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import StillThereDialog from '../../../../renderer/src/components/StillThereDialog.svelte';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';

afterEach(() => locale.set('zh-HK'));

describe('the "are you still there?" dialog', () => {
  it('asks in the visitor\'s language, shows the seconds left and takes focus on "still here"', () => {
    locale.set('en');
    const onStay = vi.fn();
    const onFinish = vi.fn();
    render(StillThereDialog, { secondsLeft: 12, onStay, onFinish });
    const dialog = screen.getByRole('dialog', { name: 'Are you still there?' });
    expect(screen.getByTestId('idle-countdown').textContent).toContain('12');
    const stay = screen.getByRole('button', { name: "Yes, I'm still here" });
    expect(document.activeElement).toBe(stay);
    expect(dialog.contains(stay)).toBe(true);
  });

  it('"still here" and "I\'m finished" each call their own action once', async () => {
    locale.set('en');
    const onStay = vi.fn();
    const onFinish = vi.fn();
    render(StillThereDialog, { secondsLeft: 5, onStay, onFinish });
    await fireEvent.click(screen.getByRole('button', { name: "Yes, I'm still here" }));
    expect(onStay).toHaveBeenCalledTimes(1);
    expect(onFinish).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: "I'm finished" }));
    expect(onFinish).toHaveBeenCalledTimes(1);
  });

  it('speaks Cantonese by default', () => {
    render(StillThereDialog, { secondsLeft: 20, onStay: () => undefined, onFinish: () => undefined });
    expect(screen.getByRole('dialog', { name: '你還在嗎？' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '我用完了' })).toBeTruthy();
  });
});
