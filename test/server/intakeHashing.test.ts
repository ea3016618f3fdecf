import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourIdCard } from '../fixtures/evidence';
import { fileAppeal } from './support/desk';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, type TestApp } from './support/testApp';

// Files are hashed as they arrive (server/src/intake/hashingStorage.ts), not read back from disk. A customer racing
// others must not get a file recorded under another upload's digest, nor stored under an address its bytes do not have.
let t: TestApp;
let files: string;
beforeAll(async () => {
  t = await createTestApp({ APPEALS_PER_HOUR: '1000', APPEALS_PER_DAY: '1000' });
  files = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
});
afterAll(() => t.close());

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('files hashed as they are received', () => {
  it('records and stores each of six appeals filed at once under the digest of its own bytes', async () => {
    const appeals = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => ({
        front: await colourIdCard(files, { variant: i, width: 1400 + i * 10, fileName: `front-${i}.jpg` }),
        back: await colourIdCard(files, { variant: i + 10, width: 1500 + i * 10, fileName: `back-${i}.jpg` }),
      })),
    );
    const filed = await Promise.all(
      appeals.map(({ front, back }) => fileAppeal(t, mfaUnbindPayload(), { applicant_id_front: front, applicant_id_back: back })),
    );
    for (const [i, res] of filed.entries()) {
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const evidence = await t.db.evidence.findMany({
        where: { ticket: { reference: res.body.reference } },
        include: { slot: true },
      });
      const sent = { applicant_id_front: appeals[i]!.front, applicant_id_back: appeals[i]!.back };
      expect(Object.fromEntries(evidence.map((e) => [e.slot.slotKey, e.sha256]))).toEqual({
        applicant_id_front: sha256(sent.applicant_id_front),
        applicant_id_back: sha256(sent.applicant_id_back),
      });
      // The stored file is the bytes that were sent, at the address of their digest.
      for (const e of evidence) {
        const stored = path.join(t.dir, 'uploads', e.sha256.slice(0, 2), e.sha256.slice(2, 4), e.sha256);
        expect(createHash('sha256').update(fs.readFileSync(stored)).digest('hex')).toBe(e.sha256);
      }
    }
  });
});
