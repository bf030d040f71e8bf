import { config } from './settings.svelte';
import { speech } from './speech.svelte';
import { staffSignIn } from './staff.svelte';
import { visit } from './visit.svelte';

/**
 * The one way a visit ends — "I'm finished", the idle timeout, staff sign-out: stop speaking,
 * sign staff out, clear every visitor state, back to the attract screen.
 */
export function finishVisit(): void {
  speech.stop();
  void staffSignIn.end();
  visit.wipe();
  void config.load();
}
