// A phone photo over a slot's size limit, scaled down in the browser instead of refused: re-encoded as JPEG in a
// canvas, upright, with the original's EXIF (camera make, model and lens) carried over for the server's checks.
import { exifSegmentOf, withExifSegment, withUprightOrientation } from './exifSplice';
import { typeFromBytes } from './fileCheck';

/** Long side of the first try: well above what the legibility checks need (800 px), well below a phone's 12 MP. */
const FIRST_LONG_SIDE = 4096;
const QUALITY = 0.88;
const ATTEMPTS = 6;

async function encodeJpeg(bitmap: ImageBitmap, scale: number): Promise<Blob> {
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded'))), 'image/jpeg', QUALITY),
  );
}

const jpegName = (name: string) => `${name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;

/** A JPEG copy of the photo within `maxBytes`, or null when it is no photo or the browser cannot scale it. */
export async function shrinkPhoto(file: File, maxBytes: number): Promise<File | null> {
  if (typeof createImageBitmap !== 'function') return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = typeFromBytes(bytes.subarray(0, 16));
  if (type === null || type === 'application/pdf') return null;
  const original = type === 'image/jpeg' ? exifSegmentOf(bytes) : null;
  const exif = original && withUprightOrientation(original);
  const budget = maxBytes - (exif?.length ?? 0);
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    let scale = Math.min(1, FIRST_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const blob = await encodeJpeg(bitmap, scale);
      if (blob.size <= budget) {
        const jpeg = new Uint8Array(await blob.arrayBuffer());
        const out = exif ? withExifSegment(jpeg, exif) : jpeg;
        return new File([out as BlobPart], jpegName(file.name), { type: 'image/jpeg', lastModified: file.lastModified });
      }
      // The encoded size goes roughly with the pixel count: aim a little under the budget.
      scale *= Math.sqrt(budget / blob.size) * 0.95;
    }
    return null;
  } finally {
    bitmap.close();
  }
}
