import type { Language } from '../../../electron/core/i18n';
import type { ProgrammeResult } from '../../../electron/core/programmes/views';
import { formatDate } from '../lib/dates';
import { formatPhone } from './format';
import { isClosedOutcome, orderResults } from './outcome';

type Text = { 'zh-HK': string; en: string; 'zh-CN'?: string };
const pickIn = (text: Text, language: Language) => text[language] ?? text['zh-HK'];

/** What the family takes away on paper or in the QR code. */
export interface TakeAway {
  items: TakeAwayItem[];
  /** The oldest "rules as of" among the programmes: the whole summary is no newer than that. */
  rulesAsOf: string;
  /** The content version the results come from (rules-2026.12), so staff can tell which rules spoke. */
  rulesVersion: string;
}

export interface TakeAwayItem {
  id: string;
  title: string;
  outcome: string;
  /** Only for programmes the family can act on now: where to go and what to bring. */
  places: { name: string; phone: string | null }[];
  documents: string[];
  /**
   * The amount on the route that decided, with the date of that figure, for programmes the family
   * can act on. Worded without the route (programmes.result.slipAmount), so it does not say "CSSA".
   */
  amount: { amount: number; asOf: string } | null;
}

/**
 * Builds the take-away from the results. It deliberately leaves out the reasons, the near-miss
 * and the trace: those restate the family's answers ("your household receives CSSA"), and a
 * slip left on a shared printer or a QR code scanned over a shoulder must not say them.
 * Programme → outcome, where to go, phone numbers and the rules date say nothing about who asked.
 */
export function buildTakeAway(
  results: readonly ProgrammeResult[],
  language: Language,
  centreStaff: string,
  rulesVersion = '',
): TakeAway {
  const items = orderResults(results).map((result): TakeAwayItem => {
    const actionable = isActionable(result);
    return {
      id: result.id,
      title: pickIn(result.title, language),
      outcome: pickIn(result.outcomeLabel, language),
      places: actionable
        ? result.whereToGo
            // The kiosk's own screens mean nothing once away from it.
            .filter((place) => place.kind !== 'kiosk-screen')
            .map((place) => ({
              name: place.kind === 'centre-staff' ? centreStaff : pickIn(place.name, language),
              phone: place.phone ? formatPhone(place.phone) : null,
            }))
        : [],
      documents: actionable ? result.documents.map((document) => pickIn(document, language)) : [],
      amount: actionable && result.amount ? { amount: result.amount.amount, asOf: result.amount.asOf } : null,
    };
  });
  const rulesAsOf = results.map((result) => result.rulesAsOf).sort()[0] ?? '';
  return { items, rulesAsOf, rulesVersion };
}

export interface TakeAwayWords {
  heading: string;
  rulesAsOf: (date: string) => string;
}

/** The QR code's text: short, so the code stays easy for a phone camera to read. No documents list. */
export function takeAwayText(takeAway: TakeAway, language: Language, words: TakeAwayWords): string {
  const lines = [words.heading];
  for (const item of takeAway.items) {
    lines.push(`• ${item.title}: ${item.outcome}`);
    const seen = new Set<string>();
    for (const place of item.places) {
      const line = place.phone ? `  ${place.name} ${place.phone}` : `  ${place.name}`;
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(line);
    }
  }
  if (takeAway.rulesAsOf) lines.push(words.rulesAsOf(formatDate(takeAway.rulesAsOf, language)));
  return lines.join('\n');
}

/** Results a family can act on now: not ended, not "not eligible". */
export function isActionable(result: Pick<ProgrammeResult, 'outcome'>): boolean {
  return !isClosedOutcome(result.outcome) && result.outcome !== 'not-eligible';
}

/**
 * The one next step the summary leads with: the most useful result the family can act on, taken
 * to an office that decides it (the centre's staff only when no result has another office), or
 * null when there is nothing to act on.
 */
export function nextStepOf<T extends Pick<ProgrammeResult, 'outcome' | 'status' | 'route'>>(
  results: readonly T[],
): T | null {
  const actionable = orderResults(results).filter(isActionable);
  return actionable.find((result) => result.route.office !== 'centre-staff') ?? actionable[0] ?? null;
}
