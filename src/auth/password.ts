import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Password hashing with scrypt (OWASP/ASVS parameters N=2^15, r=8, p=3, 16-byte salt, 32-byte key).
 * Not PBKDF2: production Workers cap it at 100,000 iterations while local workerd has no cap. Not bcrypt: it
 * truncates at 72 bytes and passwords are used exactly as typed.
 *
 * Stored as a PHC string so the parameters travel with the hash and can be raised later:
 * `$scrypt$ln=15,r=8,p=3$<salt base64>$<hash base64>`.
 */
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 3;

export interface ScryptParams {
  cost: number;
  blockSize: number;
  parallelization: number;
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      keyLength,
      {
        N: params.cost,
        r: params.blockSize,
        p: params.parallelization,
        // scrypt needs 128 * N * r bytes; the default 32 MiB ceiling is exactly N=2^15, r=8, so allow headroom.
        maxmem: 256 * params.cost * params.blockSize,
      },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * @example
 * const stored = await hashPassword("correct horse battery staple");
 * // "$scrypt$ln=15,r=8,p=3$...$..."
 */
export async function hashPassword(password: string, cost = 2 ** 15): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const params = { cost, blockSize: BLOCK_SIZE, parallelization: PARALLELISM };
  const key = await derive(password, salt, params, KEY_LENGTH);
  return `$scrypt$ln=${Math.log2(cost)},r=${BLOCK_SIZE},p=${PARALLELISM}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export function parseHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  return {
    params: { cost: 2 ** Number(ln), blockSize: Number(r), parallelization: Number(p) },
    salt: Buffer.from(salt, "base64"),
    key: Buffer.from(key, "base64"),
  };
}

/** Constant-time comparison of the derived key; an unparseable stored hash never verifies. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}
