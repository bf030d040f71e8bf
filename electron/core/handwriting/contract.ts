import { z } from 'zod';
import { method } from '../contract-method';

/** A point in pad pixels (y down); bounded so junk cannot overflow the arithmetic. */
const Point = z.tuple([
  z.number().finite().min(-100_000).max(100_000),
  z.number().finite().min(-100_000).max(100_000),
]);

export const RecogniseInput = z
  .object({
    /** Each stroke the finger's points in the order written; at most 40 strokes of 500 points. */
    strokes: z.array(z.array(Point).max(500)).max(40),
    prefer: z.enum(['traditional', 'simplified']),
    limit: z.number().int().min(1).max(20).optional(),
  })
  .strict();

/** The handwriting contract entries; contract.ts spreads them in. */
export const handwritingMethods = {
  /** Candidate characters for one written character, best first (single characters). */
  'handwriting.recognise': method<{ candidates: string[] }>()({
    input: RecogniseInput,
    staff: false,
    // 40 strokes × 500 points as JSON is ~350 KB: above the 256 KiB default.
    maxBodyBytes: 1024 * 1024,
  }),
  /**
   * Next-character suggestions (聯想字) after the text just before the insertion point (only its
   * last few Han characters matter), best first; each is one or more characters to insert.
   */
  'handwriting.suggest': method<{ suggestions: string[] }>()({
    input: z
      .object({
        after: z.string().max(200),
        prefer: z.enum(['traditional', 'simplified']),
        limit: z.number().int().min(1).max(20).optional(),
      })
      .strict(),
    staff: false,
  }),
} as const;

export type HandwritingMethods = typeof handwritingMethods;
