/** The nine demos, in the order the kiosk shows them. Free of imports so the renderer can use it without zod. */
export const DEMO_IDS = [
  'text-size',
  'contrast',
  'colour-alone',
  'low-vision',
  'touch-targets',
  'screen-readers',
  'forms',
  'time-and-motion',
  'captions',
] as const;
export type DemoId = (typeof DEMO_IDS)[number];
