/**
 * Participant lists keep a nickname or a resume code, nothing that identifies a person on paper
 * (PCPD: avoid collecting HKID numbers). These checks refuse what looks like an identity number,
 * a phone number or an e-mail address before it is ever stored.
 */

/** HKID: one or two letters, six digits, a check digit (0–9 or A), often in brackets. */
const HKID_LIKE = /[A-Z]{1,2}\s*[-]?\s*\d{6}\s*\(?\s*[0-9A]?\s*\)?/i;
/** Six or more digits, spaces and hyphens ignored: an ID, phone or account number. */
const LONG_NUMBER = /\d{6,}/;
const EMAIL_LIKE = /\S+@\S+/;

export type IdentifierProblem = 'hkid' | 'number' | 'email';

export function identifierProblem(written: string): IdentifierProblem | null {
  // A Chinese input method in full-width mode, or handwriting, gives ９１２３４５６７ and Ａ１２３４５６(７):
  // NFKC folds full-width letters, digits, brackets and ＠ to the ASCII ones the patterns know.
  const text = written.normalize('NFKC');
  const squeezed = text.replace(/[\s\-()（）]/g, '');
  if (HKID_LIKE.test(text) || /^[A-Z]{1,2}\d{6}[0-9A]?$/i.test(squeezed)) return 'hkid';
  if (LONG_NUMBER.test(squeezed)) return 'number';
  if (EMAIL_LIKE.test(text)) return 'email';
  return null;
}
