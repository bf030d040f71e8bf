/**
 * A control that cannot act yet says why when it is tapped. A `disabled` button gets no click at
 * all, so an elder who taps it learns nothing; instead the control stays focusable and tappable,
 * is marked `aria-disabled="true"` (which app.css draws as disabled), and a tap shows the reason
 * in a bubble beside it, a polite live region so a screen reader reads it too, while the
 * control's own click handler does not run.
 *
 *   <button class="btn primary" onclick={next} {@attach explainWhenDisabled(canGo ? null : t('…'))}>
 *
 * `why` null or empty means the control works normally. Do not also set `disabled` or
 * `aria-disabled` on it: the attachment owns that. `pointTo` names the place the visitor should
 * look (the practice phone, say); it is outlined while the reason shows.
 */
export interface ExplainOptions {
  /** The element the reason points at, outlined while it shows. */
  pointTo?: () => Element | null | undefined;
}

/** How long a reason stays up: long enough for a slow reader, then out of the way. */
export const REASON_MS = 7000;
const GAP_PX = 8;

let bubble: HTMLElement | null = null;
let shownFor: Element | null = null;
let pointed: Element | null = null;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

/** One bubble for the whole page, made before the first tap so its live region is already known. */
function reasonBubble(): HTMLElement {
  if (bubble?.isConnected) return bubble;
  bubble = document.createElement('div');
  bubble.className = 'disabled-reason';
  bubble.setAttribute('role', 'status');
  bubble.setAttribute('aria-live', 'polite');
  bubble.dataset.testid = 'disabled-reason';
  bubble.hidden = true;
  document.body.append(bubble);
  return bubble;
}

/** Hide the reason (a later tap elsewhere, the timer, or the control becoming usable). */
export function hideReason(): void {
  clearTimeout(hideTimer);
  document.removeEventListener('pointerdown', onPointerElsewhere, true);
  pointed?.classList.remove('explain-pointed');
  pointed = null;
  shownFor = null;
  if (bubble) {
    bubble.hidden = true;
    bubble.textContent = '';
  }
}

function onPointerElsewhere(event: Event): void {
  if (shownFor && event.target instanceof Node && shownFor.contains(event.target)) return;
  hideReason();
}

/** Put the bubble above the control when there is room (the toolbar is at the bottom), else below. */
function place(box: HTMLElement, control: Element): void {
  const target = control.getBoundingClientRect();
  const own = box.getBoundingClientRect();
  const top =
    target.top - own.height - GAP_PX >= 0 ? target.top - own.height - GAP_PX : target.bottom + GAP_PX;
  const centred = target.left + target.width / 2 - own.width / 2;
  const left = Math.max(GAP_PX, Math.min(centred, window.innerWidth - own.width - GAP_PX));
  // CSSOM, not a style attribute: the page's CSP allows no inline style attributes.
  box.style.top = `${Math.max(GAP_PX, top)}px`;
  box.style.left = `${left}px`;
}

function showReason(control: Element, why: string, options: ExplainOptions): void {
  hideReason();
  const box = reasonBubble();
  box.textContent = why;
  box.hidden = false;
  place(box, control);
  shownFor = control;
  pointed = options.pointTo?.() ?? null;
  pointed?.classList.add('explain-pointed');
  document.addEventListener('pointerdown', onPointerElsewhere, true);
  hideTimer = setTimeout(hideReason, REASON_MS);
}

/** The attachment: see the top of this file. */
export function explainWhenDisabled(why: string | null | undefined, options: ExplainOptions = {}) {
  return (node: HTMLElement) => {
    if (!why) {
      node.removeAttribute('aria-disabled');
      return;
    }
    node.setAttribute('aria-disabled', 'true');
    reasonBubble();
    // Capture, on the control itself: runs before the control's own handlers (Svelte delegates
    // onclick to the root, which a stopped event never reaches).
    const onClick = (event: Event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      showReason(node, why, options);
    };
    node.addEventListener('click', onClick, true);
    return () => {
      node.removeEventListener('click', onClick, true);
      node.removeAttribute('aria-disabled');
      if (shownFor === node) hideReason();
    };
  };
}
