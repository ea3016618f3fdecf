import { open, type FileHandle } from 'node:fs/promises';
import type { AcceptedMimeType } from '../../catalog';

// Real cameras write a few dozen tags per IFD and a handful of IFDs. A block far beyond that is built to make
// parsers work: libexif, libvips and exif-reader each spent over a second on a 4,000-entry looping block.
const maxEntriesPerIfd = 512;
const maxIfds = 16;
/**
 * EXIF a photo may carry in all its blocks together: what one JPEG APP1 segment can hold (64 KB), which is where
 * cameras put theirs, thumbnail and maker notes included. PNG and WebP chunks could hold megabytes.
 */
export const maxExifBytes = 64 * 1024;

const EXIF_PREFIX = Buffer.from('Exif\0\0', 'latin1');
const WINDOW = 256 * 1024;

/** Where the walkers read: a file through a window, or the bytes of a picture taken out of a PDF. */
interface ByteSource {
  read(offset: number, length: number): Promise<Buffer>;
}

/** Reads a file front to back through a window, so that walking thousands of chunk headers costs a few reads. */
class FileWindow implements ByteSource {
  private start = 0;
  private bytes = Buffer.alloc(0);
  constructor(private readonly file: FileHandle) {}

  /** `length` bytes at `offset`, fewer at the end of the file. */
  async read(offset: number, length: number): Promise<Buffer> {
    if (offset < this.start || offset + length > this.start + this.bytes.length) {
      const buffer = Buffer.alloc(Math.max(length, WINDOW));
      const { bytesRead } = await this.file.read(buffer, 0, buffer.length, offset);
      this.start = offset;
      this.bytes = buffer.subarray(0, bytesRead);
    }
    return this.bytes.subarray(offset - this.start, offset - this.start + length);
  }
}

class BytesWindow implements ByteSource {
  constructor(private readonly bytes: Buffer) {}

  async read(offset: number, length: number): Promise<Buffer> {
    return this.bytes.subarray(offset, offset + length);
  }
}

/** What the file says about its EXIF: every block (TIFF data, "Exif" prefix removed), or that it is shaped like an attack. */
export type ExifBlocks = { hostile: true } | { hostile: false; blocks: Buffer[] };

type Found = { offset: number; length: number };
/** Says where a block is; false stops the walk (the blocks are already too large together). */
type Report = (at: Found) => boolean;
/** A walk ends at the image data or the end of the file; false when it gave up after maxSteps segments or chunks. */
type Walker = (window: ByteSource, found: Report) => Promise<boolean>;

// Legitimate files have a few dozen segments or chunks (a PNG's IDATs included); a crafted one can have a million.
const maxSteps = 100_000;

/** APP1 "Exif" segments before the image data, however many and however far in. */
const jpegExif: Walker = async (window, found) => {
  let at = 2;
  for (let step = 0; step < maxSteps; step++) {
    const head = await window.read(at, 10);
    if (head.length < 4 || head[0] !== 0xff) return true;
    const marker = head[1]!;
    if (marker === 0xff) {
      // Fill bytes: skip the whole run at once, up to the 0xff that starts the next marker.
      const run = await window.read(at, WINDOW);
      let fill = 1;
      while (fill < run.length && run[fill] === 0xff) fill++;
      at += fill - 1;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return true; // image data begins: no more metadata segments
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const length = head.readUInt16BE(2);
    if (length < 2) return true;
    if (marker === 0xe1 && head.length === 10 && head.subarray(4, 10).equals(EXIF_PREFIX)) {
      if (!found({ offset: at + 10, length: length - 8 })) return true;
    }
    at += 2 + length;
  }
  return false;
};

/** eXIf chunks anywhere up to IEND: a decoder reading the header stops at the image data, an attacker need not. */
const pngExif: Walker = async (window, found) => {
  let at = 8;
  for (let step = 0; step < maxSteps; step++) {
    const head = await window.read(at, 8);
    if (head.length < 8) return true;
    const length = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (type === 'IEND') return true;
    if (type === 'eXIf' && !found({ offset: at + 8, length })) return true;
    at += 12 + length;
  }
  return false;
};

/** EXIF chunks of a RIFF WebP, the second one as much as the first. */
const webpExif: Walker = async (window, found) => {
  let at = 12;
  for (let step = 0; step < maxSteps; step++) {
    const head = await window.read(at, 8);
    if (head.length < 8) return true;
    const length = head.readUInt32LE(4);
    if (head.toString('latin1', 0, 4) === 'EXIF' && !found({ offset: at + 8, length })) return true;
    at += 8 + length + (length % 2);
  }
  return false;
};

const walkers = { 'image/jpeg': jpegExif, 'image/png': pngExif, 'image/webp': webpExif } as const;

/**
 * Every EXIF block of a JPEG (each APP1 "Exif" segment), PNG (each eXIf chunk) or WebP (each EXIF chunk), read
 * before any decoder sees the file. Hostile when the blocks hold more than maxExifBytes together (refused from
 * their declared lengths, before they are read), when one is shaped like an attack (too many entries, too many
 * or looping IFDs), or when the file is cut into more than maxSteps segments or chunks. `input` is the stored file,
 * or the bytes of a JPEG taken out of a PDF.
 */
export async function readExifBlocks(input: string | Buffer, mime: keyof typeof walkers): Promise<ExifBlocks> {
  if (Buffer.isBuffer(input)) return readBlocks(new BytesWindow(input), mime);
  const handle = await open(input, 'r');
  try {
    return await readBlocks(new FileWindow(handle), mime);
  } finally {
    await handle.close();
  }
}

async function readBlocks(window: ByteSource, mime: keyof typeof walkers): Promise<ExifBlocks> {
  const places: Found[] = [];
  let total = 0;
  let oversized = false;
  const walked = await walkers[mime](window, (place) => {
    total += place.length;
    oversized = total > maxExifBytes;
    if (!oversized) places.push(place);
    return !oversized;
  });
  if (oversized || !walked) return { hostile: true };
  const blocks: Buffer[] = [];
  for (const { offset, length } of places) {
    const data = Buffer.from(await window.read(offset, length));
    const tiff = data.subarray(0, 6).equals(EXIF_PREFIX) ? data.subarray(6) : data; // some writers prefix PNG and WebP blocks too
    if (tiffIsHostile(tiff)) return { hostile: true };
    blocks.push(tiff);
  }
  return { hostile: false, blocks };
}

export const carriesExif = (mime: AcceptedMimeType): mime is keyof typeof walkers => mime in walkers;

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
