import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourIdCard, frontCameraPhoto, greyscaleScan, renamedExecutable } from '../fixtures/evidence';
import { createTestApp, type TestApp } from './support/testApp';

// Issue 15, item 3: a file is inspected when the customer chooses it, with the submission's own checks, and nothing
// of it is kept.

let t: TestApp;
let dir: string;
let ipSeq = 0;
const nextIp = () => `10.16.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;
const context = (extra: object = {}) => JSON.stringify({ kind: 'mfa_unbind', subjectType: 'personal', ...extra });

const inspect = (file: string, slot = 'applicant_id_front', ctx = context(), ip = nextIp()) =>
  request(t.app).post('/api/public/inspections').set('X-Forwarded-For', ip).field('context', ctx).attach(slot, file);

/** Every file under a directory, however deep. */
const filesUnder = (root: string): string[] =>
  fs.existsSync(root)
    ? fs
        .readdirSync(root, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [];

const codes = (body: { findings: { code: string; severity: string }[] }) => body.findings.map((f) => `${f.code}:${f.severity}`);

beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'loopback', APPEALS_PER_HOUR: '1', APPEALS_PER_DAY: '1000' });
  dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
});
afterAll(() => t.close());

describe('POST /api/public/inspections', () => {
  it('flags a greyscale scan with the colour finding, in both languages', async () => {
    const res = await inspect(await greyscaleScan(dir));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('fail');
    const grey = res.body.findings.find((f: { code: string }) => f.code === 'colour.greyscale');
    expect(grey.severity).toBe('fail');
    expect(grey.message['zh-CN']).toContain('彩色');
    expect(grey.message.en).toContain('colour');
  });

  it('flags a front-camera photo by its EXIF', async () => {
    const res = await inspect(await frontCameraPhoto(dir));
    expect(res.status).toBe(200);
    expect(codes(res.body)).toContain('exif.front_camera:fail');
  });

  it('passes a colour card, and never tells the customer of an agent-only finding', async () => {
    const res = await inspect(await colourIdCard(dir));
    expect(res.status).toBe(200);
    // sharp's card carries no camera information: the agent's "check by eye" warning is not the customer's business.
    expect(codes(res.body)).not.toContain('exif.no_camera:warn');
    expect(res.body.state).toBe('pass');
    expect(res.body.fingerprint.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fails the same file chosen for a second slot of the appeal, from the first one's fingerprint", async () => {
    const card = await colourIdCard(dir, { variant: 3 });
    const first = await inspect(card);
    const again = await inspect(
      card,
      'applicant_id_back',
      context({ others: [{ slot: 'applicant_id_front', ...first.body.fingerprint }] }),
    );
    expect(again.status).toBe(200);
    expect(codes(again.body)).toContain('duplicate.same_appeal:fail');
    expect(again.body.state).toBe('fail');
  });

  it('refuses a program renamed .jpg with 415 and a code, in both languages', async () => {
    const res = await inspect(await renamedExecutable(dir));
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_TYPE');
    expect(res.body.errors.applicant_id_front).toMatch(/ \/ .*[\u4e00-\u9fff]/);
  });

  it('answers a bad context, an unknown slot or no file with 400 JSON and a code, never a 500', async () => {
    const card = await colourIdCard(dir);
    const noContext = await request(t.app)
      .post('/api/public/inspections')
      .set('X-Forwarded-For', nextIp())
      .attach('applicant_id_front', card);
    expect([noContext.status, noContext.body.code]).toEqual([400, 'CONTEXT_REQUIRED']);
    const badJson = await inspect(card, 'applicant_id_front', '{kind');
    expect([badJson.status, badJson.body.code]).toEqual([400, 'INVALID_CONTEXT']);
    const badKind = await inspect(card, 'applicant_id_front', context({ kind: 'nope' }));
    expect([badKind.status, badKind.body.code, Object.keys(badKind.body.errors)]).toEqual([400, 'INVALID_INPUT', ['kind']]);
    const unknownSlot = await inspect(card, 'licence');
    expect([unknownSlot.status, unknownSlot.body.code]).toEqual([400, 'UNKNOWN_SLOT']);
    const noFile = await request(t.app).post('/api/public/inspections').set('X-Forwarded-For', nextIp()).field('context', context());
    expect([noFile.status, noFile.body.code]).toEqual([400, 'ONE_FILE_ONLY']);
    const json = await request(t.app).post('/api/public/inspections').set('X-Forwarded-For', nextIp()).send({ context: context() });
    expect([json.status, json.body.code]).toEqual([415, 'MULTIPART_REQUIRED']);
  });

  it('keeps nothing: no file under the uploads directory, no Evidence row', async () => {
    const before = filesUnder(t.config.uploadDir);
    const evidence = await t.db.evidence.count();
    const res = await inspect(await greyscaleScan(dir));
    expect(res.status).toBe(200);
    expect(filesUnder(t.config.uploadDir)).toEqual(before);
    expect(before).toEqual([]);
    expect(await t.db.evidence.count()).toBe(evidence);
    expect(await t.db.ticket.count()).toBe(0);
  });

  it('limits one address to ten inspections per filing it may make in an hour', async () => {
    const card = await colourIdCard(dir);
    const ip = nextIp();
    for (let i = 0; i < 10; i++) expect((await inspect(card, 'applicant_id_front', context(), ip)).status).toBe(200);
    // Refused before the body is read: sent without its file, so the client is not cut off mid-upload (EPIPE).
    const over = await request(t.app).post('/api/public/inspections').set('X-Forwarded-For', ip).field('context', context());
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('RATE_LIMITED');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await inspect(card, 'applicant_id_front', context(), nextIp())).status).toBe(200);
  });
});
