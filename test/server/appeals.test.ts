import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  colourIdCard,
  frontCameraPhoto,
  greyscaleAsRgb,
  greyscaleScan,
  htmlFile,
  pngBomb,
  reencodedCopy,
  renamedExecutable,
  svgWithScript,
  zipArchive,
} from '../fixtures/evidence';
import { adultId, mfaUnbindPayload } from './support/payloads';
import { failInserts } from './support/database';
import { makeAccount } from './support/desk';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

let t: TestApp;
let files: string;
let front: string;
let back: string;

beforeAll(async () => {
  t = await createTestApp();
  files = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  front = await colourIdCard(files, { variant: 1 });
  back = await colourIdCard(files, { variant: 2 });
});
afterAll(() => t.close());

/** Every file under the upload folder: stored evidence and anything left in flight. */
function filesOnDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(t.config.uploadDir, full));
    }
  };
  if (fs.existsSync(t.config.uploadDir)) walk(t.config.uploadDir);
  return out.sort();
}

const defaultAccount = mfaUnbindPayload().fields.accountId;
let accountSeq = 100_070_000;

/**
 * Files the appeal; one left on the default account is filed for an account of its own, since one customer's open
 * appeals may not share a file (the duplicates rule tested below) and these tests re-use their photos.
 */
function fileAppeal(payload: ReturnType<typeof mfaUnbindPayload>, attachments: Record<string, string>) {
  const own =
    payload.fields.accountId === defaultAccount ? { ...payload, fields: { ...payload.fields, accountId: String(++accountSeq) } } : payload;
  let req = request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(own));
  for (const [slot, file] of Object.entries(attachments)) req = req.attach(slot, file);
  return req;
}

describe('POST /api/public/appeals', () => {
  it('files an appeal with its evidence: reference, a token shown once, and a complete checklist', async () => {
    const res = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front, applicant_id_back: back });
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^AP-\d{8}-\d{4}$/);
    expect(res.body.accessToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.body.status).toBe('new');
    expect(res.body.checklist.complete).toBe(true);
    expect(res.body.checklist.slots.map((s: { key: string; state: string }) => [s.key, s.state])).toEqual([
      ['applicant_id_front', 'ok'],
      ['applicant_id_back', 'ok'],
    ]);
    const ticket = await t.db.ticket.findUniqueOrThrow({
      where: { reference: res.body.reference },
      include: { evidence: true, slots: true },
    });
    expect(ticket.accessTokenHash).not.toContain(res.body.accessToken);
    expect(ticket.evidence).toHaveLength(2);
    // The agent's side also notes that neither photo names its camera (exif.no_camera, for agents only).
    expect(ticket.slots.every((s) => s.state === 'warn')).toBe(true);
    // Stored under content addresses, never under the customer's file name.
    for (const e of ticket.evidence) expect(filesOnDisk()).toContain(path.join(e.sha256.slice(0, 2), e.sha256.slice(2, 4), e.sha256));
    expect(filesOnDisk().some((f) => f.includes('.jpg'))).toBe(false);
  });

  it('accepts an appeal with a required slot missing, and says so in the checklist', async () => {
    const res = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front });
    expect(res.status).toBe(201);
    expect(res.body.checklist.complete).toBe(false);
    const backSlot = res.body.checklist.slots.find((s: { key: string }) => s.key === 'applicant_id_back');
    expect(backSlot).toMatchObject({ state: 'missing', required: true });
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: res.body.reference } });
    expect(ticket.complete).toBe(false);
  });

  it('rule: scans must be colour — fails a greyscale scan, also one saved with three equal channels, and lets the customer see why', async () => {
    const grey = await greyscaleScan(files);
    const rgbGrey = await greyscaleAsRgb(files);
    const res = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: grey, applicant_id_back: rgbGrey });
    expect(res.status).toBe(201);
    for (const slot of res.body.checklist.slots) {
      expect(slot.state).toBe('fail');
      expect(slot.findings.map((f: { code: string }) => f.code)).toContain('colour.greyscale');
      const finding = slot.findings.find((f: { code: string }) => f.code === 'colour.greyscale');
      expect(finding.message['zh-CN']).toMatch(/彩色/);
    }
    expect(res.body.checklist.complete).toBe(false);
  });

  it('rule: a hand-held ID photo must not be taken with the front camera — fails a hand-held ID photo taken with the front camera', async () => {
    const selfie = await frontCameraPhoto(files);
    const res = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: selfie, applicant_id_back: back });
    const frontSlot = res.body.checklist.slots.find((s: { key: string }) => s.key === 'applicant_id_front');
    expect(frontSlot.state).toBe('fail');
    expect(frontSlot.findings.map((f: { code: string }) => f.code)).toContain('exif.front_camera');
  });

  it('rule: the same file may not fill two slots — fails the same file in two slots of one appeal', async () => {
    const res = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front, applicant_id_back: front });
    expect(res.status).toBe(201);
    for (const slot of res.body.checklist.slots)
      expect(slot.findings.map((f: { code: string }) => f.code)).toContain('duplicate.same_appeal');
    expect(res.body.checklist.complete).toBe(false);
    // One file on disk for the two rows: content-addressed.
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: res.body.reference }, include: { evidence: true } });
    expect(new Set(ticket.evidence.map((e) => e.storageKey)).size).toBe(1);
  });

  it('rule: the same file may not fill two slots — fails the front uploaded later as the back, but not the same file sent again to its own slot', async () => {
    const filed = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front, applicant_id_back: back });
    expect(filed.body.checklist.complete).toBe(true);
    const more = (slot: string, file: string) =>
      request(t.app)
        .post(`/api/public/appeals/${filed.body.reference}/evidence`)
        .set('Authorization', `Bearer ${filed.body.accessToken}`)
        .attach(slot, file);
    const again = await more('applicant_id_front', front);
    expect(again.status).toBe(200);
    expect(again.body.checklist.complete).toBe(true);
    const asBack = await more('applicant_id_back', front);
    expect(asBack.status).toBe(200);
    const backSlot = asBack.body.checklist.slots.find((s: { key: string }) => s.key === 'applicant_id_back');
    expect(backSlot.state).toBe('fail');
    expect(backSlot.findings.map((f: { code: string }) => f.code)).toContain('duplicate.same_appeal');
    expect(asBack.body.checklist.complete).toBe(false);
  });

  it("rule: the same document on another customer's appeal is a fraud signal for the agent — raises a fraud signal on both tickets when another customer sends a file already seen, without telling the customer", async () => {
    const shared = await colourIdCard(files, { variant: 0, width: 1500, fileName: 'shared.jpg' });
    const first = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: shared, applicant_id_back: back });
    const other = mfaUnbindPayload({
      fields: { accountId: '100099999', realName: '李娜' },
      contact: { name: '李娜', email: 'li.na@example.cn', phone: '13700001111' },
    });
    const second = await fileAppeal(other, { applicant_id_front: shared });
    expect(second.status).toBe(201);
    expect(JSON.stringify(second.body)).not.toContain('duplicate.other_appeal');
    for (const reference of [first.body.reference, second.body.reference]) {
      const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference }, include: { events: true, evidence: true } });
      expect(ticket.events.map((e) => e.type)).toContain('evidence.fraud_signal');
      const flagged = ticket.evidence.find((e) => (e.findings as { code: string }[]).some((f) => f.code === 'duplicate.other_appeal'));
      expect(flagged?.state).toBe('warn');
    }
  });

  it.each([
    ['an ELF executable named photo.jpg', renamedExecutable],
    ['an HTML page', htmlFile],
    ['an SVG with a script', svgWithScript],
    ['a zip archive', zipArchive],
  ])('refuses %s with 415 naming the slot, and keeps nothing', async (_name, make) => {
    const before = { tickets: await t.db.ticket.count(), files: filesOnDisk() };
    const bad = await make(files);
    const res = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front, applicant_id_back: bad });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_TYPE');
    expect(Object.keys(res.body.errors)).toEqual(['applicant_id_back']);
    expect(await t.db.ticket.count()).toBe(before.tickets);
    expect(filesOnDisk()).toEqual(before.files);
  });

  it('refuses a decompression bomb with 413 and keeps nothing', async () => {
    const before = { tickets: await t.db.ticket.count(), files: filesOnDisk() };
    const bomb = await pngBomb(files);
    const res = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: bomb, applicant_id_back: back });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('IMAGE_TOO_LARGE');
    expect(await t.db.ticket.count()).toBe(before.tickets);
    expect(filesOnDisk()).toEqual(before.files);
  });

  it('answers invalid identifiers with a 400 per field, and keeps no file', async () => {
    const before = filesOnDisk();
    const res = await fileAppeal(mfaUnbindPayload({ fields: { idNumber: adultId.slice(0, 17) + 'Y', currentPhone: '12345' } }), {
      applicant_id_front: front,
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['fields.currentPhone', 'fields.idNumber']);
    expect(filesOnDisk()).toEqual(before);
  });

  it('refuses a file for a slot the appeal does not have, a missing payload, and a plain JSON body', async () => {
    const unknown = await fileAppeal(mfaUnbindPayload(), { business_licence: front });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('UNKNOWN_SLOT');
    const noPayload = await request(t.app).post('/api/public/appeals').attach('applicant_id_front', front);
    expect(noPayload.status).toBe(400);
    expect(noPayload.body.code).toBe('PAYLOAD_REQUIRED');
    const json = await request(t.app).post('/api/public/appeals').send(mfaUnbindPayload());
    expect(json.status).toBe(415);
  });

  it('leaves no file behind when the database write fails halfway', async () => {
    const before = { tickets: await t.db.ticket.count(), files: filesOnDisk() };
    const fresh = await colourIdCard(files, { variant: 0, width: 1700, fileName: 'fresh.jpg' });
    // A trigger makes the evidence insert fail inside the transaction, after the files were stored.
    const undo = await failInserts(t.db, 'Evidence', 'disk full');
    try {
      const res = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: fresh, applicant_id_back: back });
      expect(res.status).toBe(500);
    } finally {
      await undo();
    }
    expect(await t.db.ticket.count()).toBe(before.tickets);
    expect(filesOnDisk()).toEqual(before.files);
  });
});

describe('what agents see of an appeal', () => {
  it("the ticket carries each slot's findings, fraud signals included", async () => {
    const { client } = await signedInAs(t, 'agent');
    const grey = await greyscaleScan(files);
    const filed = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: grey, applicant_id_back: back });
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    const res = await client.get(`/api/tickets/${ticket.id}`);
    const front = res.body.slots.find((s: { key: string }) => s.key === 'applicant_id_front');
    expect(front).toMatchObject({ state: 'fail', evidenceCount: 1, evidenceId: expect.any(Number) });
    expect(front.findings.map((f: { code: string }) => f.code)).toContain('colour.greyscale');
    expect(res.body.complete).toBe(false);
  });
});

describe('rule: a hand-held photo without camera information is a visible note', () => {
  it("rule: a hand-held photo without camera information is a visible note — in the agent's evidence panel, not the customer's checklist", async () => {
    const { client } = await signedInAs(t, 'agent');
    const filed = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front });
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    const agentView = await client.get(`/api/tickets/${ticket.id}`);
    const slot = agentView.body.slots.find((s: { key: string }) => s.key === 'applicant_id_front');
    expect(slot.state).toBe('warn');
    expect(slot.findings.find((f: { code: string }) => f.code === 'exif.no_camera')).toMatchObject({
      severity: 'warn',
      message: {
        'zh-CN': '没有拍摄设备信息，无法判断是否前置摄像头拍摄，请人工核对',
        en: 'No camera information: cannot tell whether the front camera took it; check by eye',
      },
    });
    const own = await request(t.app)
      .get(`/api/public/appeals/${filed.body.reference}`)
      .set('Authorization', `Bearer ${filed.body.accessToken}`);
    expect(JSON.stringify(own.body)).not.toContain('exif.no_camera');
    expect(own.body.checklist.slots.find((s: { key: string }) => s.key === 'applicant_id_front').state).toBe('ok');
  });
});

describe("rule: the same file may not fill two slots — across the customer's other open appeals", () => {
  type Slot = {
    key: string;
    state: string;
    findings: { code: string; severity: string; message: { en: string; 'zh-CN': string }; facts?: Record<string, unknown> }[];
  };
  const frontOf = (body: { checklist: { slots: Slot[] } }) => body.checklist.slots.find((s) => s.key === 'applicant_id_front')!;
  const storedFront = async (reference: string) => {
    const row = await t.db.evidence.findFirstOrThrow({
      where: { ticket: { reference }, current: true, slot: { slotKey: 'applicant_id_front' } },
    });
    return { state: row.state, codes: (row.findings as { code: string }[]).map((f) => f.code) };
  };

  it("rule: the same file may not fill two slots — across the customer's other open appeals", async () => {
    const account = await makeAccount(t);
    const photo = await colourIdCard(files, { variant: 0, width: 1450, fileName: 'own-appeals.jpg' });
    const mine = mfaUnbindPayload({ fields: { accountId: account.uin } });
    const first = await fileAppeal(mine, { applicant_id_front: photo });
    const second = await fileAppeal(mine, { applicant_id_front: photo });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { reference: second.body.reference } })).accountId).toBe(account.id);

    // The customer is told to upload the right document, without the other appeal's reference: someone holding a copy
    // of the owner's ID photo would otherwise learn that the account has an open appeal, and which.
    const duplicate = frontOf(second.body).findings.find((f) => f.code === 'duplicate.own_appeal');
    expect(duplicate).toMatchObject({ severity: 'fail' });
    expect(duplicate!.facts).toBeUndefined();
    expect(JSON.stringify(second.body)).not.toContain(first.body.reference);
    expect(duplicate!.message['zh-CN']).toContain('另一个处理中的申诉');
    // The agent sees which appeal holds the file.
    const stored = (
      await t.db.evidence.findFirstOrThrow({
        where: { ticket: { reference: second.body.reference }, current: true, slot: { slotKey: 'applicant_id_front' } },
      })
    ).findings as { code: string; message: { en: string }; facts?: { reference?: string } }[];
    const agentSees = stored.find((f) => f.code === 'duplicate.own_appeal')!;
    expect(agentSees.facts?.reference).toBe(first.body.reference);
    expect(agentSees.message.en).toContain(first.body.reference);
    expect(frontOf(second.body).state).toBe('fail');
    expect(second.body.checklist.complete).toBe(false);
    expect(await storedFront(second.body.reference)).toMatchObject({
      state: 'fail',
      codes: expect.arrayContaining(['duplicate.own_appeal']),
    });
    // The first appeal keeps its file as it was; one customer's appeals are no fraud signal.
    expect((await storedFront(first.body.reference)).codes).not.toContain('duplicate.own_appeal');
    for (const reference of [first.body.reference, second.body.reference]) {
      expect((await storedFront(reference)).codes).not.toContain('duplicate.other_appeal');
      expect(await t.db.event.count({ where: { ticket: { reference }, type: 'evidence.fraud_signal' } })).toBe(0);
    }

    // Another customer's appeal with the same photo gets the fraud signal instead, as before.
    const stranger = await makeAccount(t);
    const theirs = mfaUnbindPayload({
      fields: { accountId: stranger.uin, realName: '李娜' },
      contact: { name: '李娜', email: 'li.na.own@example.cn', phone: '13700002222' },
    });
    const other = await fileAppeal(theirs, { applicant_id_front: photo });
    expect(other.status).toBe(201);
    expect(frontOf(other.body).findings.map((f) => f.code)).not.toContain('duplicate.own_appeal');
    expect(await storedFront(other.body.reference)).toMatchObject({
      state: 'warn',
      codes: expect.arrayContaining(['duplicate.other_appeal']),
    });
  });

  it('rule: the same file may not fill two slots — each file of an upload names the open appeal holding it, the oldest where several do', async () => {
    const account = await makeAccount(t);
    const one = await colourIdCard(files, { variant: 5, width: 1450, fileName: 'held-first.jpg' });
    const two = await colourIdCard(files, { variant: 6, width: 1460, fileName: 'held-second.jpg' });
    const mine = mfaUnbindPayload({ fields: { accountId: account.uin } });
    const a = await fileAppeal(mine, { applicant_id_front: one });
    const b = await fileAppeal(mine, { applicant_id_front: two });
    const c = await fileAppeal(mine, { applicant_id_front: two, applicant_id_back: one });
    const d = await fileAppeal(mine, { applicant_id_front: one });
    expect([a, b, c, d].map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const named = async (reference: string, slotKey: string) => {
      const row = await t.db.evidence.findFirstOrThrow({ where: { ticket: { reference }, current: true, slot: { slotKey } } });
      const findings = row.findings as { code: string; facts?: { reference?: string } }[];
      return findings.find((f) => f.code === 'duplicate.own_appeal')?.facts?.reference;
    };
    // The agent is told where each file already is: the front is on b, the back on a, not the other way round.
    expect(await named(c.body.reference, 'applicant_id_front')).toBe(b.body.reference);
    expect(await named(c.body.reference, 'applicant_id_back')).toBe(a.body.reference);
    // The photo is on a and on c by now: the older one is named.
    expect(await named(d.body.reference, 'applicant_id_front')).toBe(a.body.reference);
  });

  it("rule: the same file may not fill two slots — across the customer's other open appeals, also when both are sent at the same moment", async () => {
    const account = await makeAccount(t);
    const photo = await colourIdCard(files, { variant: 3, width: 1450, fileName: 'own-appeals-parallel.jpg' });
    const mine = mfaUnbindPayload({ fields: { accountId: account.uin } });
    const filed = [await fileAppeal(mine, {}), await fileAppeal(mine, {})];
    // Both appeals get the photo at once, each through its own ticket's row: nothing else orders the two.
    const sent = await Promise.all(
      filed.map((f) =>
        request(t.app)
          .post(`/api/public/appeals/${f.body.reference}/evidence`)
          .set('Authorization', `Bearer ${f.body.accessToken}`)
          .attach('applicant_id_front', photo),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual([200, 200]);
    const flagged = await Promise.all(filed.map(async (f) => (await storedFront(f.body.reference)).codes.includes('duplicate.own_appeal')));
    // Whichever committed second names the first: exactly one of the two carries the duplicate.
    expect(flagged.filter(Boolean)).toHaveLength(1);
  });

  it("rule: the same file may not fill two slots — across the customer's other open appeals, by the declared account and for a file sent later", async () => {
    const unlisted = mfaUnbindPayload({ fields: { accountId: '100079999' } }); // no such account in the directory
    const photo = await colourIdCard(files, { variant: 1, width: 1450, fileName: 'own-appeals-later.jpg' });
    const first = await fileAppeal(unlisted, { applicant_id_front: photo });
    expect(first.status).toBe(201);
    const second = await fileAppeal(unlisted, {});
    expect((await t.db.ticket.findUniqueOrThrow({ where: { reference: second.body.reference } })).accountId).toBeNull();
    const later = await request(t.app)
      .post(`/api/public/appeals/${second.body.reference}/evidence`)
      .set('Authorization', `Bearer ${second.body.accessToken}`)
      .attach('applicant_id_front', photo);
    expect(later.status).toBe(200);
    expect(frontOf(later.body)).toMatchObject({
      state: 'fail',
      findings: expect.arrayContaining([expect.objectContaining({ code: 'duplicate.own_appeal' })]),
    });
  });

  it("rule: the same file may not fill two slots — across the customer's other open appeals, not a decided one, and a re-encoded copy only warns", async () => {
    const account = await makeAccount(t);
    const mine = mfaUnbindPayload({ fields: { accountId: account.uin } });
    const photo = await colourIdCard(files, { variant: 2, width: 1450, fileName: 'own-appeals-decided.jpg' });
    const rejected = await fileAppeal(mine, { applicant_id_front: photo });
    await t.db.ticket.update({ where: { reference: rejected.body.reference }, data: { status: 'rejected' } });
    const refiled = await fileAppeal(mine, { applicant_id_front: photo });
    expect(frontOf(refiled.body).findings.map((f) => f.code)).not.toContain('duplicate.own_appeal');
    expect(frontOf(refiled.body).state).toBe('ok');

    const copy = await reencodedCopy(files, photo, { quality: 60, fileName: 'own-appeals-copy.jpg' });
    const again = await fileAppeal(mine, { applicant_id_front: copy });
    const similar = frontOf(again.body).findings.find((f) => f.code === 'duplicate.own_appeal_similar');
    expect(similar).toMatchObject({ severity: 'warn' });
    expect(JSON.stringify(again.body)).not.toContain(refiled.body.reference);
    expect(frontOf(again.body).state).toBe('warn');
    const stored = (
      await t.db.evidence.findFirstOrThrow({
        where: { ticket: { reference: again.body.reference }, current: true, slot: { slotKey: 'applicant_id_front' } },
      })
    ).findings as { code: string; facts?: { reference?: string } }[];
    expect(stored.find((f) => f.code === 'duplicate.own_appeal_similar')?.facts?.reference).toBe(refiled.body.reference);
  });
});

describe('the status page API', () => {
  it('opens an appeal with its token; a wrong token and an unknown reference answer the same 404', async () => {
    const filed = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front });
    const ok = await request(t.app)
      .get(`/api/public/appeals/${filed.body.reference}`)
      .set('Authorization', `Bearer ${filed.body.accessToken}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ reference: filed.body.reference, status: 'new', kind: 'mfa_unbind' });
    expect(ok.body.checklist.slots).toHaveLength(2);
    const wrong = await request(t.app)
      .get(`/api/public/appeals/${filed.body.reference}`)
      .set('Authorization', `Bearer ${'x'.repeat(32)}`);
    const unknown = await request(t.app)
      .get('/api/public/appeals/AP-20200101-9999')
      .set('Authorization', `Bearer ${filed.body.accessToken}`);
    const none = await request(t.app).get(`/api/public/appeals/${filed.body.reference}`);
    for (const r of [wrong, unknown, none]) {
      expect(r.status).toBe(404);
      expect(r.body).toEqual(wrong.body);
    }
  });

  it('takes more files and messages, each an event; an upload brings a waiting ticket back to review', async () => {
    const filed = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front });
    const auth = `Bearer ${filed.body.accessToken}`;
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    // A week's wait: the SLA clock counts only the business days in it (docs/calendar.md), and a week always has some.
    await t.db.ticket.update({
      where: { id: ticket.id },
      data: { status: 'awaiting_customer', slaPausedAt: new Date(Date.now() - 7 * 86_400_000) },
    });

    const more = await request(t.app)
      .post(`/api/public/appeals/${filed.body.reference}/evidence`)
      .set('Authorization', auth)
      .attach('applicant_id_back', back);
    expect(more.status).toBe(200);
    expect(more.body.status).toBe('in_review');
    expect(more.body.checklist.complete).toBe(true);

    const msg = await request(t.app)
      .post(`/api/public/appeals/${filed.body.reference}/messages`)
      .set('Authorization', auth)
      .send({ body: '已补充身份证反面照片' });
    expect(msg.status).toBe(201);
    const view = await request(t.app).get(`/api/public/appeals/${filed.body.reference}`).set('Authorization', auth);
    expect(view.body.messages.map((m: { body: string }) => m.body)).toEqual(['已补充身份证反面照片']);

    const events = await t.db.event.findMany({ where: { ticketId: ticket.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual([
      'ticket.created',
      'evidence.added',
      'evidence.added',
      'ticket.transitioned',
      'message.added',
    ]);
    const after = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.slaPausedAt).toBeNull();
    expect(after.slaDueAt.getTime()).toBeGreaterThan(ticket.slaDueAt.getTime());
  });

  it('replacing a file keeps the old one as history, not current', async () => {
    const grey = await greyscaleScan(files);
    const filed = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: grey, applicant_id_back: back });
    expect(filed.body.checklist.complete).toBe(false);
    const fixed = await request(t.app)
      .post(`/api/public/appeals/${filed.body.reference}/evidence`)
      .set('Authorization', `Bearer ${filed.body.accessToken}`)
      .attach('applicant_id_front', front);
    expect(fixed.body.checklist.complete).toBe(true);
    const rows = await t.db.evidence.findMany({
      where: { ticket: { reference: filed.body.reference }, slot: { slotKey: 'applicant_id_front' } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => r.current)).toEqual([false, true]);
  });

  it('refuses messages on a closed appeal with 409', async () => {
    const filed = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front });
    await t.db.ticket.update({ where: { reference: filed.body.reference }, data: { status: 'closed' } });
    const res = await request(t.app)
      .post(`/api/public/appeals/${filed.body.reference}/messages`)
      .set('Authorization', `Bearer ${filed.body.accessToken}`)
      .send({ body: '还在吗' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('APPEAL_CLOSED');
  });

  it('refuses new files on a decided appeal with 409', async () => {
    const filed = await fileAppeal(mfaUnbindPayload(), { applicant_id_front: front });
    await t.db.ticket.update({ where: { reference: filed.body.reference }, data: { status: 'rejected' } });
    const res = await request(t.app)
      .post(`/api/public/appeals/${filed.body.reference}/evidence`)
      .set('Authorization', `Bearer ${filed.body.accessToken}`)
      .attach('applicant_id_back', back);
    expect(res.status).toBe(409);
  });
});

describe('rate limits on the public routes', () => {
  it('allows a set number of submissions an hour per address, then answers 429 with Retry-After', async () => {
    const limited = await createTestApp({ APPEALS_PER_HOUR: '2' });
    try {
      const send = () => request(limited.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
      expect((await send()).status).toBe(201);
      expect((await send()).status).toBe(201);
      const third = await send();
      expect(third.status).toBe(429);
      expect(third.body.code).toBe('RATE_LIMITED');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
