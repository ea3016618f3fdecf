import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MATERIAL_BYTES } from '../../server/src/catalog';
import { pdfParsesStarted } from '../../server/src/evidence/inspection';
import {
  cardWithHiddenExif,
  colourIdCard,
  emptyFile,
  loopingExifTiff,
  pdfDeflateBomb,
  pdfDocument,
  pdfJunkBomb,
  pdfObjectBombBytes,
  pngBomb,
  polyglotJpegZip,
  truncatedJpeg,
  windowsExecutable,
} from '../fixtures/evidence';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, type TestApp } from './support/testApp';

// Hostile uploads: each refused with a clear error, nothing written, memory bounded.
let t: TestApp;
let files: string;
let back: string;

beforeAll(async () => {
  t = await createTestApp();
  files = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  back = await colourIdCard(files, { variant: 2 });
});
afterAll(() => t.close());

function everyFile(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function expectNothingWritten(run: () => Promise<void>) {
  const before = { tickets: await t.db.ticket.count(), files: everyFile(t.config.uploadDir) };
  await run();
  expect(await t.db.ticket.count()).toBe(before.tickets);
  expect(everyFile(t.config.uploadDir)).toEqual(before.files);
}

const file = (attachments: Record<string, string | { buffer: Buffer; name: string }>) => {
  let req = request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
  for (const [slot, f] of Object.entries(attachments))
    req = typeof f === 'string' ? req.attach(slot, f) : req.attach(slot, f.buffer, f.name);
  return req;
};

/** A JPEG whose EXIF block claims 4,000 entries of a billion values each and an IFD chain that loops on itself. */
async function exifBomb(): Promise<Buffer> {
  const jpeg = fs.readFileSync(await colourIdCard(files, { variant: 0, width: 1300, fileName: 'exif-bomb-base.jpg' }));
  const entries = 4000;
  const tiff = Buffer.alloc(8 + 2 + entries * 12 + 4);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(entries, 8);
  for (let i = 0; i < entries; i += 1) {
    const at = 10 + i * 12;
    tiff.writeUInt16LE(0x8769 + (i % 3), at); // ExifIFD pointers and friends, each pointing back to the start
    tiff.writeUInt16LE(4, at + 2); // LONG
    tiff.writeUInt32LE(0x3fffffff, at + 4);
    tiff.writeUInt32LE(8, at + 8);
  }
  tiff.writeUInt32LE(8, 10 + entries * 12); // next IFD: itself
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]).subarray(0, 65_000);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 0]), body]);
  app1.writeUInt16BE(app1.length - 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

describe('hostile uploads', () => {
  it('refuses an empty file', async () => {
    await expectNothingWritten(async () => {
      const res = await file({ applicant_id_front: await emptyFile(files), applicant_id_back: back });
      expect(res.status).toBe(415);
      expect(res.body.errors).toHaveProperty('applicant_id_front');
    });
  });

  it('refuses a truncated JPEG as corrupt (422)', async () => {
    await expectNothingWritten(async () => {
      const res = await file({ applicant_id_front: await truncatedJpeg(files), applicant_id_back: back });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('CORRUPT_FILE');
    });
  });

  it('refuses a Windows program whatever its name says', async () => {
    await expectNothingWritten(async () => {
      const res = await file({
        applicant_id_front: { buffer: fs.readFileSync(await windowsExecutable(files)), name: 'ID-front.jpeg' },
        applicant_id_back: back,
      });
      expect(res.status).toBe(415);
    });
  });

  // Its time and memory are measured by `npm run bench` (server/bench/inspectionBudgets.ts).
  it('refuses a decompression bomb by its declared size (413), and keeps nothing', async () => {
    const bomb = await pngBomb(files);
    await expectNothingWritten(async () => {
      const res = await file({ applicant_id_front: bomb });
      expect(res.status).toBe(413);
    });
  });

  it('refuses an EXIF bomb before any parser spends time on it (422), and keeps nothing', async () => {
    const bomb = await exifBomb();
    await expectNothingWritten(async () => {
      const res = await file({ applicant_id_front: { buffer: bomb, name: 'bomb.jpg' }, applicant_id_back: back });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('DAMAGED_METADATA');
      expect(res.body.errors.applicant_id_front).toMatch(/EXIF/);
    });
  });

  it('refuses an EXIF bomb hidden in a PNG after its image data (422), and keeps nothing', async () => {
    const bomb = await cardWithHiddenExif(files, 'PNG, eXIf chunk after the image data', loopingExifTiff(), 'hidden-exif-bomb');
    await expectNothingWritten(async () => {
      const res = await file({ applicant_id_front: bomb, applicant_id_back: back });
      expect([res.status, res.body.code]).toEqual([422, 'DAMAGED_METADATA']);
      expect(res.body.errors.applicant_id_front).toMatch(/EXIF/);
    });
  });

  it('refuses a 9.5 MB PDF of 218,000 objects with 413 PDF_TOO_COMPLEX in both languages, before pdf-lib parses it, and keeps nothing', async () => {
    const bomb = pdfObjectBombBytes();
    const parses = pdfParsesStarted();
    await expectNothingWritten(async () => {
      const res = await file({ applicant_id_front: { buffer: bomb, name: 'scan.pdf' }, applicant_id_back: back });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PDF_TOO_COMPLEX');
      expect(Object.keys(res.body.errors)).toEqual(['applicant_id_front']);
      expect(res.body.errors.applicant_id_front).toMatch(/too many objects \(more than 20,000\).* \/ .*对象过多/);
    });
    expect(pdfParsesStarted()).toBe(parses);
  });

  it('refuses ten object bombs sent at once, each from its bytes, and keeps nothing', async () => {
    const bomb = pdfObjectBombBytes();
    const parses = pdfParsesStarted();
    await expectNothingWritten(async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => file({ applicant_id_front: { buffer: bomb, name: `scan-${i}.pdf` } })),
      );
      expect(answers.map((r) => [r.status, r.body.code])).toEqual(Array.from({ length: 10 }, () => [413, 'PDF_TOO_COMPLEX']));
    });
    expect(pdfParsesStarted()).toBe(parses);
  });

  it('refuses a PDF whose object stream unpacks to 64 MB (413), never a 500, and keeps nothing', async () => {
    const bomb = await pdfDeflateBomb(files);
    await expectNothingWritten(async () => {
      const res = await file({ applicant_id_front: bomb, applicant_id_back: back });
      expect([res.status, res.body.code]).toEqual([413, 'PDF_TOO_COMPLEX']);
    });
  });

  it('stops a PDF whose parse outlasts its time (413), keeps nothing, and takes the next PDF', async () => {
    // Four megabytes of junk between objects: pdf-lib would try each byte as an object header for most of a minute.
    const junk = await pdfJunkBomb(files);
    await expectNothingWritten(async () => {
      const res = await file({ applicant_id_front: junk, applicant_id_back: back });
      expect([res.status, res.body.code]).toEqual([413, 'PDF_TOO_COMPLEX']);
    });
    const next = await file({ applicant_id_front: await pdfDocument(files, 2, { image: 'colour' }), applicant_id_back: back });
    expect(next.status).toBe(201);
  });

  it('accepts a JPEG with a zip appended only as the image it decodes to, stored and served as an attachment', async () => {
    const res = await file({ applicant_id_front: await polyglotJpegZip(files), applicant_id_back: back });
    expect(res.status).toBe(201);
    const row = await t.db.evidence.findFirstOrThrow({
      where: { ticket: { reference: res.body.reference }, slot: { slotKey: 'applicant_id_front' } },
    });
    expect(row.mime).toBe('image/jpeg');
  });

  it('never uses the file name on disk: path traversal and Unicode tricks stay display text, cleaned', async () => {
    const bytes = fs.readFileSync(await colourIdCard(files, { variant: 1, width: 1400, fileName: 'named.jpg' }));
    const res = await file({
      applicant_id_front: { buffer: bytes, name: '../../../../etc/cron.d/x\u202Egpj.exe' },
      applicant_id_back: back,
    });
    expect(res.status).toBe(201);
    const row = await t.db.evidence.findFirstOrThrow({
      where: { ticket: { reference: res.body.reference }, slot: { slotKey: 'applicant_id_front' } },
    });
    expect(row.originalName).toBe('xgpj.exe');
    expect(row.storageKey).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync('/etc/cron.d/x')).toBe(false);
    expect(everyFile(t.config.uploadDir).every((f) => !f.includes('..') && !f.includes('gpj'))).toBe(true);
  });

  it('refuses too many parts with 413, and keeps nothing', async () => {
    await expectNothingWritten(async () => {
      let req = request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
      for (let i = 0; i < 40; i += 1) req = req.field(`x${i}`, 'y');
      const res = await req;
      expect([400, 413]).toContain(res.status);
      expect(res.body.code).toMatch(/TOO_MANY/);
    });
  });

  it('refuses an oversized part with 413 naming the slot, and leaves no temporary file', async () => {
    const big = path.join(files, 'big.jpg');
    const head = fs.readFileSync(back);
    fs.writeFileSync(big, Buffer.concat([head, Buffer.alloc(MAX_MATERIAL_BYTES + 1024 - head.length, 7)]));
    await expectNothingWritten(async () => {
      const res = await file({ applicant_id_front: big });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('FILE_TOO_LARGE');
      expect(res.body.errors).toHaveProperty('applicant_id_front');
    });
  });

  it('refuses more files than an appeal can have', async () => {
    await expectNothingWritten(async () => {
      let req = request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
      for (let i = 0; i < 21; i += 1) req = req.attach(`slot_${i}`, back);
      const res = await req;
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('TOO_MANY_FILES');
    });
  });
});
