import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { SecretHash } from './credential-schema';

// scrypt with Node's default cost (N=2^14, r=8, p=1): about 50 ms here, slow enough to make
// guessing a 6-digit PIN from a stolen data folder costly, quick enough for a kiosk login.
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function scrypt(secret: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(secret, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A staff PIN is exactly six digits. */
export const PIN_PATTERN = /^\d{6}$/;

/** A salted scrypt hash of a PIN or a recovery code. */
export async function hashSecret(secret: string): Promise<SecretHash> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, KEY_LENGTH, COST);
  return {
    algorithm: 'scrypt',
    salt: salt.toString('base64'),
    hash: key.toString('base64'),
    ...COST,
    keyLength: KEY_LENGTH,
  };
}

export async function verifySecret(secret: string, stored: SecretHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await scrypt(secret, Buffer.from(stored.salt, 'base64'), stored.keyLength, {
    N: stored.N,
    r: stored.r,
    p: stored.p,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export const hashPin = hashSecret;
export const verifyPin = verifySecret;
