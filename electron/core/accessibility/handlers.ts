import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../contract-method';
import { KioskError } from '../errors';
import type { accessibilityMethods } from './contract';
import { loadAccessibilityContent } from './load-accessibility';
import type { AccessibilityContent } from './schema';

/**
 * The demos are shipped content read once at start-up. A broken file must not stop the rest of
 * the kiosk: it is logged and the method answers `internal` until the file is fixed.
 */
export async function createAccessibilityHandlers(
  ctx: CoreContext,
): Promise<HandlersOf<typeof accessibilityMethods>> {
  let content: AccessibilityContent | undefined;
  let problem = '';
  try {
    content = await loadAccessibilityContent(ctx.contentDir);
  } catch (error) {
    problem = (error as Error).message;
    console.error(`[kiosk] accessibility demos left out: ${problem}`);
  }
  return {
    'accessibility.demos': async () => {
      if (!content)
        throw new KioskError('internal', `The accessibility demos could not be loaded (${problem}).`, {
          reason: 'errors.contentMissing',
        });
      return content;
    },
  };
}
