import { z } from 'zod';
import { KioskError } from '../errors';
import { DistrictCodeSchema } from '../settings/schema';

/**
 * The join file the hub's tool writes for one kiosk (`hub join <kiosk id>`), carried to the kiosk
 * on a USB stick or uploaded in the browser kiosk. It names the hub's Syncthing device, the two
 * folders and the organisation's public key, which the kiosk pins when staff confirm. Strict: a
 * field the kiosk does not know is refused rather than ignored, so a file from a newer hub tool
 * cannot half-apply.
 */

export const KIOSK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const MAX_JOIN_FILE_BYTES = 64 * 1024;
/** Syncthing's device id: 8 groups of 7 base32 characters. */
const DEVICE_ID_PATTERN = /^[A-Z2-7]{7}(-[A-Z2-7]{7}){7}$/;
const FOLDER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A Syncthing address: tcp://, quic:// or relay:// with a host and port, or "dynamic". */
const ADDRESS_PATTERN = /^(dynamic|(tcp|tcp4|tcp6|quic|quic4|quic6|relay):\/\/[^\s/]+(\/[^\s]*)?)$/;

export const KioskIdSchema = z.string().regex(KIOSK_ID_PATTERN);

export const JoinFileSchema = z
  .object({
    kind: z.literal('kiosk-join'),
    format: z.literal(1),
    kioskId: KioskIdSchema,
    created: z.string().datetime(),
    organisation: z
      .object({
        name: z.string().trim().min(1).max(120),
        publicKey: z
          .string()
          .max(1000)
          .regex(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n?$/),
      })
      .strict(),
    hub: z
      .object({
        deviceId: z.string().regex(DEVICE_ID_PATTERN),
        name: z.string().trim().min(1).max(80),
        addresses: z.array(z.string().max(200).regex(ADDRESS_PATTERN)).min(1).max(10),
      })
      .strict(),
    folders: z
      .object({
        content: z.string().regex(FOLDER_ID_PATTERN),
        figures: z.string().regex(FOLDER_ID_PATTERN),
      })
      .strict(),
    centre: z.object({ name: z.string().trim().min(1).max(120), district: DistrictCodeSchema }).strict(),
  })
  .strict()
  .superRefine((file, issues) => {
    // The hub pools figures by folder: a kiosk's figures folder must be its own.
    if (file.folders.figures !== `figures-${file.kioskId}`)
      issues.addIssue({ code: 'custom', path: ['folders', 'figures'], message: 'not this kiosk’s folder' });
    if (file.folders.content === file.folders.figures)
      issues.addIssue({ code: 'custom', path: ['folders', 'content'], message: 'same as figures' });
  });
export type JoinFile = z.infer<typeof JoinFileSchema>;

/**
 * Reads a join file's bytes. Refusals name what is wrong for staff: not JSON at all, JSON that is
 * not a join file (another kind, e.g. a pack manifest), or a join file with one field wrong (its
 * path, said by the console as the field's label).
 */
export function parseJoinFile(bytes: Uint8Array): JoinFile {
  if (bytes.byteLength > MAX_JOIN_FILE_BYTES)
    throw new KioskError('invalid_input', 'The join file is too large to be a join file.', {
      reason: 'org.errors.joinFileWrongKind',
    });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new KioskError('invalid_input', 'The join file is not JSON.', {
      reason: 'org.errors.joinFileNotJson',
    });
  }
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== 'kiosk-join')
    throw new KioskError('invalid_input', 'This file is not a kiosk join file.', {
      reason: 'org.errors.joinFileWrongKind',
    });
  const parsed = JoinFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.filter((part) => typeof part === 'string').join('.') || 'unknown';
    throw new KioskError('invalid_input', `The join file is not valid (${field}): ${issue?.message ?? ''}.`, {
      reason: 'org.errors.joinFileInvalid',
      params: { field },
    });
  }
  return parsed.data;
}
