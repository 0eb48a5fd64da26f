import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 20 ms per check here.
 * Hashes from before (scrypt) still verify and are replaced at the next successful sign-in.
 */
// `Algorithm` is a const enum, which isolated modules cannot read: 2 is its Argon2id.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (stored?.startsWith('$argon2')) {
    return verify(stored, password).catch(() => false);
  }
  if (stored?.startsWith('scrypt$')) return verifyScrypt(password, stored);
  // Spend the same time as a real check, so response times don't reveal unknown accounts.
  await hashPassword(password);
  return false;
}

/** Whether a verified hash should be replaced by one with today's algorithm and parameters. */
export function needsRehash(stored: string): boolean {
  const params = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!params) return true;
  const [m, t, p] = params.slice(1).map(Number);
  return m < ARGON2.memoryCost || t < ARGON2.timeCost || p < ARGON2.parallelism;
}

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** `scrypt$N$r$p$salt$hash`, as stored before argon2id. */
async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6) return false;
  const [, n, r, p, salt, expectedText] = parts;
  const expected = Buffer.from(expectedText, 'base64url');
  const N = Number(n);
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  }).catch(() => null);
  return !!key && key.length === expected.length && timingSafeEqual(key, expected);
}

/** For tests of the upgrade path: a hash as the previous version stored it. */
export async function legacyScryptHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** 15;
  const key = await scrypt(password, salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
  return ['scrypt', N, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}
