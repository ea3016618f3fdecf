import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotsFor } from '../../server/src/catalog';
import { inspectFile, RefusedFile } from '../../server/src/evidence/inspection';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, type TestApp } from './support/testApp';

// Files this project did not make: real camera photos from Debian's mate-backgrounds (installed by .ci/run),
// real documents and programs from the base system. Where one is missing outside CI the test says what to install.
const required = process.env.CI === 'true';
const photos = '/usr/share/backgrounds/mate/nature';
const sample = (file: string) => (fs.existsSync(file) || required ? file : null);
const dune = sample(path.join(photos, 'Dune.jpg'));
const twoWings = sample(path.join(photos, 'TwoWings.jpg'));
const blinds = sample(path.join(photos, 'Blinds.jpg'));
const hugeElephants = sample('/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg');
const greyStripes = sample('/usr/share/backgrounds/mate/desktop/MATE-Stripes-Light.png');
const needs = 'needs mate-backgrounds (apt-get install mate-backgrounds)';

const holdingId = slotsFor('mfa_unbind', 'personal')[0]!;
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

async function refusal(file: string): Promise<RefusedFile> {
  try {
    await inspectFile(file, holdingId);
  } catch (e) {
    if (e instanceof RefusedFile) return e;
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

describe('evidence checks on real files', () => {
  it.skipIf(!dune)(`passes a real camera photo and reads its capture time and camera (${needs})`, async () => {
    const inspection = await inspectFile(dune!, holdingId);
    expect(inspection.mime).toBe('image/jpeg');
    expect(inspection.state).toBe('pass');
    expect(codes(inspection.findings)).toEqual(expect.arrayContaining(['colour.ok', 'image.sharp', 'exif.captured_at']));
    expect(inspection.capturedAt).toBe('2007-08-06T10:29:13');
    expect(inspection.findings.find((f) => f.code === 'exif.captured_at')?.facts?.camera).toMatch(/Canon/);
  });

  it.skipIf(!blinds)(`warns that a real photo went through editing software (${needs})`, async () => {
    const inspection = await inspectFile(blinds!, holdingId);
    const edited = inspection.findings.find((f) => f.code === 'exif.edited');
    expect(edited).toMatchObject({ severity: 'warn', facts: { software: 'GIMP 2.5.0' } });
  });

  it.skipIf(!greyStripes)(`fails a real greyscale image as not a colour scan (${needs})`, async () => {
    const inspection = await inspectFile(greyStripes!, holdingId);
    expect(codes(inspection.findings)).toContain('colour.greyscale');
    expect(inspection.state).toBe('fail');
  });

  it.skipIf(!hugeElephants)(`refuses a real 15 MB photo with 413 (${needs})`, async () => {
    const e = await refusal(hugeElephants!);
    expect(e.status).toBe(413);
    expect(e.code).toBe('FILE_TOO_LARGE');
  });

  it('refuses a real program, a real HTML page and a real gzip archive with 415', async () => {
    const samples = ['/usr/bin/ls', '/usr/share/doc/base-passwd/users-and-groups.html', '/usr/share/doc/base-passwd/changelog.gz'].filter(
      (f) => fs.existsSync(f),
    );
    expect(samples.length).toBeGreaterThan(0);
    for (const file of samples) {
      const e = await refusal(file);
      expect([file, e.status, e.code]).toEqual([file, 415, 'UNSUPPORTED_TYPE']);
    }
  });

  it('counts the pages of a real PDF', async () => {
    const pdf = ['/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf', '/usr/share/doc/libtasn1-doc/libtasn1.pdf'].find((f) =>
      fs.existsSync(f),
    );
    if (!pdf) {
      // No Debian PDF on this machine; the drawn PDFs of evidenceInspection.test.ts still cover the check.
      expect(required).toBe(false);
      return;
    }
    const inspection = await inspectFile(pdf, holdingId);
    expect(inspection.mime).toBe('application/pdf');
    expect(inspection.pages).toBeGreaterThan(1);
  });
});

describe('an appeal filed with real photos', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.skipIf(!dune || !twoWings)(`is accepted complete (${needs})`, async () => {
    const res = await request(t.app)
      .post('/api/public/appeals')
      .field('payload', JSON.stringify(mfaUnbindPayload()))
      .attach('applicant_id_front', dune!)
      .attach('applicant_id_back', twoWings!);
    expect(res.status).toBe(201);
    expect(res.body.checklist.complete).toBe(true);
  });
});
