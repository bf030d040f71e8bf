import type { Language } from '../i18n/i18n.svelte';
import { locale } from '../i18n/i18n.svelte';
import type { ScreenId } from '../screens/registry';
import { invoke } from './api';

/** A screen and what it was opened with. Capability screens add their ids in screens/registry.ts. */
export interface Route {
  screen: ScreenId;
  params?: Record<string, string>;
}

export const TEXT_SIZES = [1, 2, 3] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

type WipeHook = () => void;

/**
 * Everything about the current visitor: where they are, the language, text size and contrast.
 * `wipe()` returns all of it to the start and runs every capability's own clean-up, so nothing a
 * visitor chose or typed survives "I'm finished" or the idle timeout.
 */
class Visit {
  stack = $state<Route[]>([{ screen: 'attract' }]);
  textSize = $state<TextSize>(1);
  highContrast = $state(false);
  defaultLanguage: Language = 'zh-HK';
  private readonly wipeHooks = new Set<WipeHook>();
  /** The core's token for this visit, once `begin` has it; the anonymous counters send it. */
  private token: Promise<string | undefined> = Promise.resolve(undefined);

  get route(): Route {
    return this.stack[this.stack.length - 1] ?? { screen: 'attract' };
  }

  get canGoBack(): boolean {
    return this.stack.length > 1 && this.route.screen !== 'home';
  }

  go(screen: ScreenId, params?: Record<string, string>): void {
    this.stack = [...this.stack, { screen, params }];
  }

  /** Replace the current screen (no Back entry), e.g. language → home. */
  replace(screen: ScreenId, params?: Record<string, string>): void {
    this.stack = [...this.stack.slice(0, -1), { screen, params }];
  }

  back(): void {
    if (this.stack.length > 1) this.stack = this.stack.slice(0, -1);
  }

  home(): void {
    this.stack = [{ screen: 'home' }];
  }

  setTextSize(size: TextSize): void {
    this.textSize = size;
    applyPresentation(this);
  }

  toggleContrast(): void {
    this.highContrast = !this.highContrast;
    applyPresentation(this);
  }

  /**
   * A visitor chose a language after the attract screen: the core counts the visit and hands back
   * the token its counters need. A failure must not stop the visitor; the visit is then uncounted.
   */
  begin(language: Language): void {
    this.token = invoke('visit.start', { language }).then(
      (started) => started.visit,
      () => undefined,
    );
  }

  /** The token to send with an anonymous counter; undefined when the visit was not counted. */
  visitToken(): Promise<string | undefined> {
    return this.token;
  }

  /** Capabilities register here what they keep about a visit; the hook clears it. */
  onWipe(hook: WipeHook): () => void {
    this.wipeHooks.add(hook);
    return () => this.wipeHooks.delete(hook);
  }

  wipe(): void {
    for (const hook of this.wipeHooks) hook();
    this.token = Promise.resolve(undefined);
    this.stack = [{ screen: 'attract' }];
    this.textSize = 1;
    this.highContrast = false;
    locale.set(this.defaultLanguage);
    applyPresentation(this);
    try {
      sessionStorage.clear();
      localStorage.clear();
    } catch {
      // Storage may be unavailable (opaque origins); nothing is kept there anyway.
    }
  }
}

/** Text size and contrast live on <html> so every screen, dialog and simulated phone follows them. */
function applyPresentation(visit: Visit): void {
  const root = document.documentElement;
  root.dataset.textSize = String(visit.textSize);
  root.classList.toggle('high-contrast', visit.highContrast);
}

export const visit = new Visit();
applyPresentation(visit);
