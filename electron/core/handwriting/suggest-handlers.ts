import type { HandlersOf } from '../contract-method';
import type { CoreContext } from '../core-context';
import type { handwritingMethods } from './contract';
import { Suggester } from './suggest';

type SuggestMethods = Pick<typeof handwritingMethods, 'handwriting.suggest'>;

/** `handwriting.suggest`: answered from the kiosk's vocabulary and the Wi-Fi dataset in use now. */
export function createSuggestHandlers(ctx: CoreContext): HandlersOf<SuggestMethods> {
  const suggester = new Suggester({
    // A getter: the lessons a pack brings are suggested from the next request on.
    get content() {
      return ctx.content;
    },
    contentDir: ctx.contentDir,
    venues: () => ctx.venuesInUse.current(),
  });
  return {
    'handwriting.suggest': async ({ after, prefer, limit }) => ({
      suggestions: suggester.suggest(after, prefer, limit),
    }),
  };
}
