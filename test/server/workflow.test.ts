import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskDay, deskDayBounds, shiftDeskDay } from '../../server/src/calendar/deskCalendar';
import { identityDigest } from '../../server/src/privacy/identityDigest';
import { colourIdCard, rearCameraPhoto } from '../fixtures/evidence';
import { adultId, mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

let t: TestApp;
let files: string;
let front: string;
let back: string;
let agent: Awaited<ReturnType<typeof signedInAs>>;
let supervisor: Awaited<ReturnType<typeof signedInAs>>;
let admin: Awaited<ReturnType<typeof signedInAs>>;
let uinSeq = 200_000_000;

const protection = { login: false, operation: false, remoteLogin: false, mfaType: 'virtual' };

async function account(data: Partial<Parameters<TestApp['db']['account']['create']>[0]['data']> = {}) {
  uinSeq += 1;
  return t.db.account.create({
    data: {
      uin: String(uinSeq),
      subjectType: 'personal',
      realName: '张伟',
      idNumberHash: identityDigest(t.config.identityHashKey, adultId),
      idNumberLast4: adultId.slice(-4),
      securityPhone: '13912345678',
      securityEmail: `owner${uinSeq}@example.cn`,
      mfaBound: true,
      protection,
      loginMethods: [
        { type: 'qq', identifier: String(uinSeq), registration: true },
        { type: 'email', identifier: `owner${uinSeq}@example.cn`, registration: false },
      ],
      ...data,
    },
  });
}

/** A personal MFA appeal for the account, filed through the public route with both photos, then put in review. */
async function appealInReview(uin: string, fields: Record<string, string> = {}) {
  const res = await request(t.app)
    .post('/api/public/appeals')
    .field('payload', JSON.stringify(mfaUnbindPayload({ fields: { accountId: uin, ...fields } })))
    .attach('applicant_id_front', front)
    .attach('applicant_id_back', back);
  expect(res.status).toBe(201);
  const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: res.body.reference } });
  await agent.client.post(`/api/tickets/${ticket.id}/transition`).send({ to: 'in_review' }).expect(200);
  await agent.client.post(`/api/tickets/${ticket.id}/assign`).send({ agentId: agent.agent.id }).expect(200);
  return { ticket, token: res.body.accessToken as string };
}

/** The assigned agent accepts every current file, as the approve dialog asks. */
async function reviewFiles(ticketId: number, by = agent) {
  for (const e of await t.db.evidence.findMany({ where: { ticketId, current: true } })) {
    await by.client.put(`/api/evidence/${e.id}`).send({ verdict: 'accepted' }).expect(200);
  }
}

/** Four eyes: the agent proposes (202), a supervisor confirms; returns the confirmation's answer. */
async function proposeAndConfirm(ticketId: number, message: string) {
  const proposed = await agent.client.post(`/api/tickets/${ticketId}/decision`).send({ decision: 'approve', message });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(202);
  expect(proposed.body).toMatchObject({ status: 'approval_pending', outcome: { decision: 'approve', pending: true } });
  return supervisor.client.post(`/api/tickets/${ticketId}/decision/confirm`).send({ approve: true });
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: 'https://help.example.cn' });
  files = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  front = await colourIdCard(files, { variant: 1 });
  back = await colourIdCard(files, { variant: 2 });
  agent = await signedInAs(t, 'agent');
  supervisor = await signedInAs(t, 'supervisor');
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.close());

describe('POST /api/tickets/:id/request-materials', () => {
  it('marks the slots, writes the reply, waits for the customer and tells them; their upload brings the ticket back', async () => {
    const a = await account();
    const { ticket, token } = await appealInReview(a.uin);
    const res = await agent.client
      .post(`/api/tickets/${ticket.id}/request-materials`)
      .send({ slots: ['applicant_id_back'], message: '请重新上传身份证反面照片' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('awaiting_customer');
    expect(res.body.slaPausedAt).not.toBeNull();
    expect(res.body.complete).toBe(false);
    const notices = await t.db.notification.findMany({ where: { ticketId: ticket.id, subject: { not: '' } } });
    const requested = notices.filter((n) => n.body.includes('help.example.cn/appeal/status?ref=' + ticket.reference));
    expect(requested.map((n) => n.channel).sort()).toEqual(expect.arrayContaining(['email', 'sms']));
    expect(notices.some((n) => n.body.includes(token))).toBe(false);

    const view = await request(t.app).get(`/api/public/appeals/${ticket.reference}`).set('Authorization', `Bearer ${token}`);
    expect(view.body.requestedSlots).toEqual(['applicant_id_back']);
    expect(view.body.checklist.complete).toBe(false);
    expect(view.body.messages.map((m: { body: string }) => m.body)).toContain('请重新上传身份证反面照片');

    const again = await colourIdCard(files, { variant: 2, width: 1500, fileName: 'again.jpg' });
    const upload = await request(t.app)
      .post(`/api/public/appeals/${ticket.reference}/evidence`)
      .set('Authorization', `Bearer ${token}`)
      .attach('applicant_id_back', again);
    expect(upload.body.status).toBe('in_review');
    expect(upload.body.requestedSlots).toEqual([]);
    expect(upload.body.checklist.complete).toBe(true);
    expect(upload.body.acceptsFiles).toBe(true);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).complete).toBe(true);
  });

  it('refuses a slot the ticket does not have, and a ticket not yet triaged', async () => {
    const a = await account();
    const { ticket } = await appealInReview(a.uin);
    expect(
      (await agent.client.post(`/api/tickets/${ticket.id}/request-materials`).send({ slots: ['business_licence'], message: 'x' })).status,
    ).toBe(400);
    const fresh = await request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
    const row = await t.db.ticket.findUniqueOrThrow({ where: { reference: fresh.body.reference } });
    expect(
      (await agent.client.post(`/api/tickets/${row.id}/request-materials`).send({ slots: ['applicant_id_back'], message: 'x' })).status,
    ).toBe(409);
  });
});

describe('POST /api/tickets/:id/decision', () => {
  it('approval unbinds MFA in the same transaction, records before and after, and tells the customer', async () => {
    const a = await account();
    const { ticket } = await appealInReview(a.uin);
    await reviewFiles(ticket.id);
    const res = await proposeAndConfirm(ticket.id, '审核通过，MFA 已解绑');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
    const after = await t.db.account.findUniqueOrThrow({ where: { id: a.id } });
    expect(after.mfaBound).toBe(false);
    expect((after.protection as { mfaType: string }).mfaType).toBe('none');
    const changed = await t.db.event.findFirstOrThrow({ where: { ticketId: ticket.id, type: 'account.changed' } });
    expect(changed.data).toMatchObject({ accountId: a.id, before: { mfaBound: true }, after: { mfaBound: false } });
    const approved = await t.db.notification.findMany({ where: { ticketId: ticket.id, body: { contains: '审核通过，MFA 已解绑' } } });
    expect(approved.length).toBeGreaterThan(0);
  });

  it('rejection needs a reason from the list and leaves the account untouched', async () => {
    const a = await account();
    const { ticket } = await appealInReview(a.uin);
    const noReason = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'reject', message: '不通过' });
    expect(noReason.status).toBe(400);
    const res = await agent.client
      .post(`/api/tickets/${ticket.id}/decision`)
      .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: '申请人与实名主体不一致' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
    const after = await t.db.account.findUniqueOrThrow({ where: { id: a.id } });
    expect(after).toEqual(a);
  });

  it('cannot decide twice, nor a ticket not in review', async () => {
    const a = await account();
    const { ticket } = await appealInReview(a.uin);
    await reviewFiles(ticket.id);
    await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: 'ok' }).expect(202);
    const twice = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: 'ok' });
    expect(twice.status).toBe(409);
    await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true }).expect(200);
    expect((await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true })).status).toBe(409);
    expect(
      (
        await agent.client
          .post(`/api/tickets/${ticket.id}/decision`)
          .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: 'x' })
      ).status,
    ).toBe(409);
  });

  it('blocks approval when a precondition fails; only a supervisor overrides, and the override is recorded', async () => {
    const a = await account({ mfaBound: false });
    const { ticket } = await appealInReview(a.uin);
    await reviewFiles(ticket.id);
    const blocked = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: 'ok' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('APPROVAL_BLOCKED');
    expect(blocked.body.blockers).toEqual([
      expect.objectContaining({ code: 'precondition_failed', precondition: 'mfa_bound', overridable: true }),
    ]);
    expect(blocked.body.blockers[0].detail['zh-CN']).toMatch(/MFA/);
    const reason = '客户来电核实，设备记录有误，主管确认';
    expect(
      (
        await agent.client
          .post(`/api/tickets/${ticket.id}/decision`)
          .send({ decision: 'approve', message: 'ok', override: true, overrideReason: reason })
      ).status,
    ).toBe(403);
    expect(
      (await supervisor.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: 'ok', override: true }))
        .status,
    ).toBe(400);
    const overridden = await supervisor.client
      .post(`/api/tickets/${ticket.id}/decision`)
      .send({ decision: 'approve', message: 'ok', override: true, overrideReason: reason });
    expect(overridden.status).toBe(202);
    expect((await admin.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true })).status).toBe(200);
    const decided = await t.db.event.findFirstOrThrow({ where: { ticketId: ticket.id, type: 'ticket.decided' } });
    expect(decided.reason).toBe(reason);
    expect(decided.data).toMatchObject({
      overridden: ['precondition_failed'],
      proposedBy: supervisor.agent.id,
      confirmedBy: admin.agent.id,
    });
  });

  it('rule: what the checks cannot judge (a covered or cropped card) the agent rejects, and that blocks approval — blocks approval while a file is rejected by the agent', async () => {
    const a = await account();
    const { ticket } = await appealInReview(a.uin);
    const evidence = await t.db.evidence.findFirstOrThrow({ where: { ticketId: ticket.id, current: true } });
    expect((await agent.client.put(`/api/evidence/${evidence.id}`).send({ verdict: 'rejected' })).status).toBe(400);
    const verdict = await agent.client.put(`/api/evidence/${evidence.id}`).send({ verdict: 'rejected', reasonCode: 'illegible' });
    expect(verdict.status).toBe(200);
    const slot = await t.db.materialSlot.findUniqueOrThrow({ where: { id: evidence.slotId } });
    expect(slot).toMatchObject({ verdict: 'rejected', reasonCode: 'illegible' });
    const blocked = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: 'ok' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.blockers.map((b: { code: string }) => b.code)).toContain('material_rejected');
  });

  it('rule: approving a reused-number release removes it from every account that holds it and tells their security email — releases a reused phone from every account that holds it, and tells each owner', async () => {
    const phone = '13655556666';
    const holders = [
      await account({ securityPhone: phone }),
      await account({ securityPhone: phone }),
      await account({ securityPhone: phone }),
    ];
    const bystander = await account({ securityPhone: '13700000000' });
    const payload = {
      kind: 'reused_phone_unbind',
      subjectType: 'personal',
      fields: { phone, applicantName: '李娜', applicantIdNumber: adultId },
      contact: { name: '李娜', email: 'li.na@example.cn' },
    };
    const filed = await request(t.app)
      .post('/api/public/appeals')
      .field('payload', JSON.stringify(payload))
      .attach('applicant_id_front', front)
      .attach('applicant_id_back', back)
      .attach('phone_ownership_proof', await rearCameraPhoto(files));
    expect(filed.status).toBe(201);
    expect(filed.body.checklist.complete).toBe(true);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    await agent.client.post(`/api/tickets/${ticket.id}/transition`).send({ to: 'in_review' }).expect(200);
    await agent.client.post(`/api/tickets/${ticket.id}/assign`).send({ agentId: agent.agent.id }).expect(200);
    await reviewFiles(ticket.id);
    const res = await proposeAndConfirm(ticket.id, '号码已释放');
    expect(res.status).toBe(200);
    for (const h of holders) expect((await t.db.account.findUniqueOrThrow({ where: { id: h.id } })).securityPhone).toBeNull();
    expect((await t.db.account.findUniqueOrThrow({ where: { id: bystander.id } })).securityPhone).toBe('13700000000');
    const told = await t.db.notification.findMany({ where: { recipient: { in: holders.map((h) => h.securityEmail!) } } });
    expect(told).toHaveLength(3);
    expect(told[0]!.body).toContain('136****6666');
  });
});

describe('GET /api/tickets/:id/review', () => {
  it('puts declared fields beside the account record and evaluates the preconditions', async () => {
    const a = await account({ realName: '张伟', balanceCents: 0 });
    const { ticket } = await appealInReview(a.uin, { realName: '张卫' });
    const res = await agent.client.get(`/api/tickets/${ticket.id}/review`);
    expect(res.status).toBe(200);
    const byField = Object.fromEntries(res.body.comparison.map((c: { field: string; result: string }) => [c.field, c.result]));
    expect(byField).toMatchObject({ accountId: 'match', realName: 'mismatch', idNumber: 'match' });
    expect(JSON.stringify(res.body)).not.toContain(adultId);
    expect(res.body.preconditions.map((p: { code: string; ok: boolean }) => [p.code, p.ok])).toEqual(
      expect.arrayContaining([['mfa_bound', true]]),
    );
    expect(res.body.summary.mismatches).toBe(1);
  });
});

describe('GET /api/files/:id and /preview', () => {
  it('serves the original only as an audited attachment that browsers will not sniff or cache', async () => {
    const a = await account();
    const { ticket } = await appealInReview(a.uin);
    const evidence = await t.db.evidence.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect((await request(t.app).get(`/api/files/${evidence.id}`)).status).toBe(401);
    const res = await agent.client.get(`/api/files/${evidence.id}`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(
      Buffer.compare(res.body as Buffer, fs.readFileSync(front)) === 0 || Buffer.compare(res.body as Buffer, fs.readFileSync(back)) === 0,
    ).toBe(true);
    const audit = await t.db.event.findMany({ where: { ticketId: ticket.id, type: 'evidence.downloaded' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.agentId).toBe(agent.agent.id);
    expect(audit[0]!.data).toMatchObject({ evidenceId: evidence.id, slotKey: expect.stringMatching(/^applicant_id_/) });
  });

  it("gives a resized preview without the photo's metadata, also audited", async () => {
    const a = await account();
    const { ticket, token } = await appealInReview(a.uin);
    const withExif = await rearCameraPhoto(files);
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const up = await request(t.app)
      .post(`/api/public/appeals/${ticket.reference}/evidence`)
      .set('Authorization', `Bearer ${token}`)
      .attach('applicant_id_front', withExif);
    expect(up.status).toBe(200);
    const evidence = await t.db.evidence.findFirstOrThrow({
      where: { ticketId: ticket.id, current: true, slot: { slotKey: 'applicant_id_front' } },
    });
    const res = await agent.client.get(`/api/files/${evidence.id}/preview`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(res.body as Buffer).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1600);
    expect(meta.exif).toBeUndefined();
    expect(await t.db.event.count({ where: { ticketId: ticket.id, type: 'evidence.viewed' } })).toBe(1);
  });

  it('never takes a path: ids only', async () => {
    for (const url of ['/api/files/..%2F..%2Fetc%2Fpasswd', '/api/files/1.jpg', '/api/files/%00']) {
      const res = await agent.client.get(url);
      expect([400, 404]).toContain(res.status);
    }
  });
});

describe('bulk actions', () => {
  it('moves several tickets at once and reports the ones the table refuses', async () => {
    const a = await account();
    const one = await appealInReview(a.uin);
    const filed = await request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
    const fresh = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    const res = await agent.client.post('/api/tickets/bulk/transition').send({ ids: [fresh.id, one.ticket.id], to: 'triage' });
    expect(res.status).toBe(200);
    expect(res.body.done).toEqual([fresh.id, one.ticket.id]);
    const again = await agent.client.post('/api/tickets/bulk/transition').send({ ids: [fresh.id], to: 'approved' });
    expect(again.body.failed).toEqual([{ id: fresh.id, code: 'ILLEGAL_TRANSITION', message: expect.any(String) }]);
  });

  it('assigns in bulk: an agent only to themselves, a supervisor to anyone', async () => {
    const filed = await request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    const toOther = await agent.client.post('/api/tickets/bulk/assign').send({ ids: [ticket.id], agentId: supervisor.agent.id });
    expect(toOther.body.failed[0].code).toBe('FORBIDDEN');
    const bySupervisor = await supervisor.client.post('/api/tickets/bulk/assign').send({ ids: [ticket.id], agentId: agent.agent.id });
    expect(bySupervisor.body.done).toEqual([ticket.id]);
  });
});

describe('holidays and the SLA clock', () => {
  it('admins keep the holiday list, and new tickets skip those days', async () => {
    expect((await agent.client.post('/api/holidays').send({ day: '2031-01-01', name: '元旦' })).status).toBe(403);
    const made = await admin.client.post('/api/holidays').send({ day: '2030-10-01', name: '国庆节' });
    expect(made.status).toBe(201);
    await admin.client.post('/api/holidays').send({ day: '2030-10-02', name: '国庆节' }).expect(201);
    // Monday 30 September 2030 + 3 business days, skipping the holidays on 1 and 2 October and the weekend:
    // Thursday 3 (1), Friday 4 (2), Monday 7 October (3). Without the holidays it would be Thursday 3.
    const { createTicket } = await import('../../server/src/tickets/createTicket');
    const created = await createTicket(
      t.db,
      { ...mfaUnbindPayload(), submittedAt: new Date('2030-09-30T02:00:00Z'), by: { actorType: 'customer' } },
      t.config.identityHashKey,
    );
    expect(created.slaDueAt.toISOString().slice(0, 10)).toBe('2030-10-07');
  });
});

describe('macros with placeholders', () => {
  it('fills the contact name, reference and status link from the ticket', async () => {
    const macro = await admin.client.post('/api/macros').send({
      name: 'ask.back',
      titleZh: '补充',
      titleEn: 'More',
      bodyZh: '{{contactName}}您好，工单 {{reference}}：{{statusLink}}',
      bodyEn: 'Hello {{contactName}}, {{reference}}: {{statusLink}} {{unknown}}',
    });
    const filed = await request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    const res = await agent.client.get(`/api/macros/${macro.body.id}/render`).query({ ticketId: ticket.id });
    expect(res.body.bodyZh).toBe(`张伟您好，工单 ${ticket.reference}：https://help.example.cn/appeal/status?ref=${ticket.reference}`);
    expect(res.body.bodyEn).toContain('{{unknown}}');
  });
});

describe('replies and notes', () => {
  it('a public reply reaches the customer; an internal note never does', async () => {
    const filed = await request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload()));
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    const before = await t.db.notification.count({ where: { ticketId: ticket.id } });
    await agent.client.post('/api/messages').send({ ticketId: ticket.id, kind: 'internal_note', body: '内部：疑似冒用' }).expect(201);
    expect(await t.db.notification.count({ where: { ticketId: ticket.id } })).toBe(before);
    await agent.client.post('/api/messages').send({ ticketId: ticket.id, kind: 'public_reply', body: '已收到，正在审核' }).expect(201);
    expect(await t.db.notification.count({ where: { ticketId: ticket.id } })).toBeGreaterThan(before);
    const view = await request(t.app)
      .get(`/api/public/appeals/${ticket.reference}`)
      .set('Authorization', `Bearer ${filed.body.accessToken}`);
    expect(view.body.messages.map((m: { body: string }) => m.body)).toEqual(['已收到，正在审核']);
  });
});

describe('roles', () => {
  it.each([
    ['post', '/api/rejection-reasons', { code: 'x_reason', labelZh: '原因', labelEn: 'Reason' }],
    ['post', '/api/holidays', { day: '2032-01-01', name: 'x' }],
    ['post', '/api/macros', { name: 'x', titleZh: 'x', titleEn: 'x', bodyZh: 'x', bodyEn: 'x' }],
    ['post', '/api/agents', { email: 'x@test.example', name: 'x', role: 'agent', password: 'long enough password' }],
  ] as const)('an agent and a supervisor get 403 on %s %s; an admin may', async (method, url, body) => {
    expect((await agent.client[method](url).send(body)).status).toBe(403);
    expect((await supervisor.client[method](url).send(body)).status).toBe(403);
    expect((await admin.client[method](url).send(body)).status).toBe(201);
  });
});

describe('GET /api/stats/overview', () => {
  it('reports decisions per day, the median time to decision and the load per agent', async () => {
    const res = await agent.client.get('/api/stats/overview');
    expect(res.body.decisionsPerDay).toHaveLength(30);
    const today = res.body.decisionsPerDay[29];
    expect(today.approved + today.rejected).toBeGreaterThan(0);
    expect(res.body.medianHoursToDecision).toEqual(expect.any(Number));
    expect(Array.isArray(res.body.loadPerAgent)).toBe(true);
  });

  it('counts exactly what the tickets say, whichever database aggregates it', async () => {
    // Decisions spread over days and durations, so that the per-day split and the median are both exercised.
    const some = await t.db.ticket.findMany({ take: 7, orderBy: { id: 'asc' } });
    for (const [i, ticket] of some.entries()) {
      const decidedAt = new Date(Date.now() - i * 2 * 86_400_000 - 3_600_000);
      await t.db.ticket.update({
        where: { id: ticket.id },
        data: {
          decidedAt,
          submittedAt: new Date(decidedAt.getTime() - (i + 1) * 5 * 3_600_000),
          decision: i % 3 === 0 ? 'reject' : 'approve',
        },
      });
    }
    // The last 30 desk days, today's included (docs/calendar.md).
    const since = deskDayBounds(shiftDeskDay(deskDay(new Date()), -29)).start;
    const decided = (await t.db.ticket.findMany({ where: { decidedAt: { gte: since } } })).filter((d) => d.decidedAt);
    const hours = decided.map((d) => (d.decidedAt!.getTime() - d.submittedAt.getTime()) / 3_600_000).sort((a, b) => a - b);
    const res = await agent.client.get('/api/stats/overview');
    expect(res.body.medianHoursToDecision).toBe(Math.round(hours[Math.floor(hours.length / 2)]! * 10) / 10);
    for (const day of res.body.decisionsPerDay as { day: string; approved: number; rejected: number }[]) {
      const that = decided.filter((d) => deskDay(d.decidedAt!) === day.day);
      const rejected = that.filter((d) => d.decision === 'reject' || d.status === 'rejected').length;
      expect(day, day.day).toEqual({ day: day.day, approved: that.length - rejected, rejected });
    }
  });
});
