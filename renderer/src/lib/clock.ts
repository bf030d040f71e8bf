import { hongKongDateKey, type DateKey } from '../../../electron/shared/period';

/**
 * The renderer's dates follow the core's clock (app.info), not the page's: the report periods,
 * the date on a printed slip and a new session's date then agree with the tallies the core keeps,
 * and a test that starts the kiosk on a fixed date (KIOSK_NOW) moves both sides at once.
 */
let offsetMs = 0;

/** Called with app.info's clock each time it is loaded. */
export function followCoreClock(coreNowIso: string, pageNow: number = Date.now()): void {
  const core = Date.parse(coreNowIso);
  if (Number.isFinite(core)) offsetMs = core - pageNow;
}

export function kioskNow(pageNow: number = Date.now()): Date {
  return new Date(pageNow + offsetMs);
}

/** Today in Hong Kong by the core's clock. */
export function kioskToday(pageNow: number = Date.now()): DateKey {
  return hongKongDateKey(kioskNow(pageNow));
}
