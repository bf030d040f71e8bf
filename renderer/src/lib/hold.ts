/**
 * Press-and-hold: `onDone` after `ms` of continuous press. Lifting, cancelling or sliding off
 * stops it. `onProgress` (0–1) drives a visible ring so staff know to keep holding.
 * Used as a Svelte attachment: `{@attach hold({ ms: 3000, onDone })}`.
 */
export function hold(options: { ms: number; onDone: () => void; onProgress?: (fraction: number) => void }) {
  return (node: HTMLElement) => {
    let started = 0;
    let frame = 0;
    const stop = () => {
      cancelAnimationFrame(frame);
      started = 0;
      options.onProgress?.(0);
    };
    const step = () => {
      if (!started) return;
      const fraction = Math.min(1, (performance.now() - started) / options.ms);
      options.onProgress?.(fraction);
      if (fraction >= 1) {
        stop();
        options.onDone();
      } else frame = requestAnimationFrame(step);
    };
    const down = (event: PointerEvent) => {
      event.stopPropagation();
      started = performance.now();
      frame = requestAnimationFrame(step);
    };
    const swallow = (event: Event) => event.stopPropagation();
    node.addEventListener('pointerdown', down);
    node.addEventListener('click', swallow);
    node.addEventListener('contextmenu', (event) => event.preventDefault());
    for (const name of ['pointerup', 'pointerleave', 'pointercancel'] as const)
      node.addEventListener(name, stop);
    return () => {
      stop();
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('click', swallow);
      for (const name of ['pointerup', 'pointerleave', 'pointercancel'] as const)
        node.removeEventListener(name, stop);
    };
  };
}
