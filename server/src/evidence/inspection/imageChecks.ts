import sharp, { type Metadata, type OutputInfo, type SharpOptions } from 'sharp';
import type { AcceptedMimeType } from '../../catalog';
import { finding } from './findingTexts';
import type { Finding } from './findings';
import { THUMBNAIL_SIDE, type InspectionLimits } from './limits';
import { refuse } from './refusedFile';

/** Pixels as a PDF stores them once inflated: 8-bit grey or RGB, row by row. */
export type RawPixels = { pixels: Uint8Array; width: number; height: number; channels: 1 | 3 };

/** A path to the stored file, or the bytes of an image embedded in a PDF. */
export type ImageInput = string | Buffer;

/** The downscaled copy every check works on: 8-bit sRGB pixels and their luma. */
export type Thumbnail = { rgb: Buffer; luma: Uint8Array; width: number; height: number };

// libvips keeps recently read files open and answers a later read of the same path from them: a temporary file
// replaced under its old name (seen with WebP) came back stale, and an open handle pins a deleted upload's disk space.
const current = sharp.cache();
sharp.cache({ memory: current.memory.max, items: current.items.max, files: 0 });

const sharpFormats: Partial<Record<AcceptedMimeType, Metadata['format']>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

// failOn 'error' refuses truncated and corrupt data but tolerates the harmless warnings phone and messenger JPEGs carry.
const inputOptions = (limits: InspectionLimits): SharpOptions => ({
  limitInputPixels: limits.maxPixels,
  sequentialRead: true,
  failOn: 'error',
});

const exceedsPixelLimit = (error: unknown) => error instanceof Error && /pixel limit/i.test(error.message);

/** Header only: sharp's metadata() does not decode pixels, so a bomb is refused before it can expand. */
export async function readImageHeader(input: ImageInput, mime: AcceptedMimeType, limits: InspectionLimits): Promise<Metadata> {
  let header: Metadata;
  try {
    header = await sharp(input, inputOptions(limits)).metadata();
  } catch (error) {
    throw exceedsPixelLimit(error) ? refuse.imageTooLarge(limits.maxPixels) : refuse.corrupt(mime);
  }
  if (header.format !== sharpFormats[mime] || !header.width || !header.height) throw refuse.corrupt(mime);
  if (header.width * header.height > limits.maxPixels) throw refuse.imageTooLarge(limits.maxPixels);
  return header;
}

const isRaw = (input: ImageInput | RawPixels): input is RawPixels => typeof input === 'object' && !Buffer.isBuffer(input);

function decoderOf(input: ImageInput | RawPixels, limits: InspectionLimits) {
  if (!isRaw(input)) return sharp(input, { ...inputOptions(limits), autoOrient: true });
  const { pixels, width, height, channels } = input;
  return sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), {
    limitInputPixels: limits.maxPixels,
    raw: { width, height, channels },
  });
}

/**
 * Decodes a copy at most THUMBNAIL_SIDE on its long side (JPEG shrinks on load), upright, alpha on white. `mime`
 * names what a refusal says could not be opened (the PDF, for the raw pixels of one of its pictures).
 */
export async function decodeThumbnail(input: ImageInput | RawPixels, mime: AcceptedMimeType, limits: InspectionLimits): Promise<Thumbnail> {
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await decoderOf(input, limits)
      .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw exceedsPixelLimit(error) ? refuse.imageTooLarge(limits.maxPixels) : refuse.corrupt(mime);
  }
  const { data, info } = decoded;
  if (info.channels !== 3) throw new Error(`thumbnail decoded with ${info.channels} channels, expected 3`);
  const luma = new Uint8Array(info.width * info.height);
  for (let i = 0, p = 0; i < luma.length; i++, p += 3) {
    luma[i] = Math.round(0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!);
  }
  return { rgb: data, luma, width: info.width, height: info.height };
}

/** Variance of the 4-neighbour Laplacian over the thumbnail's luma, computed in floats so no edge is clipped. */
export function blurScore({ luma, width, height }: Thumbnail): number {
  let sum = 0;
  let sumSquares = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const laplacian = luma[i - width]! + luma[i + width]! + luma[i - 1]! + luma[i + 1]! - 4 * luma[i]!;
      sum += laplacian;
      sumSquares += laplacian * laplacian;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSquares / n - mean * mean;
}

// A pixel this far from grey is unmistakably coloured: a red seal on a white letter lifts the share, not the mean.
const COLOURED_PIXEL_CHROMA = 48;
const MIN_COLOURED_SHARE = 0.002;

/** Mean chroma (max channel difference per pixel) and the share of clearly coloured pixels. */
export function chromaOf({ rgb }: Thumbnail): { chroma: number; colouredShare: number } {
  let total = 0;
  let coloured = 0;
  const pixels = rgb.length / 3;
  for (let p = 0; p < rgb.length; p += 3) {
    const r = rgb[p]!;
    const g = rgb[p + 1]!;
    const b = rgb[p + 2]!;
    const chroma = Math.max(r, g, b) - Math.min(r, g, b);
    total += chroma;
    if (chroma >= COLOURED_PIXEL_CHROMA) coloured++;
  }
  return { chroma: total / pixels, colouredShare: coloured / pixels };
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function legibilityFindings(size: { width: number; height: number }, thumbnail: Thumbnail, limits: InspectionLimits): Finding[] {
  const findings: Finding[] = [];
  const { width, height } = size;
  if (Math.min(width, height) < limits.minShortSide || Math.max(width, height) < limits.minLongSide) {
    findings.push(finding('image.too_small', { width, height, minShortSide: limits.minShortSide, minLongSide: limits.minLongSide }));
  }
  const score = round(blurScore(thumbnail), 1);
  const facts = { score, threshold: limits.blurThreshold };
  findings.push(finding(score < limits.blurThreshold ? 'image.blurred' : 'image.sharp', facts));
  return findings;
}

export function isGreyscale(channels: number, thumbnail: Thumbnail, limits: InspectionLimits) {
  const measured = chromaOf(thumbnail);
  const facts = { chroma: round(measured.chroma), colouredShare: round(measured.colouredShare, 4), channels };
  // One or two channels (grey, grey + alpha) hold no colour at all, whatever the pixels.
  const greyscale = channels <= 2 || (measured.chroma <= limits.greyscaleTolerance && measured.colouredShare < MIN_COLOURED_SHARE);
  return { greyscale, facts };
}

export function colourFindings(channels: number, thumbnail: Thumbnail, limits: InspectionLimits): Finding[] {
  const { greyscale, facts } = isGreyscale(channels, thumbnail, limits);
  return [
    greyscale ? finding('colour.greyscale', facts) : finding('colour.ok', { chroma: facts.chroma, colouredShare: facts.colouredShare }),
  ];
}
