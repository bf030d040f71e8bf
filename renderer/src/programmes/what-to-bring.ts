/**
 * "What to bring" for the internet subsidy: one checklist per route a household can be on, each
 * with the office that decides it. It is the same for every visitor, whatever they answered: a
 * slip listing only the CSSA papers would tell whoever picks it up that the family receives CSSA.
 * Words are programmes.bring.* in the locale files (route titles, documents, offices).
 *
 * The documents are the ones the gov.hk "i Learn at home" application tips list for each kind of
 * household (shared FACTS, read 2026-12-01): they are the papers that show a household's route.
 * Office phones only where FACTS confirms one; FACTS gives no opening hours, so the slip says to
 * phone before going rather than guessing.
 */

export type BringOffice = 'swd' | 'sfo';

export interface BringRoute {
  /** programmes.bring.route.<id> is who the list is for ("If your household receives CSSA"). */
  id: 'cssa' | 'sfo-grant' | 'sfo-apply' | 'yi-jin-vtc';
  office: BringOffice;
  /** programmes.bring.document.<id>, in the order to gather them. */
  documents: string[];
}

export const BRING_ROUTES: readonly BringRoute[] = [
  { id: 'cssa', office: 'swd', documents: ['cssa-certificate', 'address-proof', 'student-card'] },
  { id: 'sfo-grant', office: 'sfo', documents: ['sfo-notice', 'student-card'] },
  { id: 'sfo-apply', office: 'sfo', documents: ['household-application', 'ask-sfo-papers'] },
  { id: 'yi-jin-vtc', office: 'sfo', documents: ['study-proof', 'any-letter'] },
];

/** Phone numbers FACTS confirms (SFO enquiries); the SWD's is not confirmed, so none is given. */
export const BRING_OFFICE_PHONE: Record<BringOffice, string | null> = {
  sfo: '2802 2345',
  swd: null,
};

/** Where the checklist comes from, shown on screen and on the slip as plain text. */
export const BRING_SOURCE = {
  url: 'https://www.gov.hk/en/theme/ilearnathome/tips/',
  read: '2026-12-01',
};
