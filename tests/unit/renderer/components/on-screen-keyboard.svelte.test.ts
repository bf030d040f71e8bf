/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { RESUME_CODE_ALPHABET } from '../../../../electron/shared/resume-code-format';
import OnScreenKeyboard from '../../../../renderer/src/components/OnScreenKeyboard.svelte';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';

afterEach(() => locale.set('zh-HK'));

function keyNames(): string[] {
  return screen
    .getAllByRole('button')
    .map((key) => key.getAttribute('aria-label') ?? key.textContent?.trim() ?? '');
}

describe('the on-screen keyboard', () => {
  it('limited to a set of keys, offers exactly those (as written) and backspace: no shift, no space', () => {
    locale.set('en');
    render(OnScreenKeyboard, { keys: RESUME_CODE_ALPHABET, label: 'Code' });
    const names = keyNames();
    expect(names.filter((name) => name !== 'Delete').sort()).toEqual([...RESUME_CODE_ALPHABET].sort());
    expect(names).toContain('Delete');
    for (const never of ['0', '1', 'I', 'O', 'i', 'o', 'Space', 'Shift']) expect(names).not.toContain(never);
  });

  it('types the keys as written there, up to the length allowed', async () => {
    locale.set('en');
    // A $state object as props: the keyboard's bound value writes back into it, as a parent's would.
    const props = $state({ keys: RESUME_CODE_ALPHABET, maxLength: 2, value: '' });
    render(OnScreenKeyboard, props);
    for (const key of ['A', '7', 'Z']) await fireEvent.click(screen.getByRole('button', { name: key }));
    expect(props.value).toBe('A7');
    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(props.value).toBe('A');
  });
});
