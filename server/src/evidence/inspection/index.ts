// Pure inspection of one stored temporary file: what it is, whether it can serve as evidence, its fingerprints.
import { stat } from 'node:fs/promises';
import type { AcceptedMimeType, SlotDef } from '../../catalog';
import { readExif } from './exifChecks';
import { carriesExif, readExifBlocks } from './exifGuard';
import { sha256OfFile } from './fileDigest';
import { identifyFileKind } from './fileKind';
import { finding } from './findingTexts';
import { worstSeverity, type Finding, type Severity } from './findings';
import { decodeThumbnail, readImageHeader } from './imageChecks';
import { defaultLimits, type InspectionLimits } from './limits';
import { inspectPdf } from './pdfChecks';
import { differenceHash } from './perceptualHash';
import { photoFindings } from './photoChecks';
import { refuse, RefusedFile } from './refusedFile';
import { inspectionsFailed } from '../../metrics/registry';

export type { Facts, Finding, Severity } from './findings';
export { worstSeverity } from './findings';
export { defaultLimits, type InspectionLimits } from './limits';
export { hammingDistance } from './perceptualHash';
export { pdfParsesStarted } from './pdfParser';
export { RefusedFile } from './refusedFile';

export type Inspection = {
  mime: AcceptedMimeType;
  size: number;
  sha256: string;
  phash: string | null;
  width: number | null;
  height: number | null;
  pages: number | null;
  capturedAt: string | null;
  findings: Finding[];
  state: Severity;
};

export type InspectedSlot = Pick<SlotDef, 'key' | 'accept' | 'maxBytes' | 'checks'>;

type Contents = Omit<Inspection, 'mime' | 'size' | 'sha256' | 'state'>;

async function inspectImage(filePath: string, mime: AcceptedMimeType, slot: InspectedSlot, limits: InspectionLimits): Promise<Contents> {
  // Every EXIF block, read and judged before any decoder parses one: libvips reads only the first (JPEG), the
  // last (PNG) or none after the image data, and spends seconds on a looping block.
  const exifBlocks = carriesExif(mime) ? await readExifBlocks(filePath, mime) : { hostile: false as const, blocks: [] };
  if (exifBlocks.hostile) throw refuse.damagedMetadata();
  const header = await readImageHeader(filePath, mime, limits);
  const thumbnail = await decodeThumbnail(filePath, mime, limits);
  const { width, height } = header.autoOrient;
  const exif = readExif([...exifBlocks.blocks, header.exif]);
  const findings = photoFindings({ width, height, channels: header.channels, thumbnail, exif }, slot.checks, limits);
  return { phash: await differenceHash(thumbnail), width, height, pages: null, capturedAt: exif.capturedAt, findings };
}

async function inspectDocument(filePath: string, slot: InspectedSlot, limits: InspectionLimits): Promise<Contents & { sha256: string }> {
  const { sha256, pages, phash, capturedAt, findings } = await inspectPdf(filePath, slot.checks, limits);
  return { sha256, phash, width: null, height: null, pages, capturedAt, findings };
}

/** What the caller already knows of the file: its SHA-256 when it was taken while the file was written. */
export type Received = { sha256?: string };

/**
 * Identifies the file by its content, refuses what cannot be evidence (RefusedFile), and checks the rest against
 * the slot's checks. `no_duplicate` compares files across a submission and is left to the caller (sha256, phash).
 */
export async function inspectFile(
  filePath: string,
  slot: InspectedSlot,
  limits: Partial<InspectionLimits> = {},
  received: Received = {},
): Promise<Inspection> {
  try {
    const inspection = await inspectOne(filePath, slot, limits, received);
    const failed = inspection.findings.find((f) => f.severity === 'fail');
    if (failed) inspectionsFailed.inc({ code: failed.code });
    return inspection;
  } catch (e) {
    if (e instanceof RefusedFile) inspectionsFailed.inc({ code: e.code });
    throw e;
  }
}

async function inspectOne(
  filePath: string,
  slot: InspectedSlot,
  limits: Partial<InspectionLimits>,
  received: Received,
): Promise<Inspection> {
  const applied: InspectionLimits = { ...defaultLimits, ...limits };
  const { size } = await stat(filePath);
  if (size > slot.maxBytes) throw refuse.fileTooLarge(size, slot.maxBytes);
  const kind = await identifyFileKind(filePath);
  if (kind.mime === null) throw refuse.unsupportedType(kind.found, slot.accept);
  const { mime } = kind;
  if (!slot.accept.includes(mime)) throw refuse.notAcceptedHere(mime, slot.accept);

  // A PDF is read whole once and hashed from memory, after its objects were counted: a bomb is never hashed.
  const { sha256, ...contents } =
    mime === 'application/pdf'
      ? await inspectDocument(filePath, slot, applied)
      : await Promise.all([received.sha256 ?? sha256OfFile(filePath), inspectImage(filePath, mime, slot, applied)]).then(([hash, c]) => ({
          sha256: hash,
          ...c,
        }));
  const findings = slot.checks.includes('file_type') ? [finding('file.type', { mime }), ...contents.findings] : contents.findings;
  return { mime, size, sha256, ...contents, findings, state: worstSeverity(findings) };
}
