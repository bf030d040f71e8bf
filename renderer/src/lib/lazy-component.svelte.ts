import type { Component } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComponent = Component<any>;
export type ComponentLoader = () => Promise<{ default: AnyComponent }>;

/** A screen or panel: the shell's own are imported up front, capabilities' load as chunks. */
export type ComponentSource =
  { component: AnyComponent; load?: undefined } | { load: ComponentLoader; component?: undefined };

/**
 * Capability screens are split into their own chunks so the attract screen loads only the shell.
 * `preloadAll` fetches them while the kiosk waits on its attract screen; after that a tap finds
 * the component here and renders it in the same frame. The map is reactive, so a screen that was
 * not loaded yet appears as soon as its chunk arrives.
 */
const cache = new SvelteMap<ComponentLoader, AnyComponent>();

async function load(loader: ComponentLoader): Promise<void> {
  if (cache.has(loader)) return;
  const component = (await loader()).default;
  cache.set(loader, component);
}

/** The component now, or undefined while its chunk loads (which this starts). */
export function resolveComponent(source: ComponentSource): AnyComponent | undefined {
  if (source.component) return source.component;
  const hit = cache.get(source.load);
  if (!hit)
    void load(source.load).catch((error: unknown) => console.error('[kiosk] a screen failed to load', error));
  return hit;
}

export function preloadAll(sources: ComponentSource[]): void {
  const start = () => {
    for (const source of sources) if (source.load) void load(source.load).catch(() => undefined);
  };
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
