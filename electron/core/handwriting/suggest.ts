import type { CoreContent } from '../core-context';
import type { StoredVenue } from '../hotspots/dataset';
import { SuggestModel, suggestFrom, type Script } from './suggest-model';
import {
  loadCommonWords,
  staticVocabulary,
  staticWords,
  venueVocabulary,
  type VocabularyText,
} from './vocabulary';

export const DEFAULT_SUGGESTIONS = 10;
export const MAX_SUGGESTIONS = 20;

export interface SuggestSources {
  /** The content in use; read at each request (a getter follows ctx.content when a pack replaces it). */
  readonly content: CoreContent;
  contentDir: string;
  /** The venues of the Wi-Fi dataset in use now; a new array whenever staff import or roll back. */
  venues: () => readonly StoredVenue[];
}

/**
 * Next-character suggestions (聯想字) over the kiosk's own vocabulary. Built on the first request,
 * not at start-up: most visits never write a character. The fixed part (districts, venue types,
 * lessons, common words) is built once per content (again after a pack replaces the lessons); the venues' part again whenever the dataset in use is
 * another one, so a freshly imported venue's name is suggested on the next request.
 */
export class Suggester {
  private fixed: { content: CoreContent; model: SuggestModel; words: VocabularyText[] } | null = null;
  private venueModel: { venues: readonly StoredVenue[]; model: SuggestModel } | null = null;

  constructor(private readonly sources: SuggestSources) {}

  suggest(after: string, prefer: Script, limit = DEFAULT_SUGGESTIONS): string[] {
    return suggestFrom(this.models(), after, prefer, Math.min(limit, MAX_SUGGESTIONS));
  }

  /** The models in use now, built or rebuilt as needed; exposed for the bench. */
  models(): SuggestModel[] {
    const { content, contentDir } = this.sources;
    let rebuilt = false;
    if (this.fixed?.content !== content) {
      const common = loadCommonWords(contentDir);
      const words = staticWords(content, common);
      this.fixed = { content, model: new SuggestModel(staticVocabulary(content, common), words), words };
      rebuilt = true;
    }
    const venues = this.sources.venues();
    // The venues' model is weighted against the fixed words, so new lessons rebuild it too.
    if (rebuilt || this.venueModel?.venues !== venues)
      this.venueModel = { venues, model: new SuggestModel(venueVocabulary(venues), this.fixed.words) };
    return [this.fixed.model, this.venueModel.model];
  }
}
