import { z } from 'zod';
import { JoinFileSchema } from './join-file';

/**
 * org.json: whether this kiosk belongs to an organisation (the join file it accepted, with the
 * organisation's public key pinned at that moment), which content packs are applied, which were
 * refused and why, and the last day of figures written. Nothing personal: ids, versions, dates.
 * A kiosk that never joined keeps the defaults (and writes no org folders).
 */

export const ORG_SCHEMA_VERSION = 1;
export const MAX_REFUSALS = 20;

export const PACK_PARTS = ['lessons', 'programmes', 'accessibility', 'wifi'] as const;
export const PackPartSchema = z.enum(PACK_PARTS);
export type PackPart = z.infer<typeof PackPartSchema>;

const Version = z.string().min(1).max(40);
const Iso = z.string().datetime();

export const AppliedPackSchema = z
  .object({
    version: Version,
    organisation: z.string().min(1).max(120),
    created: Iso,
    appliedAt: Iso,
    /** The folder name under org/packs holding the applied tree. */
    tree: z.string().min(1).max(80),
    parts: z.array(PackPartSchema).max(PACK_PARTS.length),
  })
  .strict();
export type AppliedPack = z.infer<typeof AppliedPackSchema>;

export const PackRefusalSchema = z
  .object({
    version: Version,
    at: Iso,
    /** An i18n key, org.refusals.<name>: the console says it in the reader's language. */
    reason: z.string().min(1).max(80),
    params: z.record(z.string().max(40), z.union([z.string().max(300), z.number()])),
  })
  .strict();
export type PackRefusal = z.infer<typeof PackRefusalSchema>;

export const ApplyModeSchema = z.enum(['auto', 'preview']);
export type ApplyMode = z.infer<typeof ApplyModeSchema>;

export const JoinedSchema = z
  .object({
    joinedAt: Iso,
    join: JoinFileSchema,
    applyMode: ApplyModeSchema,
  })
  .strict();
export type Joined = z.infer<typeof JoinedSchema>;

export const WaitingSchema = z
  .object({ version: Version, since: Iso, missing: z.number().int().min(0) })
  .strict();
export type WaitingPack = z.infer<typeof WaitingSchema>;

export const OrgDocSchema = z
  .object({
    schemaVersion: z.literal(ORG_SCHEMA_VERSION),
    joined: JoinedSchema.nullable(),
    packs: z
      .object({
        current: AppliedPackSchema.nullable(),
        previous: AppliedPackSchema.nullable(),
        /** Versions staff rolled back from: never applied again on their own. */
        held: z.array(Version).max(200),
        /** Newest first. */
        refused: z.array(PackRefusalSchema).max(MAX_REFUSALS),
        waiting: WaitingSchema.nullable(),
      })
      .strict(),
    figures: z.object({ lastDayWritten: z.string().nullable() }).strict(),
  })
  .strict();
export type OrgDoc = z.infer<typeof OrgDocSchema>;

export function defaultOrgDoc(): OrgDoc {
  return {
    schemaVersion: ORG_SCHEMA_VERSION,
    joined: null,
    packs: { current: null, previous: null, held: [], refused: [], waiting: null },
    figures: { lastDayWritten: null },
  };
}

/** Adds a refusal at the front, keeping the newest MAX_REFUSALS (changes the draft in place). */
export function pushRefusal(doc: OrgDoc, refusal: PackRefusal): void {
  doc.packs.refused.unshift(refusal);
  doc.packs.refused.splice(MAX_REFUSALS);
}
