import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CheckCode } from '../../catalog';
import { readExif } from './exifChecks';
import { readExifBlocks } from './exifGuard';
import { finding, onPages, type UncheckedPicture } from './findingTexts';
import type { Finding } from './findings';
import { decodeThumbnail, readImageHeader } from './imageChecks';
import type { InspectionLimits } from './limits';
import { parsePdf, type PagePicture, type ParsedPdf } from './pdfParser';
import { countPdfObjects } from './pdfStructure';
import { differenceHash } from './perceptualHash';
import { photoFindings, type Photo } from './photoChecks';
import { refuse, RefusedFile } from './refusedFile';

export type PdfInspection = { sha256: string; pages: number | null; phash: string | null; capturedAt: string | null; findings: Finding[] };

// Scanned PDFs hold one picture per page: the largest picture of each of the first pages is checked like a photo
// upload, and at most MAX_PICTURES_DECODED of them are decoded, so a PDF costs no more than a few photos.
const MAX_PAGES_CHECKED = 20;
const MAX_PICTURES_DECODED = 4;
// The other JPEGs of the pages looked at whose camera information is read (no pixels decoded): a hand-held ID PDF
// holds one or two; past this many, the rest are left to an agent.
const MAX_CAMERA_PROBES = 32;

/** The checks a photo gets; the pictures of a PDF are only worth extracting for these. */
const PHOTO_CHECKS: readonly CheckCode[] = ['colour', 'legible', 'not_front_camera'];

/** What the checks found on some pages of the PDF, and the photo they were made on. */
type PageFindings = { pages: number[]; findings: Finding[]; photo: Photo | null };

/** The slot's photo checks a page could not be given, each said to be left to an agent: never a silent pass. */
function uncheckedFindings(reason: UncheckedPicture, checks: readonly CheckCode[], images: number): Finding[] {
  const findings: Finding[] = [];
  if (checks.includes('colour')) findings.push(finding('colour.unchecked', { images, reason }));
  if (checks.includes('legible')) findings.push(finding('image.unchecked', { reason }));
  if (checks.includes('not_front_camera')) findings.push(finding('exif.no_camera', { damaged: false }));
  return findings;
}

/** A picture the decoders refuse is left to an agent; any other error is ours. */
const leftToAgent = (error: unknown): null => {
  if (error instanceof RefusedFile) return null;
  throw error;
};

/**
 * The photo a page's picture is: a JPEG inside the PDF is a whole JPEG file, its EXIF blocks and pixels read as an
 * upload's are; inflated pixels have no EXIF. Null when the picture cannot be decoded (damaged, too many pixels): a
 * viewer may still show it, so it is left to an agent. Hostile EXIF is refused, as for the bare JPEG.
 */
async function photoOf(picture: Extract<PagePicture, { kind: 'jpeg' | 'raw' }>, limits: InspectionLimits): Promise<Photo | null> {
  if (picture.kind === 'raw') {
    const thumbnail = await decodeThumbnail(picture, 'application/pdf', limits).catch(leftToAgent);
    return thumbnail && { width: picture.width, height: picture.height, channels: picture.channels, thumbnail, exif: readExif([]) };
  }
  const bytes = Buffer.from(picture.jpeg.buffer, picture.jpeg.byteOffset, picture.jpeg.byteLength);
  const exifBlocks = await readExifBlocks(bytes, 'image/jpeg');
  if (exifBlocks.hostile) throw refuse.damagedMetadata();
  const header = await readImageHeader(bytes, 'image/jpeg', limits).catch(leftToAgent);
  const thumbnail = header && (await decodeThumbnail(bytes, 'image/jpeg', limits).catch(leftToAgent));
  if (!header || !thumbnail) return null;
  // The PDF's colour space decides how the picture is shown: a colour JPEG drawn as DeviceGray is grey.
  const channels = picture.components === 1 ? 1 : header.channels;
  return { ...header.autoOrient, channels, thumbnail, exif: readExif([...exifBlocks.blocks, header.exif]) };
}

/**
 * The camera of the page's other JPEGs, read from their EXIF alone: a front camera anywhere on the page fails as it
 * would on its own; hostile EXIF is refused as for the bare JPEG; JPEGs past the number read are left to an agent.
 */
async function otherCameras(picture: PagePicture, checks: readonly CheckCode[]): Promise<Finding[]> {
  if (!checks.includes('not_front_camera')) return [];
  const findings: Finding[] = [];
  for (const probe of picture.probes ?? []) {
    const blocks = await readExifBlocks(Buffer.from(probe.buffer, probe.byteOffset, probe.byteLength), 'image/jpeg');
    if (blocks.hostile) throw refuse.damagedMetadata();
    const exif = readExif(blocks.blocks);
    if (exif.frontCamera) findings.push(finding('exif.front_camera', { lens: exif.lens, camera: exif.camera }));
  }
  if ((picture.probesSkipped ?? 0) > 0) findings.push(finding('exif.no_camera', { damaged: false }));
  return findings;
}

async function checkPage(
  picture: PagePicture,
  checks: readonly CheckCode[],
  images: number,
  limits: InspectionLimits,
): Promise<PageFindings> {
  const own = await checkPicture(picture, checks, images, limits);
  const others = await otherCameras(picture, checks);
  return others.length ? { ...own, findings: [...own.findings, ...others] } : own;
}

async function checkPicture(
  picture: PagePicture,
  checks: readonly CheckCode[],
  images: number,
  limits: InspectionLimits,
): Promise<PageFindings> {
  const pages = [picture.page];
  const unchecked = (reason: UncheckedPicture, left = checks) => ({
    pages,
    findings: uncheckedFindings(reason, left, images),
    photo: null,
  });
  switch (picture.kind) {
    case 'jpeg':
    case 'raw': {
      const photo = await photoOf(picture, limits);
      return photo ? { pages, findings: photoFindings(photo, checks, limits), photo } : unchecked('unreadable');
    }
    case 'bilevel': {
      // A fax or 1-bit picture holds no colour at all; its legibility and camera are left to an agent.
      const rest = unchecked(
        'unreadable',
        checks.filter((c) => c !== 'colour'),
      );
      if (checks.includes('colour')) rest.findings.unshift(finding('colour.greyscale', { chroma: 0, colouredShare: 0, channels: 1 }));
      return rest;
    }
    case 'none':
      return unchecked('no_picture');
    case 'skipped':
      return unchecked('not_examined');
    case 'unreadable':
      return unchecked('unreadable');
  }
}

/** One finding per distinct message, naming the pages it is about when the PDF has more than one. */
function mergePages(results: readonly PageFindings[], pageCount: number): Finding[] {
  const merged = new Map<string, { found: Finding; pages: number[] }>();
  for (const { pages, findings } of results) {
    for (const found of findings) {
      const key = `${found.code}\n${found.message.en}`;
      const seen = merged.get(key);
      if (seen) seen.pages.push(...pages);
      else merged.set(key, { found, pages: [...pages] });
    }
  }
  return [...merged.values()].map(({ found, pages }) => (pageCount > 1 ? onPages(found, pages) : found));
}

/** Each page's largest picture checked like a photo upload, one page after another; pages past the first ones are named. */
async function checkPages(pdf: ParsedPdf, checks: readonly CheckCode[], limits: InspectionLimits) {
  const looked = Math.min(pdf.pages, MAX_PAGES_CHECKED);
  const byPage = new Map(pdf.pictures.map((p) => [p.page, p]));
  const results: PageFindings[] = [];
  let phash: string | null = null;
  let capturedAt: string | null = null;
  for (let page = 1; page <= looked; page++) {
    const result = await checkPage(byPage.get(page) ?? { page, kind: 'unreadable', reason: 'damaged' }, checks, pdf.images, limits);
    if (result.photo && phash === null) phash = await differenceHash(result.photo.thumbnail);
    capturedAt ??= result.photo?.exif.capturedAt ?? null;
    results.push({ ...result, photo: null }); // a thumbnail is not kept past its page
  }
  if (pdf.pages > looked) {
    const rest = Array.from({ length: pdf.pages - looked }, (_, i) => looked + 1 + i);
    results.push({ pages: rest, findings: uncheckedFindings('not_examined', checks, pdf.images), photo: null });
  }
  return { findings: mergePages(results, pdf.pages), phash, capturedAt };
}

/**
 * Objects are counted in the bytes first, so an object bomb is refused before pdf-lib sees it; the parse itself
 * runs in a worker thread under the object, value, decompression, time and heap bounds (pdfParser.ts).
 */
export async function inspectPdf(filePath: string, checks: readonly CheckCode[], limits: InspectionLimits): Promise<PdfInspection> {
  if ((await countPdfObjects(filePath, limits.pdfMaxObjects)) > limits.pdfMaxObjects) throw refuse.pdfTooComplex(limits.pdfMaxObjects);
  const budget = {
    maxObjects: limits.pdfMaxObjects,
    maxValues: limits.pdfMaxValues,
    maxDecodedBytes: limits.pdfMaxDecodedBytes,
    timeoutMs: limits.pdfTimeoutMs,
  };
  const wanted = checks.some((c) => PHOTO_CHECKS.includes(c))
    ? {
        maxPages: MAX_PAGES_CHECKED,
        maxDecoded: MAX_PICTURES_DECODED,
        cameraProbes: checks.includes('not_front_camera') ? MAX_CAMERA_PROBES : 0,
      }
    : null;
  let sha256 = '';
  const parsed = await parsePdf(
    async () => {
      // Whole file in memory, once a worker is free: pdf-lib needs the bytes, and slot.maxBytes (at most 10 MB) was
      // enforced before this. Hashed here, before the bytes move to the worker.
      const bytes = await readFile(filePath);
      sha256 = createHash('sha256').update(bytes).digest('hex');
      return bytes;
    },
    budget,
    wanted,
  );
  if (!parsed.ok)
    throw parsed.reason === 'corrupt'
      ? refuse.corrupt('application/pdf')
      : refuse.pdfTooComplex(parsed.bound === 'objects' ? limits.pdfMaxObjects : null);
  const { pages, encrypted } = parsed.pdf;
  const findings: Finding[] = [];
  if (encrypted) {
    if (checks.includes('pdf_readable')) findings.push(finding('pdf.encrypted', { pages: pages || null }));
    return { sha256, pages: pages || null, phash: null, capturedAt: null, findings };
  }
  if (pages === 0) throw refuse.corrupt('application/pdf');
  if (checks.includes('pdf_readable')) findings.push(finding('pdf.pages', { pages }));
  if (!wanted) return { sha256, pages, phash: null, capturedAt: null, findings };
  const checked = await checkPages(parsed.pdf, checks, limits);
  return { sha256, pages, phash: checked.phash, capturedAt: checked.capturedAt, findings: [...findings, ...checked.findings] };
}
