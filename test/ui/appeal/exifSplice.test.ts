// @vitest-environment node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { exifSegmentOf, withExifSegment, withUprightOrientation } from '../../../admin-ui/form/exifSplice';
import { inspectFile } from '../../../server/src/evidence/inspection';
import { slotsFor } from '../../../server/src/catalog';

// Issue 15, item 3: a photo scaled down in the browser keeps the camera information the front-camera check reads.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exif-splice-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const card = () =>
  sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 30, g: 90, b: 200 } } }).composite([
    {
      input: Buffer.from(
        '<svg width="1600" height="1000"><rect x="100" y="100" width="600" height="400" fill="#e33"/><text x="800" y="700" font-size="90" fill="#fff">ID 110105</text></svg>',
      ),
    },
  ]);

/** A phone's photo: taken sideways (orientation 6) with the iPhone's front camera. */
const frontCameraPhoto = () =>
  card()
    .jpeg({ quality: 92 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Apple', Model: 'iPhone 13' },
      IFD2: { LensMake: 'Apple', LensModel: 'iPhone 13 front camera 2.71mm f/2.2' },
    })
    .toBuffer();

/** What a canvas gives back: a smaller JPEG with no metadata at all. */
const canvasCopy = async () =>
  sharp(await card().png().toBuffer())
    .resize(800)
    .jpeg({ quality: 88 })
    .toBuffer();

describe('the EXIF splice of a scaled-down photo', () => {
  it("finds the original's APP1 segment, and none in a copy without metadata", async () => {
    const photo = await frontCameraPhoto();
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    const segment = exifSegmentOf(new Uint8Array(photo));
    expect(segment).not.toBeNull();
    expect([segment![0], segment![1]]).toEqual([0xff, 0xe1]);
    expect(Buffer.from(segment!.subarray(4, 10)).toString('latin1')).toBe('Exif\0\0');
    expect(exifSegmentOf(new Uint8Array(await canvasCopy()))).toBeNull();
    expect(exifSegmentOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });

  it('gives the copy the camera make and model, upright, as an image readers still open', async () => {
    const original = exifSegmentOf(new Uint8Array(await frontCameraPhoto()))!;
    const spliced = Buffer.from(withExifSegment(new Uint8Array(await canvasCopy()), withUprightOrientation(original)));
    const meta = await sharp(spliced).metadata();
    expect(meta.width).toBe(800);
    expect(meta.orientation).toBe(1);
    expect(meta.exif?.toString('latin1')).toContain('iPhone 13');
    // The original itself is left as it was.
    expect((await sharp(Buffer.from(withExifSegment(new Uint8Array(await canvasCopy()), original))).metadata()).orientation).toBe(6);
  });

  it("keeps the scaled-down copy failing the server's front-camera check, as the original does", async () => {
    const original = exifSegmentOf(new Uint8Array(await frontCameraPhoto()))!;
    const file = path.join(dir, 'scaled.jpg');
    fs.writeFileSync(file, withExifSegment(new Uint8Array(await canvasCopy()), withUprightOrientation(original)));
    const slot = slotsFor('mfa_unbind', 'personal').find((s) => s.key === 'applicant_id_front')!;
    const inspection = await inspectFile(file, slot);
    expect(inspection.findings.map((f) => f.code)).toContain('exif.front_camera');

    const bare = path.join(dir, 'bare.jpg');
    fs.writeFileSync(bare, await canvasCopy());
    expect((await inspectFile(bare, slot)).findings.map((f) => f.code)).not.toContain('exif.front_camera');
  });
});
