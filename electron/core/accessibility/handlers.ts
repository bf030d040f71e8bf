import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../contract-method';
import { KioskError } from '../errors';
import type { accessibilityMethods } from './contract';

/**
 * The demos are content (shipped, or an organisation's pack), read from `ctx.content` at each
 * call. A broken shipped file must not stop the rest of the kiosk: the loader logs it and leaves
 * the demos out, and the method answers `internal` until the file is fixed.
 */
export async function createAccessibilityHandlers(
  ctx: CoreContext,
): Promise<HandlersOf<typeof accessibilityMethods>> {
  return {
    'accessibility.demos': async () => {
      const content = ctx.content.accessibility;
      if (!content)
        throw new KioskError('internal', 'The accessibility demos could not be loaded.', {
          reason: 'errors.contentMissing',
        });
      return content;
    },
  };
}
