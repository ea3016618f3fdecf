export type InspectionLimits = {
  /** Width x height above which an image is refused before it is decoded (decompression bombs). */
  maxPixels: number;
  minShortSide: number;
  minLongSide: number;
  /** Variance of the Laplacian on the greyscale thumbnail below which a photo counts as blurred. */
  blurThreshold: number;
  /** Mean chroma (max channel difference, 0-255) up to which an image still counts as greyscale. */
  greyscaleTolerance: number;
  /** Indirect objects a PDF may hold, counted in its bytes before pdf-lib sees it and again while pdf-lib parses it. */
  pdfMaxObjects: number;
  /** Values (numbers, names, strings, arrays, dictionaries) pdf-lib may parse: one object can hold millions. */
  pdfMaxValues: number;
  /** Bytes pdf-lib may decompress while parsing (object and cross-reference streams): a deflate bomb stops here. */
  pdfMaxDecodedBytes: number;
  /** Wall time for pdf-lib's work on one PDF; past it the worker parsing it is stopped. */
  pdfTimeoutMs: number;
};

export const defaultLimits: InspectionLimits = {
  maxPixels: 40_000_000,
  minShortSide: 600,
  minLongSide: 800,
  // Drawn cards score 600+, blur(6) scores 3; real camera photos with smooth backgrounds (bokeh, dusk skies) score
  // 11-55 on the same 1024-px thumbnail, so a higher bar would call half of them blurred. Re-check on real ID photos.
  blurThreshold: 25,
  greyscaleTolerance: 8,
  // Real documents hold 12-40 objects a page and about 10 values an object (a 36-page manual: 435 objects, 4,700
  // values); 20,000 objects is a 500-page document. 500,000 values take pdf-lib about half a second and 40 MB.
  pdfMaxObjects: 20_000,
  pdfMaxValues: 500_000,
  pdfMaxDecodedBytes: 16 * 1024 * 1024,
  pdfTimeoutMs: 5_000,
};

/** Long side of the downscaled copy every check works on, so memory stays bounded whatever the upload. */
export const THUMBNAIL_SIDE = 1024;
