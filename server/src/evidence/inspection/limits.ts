export type InspectionLimits = {
  /** Width x height above which an image is refused before it is decoded (decompression bombs). */
  maxPixels: number;
  minShortSide: number;
  minLongSide: number;
  /** Variance of the Laplacian on the greyscale thumbnail below which a photo counts as blurred. */
  blurThreshold: number;
  /** Mean chroma (max channel difference, 0-255) up to which an image still counts as greyscale. */
  greyscaleTolerance: number;
};

export const defaultLimits: InspectionLimits = {
  maxPixels: 40_000_000,
  minShortSide: 600,
  minLongSide: 800,
  // Drawn cards score 600+, blur(6) scores 3; real camera photos with smooth backgrounds (bokeh, dusk skies) score
  // 11-55 on the same 1024-px thumbnail, so a higher bar would call half of them blurred. Re-check on real ID photos.
  blurThreshold: 25,
  greyscaleTolerance: 8,
};

/** Long side of the downscaled copy every check works on, so memory stays bounded whatever the upload. */
export const THUMBNAIL_SIDE = 1024;
