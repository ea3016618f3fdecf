import crypto from 'node:crypto';

/** A keyed hash of an identity number, so declared and stored numbers can be compared without keeping either. */
export function identityDigest(key: string, value: string): string {
  const normalised = value.trim().toUpperCase();
  return crypto.createHmac('sha256', key).update(normalised).digest('hex');
}
