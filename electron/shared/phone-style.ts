/**
 * The kind of phone a visitor has at home. The practice phone draws every lesson screen in this
 * style (Android: a back button and Material-like settings; iPhone: swipe back and iOS-like
 * settings), so what an elder learns to find is what they will see on their own phone. Lessons are
 * written once; the style belongs to the phone, not to the lesson.
 */
export const PHONE_STYLES = ['android', 'iphone'] as const;
export type PhoneStyle = (typeof PHONE_STYLES)[number];

/** Most elders in Hong Kong carry an Android phone; staff may set another default per centre. */
export const DEFAULT_PHONE_STYLE: PhoneStyle = 'android';

export function isPhoneStyle(value: unknown): value is PhoneStyle {
  return typeof value === 'string' && (PHONE_STYLES as readonly string[]).includes(value);
}
