/**
 * Levels the practice phone keeps while a lesson lasts, and how many positions each has: volume,
 * brightness and text size (0 lowest), the gallery's zoom, and which of the gallery's photos is
 * shown. Shared by the lesson schema (a text may show a level) and the phone's state in the renderer.
 */
export const PHONE_LEVEL_STEPS = { volume: 5, brightness: 5, 'text-size': 5, zoom: 4, photo: 3 } as const;
export type PhoneLevel = keyof typeof PHONE_LEVEL_STEPS;
export const PHONE_LEVELS = Object.keys(PHONE_LEVEL_STEPS) as [PhoneLevel, ...PhoneLevel[]];
