/**
 * PINs a passer-by would try first, refused when a PIN is chosen (set-up, a change, a reset by a
 * coordinator, recovery), never when one is typed to sign in: a weak PIN set before this rule
 * still signs in, so no kiosk locks its staff out by upgrading.
 *
 * - all one digit: 000000 … 999999;
 * - a run up or down, the digits taken as a ring (after 9 comes 0): 123456, 654321, 012345,
 *   543210, and also 890123 or 210987, which are the same finger walk along the pad's digits;
 *   30 PINs in all with the one-digit ones, a small price against the first guesses anyone makes;
 * - six digits in a row of the centre's phone number (printed on its door and its leaflets).
 */
export type WeakPinReason = 'sameDigit' | 'run' | 'phone';

/** Why `pin` (six digits) is too easy to guess, or null when it is not. */
export function weakPinReason(pin: string, centrePhone?: string | null): WeakPinReason | null {
  const digits = [...pin].map(Number);
  if (digits.length < 2 || digits.some((d) => !Number.isInteger(d))) return null;
  const steps = digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10);
  if (steps.every((step) => step === 0)) return 'sameDigit';
  if (steps.every((step) => step === 1) || steps.every((step) => step === 9)) return 'run';
  const phone = (centrePhone ?? '').replace(/\D/g, '');
  if (phone.length >= pin.length && phone.includes(pin)) return 'phone';
  return null;
}
