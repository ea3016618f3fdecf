import crypto from 'node:crypto';

const digest = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest();

/** A token shown to the customer once; only its SHA-256 is stored. */
export function newAccessToken() {
  const token = crypto.randomBytes(24).toString('base64url');
  return { token, hash: digest(token).toString('hex') };
}

const decoy = digest('no appeal has this token').toString('hex');

/** Constant-time: an unknown reference is compared against a decoy, so timing tells nothing either. */
export function tokenMatches(storedHash: string | null | undefined, presented: string): boolean {
  const expected = Buffer.from(storedHash ?? decoy, 'hex');
  const actual = digest(presented);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual) && Boolean(storedHash);
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/.exec(header ?? '');
  return match?.[1] ?? null;
}
