import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessLicenceSlot, documentSlot, holdingIdSlots } from '../../server/src/catalog/slots';
import {
  defaultLimits,
  hammingDistance,
  inspectFile,
  pdfParsesStarted,
  RefusedFile,
  worstSeverity,
  type Finding,
} from '../../server/src/evidence/inspection';
import { parsePdf } from '../../server/src/evidence/inspection/pdfParser';
import { codes, findingOf } from './support/findings';
import * as fixtures from '../fixtures/evidence';

const holdingIdFront = holdingIdSlots('applicant')[0]!;
const licence = businessLicenceSlot();
const receipt = documentSlot(
  'payment_receipt',
  { 'zh-CN': '付款凭证', en: 'Payment receipt' },
  { 'zh-CN': '清晰完整', en: 'Clear and complete' },
);
const imagesOnly = { ...holdingIdFront, accept: ['image/jpeg' as const, 'image/png' as const] };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evidence-inspection-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(filePath: string, slot: Parameters<typeof inspectFile>[1] = holdingIdFront): Promise<RefusedFile> {
  try {
    await inspectFile(filePath, slot);
  } catch (error) {
    if (error instanceof RefusedFile) return error;
    throw error;
  }
  throw new Error(`${filePath} was accepted`);
}

const hasHan = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('inspectFile: identifying the file by its content', () => {
  it('accepts a JPEG, naming its type in a pass finding', async () => {
    const inspection = await inspectFile(await fixtures.colourIdCard(dir), holdingIdFront);
    expect(inspection.mime).toBe('image/jpeg');
    expect(findingOf(inspection, 'file.type')).toMatchObject({ severity: 'pass', facts: { mime: 'image/jpeg' } });
    expect(findingOf(inspection, 'file.type').message).toEqual({ en: 'The file is a JPEG image.', 'zh-CN': '文件格式：JPEG 图片' });
  });

  it('accepts a PNG and a WebP', async () => {
    expect((await inspectFile(await fixtures.pngCard(dir), holdingIdFront)).mime).toBe('image/png');
    expect((await inspectFile(await fixtures.webpCard(dir), holdingIdFront)).mime).toBe('image/webp');
  });

  it('rule: files are told apart by content, not by name — takes a JPEG saved under a .pdf name for the JPEG it is', async () => {
    const inspection = await inspectFile(await fixtures.colourIdCard(dir, { fileName: 'licence.pdf' }), licence);
    expect(inspection.mime).toBe('image/jpeg');
  });

  it.each([
    ['an ELF executable named photo.jpg', fixtures.renamedExecutable, 'Linux program'],
    ['a Windows executable named scan.png', fixtures.windowsExecutable, 'Windows program'],
    ['a Mach-O executable named licence.pdf', fixtures.machOExecutable, 'macOS program'],
    ['an HTML page named id-card.jpg', fixtures.htmlFile, 'web page'],
    ['an SVG with a script named licence.png', fixtures.svgWithScript, 'SVG'],
    ['a zip archive', fixtures.zipArchive, 'ZIP archive'],
    ['a RAR archive', fixtures.rarArchive, 'RAR archive'],
    ['a 7z archive', fixtures.sevenZipArchive, '7z archive'],
    ['a gzip archive', fixtures.gzipArchive, 'gzip archive'],
    ['a GIF', fixtures.gifImage, 'GIF image'],
    ['a TIFF', fixtures.tiffImage, 'TIFF image'],
    ['a HEIC photo named IMG_0001.jpg', fixtures.heicImage, 'HEIC image'],
    ['plain text named notes.pdf', fixtures.plainTextFile, 'plain text file'],
    ['an empty file', fixtures.emptyFile, 'empty file'],
  ])('rule: accepted files are JPEG, PNG, WebP and PDF — refuses %s with 415', async (_, write, found) => {
    const refused = await refusal(await write(dir));
    expect(refused).toMatchObject({ status: 415, code: 'UNSUPPORTED_TYPE' });
    expect(refused.message).toContain(found);
    expect(refused.message).toContain('JPEG, PNG, WebP or PDF');
    expect(refused.messageZh).toContain('JPEG、PNG、WebP 或 PDF');
  });

  it('refuses a PDF for a slot that takes only images, naming what the slot accepts', async () => {
    const refused = await refusal(await fixtures.pdfDocument(dir, 1), imagesOnly);
    expect(refused).toMatchObject({ status: 415, code: 'UNSUPPORTED_TYPE' });
    expect(refused.message).toBe('This file is a PDF document; this item accepts only JPEG or PNG files');
    expect(refused.messageZh).toBe('该文件是 PDF 文档，此项材料仅接受 JPEG 或 PNG 格式');
  });

  it("rule: every file has a size limit — refuses a file larger than the slot's maxBytes with 413", async () => {
    const card = await fixtures.colourIdCard(dir);
    const refused = await refusal(card, { ...holdingIdFront, maxBytes: 50_000 });
    expect(refused).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE' });
    expect(refused.message).toMatch(/at most 49 KB/);
    expect(hasHan(refused.messageZh)).toBe(true);
  });

  it('refuses a truncated JPEG with 422', async () => {
    const refused = await refusal(await fixtures.truncatedJpeg(dir));
    expect(refused).toMatchObject({ status: 422, code: 'CORRUPT_FILE' });
    expect(refused.messageZh).toContain('已损坏');
  });

  it('refuses a PDF that cannot be parsed with 422', async () => {
    expect(await refusal(await fixtures.brokenPdf(dir), licence)).toMatchObject({ status: 422, code: 'CORRUPT_FILE' });
  });

  // Its time and memory (decoded, the bomb would take 144 MB) are measured by `npm run bench` (server/bench/inspectionBudgets.ts).
  it('rule: every image has a pixel limit — refuses a PNG declaring 12000x12000 pixels with 413, by its header', async () => {
    const bomb = await fixtures.pngBomb(dir);
    expect((await stat(bomb)).size).toBeLessThan(1_000_000);
    const refused = await refusal(bomb);
    expect(refused).toMatchObject({ status: 413, code: 'IMAGE_TOO_LARGE' });
    expect(refused.message).toContain('more than 40 million');
  });

  it('refuses an image above a lowered pixel limit', async () => {
    const card = await fixtures.colourIdCard(dir);
    await expect(inspectFile(card, holdingIdFront, { maxPixels: 1_000_000 })).rejects.toMatchObject({
      status: 413,
      code: 'IMAGE_TOO_LARGE',
    });
  });

  // Behaviour kept on purpose: the zip tail is invisible to the JPEG decoder, the file is stored as uploaded, and
  // originals are only ever served as attachments with nosniff, so nothing downstream unpacks or runs the tail.
  it('accepts a JPEG with a zip appended as the JPEG it starts with', async () => {
    // A licence: the hand-held ID slots would add a note for the missing camera information, which is not the point here.
    const polyglot = await fixtures.polyglotJpegZip(dir);
    const inspection = await inspectFile(polyglot, licence);
    const plain = await inspectFile(await fixtures.colourIdCard(dir), licence);
    expect(inspection.mime).toBe('image/jpeg');
    expect(inspection.state).toBe('pass');
    expect(inspection.phash).toBe(plain.phash);
    expect(inspection.sha256).not.toBe(plain.sha256);
  });
});

describe('inspectFile: legibility', () => {
  it('passes a sharp card', async () => {
    const inspection = await inspectFile(await fixtures.colourIdCard(dir), holdingIdFront);
    const sharpFinding = findingOf(inspection, 'image.sharp');
    expect(sharpFinding.severity).toBe('pass');
    expect(sharpFinding.facts?.score).toBeGreaterThan(defaultLimits.blurThreshold * 5);
  });

  it('rule: photos must be legible, not blurred — warns that a card blurred with blur(6) is blurred', async () => {
    const inspection = await inspectFile(await fixtures.blurredCard(dir), holdingIdFront);
    const blurred = findingOf(inspection, 'image.blurred');
    expect(blurred).toMatchObject({ severity: 'warn', facts: { threshold: defaultLimits.blurThreshold } });
    expect(blurred.facts?.score).toBeLessThan(defaultLimits.blurThreshold / 5);
    expect(blurred.message).toEqual({
      en: 'The photo is blurred; take it again in good light, holding the phone steady',
      'zh-CN': '照片模糊，请在光线充足处重新拍摄，拍摄时保持手机稳定、对焦清晰',
    });
    expect(inspection.state).toBe('warn');
  });

  it('rule: photos must be legible, large enough to read the whole card — fails a 300x200 image as too small, with its size as facts', async () => {
    const inspection = await inspectFile(await fixtures.tinyCard(dir), holdingIdFront);
    expect(findingOf(inspection, 'image.too_small')).toMatchObject({ severity: 'fail', facts: { width: 300, height: 200 } });
    expect(inspection.state).toBe('fail');
  });

  it('reports the upright size of a photo rotated by EXIF', async () => {
    const upright = join(dir, 'rotated.jpg');
    await sharp(Buffer.from(fixtures.cardSvg())).jpeg().withMetadata({ orientation: 6 }).toFile(upright);
    expect(await inspectFile(upright, holdingIdFront)).toMatchObject({ width: 1000, height: 1600 });
  });
});

describe('inspectFile: colour', () => {
  it('passes a colour card', async () => {
    const inspection = await inspectFile(await fixtures.colourIdCard(dir), licence);
    expect(findingOf(inspection, 'colour.ok').severity).toBe('pass');
  });

  it('rule: scans must be colour — fails a single-channel greyscale scan', async () => {
    const scan = await fixtures.greyscaleScan(dir);
    expect((await sharp(scan).metadata()).channels).toBe(1);
    const greyscale = findingOf(await inspectFile(scan, licence), 'colour.greyscale');
    expect(greyscale).toMatchObject({ severity: 'fail', facts: { channels: 1 } });
    expect(greyscale.message['zh-CN']).toContain('须为彩色扫描件');
    expect(greyscale.message.en).toContain('must be a colour scan');
  });

  it.each(['png', 'jpeg'] as const)('fails a greyscale scan saved with three equal channels (%s)', async (format) => {
    const scan = await fixtures.greyscaleAsRgb(dir, format);
    expect((await sharp(scan).metadata()).channels).toBe(3);
    expect(findingOf(await inspectFile(scan, licence), 'colour.greyscale')).toMatchObject({ severity: 'fail', facts: { channels: 3 } });
  });

  it('treats faint per-channel noise on a grey scan as greyscale', async () => {
    const greyscale = findingOf(await inspectFile(await fixtures.noisyGreyscaleScan(dir), licence), 'colour.greyscale');
    expect(greyscale.facts?.chroma).toBeGreaterThan(1);
    expect(greyscale.facts?.chroma).toBeLessThan(defaultLimits.greyscaleTolerance);
  });

  it('passes a white letter whose only colour is a small red seal', async () => {
    const ok = findingOf(await inspectFile(await fixtures.sealedLetterScan(dir), licence), 'colour.ok');
    expect(ok.facts?.chroma).toBeLessThan(defaultLimits.greyscaleTolerance);
  });

  it('does not judge colour where the slot does not ask for it', async () => {
    const inspection = await inspectFile(await fixtures.greyscaleScan(dir), receipt);
    expect(codes(inspection).filter((c) => c.startsWith('colour.'))).toEqual([]);
  });

  it('fails a PDF whose page is a greyscale picture and passes one whose page is in colour', async () => {
    const grey = await inspectFile(await fixtures.pdfDocument(dir, 1, { image: 'greyscale' }), licence);
    expect(findingOf(grey, 'colour.greyscale').severity).toBe('fail');
    const colour = await inspectFile(await fixtures.pdfDocument(dir, 2, { image: 'colour' }), licence);
    expect(findingOf(colour, 'colour.ok').severity).toBe('pass');
  });

  it('warns that the colour of a PDF without pictures could not be checked', async () => {
    const inspection = await inspectFile(await fixtures.pdfDocument(dir, 1), licence);
    expect(findingOf(inspection, 'colour.unchecked')).toMatchObject({ severity: 'warn', facts: { images: 0 } });
  });
});

describe('inspectFile: EXIF', () => {
  it('writes the camera EXIF the front-camera fixture claims', async () => {
    const exif = (await sharp(await fixtures.frontCameraPhoto(dir)).metadata()).exif;
    expect(exif?.toString('latin1')).toContain('iPhone 13 front camera 2.71mm f/2.2');
  });

  it('rule: a hand-held ID photo must not be taken with the front camera — fails a hand-held ID photo taken with the front camera', async () => {
    const inspection = await inspectFile(await fixtures.frontCameraPhoto(dir), holdingIdFront);
    expect(findingOf(inspection, 'exif.front_camera')).toMatchObject({
      severity: 'fail',
      facts: { lens: 'iPhone 13 front camera 2.71mm f/2.2', camera: 'Apple iPhone 13' },
    });
    expect(findingOf(inspection, 'exif.front_camera').message['zh-CN']).toContain('前置摄像头');
    expect(inspection.state).toBe('fail');
  });

  it('leaves the camera alone where the slot does not ask about it', async () => {
    const inspection = await inspectFile(await fixtures.frontCameraPhoto(dir), licence);
    expect(codes(inspection)).not.toContain('exif.front_camera');
  });

  it('passes a rear-camera photo, reporting when and with what it was taken', async () => {
    const inspection = await inspectFile(await fixtures.rearCameraPhoto(dir), holdingIdFront);
    expect(inspection.capturedAt).toBe('2026-03-01T10:11:12+08:00');
    expect(findingOf(inspection, 'exif.captured_at')).toMatchObject({
      severity: 'pass',
      facts: { capturedAt: '2026-03-01T10:11:12+08:00', camera: 'Apple iPhone 13' },
    });
    expect(codes(inspection)).not.toContain('exif.software'); // "17.4.1" is iOS firmware
    expect(inspection.state).toBe('pass');
  });

  it.each(['Adobe Photoshop 25.0', '美图秀秀', 'GIMP 2.10.36', 'Snapseed'])('warns about a photo saved by %s', async (software) => {
    const inspection = await inspectFile(await fixtures.editedPhoto(dir, software), holdingIdFront);
    expect(findingOf(inspection, 'exif.edited')).toMatchObject({ severity: 'warn', facts: { software } });
    expect(findingOf(inspection, 'exif.edited').message.en).toContain(software);
  });

  it('reports software it does not recognise without warning', async () => {
    const inspection = await inspectFile(await fixtures.editedPhoto(dir, 'Epson Scan 2'), licence);
    expect(findingOf(inspection, 'exif.software')).toMatchObject({ severity: 'pass', facts: { software: 'Epson Scan 2' } });
  });

  it('rule: a hand-held photo without camera information is a visible note — elsewhere a photo without EXIF is a fact, not a problem', async () => {
    const inspection = await inspectFile(await fixtures.colourIdCard(dir), licence);
    expect(findingOf(inspection, 'exif.none').severity).toBe('pass');
    expect(inspection.state).toBe('pass');
    expect(inspection.capturedAt).toBeNull();
  });

  it('rule: a hand-held photo without camera information is a visible note', async () => {
    const inspection = await inspectFile(await fixtures.colourIdCard(dir), holdingIdFront);
    expect(findingOf(inspection, 'exif.no_camera')).toMatchObject({
      severity: 'warn',
      message: {
        'zh-CN': '没有拍摄设备信息，无法判断是否前置摄像头拍摄，请人工核对',
        en: 'No camera information: cannot tell whether the front camera took it; check by eye',
      },
    });
    expect(codes(inspection)).not.toContain('exif.none');
    expect(inspection.state).toBe('warn');
  });

  it('rule: a hand-held photo without camera information is a visible note — EXIF naming only the software is no camera information', async () => {
    const jpeg = fixtures.withRawExif(await fixtures.colourIdCardBytes(), { [fixtures.TAG_SOFTWARE]: 'Epson Scan 2' });
    const scanned = join(dir, 'software-only.jpg');
    await writeFile(scanned, jpeg);
    const inspection = await inspectFile(scanned, holdingIdFront);
    expect(findingOf(inspection, 'exif.no_camera').severity).toBe('warn');
    expect(findingOf(inspection, 'exif.software').facts).toMatchObject({ software: 'Epson Scan 2' });
  });
});

describe('inspectFile: PDF', () => {
  it('counts the pages of a readable PDF', async () => {
    const inspection = await inspectFile(await fixtures.pdfDocument(dir, 3), receipt);
    // Text only: the legibility the receipt slot asks about is left to an agent (pdfEvidence.test.ts), not passed.
    expect(inspection).toMatchObject({ mime: 'application/pdf', pages: 3, phash: null, width: null, height: null, state: 'warn' });
    expect(findingOf(inspection, 'pdf.pages')).toMatchObject({ severity: 'pass', facts: { pages: 3 } });
    expect(findingOf(inspection, 'image.unchecked').facts).toMatchObject({ pages: '1–3', reason: 'no_picture' });
  });

  it('fails a password-protected PDF', async () => {
    const encrypted = await fixtures.encryptedPdf(dir);
    await expect(PDFDocument.load(await readFile(encrypted))).rejects.toThrow(/encrypted/);
    const inspection = await inspectFile(encrypted, receipt);
    expect(findingOf(inspection, 'pdf.encrypted').severity).toBe('fail');
    expect(inspection.state).toBe('fail');
  });
});

describe('inspectFile: EXIF in every block the file carries', () => {
  // Each photo also carries an honest rear-camera block where decoders read it (first APP1, eXIf before IDAT, first
  // EXIF chunk): libvips hands over only that one, so the checks must read the file's blocks themselves.
  const carriers = fixtures.exifCarriers.map((carrier, i) => [carrier, i] as const);

  it.each(carriers)('fails a photo whose front camera is named in the %s', async (carrier, i) => {
    const photo = await fixtures.cardWithHiddenExif(dir, carrier, fixtures.frontCameraExif(), `hidden-front-${i}`);
    const inspection = await inspectFile(photo, holdingIdFront);
    expect(findingOf(inspection, 'exif.front_camera')).toMatchObject({
      severity: 'fail',
      facts: { lens: 'iPhone 13 front camera 2.71mm f/2.2' },
    });
    expect(inspection.state).toBe('fail');
    expect(inspection.capturedAt).toBe('2026-03-01T10:11:12'); // still read from the honest block
  });

  it.each(carriers)('warns about editing software named in the %s', async (carrier, i) => {
    const photo = await fixtures.cardWithHiddenExif(dir, carrier, fixtures.editedExif('Adobe Photoshop 25.0'), `hidden-edited-${i}`);
    expect(findingOf(await inspectFile(photo, holdingIdFront), 'exif.edited')).toMatchObject({
      severity: 'warn',
      facts: { software: 'Adobe Photoshop 25.0' },
    });
  });

  it.each(carriers)('refuses a looping 4,000-entry EXIF block in the %s with 422', async (carrier, i) => {
    const photo = await fixtures.cardWithHiddenExif(dir, carrier, fixtures.loopingExifTiff(), `hidden-looping-${i}`);
    expect(await refusal(photo)).toMatchObject({ status: 422, code: 'DAMAGED_METADATA' });
  });

  it.each(carriers)('refuses more than 64 KB of EXIF with the %s, before reading it, with 422', async (carrier, i) => {
    // An APP1 segment holds at most 64 KB, so a JPEG needs two more segments to go over; a chunk can hold megabytes.
    const hidden = carrier.startsWith('JPEG')
      ? [fixtures.oversizedExif(40_000), fixtures.oversizedExif(40_000)]
      : fixtures.oversizedExif(256 * 1024);
    const refused = await refusal(await fixtures.cardWithHiddenExif(dir, carrier, hidden, `hidden-oversized-${i}`));
    expect(refused).toMatchObject({ status: 422, code: 'DAMAGED_METADATA' });
    expect(refused.messageZh).toContain('EXIF');
  });

  it.each(carriers)('keeps a photo whose %s holds 40 KB of harmless EXIF, reporting the honest camera', async (carrier, i) => {
    const photo = await fixtures.cardWithHiddenExif(dir, carrier, fixtures.oversizedExif(40_000), `hidden-large-${i}`);
    const inspection = await inspectFile(photo, holdingIdFront);
    expect(inspection.state).toBe('pass');
    expect(findingOf(inspection, 'exif.captured_at').facts).toMatchObject({
      camera: 'Apple iPhone 13',
      lens: 'iPhone 13 back dual wide camera 5.1mm f/1.6',
    });
  });
});

describe('inspectFile: PDF bounds (object count, values, unpacked bytes, time, heap)', () => {
  async function refusedBeforeParsing(file: string) {
    const parses = pdfParsesStarted();
    const refused = await refusal(file, receipt);
    expect(pdfParsesStarted()).toBe(parses); // counted in the bytes: pdf-lib never saw the file
    return refused;
  }

  it('refuses a 9.5 MB PDF of 218,000 tiny objects with 413 from its bytes, before pdf-lib parses it', async () => {
    const bomb = await fixtures.pdfObjectBomb(dir);
    expect((await stat(bomb)).size).toBeGreaterThan(9_500_000);
    expect((await stat(bomb)).size).toBeLessThan(receipt.maxBytes);
    const refused = await refusedBeforeParsing(bomb);
    expect(refused).toMatchObject({ status: 413, code: 'PDF_TOO_COMPLEX' });
    expect(refused.message).toContain('more than 20,000');
    expect(refused.messageZh).toContain('超过 20000 个');
    expect(hasHan(refused.messageZh)).toBe(true);
  });

  it('refuses the bomb packed into an object stream by the /N its dictionary declares, before pdf-lib parses it', async () => {
    const bomb = await fixtures.pdfObjectStreamBomb(dir);
    expect((await stat(bomb)).size).toBeLessThan(2_000_000);
    expect(await refusedBeforeParsing(bomb)).toMatchObject({ status: 413, code: 'PDF_TOO_COMPLEX' });
  });

  it('keeps a PDF just under the object bound', async () => {
    const inspection = await inspectFile(await fixtures.pdfObjectBomb(dir, defaultLimits.pdfMaxObjects - 10), receipt);
    expect(inspection).toMatchObject({ mime: 'application/pdf', pages: 1, state: 'warn' }); // its empty page: left to an agent
  });

  it('counts objects with a lowered bound the same way, in the bytes and in the parse', async () => {
    const letter = await fixtures.pdfDocument(dir, 3);
    await expect(inspectFile(letter, receipt, { pdfMaxObjects: 5 })).rejects.toMatchObject({ status: 413, code: 'PDF_TOO_COMPLEX' });
    expect((await inspectFile(letter, receipt, { pdfMaxObjects: 40 })).pages).toBe(3);
  });

  it('refuses an object stream that unpacks to 64 MB once pdf-lib has unpacked 16 MB of it', async () => {
    const bomb = await fixtures.pdfDeflateBomb(dir);
    expect((await stat(bomb)).size).toBeLessThan(200_000);
    expect(await refusal(bomb, receipt)).toMatchObject({ status: 413, code: 'PDF_TOO_COMPLEX' });
  });

  it('refuses one object holding a million values', async () => {
    expect(await refusal(await fixtures.pdfValueBomb(dir, 1_000_000), receipt)).toMatchObject({ status: 413, code: 'PDF_TOO_COMPLEX' });
  });

  it('stops a parse that outlasts its time, and parses the next PDF as before', async () => {
    // A megabyte of junk between objects: pdf-lib tries every byte as an object header, for about ten seconds.
    const junk = await fixtures.pdfJunkBomb(dir, 1024 * 1024);
    await expect(inspectFile(junk, receipt, { pdfTimeoutMs: 300 })).rejects.toMatchObject({ status: 413, code: 'PDF_TOO_COMPLEX' });
    expect((await inspectFile(await fixtures.pdfDocument(dir, 2), receipt)).pages).toBe(2);
  });

  it("ends the parse at the worker's heap limit when the value budget is lifted, and the next PDF is parsed", async () => {
    const bytes = await readFile(await fixtures.pdfValueBomb(dir, 4_000_000));
    const budget = { maxObjects: 1e9, maxValues: 1e9, maxDecodedBytes: 1e9, timeoutMs: 60_000 };
    expect(await parsePdf(async () => bytes, budget, null)).toEqual({ ok: false, reason: 'too_complex', bound: 'memory' });
    expect((await inspectFile(await fixtures.pdfDocument(dir, 1), receipt)).pages).toBe(1);
  });
});

describe('inspectFile: fingerprints', () => {
  it("computes the same sha256 as node's crypto over the whole file", async () => {
    const card = await fixtures.colourIdCard(dir);
    const inspection = await inspectFile(card, holdingIdFront);
    expect(inspection.sha256).toBe(
      createHash('sha256')
        .update(await readFile(card))
        .digest('hex'),
    );
    expect(inspection.size).toBe((await stat(card)).size);
  });

  it('gives a re-encoded copy and a slightly smaller copy a perceptual hash within 6 bits', async () => {
    const original = await fixtures.colourIdCard(dir);
    const reencoded = await fixtures.reencodedCopy(dir, original, { quality: 60, fileName: 'reencoded.jpg' });
    const smaller = await fixtures.reencodedCopy(dir, original, { quality: 85, scale: 0.9, fileName: 'smaller.jpg' });
    const [a, b, c] = await Promise.all([original, reencoded, smaller].map((f) => inspectFile(f, holdingIdFront)));
    expect(a!.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(a!.phash!, b!.phash!)).toBeLessThanOrEqual(6);
    expect(hammingDistance(a!.phash!, c!.phash!)).toBeLessThanOrEqual(6);
  });

  it('keeps two different cards more than 12 bits apart', async () => {
    const cards = await Promise.all(
      [0, 1, 2].map(async (variant) => (await inspectFile(await fixtures.colourIdCard(dir, { variant }), holdingIdFront)).phash!),
    );
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const)
      expect(hammingDistance(cards[i]!, cards[j]!)).toBeGreaterThan(12);
  });

  it('measures the Hamming distance between hashes and rejects malformed ones', () => {
    expect(hammingDistance('0123456789abcdef', '0123456789ABCDEF')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0000000000000000', '8000000000000001')).toBe(2);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(TypeError);
  });
});

describe('inspectFile: the whole result', () => {
  it('takes the worst severity among the findings as its state', () => {
    const f = (severity: Finding['severity']): Finding => ({ code: 'x', severity, message: { en: 'x', 'zh-CN': 'x' } });
    expect(worstSeverity([])).toBe('pass');
    expect(worstSeverity([f('pass'), f('warn')])).toBe('warn');
    expect(worstSeverity([f('fail'), f('warn'), f('pass')])).toBe('fail');
  });

  it('gives every finding a message in both languages', async () => {
    const inspections = await Promise.all([
      inspectFile(await fixtures.frontCameraPhoto(dir), holdingIdFront),
      inspectFile(await fixtures.tinyCard(dir), licence),
      inspectFile(await fixtures.encryptedPdf(dir), receipt),
    ]);
    for (const finding of inspections.flatMap((i) => i.findings)) {
      expect(finding.message.en.length).toBeGreaterThan(0);
      expect(hasHan(finding.message['zh-CN'])).toBe(true);
    }
  });

  // How long it takes, against only decoding it, is measured by `npm run bench` (server/bench/inspectionBudgets.ts).
  it('inspects a 4 MB, 12-megapixel JPEG', async () => {
    const photo = await fixtures.twelveMegapixelPhoto(dir);
    expect((await stat(photo)).size).toBeGreaterThan(3_500_000);
    const inspection = await inspectFile(photo, holdingIdFront);
    expect(inspection).toMatchObject({ width: 4000, height: 3000, state: 'pass' });
  });
});
