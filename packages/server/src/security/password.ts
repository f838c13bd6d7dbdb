import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HASHING_SLOTS } from './hashing-slots.js';

/** scrypt cost parameters, stored with each hash so they can be raised later without invalidating old ones. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

/**
 * N = 2^15, r = 8 uses 32 MiB per hash: costly to guess on GPUs, while a
 * login still takes well under 100 ms.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 64 };

/** What the users table stores: hash and salt in base64, parameters as JSON. */
export interface PasswordHash {
  hash: string;
  salt: string;
  params: string;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return HASHING_SLOTS.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, params.keylen, options, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return { hash: key.toString('base64'), salt: salt.toString('base64'), params: JSON.stringify(params) };
}

/** A malformed stored hash counts as a mismatch: a broken row must not open the account. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  let params: ScryptParams;
  try {
    params = JSON.parse(stored.params) as ScryptParams;
  } catch {
    return false;
  }
  const valid = [params.N, params.r, params.p, params.keylen].every((n) => Number.isInteger(n) && n > 0);
  if (!valid || params.N > 2 ** 20) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of no one's password, checked when the email is unknown so that a
 * login takes as long for a missing account as for a wrong password.
 */
let decoy: Promise<PasswordHash> | undefined;
export function decoyHash(): Promise<PasswordHash> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** A random password for first-run admins and `fiw user add`, shown once. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
