import sharp from 'sharp';
import type { Thumbnail } from './imageChecks';
import { THUMBNAIL_SIDE } from './limits';

const HASH_PATTERN = /^[0-9a-f]{16}$/;

/**
 * dHash: the luma shrunk to 9x8 (aspect ignored), each bit saying whether a pixel is brighter than its right
 * neighbour; 64 bits, row by row, as 16 hex characters.
 */
export async function differenceHash({ luma, width, height }: Thumbnail): Promise<string> {
  const cells = await sharp(Buffer.from(luma.buffer, luma.byteOffset, luma.byteLength), {
    raw: { width, height, channels: 1 },
    limitInputPixels: THUMBNAIL_SIDE * THUMBNAIL_SIDE,
  })
    .resize(9, 8, { fit: 'fill' })
    .extractChannel(0) // sharp widens one-band raw input to sRGB on output
    .raw()
    .toBuffer();
  let hex = '';
  for (let row = 0; row < 8; row++) {
    let byte = 0;
    for (let x = 0; x < 8; x++) byte = (byte << 1) | (cells[row * 9 + x]! > cells[row * 9 + x + 1]! ? 1 : 0);
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** Bits that differ between two dHashes: 0 for the same picture, about 32 for unrelated ones. */
export function hammingDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (!HASH_PATTERN.test(left) || !HASH_PATTERN.test(right)) throw new TypeError('a perceptual hash is 16 hex characters');
  let bits = BigInt(`0x${left}`) ^ BigInt(`0x${right}`);
  let distance = 0;
  while (bits > 0n) {
    distance += Number(bits & 1n);
    bits >>= 1n;
  }
  return distance;
}
