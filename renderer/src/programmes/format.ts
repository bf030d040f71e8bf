/** Phone numbers as the eye reads them best on a large screen: "2802 2345" stays as is; digits are grouped in fours. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 8) return `${digits.slice(0, 4)} ${digits.slice(4)}`;
  return phone.trim();
}

/** `tel:`-style digits for assistive technology and for the QR summary. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}
