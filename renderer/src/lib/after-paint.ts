/**
 * Run `work` once the next frame has been painted: a task posted from requestAnimationFrame runs
 * after that frame's paint. For work a screen can show a moment later (drawing a QR code takes
 * 10–20 ms, over 100 ms the first time), so it does not hold back the screen a tap asked for.
 * Returns a function that cancels it, for an effect's cleanup.
 */
export function afterNextPaint(work: () => void): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (!cancelled) work();
    }, 0);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
