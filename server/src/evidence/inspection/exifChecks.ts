import exifReader from 'exif-reader';
import { finding } from './findingTexts';
import type { Finding } from './findings';

export type ExifSummary = {
  present: boolean;
  damaged: boolean;
  camera: string | null;
  lens: string | null;
  software: string | null;
  capturedAt: string | null;
  frontCamera: boolean;
};

const none: ExifSummary = {
  present: false,
  damaged: false,
  camera: null,
  lens: null,
  software: null,
  capturedAt: null,
  frontCamera: false,
};

// iOS writes "iPhone 13 front camera 2.71mm f/2.2" (or "front TrueDepth camera") as LensModel; Chinese firmware "前置".
const FRONT_CAMERA = /front|truedepth|selfie|前置|自拍/i;

const EDITORS =
  /photoshop|lightroom|gimp|美图|meitu|snapseed|picsart|canva|pixelmator|affinity|paint\.net|fotor|醒图|xingtu|facetune|美颜|beautycam|vsco|photoscape|acdsee|capture one|darktable|rawtherapee|luminar|polarr|photopea|photodirector|wps图片|光影魔术手|inshot|faceu|轻颜|camera360|b612/i;

// Phones and cameras write their firmware here: "17.4.1", "Ver.1.02", "G991BXXU5CVF3", "HDR+ 1.0.540104767zd".
// Kept narrow on purpose: software not recognised as firmware is only reported, a wrongly recognised one is hidden.
const FIRMWARE = [
  /^(?:v(?:er(?:sion)?)?\.?\s*)?\d+(?:[._]\d+)*[a-z]?(?:\s*\(.*\))?$/i,
  /^(?=\S*\d)[A-Z0-9]{2,}(?:[._-][A-Z0-9]+)*(?:\s+[\d.]+(?:\(\w+\))?)?$/,
  /^hdr\+|firmware|camera app|^ios\b|^android\b|harmonyos|miui|coloros|^one ?ui/i,
];

/** exif-reader gives ASCII tags as strings and anything with other bytes as a Buffer: UTF-8 from most apps, GB 18030 from some. */
function text(value: unknown): string | null {
  let decoded: string;
  if (typeof value === 'string') decoded = value;
  else if (value instanceof Uint8Array) {
    try {
      decoded = new TextDecoder('utf-8', { fatal: true }).decode(value);
    } catch {
      decoded = new TextDecoder('gb18030').decode(value);
    }
  } else return null;
  const trimmed = decoded.replace(/\0+$/, '').trim();
  return trimmed === '' ? null : trimmed;
}

/** DateTimeOriginal is the camera's local time; exif-reader hands it back as if it were UTC, so keep it zone-free unless an offset was recorded. */
function captureTime(value: unknown, offset: string | null): string | null {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return null;
  const local = value.toISOString().slice(0, 19);
  return offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? `${local}${offset}` : local;
}

function readBlock(raw: Buffer): ExifSummary {
  if (raw.length === 0) return none;
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(raw);
  } catch {
    return { ...none, damaged: true };
  }
  const make = text(tags.Image?.Make);
  const model = text(tags.Image?.Model);
  const lensMake = text(tags.Photo?.LensMake);
  const lens = text(tags.Photo?.LensModel);
  const camera = model && make && !model.toLowerCase().startsWith(make.toLowerCase()) ? `${make} ${model}` : (model ?? make);
  const software = text(tags.Image?.Software);
  const capturedAt = captureTime(tags.Photo?.DateTimeOriginal, text(tags.Photo?.OffsetTimeOriginal));
  // An EXIF block with only technical tags (orientation, resolution) says nothing about how the photo was taken.
  if (!camera && !lens && !software && !capturedAt) return none;
  return {
    present: true,
    damaged: false,
    camera,
    lens,
    software,
    capturedAt,
    frontCamera: [lens, lensMake, model, make].some((field) => field !== null && FRONT_CAMERA.test(field)),
  };
}

const withoutPrefix = (raw: Buffer) => (raw.toString('latin1', 0, 6) === 'Exif\0\0' ? raw.subarray(6) : raw);

/**
 * One summary of every EXIF block a file carries (a JPEG's APP1 segments, PNG eXIf and WebP EXIF chunks, and what
 * the decoder read): what the first block says, except that a front camera or editing software named by any
 * block is what the summary says. A second block cannot hide what the first one would have shown, nor the
 * reverse.
 */
export function readExif(raws: readonly (Buffer | undefined)[]): ExifSummary {
  const distinct: Buffer[] = [];
  for (const raw of raws) {
    const tiff = raw && withoutPrefix(raw);
    if (tiff && tiff.length > 0 && !distinct.some((seen) => seen.equals(tiff))) distinct.push(tiff);
  }
  const summaries = distinct.map(readBlock);
  const present = summaries.filter((s) => s.present);
  if (present.length === 0) return { ...none, damaged: summaries.some((s) => s.damaged) };
  const front = present.find((s) => s.frontCamera);
  const edited = present.find((s) => s.software !== null && EDITORS.test(s.software));
  const first = <K extends 'camera' | 'lens' | 'software' | 'capturedAt'>(key: K) => present.find((s) => s[key] !== null)?.[key] ?? null;
  return {
    present: true,
    damaged: false,
    camera: front ? front.camera : first('camera'),
    lens: front ? front.lens : first('lens'),
    software: edited ? edited.software : first('software'),
    capturedAt: first('capturedAt'),
    frontCamera: front !== undefined,
  };
}

/**
 * Front camera only where the slot asks for it; editing software and capture time for every photo. Where the slot
 * asks and the photo names neither camera nor lens, an agent is told the front camera could not be ruled out.
 */
export function exifFindings(exif: ExifSummary, checkFrontCamera: boolean): Finding[] {
  if (!exif.present) return [finding(checkFrontCamera ? 'exif.no_camera' : 'exif.none', { damaged: exif.damaged })];
  const findings: Finding[] = [];
  if (checkFrontCamera && exif.frontCamera) findings.push(finding('exif.front_camera', { lens: exif.lens, camera: exif.camera }));
  else if (checkFrontCamera && exif.camera === null && exif.lens === null) findings.push(finding('exif.no_camera', { damaged: false }));
  const software = exif.software;
  if (software && EDITORS.test(software)) findings.push(finding('exif.edited', { software }));
  else if (software && !FIRMWARE.some((pattern) => pattern.test(software))) findings.push(finding('exif.software', { software }));
  findings.push(
    exif.capturedAt
      ? finding('exif.captured_at', { capturedAt: exif.capturedAt, camera: exif.camera, lens: exif.lens })
      : finding('exif.camera', { camera: exif.camera, lens: exif.lens }),
  );
  return findings;
}
