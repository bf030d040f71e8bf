import type { Component } from 'svelte';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComponent = Component<any>;
export type ComponentLoader = () => Promise<{ default: AnyComponent }>;

/**
 * Capability screens are split into their own chunks so the attract screen loads only the shell.
 * `preload` fetches them all once the kiosk is idle on its first screen; after that a tap finds
 * the component in the cache and renders it in the same frame (no loading flash).
 */
const cache = new Map<ComponentLoader, AnyComponent>();

export function loaded(load: ComponentLoader): AnyComponent | undefined {
  return cache.get(load);
}

export async function loadComponent(load: ComponentLoader): Promise<AnyComponent> {
  const hit = cache.get(load);
  if (hit) return hit;
  const component = (await load()).default;
  cache.set(load, component);
  return component;
}

export function preloadAll(loaders: ComponentLoader[]): void {
  const start = () => {
    for (const load of loaders) void loadComponent(load).catch(() => undefined);
  };
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
