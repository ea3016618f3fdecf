import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../server/src/generated/prisma/client';
import { colourIdCard } from '../fixtures/evidence';
import { fileAppeal, makeAccount, readyToDecide, type Client } from './support/desk';
import { adultId } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// Seed 002 "审核期间您可以撤销申请": POST /api/public/appeals/:reference/withdraw with the appeal's access token.

let t: TestApp;
let front: string;
let back: string;
let agent: Client;
let supervisor: Client;

beforeAll(async () => {
  // Behind a proxy on this host, so that a test can be a client address of its own.
  t = await createTestApp({ TRUST_PROXY: 'loopback' });
  const dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  front = await colourIdCard(dir, { variant: 1 });
  back = await colourIdCard(dir, { variant: 2 });
  agent = await signedInAs(t, 'agent');
  supervisor = await signedInAs(t, 'supervisor');
});
afterAll(() => t.close());

let contactSeq = 0;
const mfaPayload = (uin: string) => {
  contactSeq += 1;
  return {
    kind: 'mfa_unbind',
    subjectType: 'personal',
    fields: { loginAccount: uin, accountId: uin, realName: '张伟', idNumber: adultId, currentPhone: '13800001111' },
    contact: { name: '张伟', email: `withdraw${contactSeq}@example.cn` },
  };
};
const photos = () => ({ applicant_id_front: front, applicant_id_back: back });

/** An appeal in review with every file accepted: ready to decide, or to withdraw. */
async function inReview() {
  const a = await makeAccount(t);
  const ready = await readyToDecide(t, agent, mfaPayload(a.uin), photos());
  return { ...ready, account: a };
}

const withdraw = (reference: string, token: string | null) => {
  const req = request(t.app).post(`/api/public/appeals/${reference}/withdraw`);
  return token === null ? req : req.set('Authorization', `Bearer ${token}`);
};
const statusOf = (reference: string, token: string | null) => {
  const req = request(t.app).get(`/api/public/appeals/${reference}`);
  return token === null ? req : req.set('Authorization', `Bearer ${token}`);
};
const reload = (ticket: Ticket) => t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
const withdrawnEvents = (ticket: Ticket) => t.db.event.findMany({ where: { ticketId: ticket.id, type: 'appeal.withdrawn' } });

describe('POST /api/public/appeals/:reference/withdraw', () => {
  const reach: Record<string, (ticket: Ticket) => Promise<unknown>> = {
    new: async () => undefined,
    triage: (ticket) => agent.client.post(`/api/tickets/${ticket.id}/transition`).send({ to: 'triage' }).expect(200),
    in_review: (ticket) => agent.client.post(`/api/tickets/${ticket.id}/transition`).send({ to: 'in_review' }).expect(200),
    awaiting_customer: async (ticket) => {
      await agent.client.post(`/api/tickets/${ticket.id}/transition`).send({ to: 'in_review' }).expect(200);
      await agent.client
        .post(`/api/tickets/${ticket.id}/request-materials`)
        .send({ slots: ['applicant_id_back'], message: '请重新上传反面照片' })
        .expect(200);
    },
  };

  it.each(Object.keys(reach))('rule: the customer may withdraw while under review (%s)', async (status) => {
    const a = await makeAccount(t);
    const payload = mfaPayload(a.uin);
    const filed = await fileAppeal(t, payload, photos());
    expect(filed.status).toBe(201);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
    await agent.client.post(`/api/tickets/${ticket.id}/assign`).send({ agentId: agent.agent.id }).expect(200);
    await reach[status]!(ticket);
    expect((await reload(ticket)).status).toBe(status);
    // Overdue already: once withdrawn, the clock stops and nobody is told it is late.
    await t.db.ticket.update({ where: { id: ticket.id }, data: { slaDueAt: new Date(Date.now() - 86_400_000) } });

    const res = await withdraw(filed.body.reference, filed.body.accessToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ reference: filed.body.reference, status: 'withdrawn', mayWithdraw: false, acceptsFiles: false });

    const after = await reload(ticket);
    expect(after.status).toBe('withdrawn');
    expect(after.closedAt).not.toBeNull();
    const events = await withdrawnEvents(ticket);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'customer', agentId: null, fromStatus: status, toStatus: 'withdrawn' });

    // The customer gets a confirmation on the contact channel.
    const told = await t.db.notification.findMany({
      where: { ticketId: ticket.id, recipient: payload.contact.email, subject: { contains: '已撤销' } },
    });
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain(filed.body.reference);

    // The desk sees it withdrawn, not overdue; it can be neither decided nor sent more files.
    const desk = await agent.client.get(`/api/tickets/${ticket.id}`).expect(200);
    expect(desk.body).toMatchObject({ status: 'withdrawn', overdue: false });
    expect(
      (
        await agent.client
          .post(`/api/tickets/${ticket.id}/decision`)
          .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: '不通过' })
      ).status,
    ).toBe(409);
    const upload = await request(t.app)
      .post(`/api/public/appeals/${filed.body.reference}/evidence`)
      .set('Authorization', `Bearer ${filed.body.accessToken}`)
      .attach('applicant_id_back', back);
    expect(upload.status).toBe(409);
  });

  it('rule: withdrawing a pending approval cancels the proposal, and it can no longer be confirmed', async () => {
    const { ticket, token, account } = await inReview();
    expect((await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' })).status).toBe(
      202,
    );
    const seen = await statusOf(ticket.reference, token).expect(200);
    // To the customer a pending approval is still under review, and may still be withdrawn.
    expect(seen.body).toMatchObject({ status: 'in_review', mayWithdraw: true });

    const res = await withdraw(ticket.reference, token);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    const after = await reload(ticket);
    expect([after.status, after.proposal, after.proposedById, after.proposedAt]).toEqual(['withdrawn', null, null, null]);
    const [event] = await withdrawnEvents(ticket);
    expect(event).toMatchObject({ fromStatus: 'approval_pending', data: { proposalCancelled: true, proposedBy: agent.agent.id } });

    const confirm = await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true });
    expect(confirm.status).toBe(409);
    expect(await t.db.account.findUniqueOrThrow({ where: { id: account.id } })).toEqual(account);
  });

  it('rule: a decided appeal cannot be withdrawn (approved, rejected, closed)', async () => {
    const rejected = await inReview();
    await agent.client
      .post(`/api/tickets/${rejected.ticket.id}/decision`)
      .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: '不通过' })
      .expect(200);
    const approved = await inReview();
    await agent.client.post(`/api/tickets/${approved.ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' }).expect(202);
    await supervisor.client.post(`/api/tickets/${approved.ticket.id}/decision/confirm`).send({ approve: true }).expect(200);
    const closed = await inReview();
    await agent.client
      .post(`/api/tickets/${closed.ticket.id}/decision`)
      .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: '不通过' })
      .expect(200);
    await agent.client.post(`/api/tickets/${closed.ticket.id}/transition`).send({ to: 'closed' }).expect(200);

    for (const [c, status, code] of [
      [rejected, 'rejected', 'APPEAL_DECIDED'],
      [approved, 'approved', 'APPEAL_DECIDED'],
      [closed, 'closed', 'APPEAL_CLOSED'],
    ] as const) {
      const view = await statusOf(c.ticket.reference, c.token).expect(200);
      expect(view.body.mayWithdraw, status).toBe(false);
      const res = await withdraw(c.ticket.reference, c.token);
      expect(res.status, status).toBe(409);
      expect(res.body.code, status).toBe(code);
      expect((await reload(c.ticket)).status).toBe(status);
      expect(await withdrawnEvents(c.ticket)).toHaveLength(0);
    }
  });

  it('rule: withdrawing again answers 200 with the same state and writes nothing more', async () => {
    const { ticket, token } = await inReview();
    const first = await withdraw(ticket.reference, token);
    expect(first.status).toBe(200);
    const again = await Promise.all(Array.from({ length: 5 }, () => withdraw(ticket.reference, token)));
    for (const r of again) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(first.body);
    }
    expect(await withdrawnEvents(ticket)).toHaveLength(1);
    expect(await t.db.notification.count({ where: { ticketId: ticket.id, subject: { contains: '已撤销' } } })).toBe(1);
  });

  it('rule: a wrong or missing token cannot withdraw, and answers exactly as the status route does', async () => {
    const { ticket, token } = await inReview();
    const cases: [string, string | null][] = [
      [ticket.reference, 'x'.repeat(32)],
      [ticket.reference, null],
      ['AP-20200101-9999', token],
      ['not-a-reference', token],
    ];
    for (const [reference, presented] of cases) {
      const w = await withdraw(reference, presented);
      const s = await statusOf(reference, presented);
      expect(w.status, `${reference} ${presented}`).toBe(404);
      expect([w.status, w.body]).toEqual([s.status, s.body]);
    }
    expect((await reload(ticket)).status).toBe('in_review');
    expect(await withdrawnEvents(ticket)).toHaveLength(0);
  });

  it('rule: a withdrawal racing a decision: exactly one of them happens, the other gets 409', async () => {
    const tickets = await Promise.all(Array.from({ length: 6 }, () => inReview()));
    const reject = (ticket: Ticket) =>
      agent.client
        .post(`/api/tickets/${ticket.id}/decision`)
        .send({ decision: 'reject', reasonCode: 'subject_mismatch', message: '不通过' });
    // Half the pairs send the withdrawal first, half the decision; all at once.
    const answers = await Promise.all(
      tickets.map(({ ticket, token }, i) =>
        i % 2
          ? Promise.all([withdraw(ticket.reference, token), reject(ticket)])
          : Promise.all([reject(ticket), withdraw(ticket.reference, token)]).then(([decided, withdrawn]) => [withdrawn, decided] as const),
      ),
    );
    for (const [i, [withdrawn, decided]] of answers.entries()) {
      const ticket = tickets[i]!.ticket;
      expect([withdrawn!.status, decided!.status].sort(), `ticket ${i}`).toEqual([200, 409]);
      const after = await reload(ticket);
      const decisions = await t.db.event.count({ where: { ticketId: ticket.id, type: 'ticket.decided' } });
      if (withdrawn!.status === 200) {
        expect([after.status, decisions, after.decision]).toEqual(['withdrawn', 0, null]);
      } else {
        expect(withdrawn!.body.code).toBe('APPEAL_DECIDED');
        expect([after.status, decisions, (await withdrawnEvents(ticket)).length]).toEqual(['rejected', 1, 0]);
      }
    }
  });

  it('rule: a withdrawal racing the confirmation of a pending approval: never both', async () => {
    const tickets = await Promise.all(Array.from({ length: 4 }, () => inReview()));
    for (const { ticket } of tickets)
      await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' }).expect(202);
    const answers = await Promise.all(
      tickets.map(({ ticket, token }) =>
        Promise.all([
          withdraw(ticket.reference, token),
          supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true }),
        ]),
      ),
    );
    for (const [i, [withdrawn, confirmed]] of answers.entries()) {
      const { ticket, account } = tickets[i]!;
      expect([withdrawn!.status, confirmed!.status].sort()).toEqual([200, 409]);
      const after = await reload(ticket);
      const changed = await t.db.account.findUniqueOrThrow({ where: { id: account.id } });
      if (withdrawn!.status === 200) expect([after.status, changed.mfaBound]).toEqual(['withdrawn', true]);
      else expect([after.status, changed.mfaBound]).toEqual(['approved', false]);
    }
  });

  it('rule: withdrawal is rate-limited per address like the other public writes', async () => {
    const limited = await createTestApp({ APPEALS_PER_HOUR: '2', TRUST_PROXY: 'loopback' });
    try {
      const a = await makeAccount(limited);
      const filed = await fileAppeal(limited, mfaPayload(a.uin), photos()).set('X-Forwarded-For', '198.51.100.1');
      expect(filed.status).toBe(201);
      const send = () =>
        request(limited.app)
          .post(`/api/public/appeals/${filed.body.reference}/withdraw`)
          .set('Authorization', `Bearer ${filed.body.accessToken}`)
          .set('X-Forwarded-For', '198.51.100.2');
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(200);
      const third = await send();
      expect(third.status).toBe(429);
      expect(third.body.code).toBe('RATE_LIMITED');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
