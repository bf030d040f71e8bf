import type { AccessibilityDemos } from '../../../electron/core/accessibility/contract';
import type { DemoId } from '../../../electron/core/accessibility/schema';
import { invoke } from '../lib/api';
import { visit } from '../lib/visit.svelte';
import { NO_TAPS, type TapScore } from './tremor';

export type Demo = AccessibilityDemos['demos'][number];
export type Mode = 'before' | 'after';

/**
 * The shipped demo texts (fetched once: they never change while the kiosk runs) and what a
 * visitor did in the demos: which version each shows, the tremor game's scores and what was typed
 * in the forms demo. The visit's wipe clears the visitor's part.
 */
class AccessibilityState {
  content = $state<AccessibilityDemos | null>(null);
  failed = $state(false);
  /** Every demo opens on "before": feel the problem first, then the fix. */
  modes = $state<Partial<Record<DemoId, Mode>>>({});
  scores = $state<Record<Mode, TapScore>>({ before: { ...NO_TAPS }, after: { ...NO_TAPS } });
  shakyHand = $state(false);
  formValues = $state<{ name: string; phone: string }>({ name: '', phone: '' });
  private loading: Promise<void> | undefined;

  load(): Promise<void> {
    if (this.content) return Promise.resolve();
    this.loading ??= invoke('accessibility.demos', {})
      .then((content) => {
        this.content = content;
        this.failed = false;
      })
      .catch(() => {
        this.failed = true;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  demo(id: string | undefined): Demo | undefined {
    return this.content?.demos.find((demo) => demo.id === id);
  }

  modeOf(id: DemoId): Mode {
    return this.modes[id] ?? 'before';
  }

  setMode(id: DemoId, mode: Mode): void {
    this.modes[id] = mode;
  }

  /**
   * At a visit's end: fetch the demos again in the background (an organisation's pack may have
   * replaced them); the ones on hand stay until the new ones arrive, so nothing flashes empty.
   */
  refresh(): void {
    if (!this.content) return;
    void invoke('accessibility.demos', {})
      .then((content) => {
        this.content = content;
      })
      .catch(() => undefined);
  }

  resetVisitor(): void {
    this.modes = {};
    this.scores = { before: { ...NO_TAPS }, after: { ...NO_TAPS } };
    this.shakyHand = false;
    this.formValues = { name: '', phone: '' };
  }
}

export const accessibility = new AccessibilityState();
visit.onWipe(() => {
  accessibility.resetVisitor();
  accessibility.refresh();
});
