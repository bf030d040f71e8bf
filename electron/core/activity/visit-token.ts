import { z } from 'zod';

/**
 * The token `visit.start` hands the page; counters take it and count each thing once per visit.
 * Kept free of Node imports so the capability contracts (which the renderer's types read) can use it.
 */
export const VisitTokenSchema = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
