import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectedSlot, Inspection } from '../../server/src/evidence/inspection';
import { inspectionMemo, purgeInspectionVerdicts } from '../../server/src/intake/inspectionMemo';
import { inspectionsFailed } from '../../server/src/metrics/registry';
import { colourIdCard, greyscaleScan, tinyCard } from '../fixtures/evidence';
import { fileAppeal } from './support/desk';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, type TestApp } from './support/testApp';

// The form has each file inspected when it is chosen; the filing of the same bytes reuses that verdict
// (server/src/intake/inspectionMemo.ts). A verdict must follow the bytes and the slot's rules, and nothing else.
let t: TestApp;
let dir: string;
let ip = 0;
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'loopback', APPEALS_PER_HOUR: '1000', APPEALS_PER_DAY: '1000' });
  dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
});
afterAll(() => t.close());

const inspect = (file: string, slot: string, context: object) =>
  request(t.app)
    .post('/api/public/inspections')
    .set('X-Forwarded-For', `10.77.0.${++ip}`)
    .field('context', JSON.stringify(context))
    .attach(slot, file);
const codes = (findings: { code: string; severity: string }[]) => findings.map((f) => `${f.code}:${f.severity}`).sort();
const mfa = { kind: 'mfa_unbind', subjectType: 'personal' };

async function filedFindings(reference: string, slotKey: string) {
  const evidence = await t.db.evidence.findFirstOrThrow({ where: { ticket: { reference }, slot: { slotKey } } });
  return { state: evidence.state, findings: evidence.findings as { code: string; severity: string }[] };
}

const failuresCounted = async (code: string) => (await inspectionsFailed.get()).values.find((v) => v.labels.code === code)?.value ?? 0;

describe('a file inspected when chosen, then filed', () => {
  it('is filed with the verdict the customer was shown, and decoded once', async () => {
    const tiny = await tinyCard(dir);
    const checked = await inspect(tiny, 'applicant_id_front', mfa);
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body.state).toBe('fail');
    const failing = checked.body.findings.find((f: { severity: string }) => f.severity === 'fail').code as string;
    const before = await failuresCounted(failing);

    const front = await colourIdCard(dir, { variant: 41 });
    const filed = await fileAppeal(t, mfaUnbindPayload(), { applicant_id_front: tiny, applicant_id_back: front });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const recorded = await filedFindings(filed.body.reference, 'applicant_id_front');
    expect(recorded.state).toBe('fail');
    expect(codes(recorded.findings)).toEqual(expect.arrayContaining([`${failing}:fail`]));
    // The filing took the verdict of the check: no second inspection of the photo failed.
    expect(await failuresCounted(failing)).toBe(before);
  });

  it('never lends a verdict to other bytes under the same name', async () => {
    const good = await colourIdCard(dir, { variant: 42, fileName: 'id-front.jpg' });
    const checked = await inspect(good, 'applicant_id_front', mfa);
    expect(checked.body.state).toBe('pass');
    // A photo too small to read, sent under the name of the one that passed.
    const swapped = path.join(fs.mkdtempSync(path.join(dir, 'swap-')), 'id-front.jpg');
    fs.copyFileSync(await tinyCard(dir), swapped);
    const back = await colourIdCard(dir, { variant: 43 });
    const filed = await fileAppeal(t, mfaUnbindPayload(), { applicant_id_front: swapped, applicant_id_back: back });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await filedFindings(filed.body.reference, 'applicant_id_front')).state).toBe('fail');
  });

  it("judges the same bytes by each slot's own rules", async () => {
    const grey = await greyscaleScan(dir);
    // A phone-ownership proof may be grey; an ID card must be in colour.
    const lenient = await inspect(grey, 'phone_ownership_proof', { kind: 'reused_phone_unbind', subjectType: 'personal' });
    expect(lenient.status, JSON.stringify(lenient.body)).toBe(200);
    expect(codes(lenient.body.findings).filter((c) => c.startsWith('colour.'))).toEqual([]);
    const strict = await inspect(grey, 'applicant_id_front', mfa);
    expect(codes(strict.body.findings)).toContain('colour.greyscale:fail');
    const filed = await fileAppeal(t, mfaUnbindPayload(), {
      applicant_id_front: grey,
      applicant_id_back: await colourIdCard(dir, { variant: 44 }),
    });
    expect(codes((await filedFindings(filed.body.reference, 'applicant_id_front')).findings)).toContain('colour.greyscale:fail');
  });
});

describe('one photo checked in several tabs at once', () => {
  it('answers every check and the filing sent with them, and keeps one verdict for the bytes', async () => {
    // Sizes no other test sends (a variant repeats the card styles), so these bytes are this test's alone.
    const front = await colourIdCard(dir, { variant: 1, width: 1510, fileName: 'tabs-front.jpg' });
    const back = await colourIdCard(dir, { variant: 2, width: 1530, fileName: 'tabs-back.jpg' });
    const [filed, ...checks] = await Promise.all([
      fileAppeal(t, mfaUnbindPayload(), { applicant_id_front: front, applicant_id_back: back }),
      ...Array.from({ length: 6 }, () => inspect(front, 'applicant_id_front', mfa)),
    ]);
    expect(checks.map((c) => c.status)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const c of checks) expect(c.body.state).toBe('pass');
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    // Filed with what each tab was shown (and the agent-only findings besides).
    const recorded = codes((await filedFindings(filed.body.reference, 'applicant_id_front')).findings);
    expect(recorded).toEqual(expect.arrayContaining(codes(checks[0]!.body.findings)));
    const { sha256 } = await t.db.evidence.findFirstOrThrow({
      where: { ticket: { reference: filed.body.reference }, slot: { slotKey: 'applicant_id_front' } },
    });
    // Written by seven requests at the same moment: one row, not a unique-key failure answered as a 500.
    expect(await t.db.inspectionVerdict.count({ where: { key: { startsWith: `${sha256}:` } } })).toBe(1);
  });
});

describe('appeals filed at once, and after, with a photo checked before', () => {
  it("each carries its own findings: one appeal's duplicate does not reach the other", async () => {
    const photo = await colourIdCard(dir, { variant: 45 });
    expect((await inspect(photo, 'applicant_id_front', mfa)).body.state).toBe('pass');
    const other = await colourIdCard(dir, { variant: 46 });
    // The same photo as front and back in one appeal (a duplicate there), and as the front only in the other.
    const [twice, once] = await Promise.all([
      fileAppeal(t, mfaUnbindPayload(), { applicant_id_front: photo, applicant_id_back: photo }),
      fileAppeal(t, mfaUnbindPayload(), { applicant_id_front: photo, applicant_id_back: other }),
    ]);
    expect([twice.status, once.status]).toEqual([201, 201]);
    expect(codes((await filedFindings(twice.body.reference, 'applicant_id_front')).findings)).toContain('duplicate.same_appeal:fail');
    expect(codes((await filedFindings(once.body.reference, 'applicant_id_front')).findings)).not.toContain('duplicate.same_appeal:fail');
    // And one filed after both.
    const later = await fileAppeal(t, mfaUnbindPayload(), {
      applicant_id_front: photo,
      applicant_id_back: await colourIdCard(dir, { variant: 47 }),
    });
    expect(later.status).toBe(201);
    expect(codes((await filedFindings(later.body.reference, 'applicant_id_front')).findings)).not.toContain('duplicate.same_appeal:fail');
  });
});

describe('the memo of recent inspections', () => {
  const slot: InspectedSlot = { key: 'applicant_id_front', accept: ['image/jpeg'], maxBytes: 1000, checks: ['colour'] };
  const inspection = (sha256: string): Inspection => ({
    mime: 'image/jpeg',
    size: 10,
    sha256,
    phash: null,
    width: 1,
    height: 1,
    pages: null,
    capturedAt: null,
    findings: [],
    state: 'pass',
  });

  it('hands out copies, forgets after its time, and sweeps what has expired', async () => {
    let now = new Date();
    const memo = inspectionMemo(t.db, { ttlMs: 1000, now: () => now });
    const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
    await memo.keep(slot, inspection(a));
    const copy = (await memo.get(a, slot))!;
    copy.findings.push({ code: 'duplicate.same_appeal', severity: 'fail', message: { 'zh-CN': '', en: '' } });
    expect((await memo.get(a, slot))!.findings).toEqual([]);
    expect(await memo.get(a, { ...slot, checks: ['colour', 'legible'] })).toBeUndefined();
    expect(await memo.get(undefined, slot)).toBeUndefined();
    // Another process's memo reads the same rows.
    expect((await inspectionMemo(t.db, { now: () => now }).get(a, slot))?.sha256).toBe(a);
    await memo.keep(slot, inspection(b));
    now = new Date(now.getTime() + 1000);
    expect(await memo.get(a, slot)).toBeUndefined();
    expect(await purgeInspectionVerdicts(t.db, now)).toBeGreaterThanOrEqual(2);
    expect(await t.db.inspectionVerdict.count({ where: { key: { startsWith: a } } })).toBe(0);
  });
});
