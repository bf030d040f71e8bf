import type { KioskEventName } from './preload-api';

/**
 * Names shared by main and the preload. No imports at run time: the sandboxed preload bundles this
 * file and may require nothing but 'electron' (a test bundles the preload to check). The preload
 * learns the contract's method names from its command line (see methodsArgument) rather than by
 * bundling contract.ts, which would drag in zod; contract.ts stays the only list of methods.
 */

/** The channel a contract method travels on. */
export function invokeChannel(method: string): string {
  return `kiosk:${method}`;
}

/** Events main may push to the page; the preload refuses every other name. */
export const KIOSK_EVENTS = ['system-resumed', 'group-display'] as const satisfies readonly KioskEventName[];

/**
 * The events whose one payload (plain, structured-cloned data) the preload passes on; every other
 * event reaches the page with no arguments at all.
 */
export const KIOSK_EVENTS_WITH_DATA = ['group-display'] as const satisfies readonly KioskEventName[];

export function eventCarriesData(name: KioskEventName): boolean {
  return (KIOSK_EVENTS_WITH_DATA as readonly string[]).includes(name);
}

export function isKioskEvent(name: unknown): name is KioskEventName {
  return typeof name === 'string' && (KIOSK_EVENTS as readonly string[]).includes(name);
}

export function eventChannel(event: KioskEventName): string {
  return `kiosk-event:${event}`;
}

const METHODS_FLAG = '--kiosk-methods=';

/** The `webPreferences.additionalArguments` entry that hands the preload the method names. */
export function methodsArgument(methods: readonly string[]): string {
  return METHODS_FLAG + methods.join(',');
}

/** The method names main passed on the renderer's command line; empty if none (then every call is refused). */
export function readMethodsArgument(argv: readonly string[]): ReadonlySet<string> {
  const argument = argv.find((value) => value.startsWith(METHODS_FLAG));
  if (!argument) return new Set();
  return new Set(
    argument
      .slice(METHODS_FLAG.length)
      .split(',')
      .filter((name) => name.length > 0),
  );
}
