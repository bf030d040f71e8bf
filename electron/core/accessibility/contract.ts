import { z } from 'zod';
import { method } from '../contract-method';
import type { AccessibilityContent } from './schema';

/** Every localised text in the answer has its zh-CN filled in. */
export type AccessibilityDemos = AccessibilityContent;

/** The accessibility demos' contract entries; contract.ts spreads them in. */
export const accessibilityMethods = {
  /** The nine demos (in list order), the ten-point checklist and where to learn more. */
  'accessibility.demos': method<AccessibilityDemos>()({ input: z.object({}).strict(), staff: false }),
} as const;

export type AccessibilityMethods = typeof accessibilityMethods;
