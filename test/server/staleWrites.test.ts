import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourIdCard } from '../fixtures/evidence';
import { fileAppeal, makeAccount, readyToDecide, type Client } from './support/desk';
import { adultId } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// Issue 14: a page opened before someone else changed the ticket must not act on what it no longer shows.

let t: TestApp;
let front: string;
let back: string;
let agent: Client;
let supervisor: Client;
let secondSupervisor: Client;

const mfaPayload = (uin: string) => ({
  kind: 'mfa_unbind',
  subjectType: 'personal',
  fields: { loginAccount: uin, accountId: uin, realName: '张伟', idNumber: adultId, currentPhone: '13800001111' },
  contact: { name: '张伟', email: 'zhang.wei@example.cn' },
});
const photos = () => ({ applicant_id_front: front, applicant_id_back: back });
const reject = { decision: 'reject', reasonCode: 'subject_mismatch', message: '申请主体与账号实名主体不一致' };

/** A ticket in review, assigned to `agent`, every file accepted; and the version its page shows now. */
async function inReview() {
  const a = await makeAccount(t);
  const { ticket, token } = await readyToDecide(t, agent, mfaPayload(a.uin), photos());
  const page = await agent.client.get(`/api/tickets/${ticket.id}`).expect(200);
  return { id: ticket.id, reference: ticket.reference, token, version: page.body.version as number };
}

/** What a write left behind: public replies, notices queued and events written on the ticket. */
async function trail(ticketId: number) {
  const [replies, notices, events] = await Promise.all([
    t.db.message.count({ where: { ticketId, kind: 'public_reply' } }),
    t.db.notification.count({ where: { ticketId } }),
    t.db.event.count({ where: { ticketId } }),
  ]);
  return { replies, notices, events };
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: 'https://help.example.cn' });
  const dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  front = await colourIdCard(dir, { variant: 1 });
  back = await colourIdCard(dir, { variant: 2 });
  agent = await signedInAs(t, 'agent');
  supervisor = await signedInAs(t, 'supervisor');
  secondSupervisor = await signedInAs(t, 'supervisor');
});
afterAll(() => t.close());

describe('a write from a page that read an older version of the ticket', () => {
  it('a reply sent from a page opened before the supervisor rejected the ticket is refused with 409 STALE and reaches no customer', async () => {
    const { id, version } = await inReview();
    await supervisor.client
      .post(`/api/tickets/${id}/decision`)
      .send({ ...reject, version })
      .expect(200);
    const before = await trail(id);

    const res = await agent.client.post('/api/messages').send({ ticketId: id, kind: 'public_reply', body: '您的申诉正在审核中', version });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE');
    expect(res.body.ticket).toMatchObject({ id, status: 'rejected' });
    expect(res.body.ticket.version).toBeGreaterThan(version);
    expect(await trail(id)).toEqual(before);
    expect(await t.db.message.count({ where: { ticketId: id, body: '您的申诉正在审核中' } })).toBe(0);
  });

  it('a decision from a stale page is refused and the ticket stays as the other person left it', async () => {
    const { id, version } = await inReview();
    // The supervisor asks the customer for a file meanwhile: the agent's page still shows the ticket in review.
    await supervisor.client
      .post(`/api/tickets/${id}/request-materials`)
      .send({ slots: ['applicant_id_front'], message: '请重新上传身份证正面', version })
      .expect(200);
    await supervisor.client.post(`/api/tickets/${id}/transition`).send({ to: 'in_review' }).expect(200);
    const before = await trail(id);

    const res = await agent.client.post(`/api/tickets/${id}/decision`).send({ ...reject, version });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE');
    expect(res.body.ticket.status).toBe('in_review');
    expect(await trail(id)).toEqual(before);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id } })).decision).toBeNull();

    // Read again, the same decision goes through.
    await agent.client
      .post(`/api/tickets/${id}/decision`)
      .send({ ...reject, version: res.body.ticket.version })
      .expect(200);
  });

  it('every other write of the console is refused from a stale page, changing nothing', async () => {
    const { id, version } = await inReview();
    await agent.client.post('/api/messages').send({ ticketId: id, kind: 'internal_note', body: '已核对', version }).expect(201);
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    const before = await trail(id);
    const attempts = [
      agent.client.post(`/api/tickets/${id}/transition`).send({ to: 'awaiting_customer', version }),
      agent.client.post(`/api/tickets/${id}/request-materials`).send({ slots: ['applicant_id_front'], message: '请重新上传', version }),
      agent.client.post(`/api/tickets/${id}/assign`).send({ agentId: null, version }),
      agent.client.put(`/api/tickets/${id}`).send({ priority: 'high', version }),
      agent.client.post('/api/messages').send({ ticketId: id, kind: 'internal_note', body: '再记一笔', version }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.code).toBe('STALE');
    }
    expect(await trail(id)).toEqual(before);
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id } })).toEqual(row);
  });

  it('a verdict on a file from a page read before someone moved the ticket is refused', async () => {
    const { id, version } = await inReview();
    await supervisor.client.post(`/api/tickets/${id}/transition`).send({ to: 'awaiting_customer', reason: '等待客户补充' }).expect(200);
    const file = await t.db.evidence.findFirstOrThrow({ where: { ticketId: id, current: true } });
    const before = await trail(id);
    const res = await agent.client.put(`/api/evidence/${file.id}`).send({ verdict: 'rejected', reasonCode: 'illegible', version });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.code).toBe('STALE');
    expect(await trail(id)).toEqual(before);
    expect((await t.db.evidence.findUniqueOrThrow({ where: { id: file.id } })).verdict).toBe('accepted');
  });

  it('a bulk action acts on the tickets as the list showed them: one changed since fails as STALE, the others go ahead', async () => {
    const changed = await inReview();
    const same = await inReview();
    await supervisor.client.put(`/api/tickets/${changed.id}`).send({ priority: 'urgent' }).expect(200);
    const versions = { [changed.id]: changed.version, [same.id]: same.version };
    const res = await supervisor.client
      .post('/api/tickets/bulk/assign')
      .send({ ids: [changed.id, same.id], agentId: null, versions })
      .expect(200);
    expect(res.body.done).toEqual([same.id]);
    expect(res.body.failed).toEqual([expect.objectContaining({ id: changed.id, code: 'STALE' })]);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: changed.id } })).assigneeId).toBe(agent.agent.id);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: same.id } })).assigneeId).toBeNull();

    const again = await inReview();
    const moved = await supervisor.client
      .post('/api/tickets/bulk/transition')
      .send({
        ids: [again.id, changed.id],
        to: 'awaiting_customer',
        reason: '等待客户',
        versions: { [again.id]: again.version, [changed.id]: changed.version },
      })
      .expect(200);
    expect(moved.body.done).toEqual([again.id]);
    expect(moved.body.failed.map((f: { code: string }) => f.code)).toEqual(['STALE']);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: changed.id } })).status).toBe('in_review');
  });

  it('a confirmation from a page read before the proposal was sent back and proposed again is refused', async () => {
    const { id } = await inReview();
    const proposed = await supervisor.client
      .post(`/api/tickets/${id}/decision`)
      .send({ decision: 'approve', message: '已核实，解绑 MFA' })
      .expect(202);
    const stalePage = proposed.body.version as number;
    const back = await secondSupervisor.client
      .post(`/api/tickets/${id}/decision/confirm`)
      .send({ approve: false, note: '再核对一下', version: stalePage })
      .expect(200);
    await supervisor.client
      .post(`/api/tickets/${id}/decision`)
      .send({ decision: 'approve', message: '已核实，解绑 MFA', version: back.body.version })
      .expect(202);

    const res = await secondSupervisor.client.post(`/api/tickets/${id}/decision/confirm`).send({ approve: true, version: stalePage });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE');
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id } })).status).toBe('approval_pending');
  });

  it('two decisions sent together from the same page: exactly one is made', async () => {
    const { id, version } = await inReview();
    const sent = await Promise.all([
      agent.client.post(`/api/tickets/${id}/decision`).send({ ...reject, version }),
      supervisor.client.post(`/api/tickets/${id}/decision`).send({ ...reject, message: '主体不一致，请重新提交', version }),
    ]);
    expect(sent.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await t.db.event.count({ where: { ticketId: id, type: 'ticket.decided' } })).toBe(1);
    expect(await t.db.message.count({ where: { ticketId: id, kind: 'public_reply' } })).toBe(1);
  });

  it('two replies sent together from the same page: one reaches the customer', async () => {
    const { id, version } = await inReview();
    const sent = await Promise.all(
      [1, 2].map((n) => agent.client.post('/api/messages').send({ ticketId: id, kind: 'public_reply', body: `第${n}次回复`, version })),
    );
    expect(sent.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.db.message.count({ where: { ticketId: id, kind: 'public_reply' } })).toBe(1);
  });

  it('without a version a write goes ahead as before', async () => {
    const { id } = await inReview();
    await agent.client.post('/api/messages').send({ ticketId: id, kind: 'public_reply', body: '请稍候' }).expect(201);
    await agent.client.post(`/api/tickets/${id}/decision`).send(reject).expect(200);
  });
});

describe('the version counts every change', () => {
  const versionOf = async (id: number) => (await t.db.ticket.findUniqueOrThrow({ where: { id } })).version;
  const bumps = async (id: number, change: () => Promise<unknown>) => {
    const before = await versionOf(id);
    await change();
    expect(await versionOf(id)).toBeGreaterThan(before);
  };

  it("agents' moves, assignment, edits, replies, notes, requests, verdicts and decisions, and the customer's replies, uploads and withdrawal", async () => {
    const a = await makeAccount(t);
    const filed = await fileAppeal(t, mfaPayload(a.uin), photos());
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const { id, reference } = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    const token = filed.body.accessToken as string;
    const pub = (p: string) => request(t.app).post(`/api/public/appeals/${reference}${p}`).set('Authorization', `Bearer ${token}`);

    await bumps(id, () => agent.client.post(`/api/tickets/${id}/assign`).send({ agentId: agent.agent.id }).expect(200));
    await bumps(id, () => agent.client.post(`/api/tickets/${id}/transition`).send({ to: 'in_review' }).expect(200));
    await bumps(id, () => agent.client.put(`/api/tickets/${id}`).send({ priority: 'high' }).expect(200));
    await bumps(id, () => agent.client.post('/api/messages').send({ ticketId: id, kind: 'internal_note', body: '已核对' }).expect(201));
    await bumps(id, () => agent.client.post('/api/messages').send({ ticketId: id, kind: 'public_reply', body: '正在审核' }).expect(201));
    await bumps(id, () =>
      agent.client
        .post(`/api/tickets/${id}/request-materials`)
        .send({ slots: ['applicant_id_front'], message: '请重新上传' })
        .expect(200),
    );
    await bumps(id, () => pub('/messages').send({ body: '好的，马上上传' }).expect(201));
    await bumps(id, () => pub('/evidence').attach('applicant_id_front', front).expect(200));
    const files = await t.db.evidence.findMany({ where: { ticketId: id, current: true } });
    for (const e of files) await bumps(id, () => agent.client.put(`/api/evidence/${e.id}`).send({ verdict: 'accepted' }).expect(200));
    await bumps(id, () => agent.client.post(`/api/tickets/${id}/transition`).send({ to: 'in_review' }).expect(200));
    await bumps(id, () =>
      supervisor.client.post(`/api/tickets/${id}/decision`).send({ decision: 'approve', message: '已核实' }).expect(202),
    );
    await bumps(id, () =>
      secondSupervisor.client.post(`/api/tickets/${id}/decision/confirm`).send({ approve: false, note: '再看看' }).expect(200),
    );
    await bumps(id, () => pub('/withdraw').send().expect(200));

    // What the console reads carries it.
    const page = await agent.client.get(`/api/tickets/${id}`).expect(200);
    expect(page.body.version).toBe(await versionOf(id));
    const list = await agent.client.get(`/api/tickets?filter=${encodeURIComponent(JSON.stringify({ id: [id] }))}`).expect(200);
    expect(list.body[0].version).toBe(page.body.version);
  });
});
