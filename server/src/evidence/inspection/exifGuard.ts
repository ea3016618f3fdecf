import { open } from 'node:fs/promises';

// Real cameras write a few dozen tags per IFD and a handful of IFDs. A block far beyond that is built to make
// parsers work: libexif, libvips and exif-reader each spent over a second on a 4,000-entry looping block.
const maxEntriesPerIfd = 512;
const maxIfds = 16;
const scanBytes = 256 * 1024;

/** True when the JPEG's EXIF block is shaped like an attack (too many entries, looping IFDs); read before decoding. */
export async function hasHostileExif(filePath: string): Promise<boolean> {
  const handle = await open(filePath, 'r');
  const head = Buffer.alloc(scanBytes);
  try {
    const { bytesRead } = await handle.read(head, 0, scanBytes, 0);
    return exifBlockIsHostile(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function exifBlockIsHostile(jpeg: Buffer): boolean {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return false; // image data begins: no more metadata segments
    const length = jpeg.readUInt16BE(at + 2);
    if (marker === 0xe1 && jpeg.toString('latin1', at + 4, at + 10) === 'Exif\0\0') {
      return tiffIsHostile(jpeg.subarray(at + 10, Math.min(jpeg.length, at + 2 + length)));
    }
    at += 2 + length;
  }
  return false;
}

function tiffIsHostile(tiff: Buffer): boolean {
  if (tiff.length < 8) return false;
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (little ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (little ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const seen = new Set<number>();
  const queue = [u32(4)];
  while (queue.length) {
    const offset = queue.shift()!;
    if (offset === 0 || offset + 2 > tiff.length) continue;
    if (seen.has(offset)) return true;
    seen.add(offset);
    if (seen.size > maxIfds) return true;
    const count = u16(offset);
    if (count > maxEntriesPerIfd) return true;
    for (let i = 0; i < count; i += 1) {
      const entry = offset + 2 + i * 12;
      if (entry + 12 > tiff.length) break;
      const tag = u16(entry);
      // Sub-IFD pointers: Exif, GPS, Interoperability.
      if (tag === 0x8769 || tag === 0x8825 || tag === 0xa005) queue.push(u32(entry + 8));
    }
    const next = offset + 2 + count * 12;
    if (next + 4 <= tiff.length) queue.push(u32(next));
  }
  return false;
}
