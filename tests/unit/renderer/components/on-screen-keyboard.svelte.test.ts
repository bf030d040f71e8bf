/// <reference types="vite/client" />
// The renderer modules these tests import use Vite's import.meta.glob; the root tsconfig has Node types only.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { RESUME_CODE_ALPHABET } from '../../../../electron/shared/resume-code-format';
import OnScreenKeyboard from '../../../../renderer/src/components/OnScreenKeyboard.svelte';
import { locale } from '../../../../renderer/src/i18n/i18n.svelte';
import TextField from '../../../../renderer/src/staff-console/TextField.svelte';

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

describe('the on-screen keyboard at a text box', () => {
  /** A staff text box with its keyboard open, as after a tap on it, in English (letter keys first). */
  function field(value: string) {
    locale.set('en');
    const props = $state({ value, label: 'Note', editing: true });
    render(TextField, props);
    const box = screen.getByRole('textbox', { name: 'Note' }) as HTMLInputElement;
    const key = (name: string) => screen.getByRole('button', { name });
    return { props, box, key };
  }

  it('writes at the caret, and the caret moves on after what it wrote', async () => {
    const { props, box, key } = field('陳太');
    box.focus();
    box.setSelectionRange(1, 1);
    await fireEvent.click(key('x'));
    expect(props.value).toBe('陳x太');
    expect(box.value).toBe('陳x太');
    expect([box.selectionStart, box.selectionEnd]).toEqual([2, 2]);
    await fireEvent.click(key('y'));
    expect(props.value).toBe('陳xy太');
  });

  it('backspace removes the character before the caret, a selection replaced by a key', async () => {
    const { props, box, key } = field('abcd');
    box.focus();
    box.setSelectionRange(2, 2);
    await fireEvent.click(key('Delete'));
    expect(props.value).toBe('acd');
    expect(box.selectionStart).toBe(1);
    box.setSelectionRange(1, 3);
    await fireEvent.click(key('z'));
    expect(props.value).toBe('az');
    expect(box.selectionStart).toBe(2);
  });

  it('backspace takes a character outside the BMP whole', async () => {
    const { props, box, key } = field('a𠮷b');
    box.focus();
    box.setSelectionRange(3, 3);
    await fireEvent.click(key('Delete'));
    expect(props.value).toBe('ab');
    expect(box.selectionStart).toBe(1);
  });

  it('a key takes no focus from the box', async () => {
    const { box, key } = field('abc');
    box.focus();
    // A cancelled mousedown and pointerdown do not move the focus to the key.
    expect(await fireEvent.pointerDown(key('x'))).toBe(false);
    expect(await fireEvent.mouseDown(key('x'))).toBe(false);
  });

  it('where the box lost the focus, the keys still write where its caret was', async () => {
    const { props, box, key } = field('abcd');
    box.focus();
    box.setSelectionRange(1, 1);
    box.blur();
    await fireEvent.click(key('x'));
    await fireEvent.click(key('y'));
    expect(props.value).toBe('axybcd');
  });

  it('with a box never touched, the keys add at the end', async () => {
    const { props, key } = field('abc');
    await fireEvent.click(key('x'));
    expect(props.value).toBe('abcx');
  });
});
