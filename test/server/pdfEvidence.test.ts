import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markDuplicatesWithin, type IntakeFile } from '../../server/src/intake/evidenceIntake';
import { businessLicenceSlot, holdingIdSlots } from '../../server/src/catalog/slots';
import { hammingDistance, inspectFile, type Inspection } from '../../server/src/evidence/inspection';
import { codes, findingOf } from './support/findings';
import * as fixtures from '../fixtures/evidence';

// The evidence rules apply to what a file shows, whatever its container (docs/rules.md): the largest picture of each
// page of a PDF is checked as the same picture uploaded on its own would be.
const [holdingIdFront, holdingIdBack] = holdingIdSlots('applicant') as [
  ReturnType<typeof holdingIdSlots>[0],
  ReturnType<typeof holdingIdSlots>[0],
];
const licence = businessLicenceSlot();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pdf-evidence-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const problems = (inspection: Inspection) => inspection.findings.filter((f) => f.severity !== 'pass').map((f) => [f.code, f.severity]);

/** An image XObject written as given: its dictionary entries (names as strings) and its stored bytes. */
type XObject = { dict: Record<string, unknown>; bytes: Uint8Array };
/** What one page holds: a JPEG or PNG embedded by pdf-lib, an image XObject written by hand, or only text (null). */
type Picture = { jpeg: Buffer } | { png: Buffer } | { xObject: XObject } | null;

/** A PDF with one A4 page per picture, each drawn across most of its page under a line of text. */
async function pdfOf(name: string, pictures: Picture[]): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const picture of pictures) {
    const page = doc.addPage([595, 842]);
    page.drawText('Scanned evidence', { x: 60, y: 800, size: 12, font });
    if (picture === null) continue;
    if ('xObject' in picture) {
      const ref = doc.context.register(
        doc.context.stream(picture.xObject.bytes, { Type: 'XObject', Subtype: 'Image', ...picture.xObject.dict }),
      );
      const drawn = page.node.newXObject('Scan', ref);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(515, 0, 0, 322, 40, 200), drawObject(drawn), popGraphicsState());
      continue;
    }
    const image = 'jpeg' in picture ? await doc.embedJpg(picture.jpeg) : await doc.embedPng(picture.png);
    page.drawImage(image, { x: 40, y: 200, width: 515, height: 322 });
  }
  const path = join(dir, name);
  await writeFile(path, await doc.save());
  return path;
}

const card = (variant = 0) => sharp(Buffer.from(fixtures.cardSvg(1600, 1000, variant)));
const jpegOf = async (file: Promise<string>) => ({ jpeg: await readFile(await file) });
const greyPng = async () => ({ png: await card().greyscale().png().toBuffer() });
const colourJpeg = async (variant = 0) => ({ jpeg: await fixtures.colourIdCardBytes({ variant }) });

/**
 * The card as a scanner-to-PDF tool stores a PNG: its IDAT data as is, a Flate stream whose rows keep their PNG
 * filters (predictor 15), in DeviceRGB or DeviceGray.
 */
async function pngRowsXObject(grey: boolean): Promise<{ xObject: XObject }> {
  const { data, info } = await (grey ? card().removeAlpha().toColourspace('b-w') : card().removeAlpha())
    .png({ adaptiveFiltering: true })
    .toBuffer({ resolveWithObject: true });
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length; at += 12 + data.readUInt32BE(at)) {
    if (data.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + data.readUInt32BE(at)));
  }
  expect(info.channels).toBe(grey ? 1 : 3);
  const colors = info.channels;
  return {
    xObject: {
      dict: {
        Width: info.width,
        Height: info.height,
        BitsPerComponent: 8,
        ColorSpace: grey ? 'DeviceGray' : 'DeviceRGB',
        Filter: 'FlateDecode',
        DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: 8, Columns: info.width },
      },
      bytes: Buffer.concat(idat),
    },
  };
}

describe('the pictures on the pages of a PDF', () => {
  it('rule: a photo inside a PDF is checked like a photo — front-camera selfie in a PDF fails', async () => {
    const selfie = await fixtures.frontCameraPhoto(dir);
    const bare = findingOf(await inspectFile(selfie, holdingIdFront), 'exif.front_camera');
    const inspection = await inspectFile(await pdfOf('selfie.pdf', [await jpegOf(Promise.resolve(selfie))]), holdingIdFront);
    expect(inspection.mime).toBe('application/pdf');
    expect(findingOf(inspection, 'exif.front_camera')).toEqual(bare);
    expect(bare).toMatchObject({ severity: 'fail', facts: { lens: 'iPhone 13 front camera 2.71mm f/2.2', camera: 'Apple iPhone 13' } });
    expect(inspection.capturedAt).toBe('2026-03-01T10:11:12+08:00');
    expect(inspection.state).toBe('fail');
  });

  it('rule: a photo inside a PDF is checked like a photo — a front camera named in a second EXIF segment of the JPEG in a PDF fails', async () => {
    const jpeg = fixtures.withSecondExif(await fixtures.colourIdCardBytes(), fixtures.frontCameraExif());
    const inspection = await inspectFile(await pdfOf('hidden-selfie.pdf', [{ jpeg }]), holdingIdFront);
    expect(findingOf(inspection, 'exif.front_camera')).toMatchObject({
      severity: 'fail',
      facts: { lens: 'iPhone 13 front camera 2.71mm f/2.2' },
    });
  });

  it('rule: a photo inside a PDF is checked like a photo — a small front-camera selfie beside a large decoy picture on the same page fails', async () => {
    const decoy = await readFile(await fixtures.rearCameraPhoto(dir));
    const selfie = await sharp(await readFile(await fixtures.frontCameraPhoto(dir)))
      .resize(320)
      .keepExif()
      .jpeg()
      .toBuffer();
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawImage(await doc.embedJpg(decoy), { x: 40, y: 200, width: 515, height: 322 });
    page.drawImage(await doc.embedJpg(selfie), { x: 450, y: 60, width: 100, height: 62 });
    const path = join(dir, 'decoy.pdf');
    await writeFile(path, await doc.save());
    const inspection = await inspectFile(path, holdingIdFront);
    expect(findingOf(inspection, 'exif.front_camera')).toMatchObject({
      severity: 'fail',
      facts: { lens: 'iPhone 13 front camera 2.71mm f/2.2' },
    });
    expect(inspection.state).toBe('fail');
    // The same decoy alone passes the camera check: the selfie is what failed it.
    const alone = await inspectFile(await pdfOf('decoy-alone.pdf', [{ jpeg: decoy }]), holdingIdFront);
    expect(codes(alone)).not.toContain('exif.front_camera');
    // A licence slot does not ask about the camera, so the selfie's camera is not read there.
    expect(codes(await inspectFile(path, licence))).not.toContain('exif.front_camera');
    // A looping EXIF block in the small picture is refused as it is in the large one.
    const bomb = await PDFDocument.create();
    const bombPage = bomb.addPage([595, 842]);
    bombPage.drawImage(await bomb.embedJpg(decoy), { x: 40, y: 200, width: 515, height: 322 });
    bombPage.drawImage(await bomb.embedJpg(fixtures.withRawExifBlock(selfie, fixtures.loopingExifTiff())), {
      x: 450,
      y: 60,
      width: 100,
      height: 62,
    });
    const bombPath = join(dir, 'decoy-bomb.pdf');
    await writeFile(bombPath, await bomb.save());
    await expect(inspectFile(bombPath, holdingIdFront)).rejects.toMatchObject({ status: 422, code: 'DAMAGED_METADATA' });
  });

  it('rule: a photo inside a PDF is checked like a photo — a looping EXIF block in the JPEG of a PDF is refused as the bare JPEG is', async () => {
    const jpeg = fixtures.withRawExifBlock(await fixtures.colourIdCardBytes(), fixtures.loopingExifTiff());
    await expect(inspectFile(await pdfOf('exif-bomb.pdf', [{ jpeg }]), holdingIdFront)).rejects.toMatchObject({
      status: 422,
      code: 'DAMAGED_METADATA',
    });
  });

  it('rule: a photo inside a PDF is checked like a photo — a 200×130 picture in a PDF is illegible', async () => {
    const jpeg = await fixtures.colourIdCardBytes({ width: 200, height: 130 });
    const bare = join(dir, 'small.jpg');
    await writeFile(bare, jpeg);
    const inspection = await inspectFile(await pdfOf('small.pdf', [{ jpeg }]), licence);
    const tooSmall = findingOf(inspection, 'image.too_small');
    expect(tooSmall).toMatchObject({ severity: 'fail', facts: { width: 200, height: 130 } });
    expect(tooSmall).toEqual(findingOf(await inspectFile(bare, licence), 'image.too_small'));
    expect(inspection.state).toBe('fail');
  });

  it('rule: a photo inside a PDF is checked like a photo — a blurred picture in a PDF is called blurred', async () => {
    const inspection = await inspectFile(await pdfOf('blurred.pdf', [{ jpeg: await card().blur(6).jpeg().toBuffer() }]), licence);
    expect(findingOf(inspection, 'image.blurred').severity).toBe('warn');
  });

  it('rule: a photo inside a PDF is checked like a photo — a normal colour scan still passes', async () => {
    const scan = await inspectFile(await pdfOf('colour-scan.pdf', [await colourJpeg()]), licence);
    expect(scan.state).toBe('pass');
    expect(codes(scan)).toEqual(expect.arrayContaining(['pdf.pages', 'colour.ok', 'image.sharp']));
    // A rear-camera photo wrapped in a PDF passes the hand-held ID checks, camera and capture time read from it.
    const photo = await inspectFile(await pdfOf('rear-camera.pdf', [await jpegOf(fixtures.rearCameraPhoto(dir))]), holdingIdFront);
    expect(problems(photo)).toEqual([]);
    expect(findingOf(photo, 'exif.captured_at').facts).toMatchObject({
      camera: 'Apple iPhone 13',
      lens: 'iPhone 13 back dual wide camera 5.1mm f/1.6',
    });
  });

  it('rule: a photo inside a PDF is checked like a photo — a page without any picture is a visible could-not-check, not a pass', async () => {
    const letter = await inspectFile(await pdfOf('text-only.pdf', [null]), licence);
    expect(findingOf(letter, 'colour.unchecked')).toMatchObject({ severity: 'warn', facts: { images: 0, reason: 'no_picture' } });
    expect(findingOf(letter, 'image.unchecked')).toMatchObject({ severity: 'warn', facts: { reason: 'no_picture' } });
    expect(findingOf(letter, 'image.unchecked').message).toEqual({
      'zh-CN': '该页没有图片（只有文字或矢量图形），无法自动检查是否清晰完整，将由客服人工核对',
      en: 'The page holds no picture (only text or drawings), so we could not check that it is legible; an agent will look at it',
    });
    expect(letter.state).toBe('warn');
    const held = await inspectFile(await pdfOf('text-only-held.pdf', [null]), holdingIdFront);
    expect(findingOf(held, 'exif.no_camera').severity).toBe('warn');
  });

  it('rule: a photo inside a PDF is checked like a photo — a page without a picture among scanned pages is named', async () => {
    const inspection = await inspectFile(await pdfOf('scan-and-letter.pdf', [await colourJpeg(), null]), licence);
    expect(findingOf(inspection, 'colour.ok').facts).toMatchObject({ pages: '1' });
    const unchecked = findingOf(inspection, 'image.unchecked');
    expect(unchecked.facts).toMatchObject({ pages: '2', reason: 'no_picture' });
    expect(unchecked.message['zh-CN']).toMatch(/^第 2 页：/);
    expect(unchecked.message.en).toMatch(/^Page 2: /);
  });

  it('rule: a photo inside a PDF is checked like a photo — a JPEG 2000 picture is left to an agent, never passed silently', async () => {
    const jpx = {
      xObject: {
        dict: { Width: 1600, Height: 1000, BitsPerComponent: 8, ColorSpace: 'DeviceRGB', Filter: 'JPXDecode' },
        bytes: Buffer.from('\0\0\0\x0cjP  \r\n\x87\n not decoded here'),
      },
    };
    const inspection = await inspectFile(await pdfOf('jpx.pdf', [jpx]), holdingIdFront);
    expect(problems(inspection)).toEqual([
      ['colour.unchecked', 'warn'],
      ['image.unchecked', 'warn'],
      ['exif.no_camera', 'warn'],
    ]);
    expect(findingOf(inspection, 'image.unchecked').facts).toMatchObject({ reason: 'unreadable' });
  });

  it('rule: a photo inside a PDF is checked like a photo — a Flate picture with PNG row filters is read pixel for pixel', async () => {
    const inspection = await inspectFile(await pdfOf('png-rows.pdf', [await pngRowsXObject(false)]), licence);
    expect(problems(inspection)).toEqual([]);
    expect(codes(inspection)).toEqual(expect.arrayContaining(['colour.ok', 'image.sharp']));
    // The same picture as the JPEG upload, to the perceptual hash: the rows were unfiltered right.
    const upload = await inspectFile(await fixtures.colourIdCard(dir), licence);
    expect(hammingDistance(inspection.phash!, upload.phash!)).toBeLessThanOrEqual(4);
  });

  it('rule: a photo inside a PDF is checked like a photo — a damaged picture is left to an agent, the PDF kept', async () => {
    const jpeg = await fixtures.colourIdCardBytes();
    const inspection = await inspectFile(
      await pdfOf('damaged-picture.pdf', [{ jpeg: jpeg.subarray(0, Math.floor(jpeg.length / 2)) }]),
      holdingIdFront,
    );
    expect(findingOf(inspection, 'image.unchecked').facts).toMatchObject({ reason: 'unreadable' });
    expect(findingOf(inspection, 'exif.no_camera').severity).toBe('warn');
    expect(inspection.state).toBe('warn');
  });

  it('rule: a photo inside a PDF is checked like a photo — the first 20 pages are looked at, the pages after them named for an agent', async () => {
    const inspection = await inspectFile(await fixtures.pdfDocument(dir, 22), licence);
    const unchecked = inspection.findings.filter((f) => f.code === 'image.unchecked').map((f) => f.facts);
    expect(unchecked).toEqual([
      expect.objectContaining({ reason: 'no_picture', pages: '1–20' }),
      expect.objectContaining({ reason: 'not_examined', pages: '21–22' }),
    ]);
    expect(inspection.findings.find((f) => f.facts?.reason === 'not_examined')!.message['zh-CN']).toMatch(/^第 21–22 页：/);
  });

  it('rule: a photo inside a PDF is checked like a photo — no more pictures are decoded than the budget allows, the pages after them named for an agent', async () => {
    const pages = await Promise.all([0, 1, 2, 0, 1].map((variant) => colourJpeg(variant)));
    const inspection = await inspectFile(await pdfOf('five-scans.pdf', pages), licence);
    expect(findingOf(inspection, 'colour.ok').facts).toMatchObject({ pages: '1–4' });
    expect(findingOf(inspection, 'image.unchecked').facts).toMatchObject({ pages: '5', reason: 'not_examined' });
    expect(inspection.state).toBe('warn');
  });
});

describe('the colour of the pictures in a PDF', () => {
  it('rule: scans must be colour — a greyscale Flate picture in a PDF fails', async () => {
    const inspection = await inspectFile(await pdfOf('grey-flate.pdf', [await greyPng()]), licence);
    expect(findingOf(inspection, 'colour.greyscale')).toMatchObject({ severity: 'fail', facts: { channels: 3 } });
    expect(inspection.state).toBe('fail');
  });

  it('rule: scans must be colour — a DeviceGray picture stored with PNG row filters fails, and is still judged legible', async () => {
    const inspection = await inspectFile(await pdfOf('grey-png-rows.pdf', [await pngRowsXObject(true)]), licence);
    expect(findingOf(inspection, 'colour.greyscale')).toMatchObject({ severity: 'fail', facts: { channels: 1 } });
    expect(findingOf(inspection, 'image.sharp').severity).toBe('pass');
  });

  it('rule: scans must be colour — a fax (CCITT) picture in a PDF holds no colour', async () => {
    const fax = {
      xObject: {
        dict: { Width: 1728, Height: 2200, BitsPerComponent: 1, ColorSpace: 'DeviceGray', Filter: 'CCITTFaxDecode' },
        bytes: Buffer.alloc(64, 0xaa),
      },
    };
    const inspection = await inspectFile(await pdfOf('fax.pdf', [fax]), licence);
    expect(findingOf(inspection, 'colour.greyscale').severity).toBe('fail');
    expect(findingOf(inspection, 'image.unchecked').facts).toMatchObject({ reason: 'unreadable' });
  });

  it('rule: scans must be colour — one colour page does not carry a greyscale page, which is named', async () => {
    const inspection = await inspectFile(await pdfOf('colour-then-grey.pdf', [await colourJpeg(), await greyPng()]), licence);
    const greyscale = findingOf(inspection, 'colour.greyscale');
    expect(greyscale.facts).toMatchObject({ pages: '2' });
    expect(greyscale.message['zh-CN']).toMatch(/^第 2 页：.*须为彩色扫描件/);
    expect(inspection.state).toBe('fail');
  });
});

describe('pictures in a PDF are decoded within the decompression budget', () => {
  const twoMegabytes = { pdfMaxDecodedBytes: 2 * 1024 * 1024 };

  it('rule: a photo inside a PDF is checked like a photo — a picture larger than what is left of the decompression budget is not inflated: left to an agent, the PDF kept', async () => {
    const pdf = await pdfOf('big-flate.pdf', [{ png: await card().png().toBuffer() }]); // 1600×1000 RGB: 4.8 MB inflated
    const inspection = await inspectFile(pdf, licence, twoMegabytes);
    expect(findingOf(inspection, 'image.unchecked').facts).toMatchObject({ reason: 'unreadable' });
    expect(codes(inspection)).not.toContain('colour.ok');
    expect((await inspectFile(pdf, licence)).state).toBe('pass'); // within the default budget it is read
  });

  it('rule: a photo inside a PDF is checked like a photo — a picture stream inflating far past its size is stopped at the budget, the PDF kept', async () => {
    // 100×100 grey pixels declared, 64 MB of zeros stored: one deflate block alone holds megabytes.
    const bomb = {
      xObject: {
        dict: { Width: 100, Height: 100, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' },
        bytes: deflateSync(Buffer.alloc(64 * 1024 * 1024)),
      },
    };
    const inspection = await inspectFile(await pdfOf('picture-bomb.pdf', [bomb]), licence, twoMegabytes);
    expect(findingOf(inspection, 'image.unchecked').facts).toMatchObject({ reason: 'unreadable' });
    expect(inspection.state).toBe('warn');
  });
});

describe('duplicates, whatever the container', () => {
  it('rule: the same file may not fill two slots — the front as a JPEG and again inside a PDF as the back', async () => {
    const front = await fixtures.colourIdCard(dir, { variant: 1, fileName: 'front.jpg' });
    const wrapped = await pdfOf('front-again.pdf', [{ jpeg: await readFile(front) }]);
    const file = async (slot: typeof holdingIdFront, path: string): Promise<IntakeFile> => {
      const inspection = await inspectFile(path, slot);
      return { slotKey: slot.key, path, size: 0, originalName: path, sha256: inspection.sha256, slot, inspection };
    };
    const files = [await file(holdingIdFront, front), await file(holdingIdBack, wrapped)];
    markDuplicatesWithin(files);
    for (const f of files) expect(f.inspection.findings.map((x) => x.code)).toContain('duplicate.similar');
  });
});

it("rule: a photo inside a PDF is checked like a photo — every finding on a PDF's pages has both languages", async () => {
  const inspections = await Promise.all([
    inspectFile(await pdfOf('all-1.pdf', [null, await greyPng()]), holdingIdFront),
    inspectFile(await pdfOf('all-2.pdf', [await jpegOf(fixtures.frontCameraPhoto(dir))]), holdingIdFront),
  ]);
  for (const f of inspections.flatMap((i) => i.findings)) {
    expect(f.message.en.length).toBeGreaterThan(0);
    expect(f.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  }
});
