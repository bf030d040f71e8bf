import { randomInt } from 'node:crypto';

/**
 * The recovery code: 16 digits, shown and printed in four groups of four ("4821 0937 …").
 * Digits only, so staff type it on the same on-screen digit pad as the PIN, with no letters to
 * mistake (0/O, 1/l) and nothing that reads differently in Chinese or English. 10^16 codes (53
 * bits) under scrypt are out of reach offline, and the online guess limit makes them out of
 * reach at the kiosk too.
 */
export const RECOVERY_CODE_DIGITS = 16;
export const RECOVERY_CODE_GROUP = 4;

export function generateRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_DIGITS; i += 1) code += String(randomInt(0, 10));
  return code;
}

/** The code as typed or printed, spaces and hyphens allowed; null when it is not 16 digits. */
export function normaliseRecoveryCode(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${RECOVERY_CODE_DIGITS}}$`).test(digits) ? digits : null;
}

export function groupRecoveryCode(code: string): string {
  return code.replace(new RegExp(`(\\d{${RECOVERY_CODE_GROUP}})(?=\\d)`, 'g'), '$1 ');
}
