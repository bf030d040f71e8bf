import { readFile } from 'node:fs/promises';
import type { HandlersOf } from '../contract-method';
import { KioskError } from '../errors';
import type { handwritingMethods } from './contract';
import { createRecogniser, type Recogniser } from './recognise';

export interface HandwritingOptions {
  /**
   * The built template file (dist/handwriting/templates.bin). Without one (unit tests, a core
   * started from source) the templates are compiled from node_modules once and cached there.
   */
  templatesFile?: string;
}

/**
 * The templates load on the first call, not at start-up (the kiosk's cold start stays as it
 * was), and stay loaded. A missing or broken file is logged and each call answers `internal`.
 * `handwriting.suggest` needs the core's content and venues: suggest-handlers.ts answers it.
 */
export function createHandwritingHandlers(
  options: HandwritingOptions,
): HandlersOf<Omit<typeof handwritingMethods, 'handwriting.suggest'>> {
  let loading: Promise<Recogniser> | null = null;
  async function load(): Promise<Recogniser> {
    const bytes = options.templatesFile
      ? new Uint8Array(await readFile(options.templatesFile))
      : (await import('./cache')).loadCachedTemplateFile();
    return createRecogniser(bytes);
  }
  return {
    'handwriting.recognise': async ({ strokes, prefer, limit }) => {
      loading ??= load().catch((error: unknown) => {
        console.error(`[kiosk] handwriting templates could not be loaded: ${(error as Error).message}`);
        loading = null;
        throw new KioskError('internal', 'The handwriting templates could not be loaded.', {
          reason: 'errors.contentMissing',
        });
      });
      const recogniser = await loading;
      return { candidates: recogniser.recognise(strokes, { prefer, limit }) };
    },
  };
}
