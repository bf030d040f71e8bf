import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { z } from 'zod';

/**
 * The sealing of a backup file: a key from the passphrase staff choose (scrypt, a random salt
 * per file) and AES-256-GCM over the documents, node:crypto only.
 *
 * scrypt gives 64 bytes: the first 32 are the AES key, the last 32 make a passphrase check
 * (an HMAC of a fixed text) kept beside the ciphertext. It tells "wrong passphrase" apart from
 * "damaged file": with the right passphrase the check matches, so a tag that then fails means the
 * bytes changed. The check gives an attacker nothing the GCM tag does not already give (each guess
 * still costs one scrypt).
 *
 * The envelope's readable fields (format, version, created at, app version, the parameters) are
 * GCM's additional data: editing any of them fails the tag like editing the ciphertext does.
 */

export const BACKUP_CIPHER = 'aes-256-gcm';
export const BACKUP_KDF = 'scrypt';
/** N = 2^17, r = 8, p = 1: 128 MiB and about 0.4 s per derivation on the kiosk's class of PC. */
export const SCRYPT_N = 2 ** 17;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
/** A file may ask for at most this N: a made-up file must not make the kiosk allocate gigabytes. */
const MAX_N = 2 ** 18;
const MIN_N = 2 ** 15;
export const MIN_PASSPHRASE = 8;
export const MAX_PASSPHRASE = 128;
const CHECK_TEXT = 'digital-inclusion-kiosk-backup passphrase check';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const EncryptionSchema = z
  .object({
    cipher: z.literal(BACKUP_CIPHER),
    kdf: z.literal(BACKUP_KDF),
    N: z
      .number()
      .int()
      .min(MIN_N)
      .max(MAX_N)
      .refine((n) => (n & (n - 1)) === 0, 'a power of two'),
    r: z.literal(SCRYPT_R),
    p: z.literal(SCRYPT_P),
    salt: Base64.length(24),
    iv: Base64.length(16),
    tag: Base64.length(24),
    check: Base64.length(44),
  })
  .strict();
export type Encryption = z.infer<typeof EncryptionSchema>;

export type OpenResult = { ok: true; plaintext: string } | { ok: false; why: 'passphrase' | 'damaged' };

function deriveKeys(passphrase: string, salt: Buffer, N: number): Promise<{ key: Buffer; check: Buffer }> {
  return new Promise((resolve, reject) => {
    // Node's default memory cap (32 MiB) is below what N = 2^15 with r = 8 needs; allow twice the need.
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      64,
      { N, r: SCRYPT_R, p: SCRYPT_P, maxmem: 256 * N * SCRYPT_R },
      (error, derived) => {
        if (error) reject(error);
        else
          resolve({
            key: derived.subarray(0, 32),
            check: createHmac('sha256', derived.subarray(32)).update(CHECK_TEXT).digest(),
          });
      },
    );
  });
}

/** Seals `plaintext`; `header` (the envelope's readable part) is bound to it as additional data. */
export async function seal(
  plaintext: string,
  passphrase: string,
  header: (encryption: Omit<Encryption, 'tag'>) => string,
  N = SCRYPT_N,
): Promise<{ encryption: Encryption; ciphertext: string }> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, salt, N);
  const params = {
    cipher: BACKUP_CIPHER,
    kdf: BACKUP_KDF,
    N,
    r: SCRYPT_R,
    p: SCRYPT_P,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    check: check.toString('base64'),
  } as const;
  const cipher = createCipheriv(BACKUP_CIPHER, key, iv);
  cipher.setAAD(Buffer.from(header(params), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    encryption: { ...params, tag: cipher.getAuthTag().toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Opens what `seal` made: the plaintext, or whether the passphrase or the bytes are wrong. */
export async function open(
  encryption: Encryption,
  ciphertext: string,
  passphrase: string,
  header: string,
): Promise<OpenResult> {
  const { key, check } = await deriveKeys(passphrase, Buffer.from(encryption.salt, 'base64'), encryption.N);
  const stored = Buffer.from(encryption.check, 'base64');
  if (stored.length !== check.length || !timingSafeEqual(stored, check))
    return { ok: false, why: 'passphrase' };
  try {
    const decipher = createDecipheriv(BACKUP_CIPHER, key, Buffer.from(encryption.iv, 'base64'));
    decipher.setAAD(Buffer.from(header, 'utf8'));
    decipher.setAuthTag(Buffer.from(encryption.tag, 'base64'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
    return { ok: true, plaintext: plaintext.toString('utf8') };
  } catch {
    return { ok: false, why: 'damaged' };
  }
}
