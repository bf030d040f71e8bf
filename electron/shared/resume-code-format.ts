/**
 * The resume code's look, kept free of Node imports so the contract (and through it the renderer's
 * on-screen keyboard for codes) can use it. No 0/O, 1/I: the characters elders most often mix up.
 * 32 characters, so a random byte maps onto them evenly.
 */
export const RESUME_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RESUME_CODE_LENGTH = 6;
