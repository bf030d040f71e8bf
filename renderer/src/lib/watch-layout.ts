/**
 * Calls `measure` a frame after any of `boxes` changes size, and at once when `scroller` scrolls.
 * A frame later, not inside the observer's callback: what a measure shows (a "more below" line,
 * page buttons) can resize what is watched, which inside the callback would loop the observer.
 * `onResize` runs at once on each resize, for what changes no layout. Returns the function that
 * stops watching. Without ResizeObserver (an old test DOM) only scrolling is watched.
 */
export function watchLayout(
  measure: () => void,
  {
    boxes,
    scroller,
    onResize,
  }: { boxes: readonly (Element | null | undefined)[]; scroller?: Element | null; onResize?: () => void },
): () => void {
  let frame = 0;
  const later = () => {
    onResize?.();
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => measure());
  };
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(later);
  for (const box of boxes) if (box) observer?.observe(box);
  const scrolled = () => measure();
  scroller?.addEventListener('scroll', scrolled, { passive: true });
  return () => {
    observer?.disconnect();
    cancelAnimationFrame(frame);
    scroller?.removeEventListener('scroll', scrolled);
  };
}
