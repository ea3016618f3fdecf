import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// Ten single-use codes of 80 random bits each, shown once; only their SHA-256 is kept (80 bits need no slow hash).
export const recoveryCodeCount = 10;
// Crockford's base 32: no i, l, o or u, and those typed by mistake are read as the digits they look like.
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
const groups = 4;
const groupLength = 4;

export type StoredRecoveryCode = { hash: string; usedAt: string | null };

const normalise = (code: string) =>
  code
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
const digest = (code: string) => createHash('sha256').update(normalise(code)).digest('hex');

export function newRecoveryCodes(): { codes: string[]; stored: StoredRecoveryCode[] } {
  const codes = Array.from({ length: recoveryCodeCount }, () =>
    Array.from({ length: groups }, () => Array.from({ length: groupLength }, () => alphabet[randomInt(alphabet.length)]).join('')).join(
      '-',
    ),
  );
  return { codes, stored: codes.map((code) => ({ hash: digest(code), usedAt: null })) };
}

export const readStoredCodes = (value: unknown): StoredRecoveryCode[] =>
  Array.isArray(value)
    ? value.filter(
        (c): c is StoredRecoveryCode => typeof c === 'object' && c !== null && typeof (c as StoredRecoveryCode).hash === 'string',
      )
    : [];

export const unusedCount = (value: unknown): number => readStoredCodes(value).filter((c) => !c.usedAt).length;

/** The stored codes with `code` marked used, or null when it is none of the unused ones. */
export function spendRecoveryCode(value: unknown, code: string, now: Date): StoredRecoveryCode[] | null {
  const stored = readStoredCodes(value);
  const wanted = Buffer.from(digest(code), 'hex');
  const index = stored.findIndex((c) => !c.usedAt && c.hash.length === 64 && timingSafeEqual(Buffer.from(c.hash, 'hex'), wanted));
  if (index < 0) return null;
  return stored.map((c, i) => (i === index ? { ...c, usedAt: now.toISOString() } : c));
}
