/**
 * Where the kiosk's own keyboard writes in its text box: at the box's caret, as a hardware keyboard
 * does. The keys keep the focus in the box (they cancel their pointerdown), so the caret is
 * usually live; a tap on something else that takes the focus (a Show button, another field's
 * switch) leaves the selection as it was when the box lost it, remembered here.
 */

export type TextBox = HTMLInputElement | HTMLTextAreaElement;

const lastSelection = new WeakMap<TextBox, [number, number]>();

function selectionOf(box: TextBox): [number, number] | null {
  const { selectionStart: start, selectionEnd: end } = box;
  return start === null ? null : [start, end ?? start];
}

/** Keeps the box's selection as it loses the focus; returns the function that stops. */
export function rememberCaret(box: TextBox): () => void {
  const keep = () => {
    const selection = selectionOf(box);
    if (selection) lastSelection.set(box, selection);
  };
  box.addEventListener('blur', keep);
  return () => box.removeEventListener('blur', keep);
}

/**
 * The selection to edit in `box`, whose text should be `value`: live while the box has the focus,
 * else as it was when the box last lost it. Null where no caret is known (the box was never
 * focused, or it shows other text than the keyboard's): the keyboard then adds at the end.
 */
export function caretIn(box: TextBox | null | undefined, value: string): [number, number] | null {
  if (!box || !box.isConnected || box.value !== value) return null;
  if (box.ownerDocument.activeElement === box) return selectionOf(box);
  return lastSelection.get(box) ?? null;
}

/** After an edit has reached the box: the caret just after it, in the box or in what is remembered. */
export function placeCaret(box: TextBox, caret: number): void {
  if (box.ownerDocument.activeElement === box) box.setSelectionRange(caret, caret);
  else if (lastSelection.has(box)) lastSelection.set(box, [caret, caret]);
}
