// The camera information of a photo, carried from the original JPEG into its scaled-down copy: the server's
// front-camera check reads the lens named there. Pure byte work on JPEG segments, no decoder.

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
const TAG_ORIENTATION = 0x0112;

/** The original's EXIF APP1 segment, marker and length included; null when it has none before its image data. */
export function exifSegmentOf(jpeg: Uint8Array): Uint8Array | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) return null;
    const marker = jpeg[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Start of scan or end of image: no metadata segment comes after.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (length < 2 || at + 2 + length > jpeg.length) return null;
    if (marker === 0xe1 && EXIF_HEADER.every((b, i) => jpeg[at + 4 + i] === b)) return jpeg.slice(at, at + 2 + length);
    at += 2 + length;
  }
  return null;
}

/** The segment with its orientation set to "upright": the copy's pixels were already turned as the original said. */
export function withUprightOrientation(segment: Uint8Array): Uint8Array {
  const out = segment.slice();
  const tiff = 10; // FF E1, length, "Exif\0\0"
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (out.length < tiff + 8) return out;
  const little = out[tiff] === 0x49 && out[tiff + 1] === 0x49;
  if (!little && !(out[tiff] === 0x4d && out[tiff + 1] === 0x4d)) return out;
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > out.length) return out;
  const entries = view.getUint16(ifd0, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > out.length) break;
    // A SHORT value sits in the first two bytes of the entry's value field.
    if (view.getUint16(entry, little) === TAG_ORIENTATION && view.getUint16(entry + 2, little) === 3) view.setUint16(entry + 8, 1, little);
  }
  return out;
}

/** The JPEG with `segment` right after its start-of-image marker, where EXIF readers look for it. */
export function withExifSegment(jpeg: Uint8Array, segment: Uint8Array): Uint8Array {
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
